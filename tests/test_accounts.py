"""Accounts: passwords, sign-in, first-run setup, roles on author routes (limits: see
test_sign_in_limits.py)."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from quizapp import accounts, create_app
from quizapp.extensions import db
from quizapp.models import Attempt, Player, User
from quizapp.views.auth import announce_setup
from tests.playing import attempt_of, publish_quiz, start

PASSWORD = "correct horse battery"


def make_user(session: Session, email: str, role: str) -> User:
    user = accounts.create_user(session, email, PASSWORD, role)
    session.commit()
    return user


def signed_in_with_csrf(database_url: str, email: str) -> tuple[Flask, FlaskClient]:
    """An app that checks CSRF tokens, and a client signed in through its form."""
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    client = app.test_client()
    page = client.get("/sign-in").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    signed = client.post(
        "/sign-in", data={"email": email, "password": PASSWORD, "csrf_token": token}
    )
    assert signed.status_code == 303, signed.get_data(as_text=True)
    return app, client


def sign_in(
    client: FlaskClient, email: str, password: str = PASSWORD, next_url: str = ""
) -> TestResponse:
    url = "/sign-in" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data={"email": email, "password": password})


@pytest.mark.both_databases
def test_passwords_are_stored_hashed_and_checked(session: Session) -> None:
    user = make_user(session, "  Ann@Example.org ", "author")
    assert user.email == "ann@example.org"
    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash
    assert accounts.authenticate(session, "ANN@example.org", PASSWORD) is user
    assert accounts.authenticate(session, "ann@example.org", "wrong password") is None
    assert accounts.authenticate(session, "nobody@example.org", PASSWORD) is None


@pytest.mark.parametrize(
    ("email", "password", "role", "message"),
    [
        ("not-an-email", PASSWORD, "player", "valid email"),
        ("a@b.co", "short", "player", "at least 10"),
        ("a@b.co", PASSWORD, "king", "role must be one of"),
    ],
)
def test_bad_accounts_are_refused(
    session: Session, email: str, password: str, role: str, message: str
) -> None:
    with pytest.raises(accounts.AccountError, match=message):
        accounts.create_user(session, email, password, role)


def test_duplicate_emails_are_refused(session: Session) -> None:
    make_user(session, "ann@example.org", "player")
    with pytest.raises(accounts.AccountError, match="already exists"):
        accounts.create_user(session, "ANN@example.org", PASSWORD)


def test_sign_in_failures_say_nothing_about_which_part_was_wrong(
    client: FlaskClient, session: Session
) -> None:
    make_user(session, "ann@example.org", "author")
    wrong_password = sign_in(client, "ann@example.org", "not the password")
    unknown_email = sign_in(client, "bob@example.org")
    assert wrong_password.status_code == unknown_email.status_code == 401
    page = wrong_password.get_data(as_text=True)
    assert page == unknown_email.get_data(as_text=True).replace(
        "bob@example.org", "ann@example.org"
    )
    assert "That email and password do not match an account." in page

    signed_in = sign_in(client, "ann@example.org", next_url="/author/")
    assert signed_in.status_code == 303
    assert signed_in.location == "/author/"
    assert "ann@example.org" in client.get("/").get_data(as_text=True)


def where_a_browser_goes(location: str) -> tuple[str, str | None]:
    """The scheme and host a browser would go to for a Location header read on this site: it
    drops tabs and newlines, trims control characters and spaces, takes a backslash for a slash
    and any run of slashes before a host for two (the WHATWG URL rules)."""
    cleaned = re.sub(r"[\t\n\r]", "", location).strip("\x00- ").replace("\\", "/")
    cleaned = re.sub(r"^((?:https?:)?)/{2,}", r"\1//", cleaned, flags=re.IGNORECASE)
    target = urlsplit(urljoin("http://localhost/sign-in", cleaned))
    return target.scheme, target.hostname


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "///evil.example/",
        "https://evil.example/",
        "http:evil.example",
        "https:/evil.example",
        "/\\evil",
        "\\\\evil.example",
        "/\\/evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        " //evil.example",
        "/%2F%2Fevil.example",
        "/%5Cevil.example",
        "/%09/evil.example",
        "//localhost@evil.example/",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_sign_in_never_sends_you_to_another_site(
    client: FlaskClient, session: Session, target: str
) -> None:
    make_user(session, "ann@example.org", "author")
    response = sign_in(client, "ann@example.org", next_url=quote(target, safe=""))
    assert response.status_code == 303
    assert where_a_browser_goes(response.location) == ("http", "localhost")


def test_sign_out_needs_a_post_with_csrf(database_url: str, session: Session) -> None:
    make_user(session, "ann@example.org", "author")
    app, client = signed_in_with_csrf(database_url, "ann@example.org")
    assert client.get("/author/").status_code == 200
    assert client.get("/sign-out").status_code == 405
    assert client.post("/sign-out").status_code == 400
    assert client.get("/author/").status_code == 200
    home = client.get("/").get_data(as_text=True)
    token = home.split('name="csrf_token" value="')[1].split('"')[0]
    assert client.post("/sign-out", data={"csrf_token": token}).status_code == 303
    assert client.get("/author/").status_code == 303
    with app.app_context():
        db.engine.dispose()


def test_setup_creates_the_first_admin_once_with_the_printed_token(
    app: Flask, client: FlaskClient, session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        announce_setup(app)
    token = accounts.setup_token(app.instance_path)
    assert f"/setup?token={token}" in caplog.text
    form = {"email": "root@example.org", "password": PASSWORD, "confirm": PASSWORD}

    assert client.get(f"/setup?token={token}").status_code == 200
    wrong = client.post("/setup", data={**form, "token": "guess"})
    mismatch = client.post("/setup", data={**form, "confirm": "other", "token": token})
    assert wrong.status_code == 403
    assert mismatch.status_code == 400
    assert "The two passwords differ." in mismatch.get_data(as_text=True)
    assert not accounts.admin_exists(session)

    done = client.post("/setup", data={**form, "token": token})

    assert done.status_code == 303
    assert session.scalars(sa.select(User.role)).all() == ["admin"]
    assert not (Path(app.instance_path) / accounts.SETUP_TOKEN_FILE).exists()
    assert client.get("/setup").status_code == 404
    assert client.post("/setup", data={**form, "token": token}).status_code == 404
    caplog.clear()
    announce_setup(app)
    assert "/setup" not in caplog.text


def test_setup_link_is_printed_by_one_worker_only(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    """Every gunicorn worker builds the app and announces; the first holds the announcement
    lock for as long as it runs, so the link appears once in the server's log."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    workers = [app, *(create_app({"SQLALCHEMY_DATABASE_URI": url}) for _ in range(2))]
    with caplog.at_level(logging.WARNING):
        for worker in workers:
            announce_setup(worker)
    for worker in workers[1:]:
        with worker.app_context():
            db.engine.dispose()

    assert caplog.text.count("No admin yet. Create one at /setup?token=") == 1


def test_announcing_leaves_no_database_connection_for_the_workers_to_share(app: Flask) -> None:
    """gunicorn preloads the app (which announces) and then forks its workers: a connection
    left in the pool would be one SQLite handle or PostgreSQL socket used by all of them."""
    announce_setup(app)
    with app.app_context():
        assert db.engine.pool.checkedin() == 0


def test_setup_link_is_printed_again_when_the_server_restarts(app: Flask) -> None:
    """A new server (new processes) announces again: the lock ends with the process."""
    announce = (
        "import sys; from quizapp import create_app; from quizapp.views.auth import "
        "announce_setup; announce_setup(create_app({'SQLALCHEMY_DATABASE_URI': sys.argv[1]}))"
    )
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    runs = [
        subprocess.run(
            [sys.executable, "-c", announce, url], capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert all("No admin yet. Create one at /setup?token=" in run.stderr for run in runs)


def test_cli_creates_users_asking_for_the_password(
    runner: FlaskCliRunner, session: Session
) -> None:
    created = runner.invoke(
        args=["users", "create", "Root@Example.org", "--role", "admin"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert created.exit_code == 0, created.output
    assert "created admin root@example.org" in created.output
    assert PASSWORD not in created.output
    as_argument = runner.invoke(args=["users", "create", "x@example.org", "--password", "p"])
    assert as_argument.exit_code == 2
    assert "No such option" in as_argument.output
    short = runner.invoke(args=["users", "create", "y@example.org"], input="short\nshort\n")
    assert short.exit_code == 1
    assert "at least 10 characters" in short.output
    assert runner.invoke(args=["users", "role", "root@example.org", "author"]).exit_code == 0
    listed = runner.invoke(args=["users", "list"])
    assert listed.output == "author  root@example.org\n"
    session.expire_all()
    assert session.scalars(sa.select(User.email)).all() == ["root@example.org"]


def author_urls(app: Flask) -> list[tuple[str, str]]:
    """Every author route, with made-up ids in place of its parameters."""
    urls = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("author."):
            continue
        converters = rule._converters  # to build a valid URL for any(...) parts
        values = {
            name: sorted(getattr(converters[name], "items", None) or [1])[0]
            for name in rule.arguments
        }
        url = rule.build(values)[1]  # type: ignore[index]
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            urls.append((method, url))
    assert urls, "no author routes found"
    return urls


@pytest.mark.parametrize("role", ["anonymous", "player", "author", "admin"])
def test_every_author_route_refuses_anonymous_visitors_and_players(
    app: Flask, client: FlaskClient, session: Session, role: str
) -> None:
    if role != "anonymous":
        make_user(session, f"{role}@example.org", role)
        assert sign_in(client, f"{role}@example.org").status_code == 303
    for method, url in author_urls(app):
        response = client.open(url, method=method)
        if role == "anonymous":
            assert response.status_code == 303, (method, url)
            assert response.location.startswith("/sign-in?next="), (method, url)
        elif role == "player":
            assert response.status_code == 403, (method, url)
        else:
            assert response.status_code not in {401, 403, 500}, (method, url)


def test_an_author_demoted_to_player_is_refused_on_the_next_request(
    app: Flask, client: FlaskClient, runner: FlaskCliRunner, session: Session
) -> None:
    make_user(session, "ann@example.org", "author")
    assert sign_in(client, "ann@example.org").status_code == 303
    assert client.get("/author/").status_code == 200
    assert runner.invoke(args=["users", "role", "ann@example.org", "player"]).exit_code == 0
    for method, url in author_urls(app):
        assert client.open(url, method=method).status_code == 403, (method, url)


def test_a_guest_players_scores_follow_them_into_their_account(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    quiz = publish_quiz(session)
    guest_token = start(client, quiz.slug, "Guest")
    make_user(session, "ann@example.org", "player")
    sign_in(client, "ann@example.org")
    account_token = start(client, quiz.slug, "Ann")
    guest, account = attempt_of(session, guest_token), attempt_of(session, account_token)
    assert guest.player_id == account.player_id
    assert client.get(f"/play/{guest_token}").status_code == 200
    player = session.get(Player, account.player_id)
    assert player is not None and player.user_id is not None and player.nickname == "Ann"

    client.post("/sign-out")
    # Signed out, the browser is a new guest: the account's games are out of reach.
    assert client.get(f"/play/{account_token}").status_code == 403
    other = start(client, quiz.slug, "Visitor")
    assert attempt_of(session, other).player_id != account.player_id
    assert session.scalar(sa.select(sa.func.count()).select_from(Attempt)) == 3


def test_every_author_post_needs_a_csrf_token(database_url: str, session: Session) -> None:
    make_user(session, "ann@example.org", "author")
    guarded, client = signed_in_with_csrf(database_url, "ann@example.org")
    posts = [url for method, url in author_urls(guarded) if method == "POST"]
    assert len(posts) >= 8
    for url in posts:
        response = client.post(url, data={})
        assert response.status_code == 400, url
        assert "This form has expired" in response.get_data(as_text=True), url
    with guarded.app_context():
        db.engine.dispose()
