"""The forms' CSRF token is signed once per session token and worker, and is still checked."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner
from sqlalchemy.orm import Session

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Quiz
from tests.playing import publish_quiz

CSRF_FIELD = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


@pytest.fixture
def guarded(database_url: str) -> Iterator[Flask]:
    """The app as served: every POST needs its form's CSRF token."""
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def quiz(session: Session) -> Quiz:
    return publish_quiz(session)


def page_token(client: FlaskClient, path: str) -> str:
    found = CSRF_FIELD.search(client.get(path).get_data(as_text=True))
    assert found, path
    return found.group(1)


def test_a_session_gets_the_same_signed_token_on_every_page(guarded: Flask, quiz: Quiz) -> None:
    client = guarded.test_client()
    first = page_token(client, f"/quizzes/{quiz.slug}")
    assert page_token(client, f"/quizzes/{quiz.slug}") == first
    started = client.post(
        f"/quizzes/{quiz.slug}/start", data={"nickname": "Ann", "csrf_token": first}
    )
    assert started.status_code == 303
    assert page_token(client, started.location) == first


def test_another_session_gets_its_own_token_and_cannot_use_ours(guarded: Flask, quiz: Quiz) -> None:
    ours, theirs = guarded.test_client(), guarded.test_client()
    page_token(ours, f"/quizzes/{quiz.slug}")
    token = page_token(ours, f"/quizzes/{quiz.slug}")
    assert page_token(theirs, f"/quizzes/{quiz.slug}") != token
    refused = theirs.post(
        f"/quizzes/{quiz.slug}/start", data={"nickname": "Bob", "csrf_token": token}
    )
    assert refused.status_code == 400
    assert "This form has expired" in refused.get_data(as_text=True)


def test_with_a_time_limit_every_page_gets_a_token_signed_for_it(
    database_url: str, quiz: Quiz, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "WTF_CSRF_TIME_LIMIT": 60}
    )
    client = app.test_client()
    page_token(client, f"/quizzes/{quiz.slug}")
    earlier = page_token(client, f"/quizzes/{quiz.slug}")
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _: 2_000_000_000)
    assert page_token(client, f"/quizzes/{quiz.slug}") != earlier
    with app.app_context():
        db.engine.dispose()
