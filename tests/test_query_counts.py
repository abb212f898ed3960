"""Pages run a fixed number of queries, whatever the number of questions, quizzes or players."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from quizapp.extensions import db
from quizapp.models import Quiz, QuizQuestion
from tests.conftest import ARTICLES_DIR
from tests.playing import answer, asked, play_all, publish_quiz, right_value, start


@contextmanager
def counting(app: Flask) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)


def queries(app: Flask, client: FlaskClient, url: str) -> int:
    with counting(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


def shrink(session: Session, quiz: Quiz, keep: int) -> None:
    session.execute(
        sa.delete(QuizQuestion).where(
            QuizQuestion.quiz_id == quiz.id, QuizQuestion.position >= keep
        )
    )
    session.commit()


def test_pages_cost_the_same_for_small_and_large_quizzes_and_boards(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    small = publish_quiz(session, ARTICLES_DIR / "01-night-runner-2-casting.txt")
    shrink(session, small, 3)
    large = publish_quiz(session)
    assert len(large.entries) >= 12

    def costs(quiz: Quiz, players: int) -> dict[str, int]:
        for n in range(players):
            other = app.test_client()
            play_all(other, session, start(other, quiz.slug, f"P{quiz.id}x{n}"), right=n % 2 == 0)
        token = start(client, quiz.slug)
        answer(client, token, 0, right_value(asked(session, token, 0)))
        cost = {
            "question": queries(app, client, f"/play/{token}"),
            "feedback": queries(app, client, f"/play/{token}/answers/0"),
        }
        client.post(f"/play/{token}/give-up")  # from here on, the player is on the boards
        cost["results"] = queries(app, client, f"/results/{token}")
        cost["home"] = queries(app, client, "/")
        cost["quiz"] = queries(app, client, f"/quizzes/{quiz.slug}")
        cost["board"] = queries(app, client, f"/leaderboard/{quiz.slug}")
        cost["overall"] = queries(app, client, "/leaderboard?period=week")
        return cost

    few = costs(small, players=1)
    many = costs(large, players=12)
    assert few == many
    assert max(few.values()) <= 10, few


def test_each_page_runs_only_the_queries_it_needs(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    """For a player on the boards. A page that loads what it shows row by row, reads a row
    again after its commit, or counts by loading, runs more and fails here."""
    quiz = publish_quiz(session)
    play_all(client, session, start(client, quiz.slug), right=False)
    token = start(client, quiz.slug)

    def cost(method: str, url: str, **data: str) -> int:
        with counting(app) as statements:
            response = client.open(url, method=method, data=data or None)
        assert response.status_code in {200, 303}, url
        return len(statements)

    costs = {
        # the catalogue, each quiz with its size and best score
        "home": cost("GET", "/"),
        # the quiz (size and article included), the player, the top 5 (its ids off the rank
        # index, then those rows, in one statement), their row and rank
        "quiz page": cost("GET", f"/quizzes/{quiz.slug}"),
        # the quiz, the player, the page (its ids, then those rows, in one), their row and rank
        "leaderboard": cost("GET", f"/leaderboard/{quiz.slug}"),
        "overall leaderboard": cost("GET", "/leaderboard"),
        # the attempt (with its player, quiz and current question, and whether the game is a
        # replay, practice, under first-game rules), then marking the question shown
        "question": cost("GET", f"/play/{token}"),
        "question again": cost("GET", f"/play/{token}"),
        # the attempt with the question answered, moving the attempt on, locking the answer
        "answer": cost("POST", f"/play/{token}", position="0", answer="0"),
        "feedback": cost("GET", f"/play/{token}/answers/0"),
    }
    assert costs == {
        "home": 1,
        "quiz page": 5,
        "leaderboard": 5,
        "overall leaderboard": 4,
        "question": 2,
        "question again": 1,
        "answer": 3,
        "feedback": 1,
    }
