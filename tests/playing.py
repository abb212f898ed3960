"""Helpers for tests that play quizzes over HTTP: publish a quiz, start, answer, read back."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from quizapp.ingest.articles import ingest_article
from quizapp.models import Attempt, AttemptAnswer, Quiz
from tests.conftest import SEED_ARTICLE


def publish_quiz(session: Session, path: Path = SEED_ARTICLE, **settings: Any) -> Quiz:
    """Ingest an article as a published quiz, with `settings` over the defaults."""
    result = ingest_article(session, path.read_text(encoding="utf-8"), publish=True)
    assert result.quiz is not None
    result.quiz.settings = {**result.quiz.settings, **settings}
    session.commit()
    return result.quiz


def start(client: FlaskClient, slug: str, nickname: str = "Ann") -> str:
    response = client.post(f"/quizzes/{slug}/start", data={"nickname": nickname})
    assert response.status_code == 303, response.get_data(as_text=True)
    match = re.fullmatch(r"/play/([\w-]+)", response.location)
    assert match, response.location
    return match.group(1)


def fresh(session: Session) -> Session:
    """A new session on the same database, so reads see what the requests committed."""
    return Session(session.get_bind())


def attempt_of(session: Session, token: str) -> Attempt:
    with fresh(session) as reader:
        attempt = reader.scalar(sa.select(Attempt).where(Attempt.token == token))
        assert attempt is not None
        reader.expunge(attempt)
        return attempt


def asked(session: Session, token: str, position: int) -> AttemptAnswer:
    with fresh(session) as reader:
        answer = reader.scalar(
            sa.select(AttemptAnswer)
            .join(Attempt)
            .where(Attempt.token == token, AttemptAnswer.position == position)
        )
        assert answer is not None
        reader.expunge(answer)
        return answer


def right_value(answer: AttemptAnswer) -> str:
    return answer.correct_text if answer.kind == "typed" else str(answer.correct_option)


def wrong_value(answer: AttemptAnswer) -> str:
    if answer.kind == "typed":
        return "zzz no such answer"
    assert answer.correct_option is not None
    return str((answer.correct_option + 1) % len(answer.options))


def answer(client: FlaskClient, token: str, position: int, value: str) -> Any:
    return client.post(f"/play/{token}", data={"position": str(position), "answer": value})


def to_options_question(client: FlaskClient, session: Session, token: str) -> int:
    """Answer rightly the typed questions the quiz opens with (its order is the generator's);
    the position of the first question with options, now shown."""
    position = 0
    while (question := asked(session, token, position)).kind == "typed":
        response = answer(client, token, position, right_value(question))
        assert response.status_code == 303, response.get_data(as_text=True)
        position += 1
    return position


def play_all(
    client: FlaskClient, session: Session, token: str, right: bool | list[bool] = True
) -> Attempt:
    """Answer every question (right, wrong, or as the list says) and return the attempt."""
    count = attempt_of(session, token).question_count
    pattern = right if isinstance(right, list) else [right] * count
    for position, is_right in enumerate(pattern):
        question = asked(session, token, position)
        value = right_value(question) if is_right else wrong_value(question)
        response = answer(client, token, position, value)
        assert response.status_code == 303, response.get_data(as_text=True)
    return attempt_of(session, token)
