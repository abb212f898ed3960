"""The invariants the models and the database keep, whatever code writes the rows."""

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Article, Choice, Fact, InvalidQuestion, Question, Quiz

pytestmark = pytest.mark.both_databases


def make_question(
    correct: list[bool], texts: list[str] | None = None, **fields: object
) -> Question:
    texts = texts or [f"option {n}" for n in range(len(correct))]
    return Question(
        kind=fields.pop("kind", "multiple_choice"),
        prompt="Who directs the film?",
        choices=[
            Choice(text=text, is_correct=is_correct, position=position)
            for position, (text, is_correct) in enumerate(zip(texts, correct, strict=True))
        ],
        **fields,
    )


def make_article(**fields: object) -> Article:
    values: dict[str, object] = {"title": "A film", "text": "A film.", "checksum": "0" * 64}
    values.update(fields)
    return Article(**values)


@pytest.mark.parametrize(
    ("correct", "texts", "message"),
    [
        ([False, False, False], None, "exactly one correct choice, this one has 0"),
        ([True, True, False], None, "exactly one correct choice, this one has 2"),
        ([], None, "exactly one correct choice, this one has 0"),
        ([True, False], ["Tom Cruise", "tom cruise "], "must all differ"),
        ([True, False], ["Tom Cruise", "  "], "cannot be empty"),
    ],
)
def test_question_without_exactly_one_correct_distinct_choice_is_refused_at_flush(
    session: Session, correct: list[bool], texts: list[str] | None, message: str
) -> None:
    session.add(make_question(correct, texts))
    with pytest.raises(InvalidQuestion, match=message):
        session.flush()


def test_question_with_one_correct_choice_is_stored(session: Session) -> None:
    session.add(make_question([False, True, False]))
    session.commit()
    assert session.scalar(sa.select(sa.func.count()).select_from(Choice)) == 3


def test_making_a_stored_question_have_two_correct_choices_is_refused(session: Session) -> None:
    question = make_question([True, False])
    session.add(question)
    session.commit()
    question.choices[1].is_correct = True
    with pytest.raises(InvalidQuestion):
        session.flush()


def duplicate_slug() -> list[object]:
    return [Quiz(title="One", slug="same"), Quiz(title="Two", slug="same")]


def duplicate_checksum() -> list[object]:
    return [make_article(), make_article(title="Another")]


def article_without_title() -> list[object]:
    return [make_article(title=None)]


def article_without_text() -> list[object]:
    return [make_article(text=None)]


def fact_ending_before_it_starts() -> list[object]:
    fact = Fact(kind="film", subject="X", value="X", sentence_index=0, start=9, end=3)
    return [make_article(facts=[fact])]


def question_of_unknown_kind() -> list[object]:
    return [make_question([True, False], kind="essay")]


def question_too_difficult() -> list[object]:
    return [make_question([True, False], difficulty=4)]


def question_without_prompt() -> list[object]:
    question = make_question([True, False])
    question.prompt = None  # type: ignore[assignment]
    return [question]


@pytest.mark.parametrize(
    "rows",
    [
        duplicate_slug,
        duplicate_checksum,
        article_without_title,
        article_without_text,
        fact_ending_before_it_starts,
        question_of_unknown_kind,
        question_too_difficult,
        question_without_prompt,
    ],
)
def test_database_refuses_rows_that_break_its_constraints(
    session: Session, rows: Callable[[], list[object]]
) -> None:
    session.add_all(rows())
    with pytest.raises(sa.exc.IntegrityError):
        session.commit()
