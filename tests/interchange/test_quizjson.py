"""Quiz JSON: exact round trips, validation with JSON paths, and documents from the models."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.interchange import (
    ArticleData,
    FactData,
    QuestionData,
    QuestionRecord,
    QuizDocument,
    document_from_quiz,
    export_quiz_json,
    parse_quiz_json,
)
from quizapp.models.content import Article, Choice, Fact, Question, Quiz, QuizQuestion
from tests.interchange.strategies import records

DATA = Path(__file__).parent.parent / "data" / "interchange"
TEXT = 'Denis Villeneuve directed "Dune: Part Two" — it opens March 1, 2024.'
VILLENEUVE = (0, 16)
DATE = (TEXT.index("March"), TEXT.index("March") + len("March 1, 2024"))

DOC = QuizDocument(
    title="Dune: Part Two quiz",
    slug="dune-part-two",
    description="Ten questions\nabout «Dune».",
    settings={"shuffle_options": True, "time_limit": None, "nested": {"a": [1, 2.5, "x"]}},
    published=True,
    article=ArticleData("Dune: Part Two", "https://example.org/dune?x=1&y=2", "2024-02-01", TEXT),
    facts=[
        FactData("director", "Dune: Part Two", "Denis Villeneuve", None, 0, *VILLENEUVE),
        FactData("release_date", "Dune: Part Two", "2024-03-01", "new", 0, *DATE, hedged=True),
    ],
    questions=[
        QuestionData(
            QuestionRecord(
                "multiple_choice",
                'Who directed "Dune: Part Two"?',
                (("Ridley Scott", False), ("Denis Villeneuve", True), ("David Lynch", False)),
                explanation="The article's first words.",
                difficulty=1,
            ),
            *VILLENEUVE,
            status="published",
            fact=0,
        ),
        QuestionData(
            QuestionRecord(
                "typed",
                "When does it open?",
                (("March 1, 2024", True),),
                ("March 1, 2024", "2024-03-01"),
                title="Date",
                category="Films",
                difficulty=3,
            ),
            *DATE,
            fact=1,
        ),
        QuestionData(
            QuestionRecord("true_false", "Is it a sequel?", (("True", True), ("False", False))),
            origin="authored",
        ),
    ],
)


def problems(document: dict[str, Any]) -> list[str]:
    parsed, found = parse_quiz_json(json.dumps(document, indent=2))
    assert parsed is None
    return [problem.message for problem in found]


def exported() -> dict[str, Any]:
    return json.loads(export_quiz_json(DOC))


def test_round_trip_is_exact() -> None:
    parsed, found = parse_quiz_json(export_quiz_json(DOC))
    assert found == []
    assert parsed == DOC
    assert parsed is not None and export_quiz_json(parsed) == export_quiz_json(DOC)


def test_export_matches_the_sample_file() -> None:
    # The sample pins version 1 of the format: changing it needs a new version.
    assert export_quiz_json(DOC) == (DATA / "quiz.json").read_text(encoding="utf-8")


def test_minimal_document_round_trips() -> None:
    doc = QuizDocument(title="Empty", slug="empty")
    assert parse_quiz_json(export_quiz_json(doc)) == (doc, [])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(), max_size=4), st.text(max_size=30))
def test_round_trip_property(generated: list[QuestionRecord], description: str) -> None:
    doc = replace(DOC, description=description, questions=[QuestionData(r) for r in generated])
    assert parse_quiz_json(export_quiz_json(doc)) == (doc, [])


def test_optional_question_fields_have_defaults() -> None:
    document = exported()
    document["questions"] = [{"kind": "typed", "prompt": "Who?", "accepted_answers": ["Ann"]}]
    parsed, found = parse_quiz_json(json.dumps(document))
    assert found == [] and parsed is not None
    assert parsed.questions == [
        QuestionData(QuestionRecord("typed", "Who?", (("Ann", True),), ("Ann",)), origin="authored")
    ]


def test_invalid_json_and_wrong_format() -> None:
    parsed, found = parse_quiz_json('{\n  "format": "quizapp-quiz",\n  "version": 1,\n}')
    assert parsed is None
    assert [str(p) for p in found] == [
        "line 4: invalid JSON: Expecting property name enclosed in double quotes (column 1)"
    ]
    assert problems({"format": "gift"}) == ['format: expected "quizapp-quiz"']
    assert problems({**exported(), "version": 2}) == ["version: only version 1 can be read"]
    assert problems([]) == ["expected an object, got a list"]  # type: ignore[arg-type]


def test_every_problem_is_reported_with_its_path() -> None:
    document = exported()
    document["title"] = 7
    document["published"] = "yes"
    document["article"]["published_on"] = "1 March 2024"
    document["facts"][0]["start"] = -1
    document["facts"][1]["end"] = len(TEXT) + 1
    document["facts"][1]["hedged"] = 1
    questions = document["questions"]
    questions[0]["choices"][1]["correct"] = "true"
    questions[0]["fact"] = 2
    questions[1]["evidence_end"] = None
    questions[1]["accepted_answers"] = ["ok", 3]
    questions[2]["status"] = "retired"
    questions[2]["choices"] = [{"text": "True", "correct": True}, "False"]
    questions.append({"kind": "multiple_choice", "prompt": "", "choices": []})
    questions.append(None)
    assert problems(document) == [
        "title: expected a string, got an integer",
        "published: expected true or false, got a string",
        "article.published_on: expected a date as YYYY-MM-DD",
        "facts[0].start: span -1..16 is not within the article (0..68)",
        "facts[1].hedged: expected true or false, got an integer",
        f"facts[1].start: span {DATE[0]}..69 is not within the article (0..68)",
        "questions[0].choices[1].correct: expected true or false, got a string",
        "questions[0]: a question needs exactly one right answer, this one has 0",
        "questions[0].fact: no fact 2 (there are 2)",
        "questions[1].accepted_answers: expected a list of strings",
        "questions[1]: a typed question needs at least one accepted answer",
        "questions[1].evidence_start: evidence_start and evidence_end are both null or both set",
        "questions[2].choices[1]: expected an object, got a string",
        'questions[2]: a true/false question has exactly the options "True" and "False"',
        "questions[2].status: expected one of draft, published, rejected, archived",
        "questions[3]: the question text is empty",
        "questions[3]: a multiple-choice question needs 2 to 6 options, this one has 0",
        "questions[3]: a question needs exactly one right answer, this one has 0",
        "questions[4]: expected an object, got null",
    ]


def test_problem_lines_point_at_the_entries() -> None:
    document = exported()
    document["questions"][2]["difficulty"] = 5
    text = json.dumps(document, indent=2)
    parsed, found = parse_quiz_json(text)
    assert parsed is None and len(found) == 1
    line = text.splitlines()[found[0].line - 1]
    assert line == "    {" and '"Is it a sequel?"' in "".join(text.splitlines()[found[0].line :])
    assert found[0].line > text.splitlines().index('  "questions": [')


def test_spans_need_an_article() -> None:
    document = {**exported(), "article": None}
    assert problems(document) == [
        "facts[0].start: a span needs an article",
        "facts[1].start: a span needs an article",
        "questions[0].evidence_start: a span needs an article",
        "questions[1].evidence_start: a span needs an article",
    ]


def model_quiz() -> Quiz:
    article = Article(
        title="Dune: Part Two",
        source_url="https://example.org/dune?x=1&y=2",
        published_on=date(2024, 2, 1),
        text=TEXT,
        checksum="0" * 64,
    )
    director = Fact(
        kind="director",
        subject="Dune: Part Two",
        value="Denis Villeneuve",
        qualifier=None,
        sentence_index=0,
        start=VILLENEUVE[0],
        end=VILLENEUVE[1],
        hedged=False,
    )
    released = Fact(
        kind="release_date",
        subject="Dune: Part Two",
        value="2024-03-01",
        qualifier="new",
        sentence_index=0,
        start=DATE[0],
        end=DATE[1],
        hedged=True,
    )
    article.facts = [director, released]

    def question(record: QuestionRecord, **columns: Any) -> Question:
        choices = [
            Choice(text=text, is_correct=correct, position=position)
            for position, (text, correct) in enumerate(record.choices)
        ]
        return Question(
            article=article,
            kind=record.kind,
            prompt=record.prompt,
            explanation=record.explanation,
            difficulty=record.difficulty,
            accepted_answers=list(record.accepted_answers),
            choices=choices,
            **columns,
        )

    first, second, third = (data.record for data in DOC.questions)
    questions = [
        question(first, status="published", origin="generated", fact=director,
                 evidence_start=VILLENEUVE[0], evidence_end=VILLENEUVE[1]),
        question(replace(second, title=None, category=None), status="draft",
                 origin="generated", fact=released, evidence_start=DATE[0], evidence_end=DATE[1]),
        question(third, status="draft", origin="authored", fact=None,
                 evidence_start=None, evidence_end=None),
    ]  # fmt: skip
    return Quiz(
        title=DOC.title,
        slug=DOC.slug,
        description=DOC.description,
        settings=DOC.settings,
        published=True,
        article=article,
        entries=[QuizQuestion(question=q, position=i) for i, q in enumerate(questions)],
    )


def test_document_from_model_objects() -> None:
    quiz = model_quiz()
    doc = document_from_quiz(quiz)
    second = DOC.questions[1]
    expected = replace(
        DOC,
        questions=[
            DOC.questions[0],
            replace(second, record=replace(second.record, title=None, category=None)),
            DOC.questions[2],
        ],
    )
    assert doc == expected
    assert doc.settings is not quiz.settings
    assert parse_quiz_json(export_quiz_json(doc)) == (doc, [])


def test_document_from_a_quiz_without_article() -> None:
    quiz = Quiz(title="Loose", slug="loose", description=None, settings=None, published=False)
    assert document_from_quiz(quiz) == QuizDocument(title="Loose", slug="loose")
