"""The quality gate catches common item-writing flaws, each with a note the author reads."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from quizapp.authoring.gate import check_question
from quizapp.ingest.articles import ingest_article
from quizapp.models import Choice, Fact, Question
from tests.conftest import ARTICLES_DIR, SEED_ARTICLE

ARTICLE = (
    "Skyline Drift is the sequel to Harbor Lights. Kit Marlow, known for her role as Captain "
    "Ivy Roe, joins the cast. Dana Oakes returns home to star in Skyline Drift. Ona Pell "
    "directed Skyline Drift. Sam Reed plays Jonah Pike in Skyline Drift. Tom Hale stars too. "
    "Skyline Drift follows Harbor Lights. Lee Ash may also star in Skyline Drift."
)


def make_fact(
    id_: int, kind: str, subject: str, value: str, *, hedged: bool = False, **extra: object
) -> Fact:
    sentence = next(i for i, s in enumerate(ARTICLE.split(". ")) if value in s)
    start = ARTICLE.find(value)
    fact = Fact(
        kind=kind,
        subject=subject,
        value=value,
        sentence_index=sentence,
        start=start,
        end=start + len(value),
        hedged=hedged,
        status="active",
        **extra,
    )
    fact.id = id_
    return fact


FACTS = [
    make_fact(1, "film", "Skyline Drift", "Skyline Drift"),
    make_fact(2, "cast", "Skyline Drift", "Kit Marlow", qualifier="new"),
    make_fact(3, "cast", "Skyline Drift", "Dana Oakes", qualifier="returning"),
    make_fact(4, "director", "Skyline Drift", "Ona Pell"),
    make_fact(5, "cast", "Skyline Drift", "Sam Reed"),
    make_fact(6, "character", "Sam Reed", "Jonah Pike"),
    make_fact(7, "cast", "Skyline Drift", "Tom Hale"),
    make_fact(8, "previous_installment", "Skyline Drift", "Harbor Lights"),
    make_fact(9, "known_for", "Kit Marlow", "Captain Ivy Roe"),
    make_fact(10, "cast", "Skyline Drift", "Lee Ash", hedged=True),
]


def fact(id_: int) -> Fact:
    return next(f for f in FACTS if f.id == id_)


def question(kind: str, prompt: str, about: int, options: list[str], right: str) -> Question:
    q = Question(kind=kind, prompt=prompt, origin="generated")
    q.fact = fact(about)
    q.choices = [
        Choice(text=text, is_correct=text == right, position=n) for n, text in enumerate(options)
    ]
    return q


def notes(q: Question) -> list[str]:
    return check_question(q, FACTS, ARTICLE)


def test_a_sound_question_passes() -> None:
    q = question(
        "multiple_choice",
        "Who directed Skyline Drift?",
        4,
        ["Ona Pell", "Greta Gerwig", "Kelly Reichardt", "Chloé Zhao"],
        "Ona Pell",
    )
    assert notes(q) == []


def test_an_answer_in_the_prompt_is_a_giveaway() -> None:
    q = question(
        "multiple_choice",
        "Which actor, Marlow, is new to the cast of Skyline Drift?",
        2,
        ["Kit Marlow", "Emma Stone", "Zendaya", "Florence Pugh"],
        "Kit Marlow",
    )
    assert any("gives the answer away" in n for n in notes(q))


def test_the_only_woman_among_the_options_is_flagged() -> None:
    q = question(
        "multiple_choice",
        "Which of these actors is new to the cast of Skyline Drift?",
        2,
        ["Kit Marlow", "Tom Hanks", "Brad Pitt", "Matt Damon"],
        "Kit Marlow",
    )
    assert "The answer is the only woman among the options." in notes(q)


def test_a_film_title_among_roles_is_flagged() -> None:
    q = question(
        "multiple_choice",
        "Outside Skyline Drift, Kit Marlow is known for which role?",
        9,
        ["Captain Ivy Roe", "Ellen Ripley", "Harbor Lights", "Sarah Connor"],
        "Captain Ivy Roe",
    )
    assert any(
        n.startswith("Options that are not a role") and "Harbor Lights" in n for n in notes(q)
    )


@pytest.mark.parametrize("twin", ["tom hanks", "Tóm Hanks", "TOM HANKS"])
def test_duplicate_options_are_flagged_whatever_their_case_or_accents(twin: str) -> None:
    q = question(
        "multiple_choice",
        "Which of these actors stars in Skyline Drift?",
        7,
        ["Tom Hale", "Tom Hanks", twin, "Brad Pitt"],
        "Tom Hale",
    )
    assert any(n.startswith("Options that are the same") for n in notes(q))


def test_a_wrong_option_that_is_true_is_flagged() -> None:
    q = question(
        "multiple_choice",
        "Which of these actors is new to the cast of Skyline Drift?",
        7,
        ["Tom Hale", "Sam Reed", "Brad Pitt", "Matt Damon"],
        "Tom Hale",
    )
    assert any("article says are true: Sam Reed" in n for n in notes(q))


def test_a_true_false_marked_false_that_is_true_is_flagged() -> None:
    q = question(
        "true_false",
        "True or false: Sam Reed is in the cast of Skyline Drift.",
        7,
        ["True", "False"],
        "False",
    )
    assert any("marked false" in n for n in notes(q))


def test_a_return_the_article_does_not_state_is_flagged() -> None:
    q = question(
        "multiple_choice",
        "Which of these actors returns to the cast of Skyline Drift?",
        3,
        ["Dana Oakes", "Brad Pitt", "Tom Hanks", "Matt Damon"],
        "Dana Oakes",
    )
    assert any("returns, but the article does not say" in n for n in notes(q))


def test_a_series_order_the_article_does_not_state_is_flagged() -> None:
    unstated = make_fact(11, "previous_installment", "Skyline Drift", "Tom Hale stars too")
    q = question(
        "true_false",
        "True or false: Tom Hale stars too came before Skyline Drift in its series.",
        8,
        ["True", "False"],
        "True",
    )
    q.fact = unstated
    assert any("where Tom Hale stars too stands in the series" in n for n in notes(q))
    q.fact = fact(8)  # "the sequel to Harbor Lights": stated
    assert not any("series" in n for n in notes(q))


def test_a_question_on_a_hedged_fact_is_flagged() -> None:
    q = question(
        "multiple_choice",
        "Which of these actors is in the cast of Skyline Drift?",
        10,
        ["Lee Ash", "Brad Pitt", "Tom Hanks", "Matt Damon"],
        "Lee Ash",
    )
    assert "The article only hedges this fact." in notes(q)


@pytest.mark.parametrize(
    "path",
    [SEED_ARTICLE, *sorted(ARTICLES_DIR.glob("0[1-5]-*.txt"))],
    ids=lambda p: p.stem[:24],
)
def test_generated_questions_of_the_test_articles_raise_no_new_flaw(
    session: Session, path: object
) -> None:
    """The generator avoids what the gate catches: none of the new notes on its own drafts."""
    result = ingest_article(session, path.read_text(encoding="utf-8"), with_quiz=False)  # type: ignore[attr-defined]
    new_checks = ("gives the answer away", "only woman", "only man", "not a ", "the same",
                  "marked false", "returns, but", "stands in the series")  # fmt: skip
    flagged = [
        f"{q.prompt}: {note}"
        for q in result.article.questions
        for note in q.gate_notes
        if any(check in note for check in new_checks)
    ]
    assert not flagged
