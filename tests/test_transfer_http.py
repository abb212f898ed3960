"""Importing and exporting through the author's pages: all or nothing, problems by line."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy.orm import Session

from quizapp.interchange import parse_gift
from quizapp.models import Article, Fact, Question, Quiz
from tests.author_support import signed_in
from tests.playing import fresh, publish_quiz

FILES = Path(__file__).parent / "data" / "interchange"


@pytest.fixture
def author(app: Flask, session: Session) -> FlaskClient:
    return signed_in(app, session, "author")


def upload(client: FlaskClient, fmt: str, content: bytes, name: str = "file.txt"):  # type: ignore[no-untyped-def]
    return client.post(
        "/author/import",
        data={"format": fmt, "file": (BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def counts(session: Session) -> tuple[int, int, int]:
    with fresh(session) as reader:
        return tuple(  # type: ignore[return-value]
            reader.scalar(sa.select(sa.func.count()).select_from(model)) or 0
            for model in (Question, Quiz, Article)
        )


@pytest.mark.both_databases
def test_a_good_gift_file_becomes_a_draft_quiz(author: FlaskClient, session: Session) -> None:
    response = upload(author, "gift", (FILES / "features.gift").read_bytes())
    assert response.status_code == 303, response.get_data(as_text=True)
    with fresh(session) as reader:
        quiz = reader.scalars(sa.select(Quiz)).one()
        assert not quiz.published and quiz.entries
        kinds = {e.question.kind for e in quiz.entries}
        jaws = next(e.question for e in quiz.entries if "Jaws" in e.question.prompt)
        assert jaws.correct_choice.text == "Steven Spielberg"
    assert kinds == {"multiple_choice", "true_false", "typed"}


@pytest.mark.parametrize("name", ["broken.gift", "unsupported.gift"])
def test_a_gift_file_with_problems_imports_nothing_and_lists_each_line(
    author: FlaskClient, session: Session, name: str
) -> None:
    response = upload(author, "gift", (FILES / name).read_bytes())
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Nothing was imported." in page
    assert page.count("<li>line ") >= 3
    assert counts(session) == (0, 0, 0)


def test_open_trivia_db_results_are_decoded(author: FlaskClient, session: Session) -> None:
    response = upload(author, "opentdb", (FILES / "opentdb.json").read_bytes())
    assert response.status_code == 303
    with fresh(session) as reader:
        prompts = reader.scalars(sa.select(Question.prompt)).all()
    assert 'Who directed the 1975 film "Jaws"?' in prompts
    assert any("Amélie" in p and "&" in p for p in prompts)


@pytest.mark.both_databases
@pytest.mark.parametrize(
    ("fmt", "content", "message"),
    [
        ("opentdb", b'{"results": [', "line 1"),
        ("json", b'{"format": "something-else"}', "line 1"),
        ("gift", b"\xff\xfe\x00 not utf-8", "not UTF-8"),
        ("gift", b"// only a comment\n", "no questions"),
        ("gift", b"Who? {=" + b"A" * 301 + b" ~B ~C}\n", "longer than 300 characters"),
        (
            "opentdb",
            b'{"response_code": 0, "results": [{"type": "multiple", "difficulty": "easy", '
            b'"category": "Film", "question": "Who?", "correct_answer": "'
            + b"A" * 301
            + b'", "incorrect_answers": ["B", "C", "D"]}]}',
            "longer than 300 characters",
        ),
    ],
)
def test_broken_files_get_a_clear_message(
    author: FlaskClient, session: Session, fmt: str, content: bytes, message: str
) -> None:
    response = upload(author, fmt, content)
    assert response.status_code == 400
    assert str(escape(message)) in response.get_data(as_text=True)
    assert counts(session) == (0, 0, 0)


def test_no_file_is_a_form_error(author: FlaskClient) -> None:
    response = author.post("/author/import", data={"format": "gift"})
    assert response.status_code == 400
    assert "Choose a file to import." in response.get_data(as_text=True)


def test_gift_export_reimports_to_the_same_questions(author: FlaskClient, session: Session) -> None:
    quiz = publish_quiz(session)
    exported = author.get(f"/author/quizzes/{quiz.id}/export.gift")
    assert exported.status_code == 200
    assert exported.headers["Content-Disposition"].endswith(f'{quiz.slug}.gift"')
    before = [
        (q.kind, q.prompt, [(c.text, c.is_correct) for c in q.choices]) for q in quiz.questions
    ]

    assert upload(author, "gift", exported.data).status_code == 303

    with fresh(session) as reader:
        copy = reader.scalars(sa.select(Quiz).where(Quiz.id != quiz.id)).one()
        after = [
            (
                e.question.kind,
                e.question.prompt,
                [(c.text, c.is_correct) for c in e.question.choices],
            )
            for e in copy.entries
        ]
    assert after == before


def test_json_export_is_an_exact_round_trip(author: FlaskClient, session: Session) -> None:
    quiz = publish_quiz(session, time_limit_seconds=300)
    exported = author.get(f"/author/quizzes/{quiz.id}/export.json").data
    with fresh(session) as writer:  # a clean database would be the usual target; empty this one
        writer.execute(sa.delete(Quiz))
        writer.execute(sa.delete(Question))
        writer.execute(sa.delete(Fact))
        writer.execute(sa.delete(Article))
        writer.commit()
    session.expunge_all()  # the requests share this session: forget the deleted rows

    assert upload(author, "json", exported, "quiz.json").status_code == 303

    again = author.get(f"/author/quizzes/{_only_quiz(session)}/export.json").data
    assert again == exported


def _only_quiz(session: Session) -> int:
    with fresh(session) as reader:
        return reader.scalars(sa.select(Quiz.id)).one()


def test_a_selection_exports_as_gift_in_the_order_asked(
    author: FlaskClient, session: Session
) -> None:
    quiz = publish_quiz(session)
    first, second = quiz.questions[3], quiz.questions[0]
    response = author.get(f"/author/export.gift?question={first.id}&question={second.id}")
    assert response.status_code == 200
    parsed = parse_gift(response.get_data(as_text=True))
    assert parsed.ok
    assert [record.prompt for record in parsed.records] == [first.prompt, second.prompt]
    assert author.get("/author/export.gift").status_code == 400
