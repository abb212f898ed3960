"""Malformed requests and files get a 4xx or a listed problem, never a 500 (found in review)."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from quizapp.ingest.sources import address_problem
from tests.author_support import signed_in
from tests.playing import attempt_of, publish_quiz, start, to_options_question

HUGE = "9" * 30


@pytest.fixture
def author(app: Flask, session: Session) -> FlaskClient:
    return signed_in(app, session, "author")


@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000, "1 ", "+1", "0x1"])
def test_strange_option_values_are_refused(
    client: FlaskClient, session: Session, value: str
) -> None:
    quiz = publish_quiz(session)
    token = start(client, quiz.slug)
    position = to_options_question(client, session, token)
    response = client.post(f"/play/{token}", data={"position": str(position), "answer": value})
    if value == "1 ":  # surrounding spaces are trimmed: this is option 1, a real answer
        assert response.status_code == 303
    else:
        assert response.status_code == 400
        assert attempt_of(session, token).current_position == position


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("POST", "/play/{token}", {"position": HUGE, "answer": "0"}),
        ("POST", "/play/{token}", {"position": "²", "answer": "0"}),
        ("GET", f"/play/{{token}}/answers/{HUGE}", None),
        ("GET", f"/leaderboard/{{slug}}?page={HUGE}", None),
    ],
)
def test_huge_or_odd_numbers_in_play_urls(
    client: FlaskClient, session: Session, method: str, url: str, data: dict | None
) -> None:
    quiz = publish_quiz(session)
    token = start(client, quiz.slug)
    response = client.open(url.format(token=token, slug=quiz.slug), method=method, data=data)
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("GET", f"/author/quizzes/{HUGE}", None),
        ("GET", f"/author/articles/{HUGE}", None),
        ("GET", f"/author/questions/{HUGE}", None),
        ("GET", f"/author/quizzes/new?article={HUGE}", None),
        ("GET", f"/author/export.gift?question={HUGE}", None),
        ("POST", "/author/quizzes/new", {"title": "T", "pick": ["²", HUGE], "order-1": "²"}),
    ],
)
def test_huge_or_odd_numbers_in_author_urls(
    author: FlaskClient, method: str, url: str, data: dict | None
) -> None:
    response = author.open(url, method=method, data=data)
    assert response.status_code < 500


def _quiz_json(author: FlaskClient, session: Session) -> dict:
    quiz = publish_quiz(session)
    return json.loads(author.get(f"/author/quizzes/{quiz.id}/export.json").data)


def _import(author: FlaskClient, fmt: str, content: bytes):  # type: ignore[no-untyped-def]
    return author.post(
        "/author/import",
        data={"format": fmt, "file": (BytesIO(content), "f")},
        content_type="multipart/form-data",
    )


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000 + b"]" * 100_000, b'{"results": [{"type": [], "question": "q"}]}'],
)
def test_absurd_json_files_are_reported(author: FlaskClient, content: bytes) -> None:
    for fmt in ("json", "opentdb"):
        response = _import(author, fmt, content)
        assert response.status_code == 400
        assert "Nothing was imported." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["article"].update(url="javascript:alert(1)"), "article.url"),
        (lambda d: d["facts"][0].update(sentence_index=10**30), "sentence_index"),
        (lambda d: d.update(title="x" * 400), "longer than 300"),
        (lambda d: d["article"].update(text=d["article"]["text"] + "\n\n"), "stored form"),
    ],
)
def test_imported_quizzes_must_fit_the_database(
    author: FlaskClient,
    session: Session,
    change,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    document = _quiz_json(author, session)
    document["article"]["text"] = document["article"]["text"].replace("Tom Cruise", "Tim Cruise")
    change(document)
    response = _import(author, "json", json.dumps(document).encode())
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_an_imported_slug_and_time_limit_are_made_safe(
    app: Flask, author: FlaskClient, session: Session
) -> None:
    document = _quiz_json(author, session)
    document["article"]["text"] = document["article"]["text"].replace("Tom Cruise", "Tim Cruise")
    document.update(slug='evil/"slug\r\nX', published=True)
    document["settings"]["time_limit_seconds"] = 10**12
    response = _import(author, "json", json.dumps(document).encode())
    assert response.status_code == 303
    quiz_id = response.location.rsplit("/", 1)[1]
    assert author.get(f"/author/quizzes/{quiz_id}/export.gift").status_code == 200
    player = app.test_client()
    home = player.get("/").get_data(as_text=True)
    assert 'href="/quizzes/evil-slug-x"' in home
    token = start(player, "evil-slug-x")
    assert attempt_of(session, token).deadline is None  # an absurd limit means no limit


@pytest.mark.parametrize("address", ["2002:7f00:1::", "2002:a9fe:a9fe::", "fec0::1"])
def test_ipv6_forms_of_private_addresses_are_refused(address: str) -> None:
    assert address_problem(address) is not None


def test_the_quiz_page_top_five_marks_me(client: FlaskClient, session: Session) -> None:
    from tests.playing import play_all

    quiz = publish_quiz(session)
    play_all(client, session, start(client, quiz.slug, "Me"), right=False)
    page = client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)
    assert "Me <strong>(you)</strong>" in page
