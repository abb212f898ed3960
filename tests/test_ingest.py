"""Ingesting an article stores exactly what the generator made, once per distinct text."""

import hashlib
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp import generation
from quizapp.authoring.names import names_elsewhere
from quizapp.authoring.rows import normalise_text, slugify, unique_slug
from quizapp.generation.assembly import assemble
from quizapp.ingest.articles import default_title, ingest_article
from quizapp.ingest.files import ArticleFileError, load_article_file
from quizapp.models import Article, Choice, Fact, Question, Quiz, QuizQuestion
from quizapp.play.settings import QuizSettings
from tests.conftest import SEED_ARTICLE

SEED = 7
PER_QUIZ = 30


def row_counts(session: Session) -> dict[str, int]:
    return {
        model.__name__: session.scalar(sa.select(sa.func.count()).select_from(model)) or 0
        for model in (Article, Fact, Question, Choice, Quiz, QuizQuestion)
    }


def fact_fields(fact: Fact | generation.Fact) -> tuple[object, ...]:
    return (
        fact.kind,
        fact.subject,
        fact.value,
        fact.qualifier,
        fact.sentence_index,
        fact.start,
        fact.end,
        fact.hedged,
    )


@pytest.mark.both_databases
def test_ingested_article_reads_back_field_by_field(
    session: Session, fresh_session: Session, article_text: str
) -> None:
    text = normalise_text(article_text)
    facts = generation.extract_facts(text)
    published = date(2024, 6, 3)
    drafts = generation.generate_questions(
        facts,
        seed=SEED,
        published=published,
        text=text,  # the bank: every draft is stored
    )
    assert drafts, "the generator made no question from a film article"

    result = ingest_article(
        session,
        article_text,
        url="https://example.com/night-runner-2",
        published=published,
        publish=True,
        seed=SEED,
        questions_per_quiz=PER_QUIZ,
    )
    session.commit()
    assert result.created

    article = fresh_session.scalars(sa.select(Article)).one()
    assert article.title == "Priya Castellanos Joins “Night Runner 2” as a Rogue Courier"
    assert article.source_url == "https://example.com/night-runner-2"
    assert article.published_on == date(2024, 6, 3)
    assert article.text == text
    assert article.checksum == hashlib.sha256(text.encode()).hexdigest()

    stored_facts = fresh_session.scalars(sa.select(Fact).order_by(Fact.id)).all()
    assert [fact_fields(f) for f in stored_facts] == [fact_fields(f) for f in dict.fromkeys(facts)]

    quiz = fresh_session.scalars(sa.select(Quiz)).one()
    film = next(fact.value for fact in facts if fact.kind == "film")
    assert quiz.title == f"{film} quiz"
    assert quiz.slug == slugify(quiz.title)
    assert article.title in quiz.description
    assert quiz.published is True
    assert quiz.settings == QuizSettings().to_mapping()
    assert quiz.article_id == article.id
    for question, draft in zip(article.questions, drafts, strict=True):
        assert_question_stored(question, draft)
    asked = assemble(drafts, 30)
    assert [entry.position for entry in quiz.entries] == list(range(len(asked)))
    for question, index in zip(quiz.questions, asked, strict=True):
        assert_question_stored(question, drafts[index])


def assert_question_stored(question: Question, draft: generation.QuestionDraft) -> None:
    assert (question.kind, question.prompt, question.explanation, question.difficulty) == (
        draft.kind,
        draft.prompt,
        draft.explanation,
        draft.difficulty,
    )
    assert (question.status, question.origin) == ("published", "generated")
    assert (question.evidence_start, question.evidence_end) == (
        draft.evidence_start,
        draft.evidence_end,
    )
    assert question.accepted_answers == draft.accepted_answers
    assert question.fact is not None
    assert fact_fields(question.fact) == fact_fields(draft.fact)
    assert [(c.text, c.is_correct, c.position) for c in question.choices] == [
        (c.text, c.correct, n) for n, c in enumerate(draft.choices)
    ]


@pytest.mark.both_databases
def test_ingesting_the_same_text_again_creates_nothing(session: Session, article_text: str) -> None:
    first = ingest_article(session, article_text)
    session.commit()
    before = row_counts(session)

    again = ingest_article(session, article_text.replace("\n", "\r\n") + "\n\n", publish=True)
    session.commit()

    assert not again.created
    assert again.article.id == first.article.id
    assert again.quiz is not None and first.quiz is not None
    assert again.quiz.id == first.quiz.id
    assert row_counts(session) == before
    assert before["Question"] > 0


def test_unpublished_ingest_leaves_quiz_and_questions_as_drafts(
    session: Session, article_text: str
) -> None:
    result = ingest_article(session, article_text, title="Night Runner casting")
    session.commit()
    assert result.quiz is not None
    assert result.article.title == "Night Runner casting"
    assert not result.quiz.published
    assert result.quiz.questions
    assert {question.status for question in result.quiz.questions} == {"draft"}


def test_quiz_never_has_more_questions_than_asked(session: Session, article_text: str) -> None:
    result = ingest_article(session, article_text, questions_per_quiz=3)
    assert result.quiz is not None
    assert 0 < len(result.quiz.entries) <= 3


def test_second_quiz_with_the_same_title_gets_a_numbered_slug(session: Session) -> None:
    session.add_all([Quiz(title="Night Runner 2 quiz", slug="night-runner-2-quiz")])
    session.flush()
    assert unique_slug(session, "Night Runner 2 quiz") == "night-runner-2-quiz-2"
    session.add(Quiz(title="Night Runner 2 quiz", slug="night-runner-2-quiz-2"))
    session.flush()
    assert unique_slug(session, "Night Runner 2 quiz") == "night-runner-2-quiz-3"
    assert unique_slug(session, "Night Runner") == "night-runner"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Mission: Impossible 7 quiz", "mission-impossible-7-quiz"),
        ("Amélie’s Café — Quiz!", "amelies-cafe-quiz"),
        ("!!!", "quiz"),
        ("word " * 40, ("word-" * 20)[:99]),
    ],
)
def test_slugs_are_short_lowercase_ascii(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_title_defaults_to_the_first_non_empty_line_cut_to_300_characters() -> None:
    assert default_title("\n\n  Headline here  \nBody.") == "Headline here"
    assert len(default_title("x" * 500)) == 300


def test_checksum_ignores_surrounding_whitespace_and_windows_line_ends() -> None:
    assert normalise_text("  a\r\nb\n\n") == "a\nb"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\r\n ", "is empty"),
        ("binary.txt", b"Film\x00\x01\x02", "binary"),
        ("latin1.txt", "Amélie".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unusable_article_files_are_refused_with_a_reason(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleFileError, match=message) as error:
        load_article_file(path)
    assert str(path) in str(error.value)


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleFileError, match="no such file"):
        load_article_file(tmp_path / "missing.txt")
    with pytest.raises(ArticleFileError, match="folder"):
        load_article_file(tmp_path)


def test_article_file_is_read_as_utf8_without_its_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffAmélie returns".encode())
    assert load_article_file(path) == "Amélie returns"


def test_other_articles_names_are_offered_with_their_films_year(session: Session) -> None:
    seed = ingest_article(session, SEED_ARTICLE.read_text(encoding="utf-8"), with_quiz=False)
    session.flush()
    names = names_elsewhere(session)
    actors = {entry.name: entry for entry in names["actors"]}
    assert "Tom Cruise" in actors
    assert actors["Tom Cruise"].active == (2021, 2021)  # the seed's release date
    assert {e.name for e in names["directors"]} == {"Christopher McQuarrie"}
    assert not any(names_elsewhere(session, seed.article.id).values())
