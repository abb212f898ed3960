"""Every response's security headers, the body limit, the secret key check and /healthz."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from quizapp import accounts, create_app
from quizapp.config import ConfigError
from quizapp.extensions import db
from quizapp.views import hardening
from tests.author_support import PASSWORD
from tests.playing import publish_quiz, start


@pytest.mark.parametrize("path", ["/", "/leaderboard", "/sign-in", "/no-such-page", "/healthz"])
def test_every_response_carries_the_security_headers(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_only_over_https(client: FlaskClient) -> None:
    response = client.get("/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_an_oversized_body_gets_a_413_page(client: FlaskClient) -> None:
    response = client.post(
        "/sign-in",
        data=b"email=" + b"a" * (5 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "413" in response.get_data(as_text=True)


@pytest.mark.both_databases
def test_healthz_says_ok_while_the_database_answers(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert (response.status_code, response.get_json()) == (200, {"status": "ok"})


def test_healthz_says_503_with_retry_after_when_the_database_is_gone(tmp_path: str) -> None:
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite:////nonexistent/folder/db.sqlite"}
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"


@pytest.mark.parametrize("key", ["", "  ", "dev", "changeme"])
def test_a_guessable_secret_key_stops_the_app_with_one_line(key: str) -> None:
    with pytest.raises(ConfigError, match="SECRET_KEY is empty or a well-known default"):
        create_app({"SECRET_KEY": key})


def test_tests_may_use_any_secret_key(app: Flask) -> None:
    assert create_app({"TESTING": True, "SECRET_KEY": "dev"}).config["SECRET_KEY"] == "dev"


@pytest.mark.both_databases
@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("GET", "/quizzes/%00", None),
        ("GET", "/results/%00", None),
        ("POST", "/play/%00/give-up", {}),
        ("GET", "/leaderboard?period=all%00", None),
        ("POST", "/sign-in", {"email": "a\x00@example.org", "password": "x"}),
    ],
)
def test_a_nul_byte_anywhere_gets_a_400_never_a_500(
    client: FlaskClient, method: str, path: str, data: dict[str, str] | None
) -> None:
    response = client.open(path, method=method, data=data)
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)


def test_while_the_database_is_gone_pages_get_a_templated_503_with_retry_after() -> None:
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite:////nonexistent/folder/db.sqlite"}
    )
    client = app.test_client()
    for path in ("/", "/leaderboard", "/quizzes/some-quiz"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert response.headers["Retry-After"] == "5"
        page = response.get_data(as_text=True)
        assert "The database is not answering" in page and "<html" in page


def test_cookies_are_httponly_and_lax_and_secure_only_over_https(database_url: str) -> None:
    # With CSRF on, the sign-in form puts its token in the session, which sets the cookie.
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    plain = app.test_client().get("/sign-in").headers.getlist("Set-Cookie")
    secure = (
        app.test_client()
        .get("/sign-in", base_url="https://localhost")
        .headers.getlist("Set-Cookie")
    )
    assert plain and secure
    assert all("HttpOnly" in c and "SameSite=Lax" in c and "Secure" not in c for c in plain)
    assert all("Secure" in c for c in secure)


@pytest.mark.parametrize(("proxies", "trusted"), [(0, False), (1, True)])
def test_forwarded_headers_are_trusted_only_behind_the_configured_proxies(
    database_url: str, proxies: int, trusted: bool
) -> None:
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "QUIZAPP_PROXIES": proxies}
    )
    response = app.test_client().get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert ("Strict-Transport-Security" in response.headers) is trusted


def session_cookies(response: TestResponse) -> list[str]:
    return [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]


def test_a_players_cookie_is_not_signed_again_on_every_page(
    client: FlaskClient, session: Session
) -> None:
    quiz = publish_quiz(session)
    start(client, quiz.slug)
    for path in ("/", f"/quizzes/{quiz.slug}", "/leaderboard"):
        assert session_cookies(client.get(path)) == [], path
    assert 'value="Ann"' in client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)


def test_a_players_cookie_signed_a_day_ago_is_sent_again_for_another_year(
    client: FlaskClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiz = publish_quiz(session)
    with monkeypatch.context() as yesterday:
        yesterday.setattr(TimestampSigner, "get_timestamp", lambda _: int(time.time()) - 86_401)
        start(client, quiz.slug)
    (cookie,) = session_cookies(client.get("/"))
    expires = datetime.strptime(
        cookie.split("Expires=")[1].split(";")[0], "%a, %d %b %Y %H:%M:%S GMT"
    )
    assert expires.replace(tzinfo=UTC) > datetime.now(UTC) + timedelta(days=364)
    assert session_cookies(client.get("/")) == []
    assert 'value="Ann"' in client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)


def test_a_cookie_read_before_is_refused_once_it_is_more_than_a_year_old(
    client: FlaskClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiz = publish_quiz(session)
    start(client, quiz.slug)
    assert 'value="Ann"' in client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)
    a_year_on = time.time() + 366 * 86_400
    monkeypatch.setattr(hardening.time, "time", lambda: a_year_on)
    assert 'value="Ann"' not in client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)


def test_a_cookie_read_before_with_another_signature_is_refused(
    client: FlaskClient, session: Session
) -> None:
    quiz = publish_quiz(session)
    start(client, quiz.slug)
    assert 'value="Ann"' in client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)
    cookie = client.get_cookie("session")
    assert cookie is not None
    forged = cookie.value[:-1] + ("A" if cookie.value[-1] != "A" else "B")
    client.set_cookie("session", forged)
    assert 'value="Ann"' not in client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)


def test_a_session_holding_a_list_is_read_anew_for_every_request(app: Flask) -> None:
    """A kept session is copied for each request; a list in it would be shared, so a session
    holding one (flashed messages) is not kept."""
    interface = app.session_interface
    serializer = interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    cookie = serializer.dumps({"player": "key", "_flashes": [["message", "Hello"]]})
    with app.test_request_context(headers={"Cookie": f"session={cookie}"}) as context:
        first = interface.open_session(app, context.request)
        first["_flashes"].append(["message", "Again"])
        second = interface.open_session(app, context.request)
    assert second["_flashes"] == [["message", "Hello"]]


def test_the_remember_me_cookie_is_secure_over_https(app: Flask, session: Session) -> None:
    accounts.create_user(session, "ann@example.org", PASSWORD, "author")
    session.commit()
    response = app.test_client().post(
        "/sign-in",
        data={"email": "ann@example.org", "password": PASSWORD, "remember": "y"},
        base_url="https://localhost",
    )
    remember = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember")]
    assert remember and all("Secure" in c and "HttpOnly" in c for c in remember)


def test_a_signed_in_visitor_gets_the_503_page_while_the_database_is_gone(
    database_url: str, session: Session
) -> None:
    """The error page must not load the signed-in user (Flask-Login's context processor would):
    that query failing too made gunicorn answer a raw 500 to every signed-in visitor."""
    accounts.create_user(session, "ann@example.org", PASSWORD, "author")
    session.commit()
    config = {"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "same-key-for-both"}
    working = create_app({**config, "SQLALCHEMY_DATABASE_URI": database_url})
    signed_in = working.test_client()
    signed_in.post("/sign-in", data={"email": "ann@example.org", "password": PASSWORD})
    cookie = signed_in.get_cookie("session")
    assert cookie is not None
    gone = create_app({**config, "SQLALCHEMY_DATABASE_URI": "sqlite:////nonexistent/db.sqlite"})
    client = gone.test_client()
    client.set_cookie("session", cookie.value)
    for path in ("/", "/author/"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert "The database is not answering" in response.get_data(as_text=True)
    with working.app_context():
        db.engine.dispose()
