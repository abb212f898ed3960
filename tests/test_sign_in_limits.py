"""Sign-in limits: failures counted per account and address and per address, shared by every
worker and server (in the database, or in Redis), refused with 429 and Retry-After."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from quizapp import accounts, create_app
from quizapp.accounts import throttle
from quizapp.config import Rate
from quizapp.extensions import db
from quizapp.models import SignInFailures
from quizapp.views import auth
from tests.conftest import in_ci

PASSWORD = "correct horse battery"
HOUR_START = 1_800_000_000  # a multiple of 3600: the start of an hour, and of a minute
NOW = HOUR_START + 1


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The sign-in clock, held still (a test must not straddle a window's end) and movable."""
    moment = [float(NOW)]
    monkeypatch.setattr(auth, "clock", lambda: moment[0])
    yield moment


def make_users(session: Session, *emails: str) -> None:
    for email in emails:
        accounts.create_user(session, email, PASSWORD, "author")
    session.commit()


def sign_in(
    client: FlaskClient, email: str, password: str = PASSWORD, address: str = "203.0.113.7"
) -> TestResponse:
    return client.post(
        "/sign-in",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def apps_on(database_url: str, count: int = 2, **config: object) -> list[Flask]:
    """Several app instances on one database: workers or servers of one deployment."""
    settings = {"TESTING": True, "WTF_CSRF_ENABLED": False, "SQLALCHEMY_DATABASE_URI": database_url}
    return [create_app({**settings, **config}) for _ in range(count)]


def dispose(apps: list[Flask]) -> None:
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_the_sixth_failure_a_minute_is_refused_with_retry_after(
    client: FlaskClient, session: Session, fixed_clock: list[float]
) -> None:
    make_users(session, "ann@example.org")
    codes = [sign_in(client, "ann@example.org", "guess").status_code for _ in range(5)]
    refused = sign_in(client, "ann@example.org", "guess")

    assert codes == [401] * 5
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "59"
    page = refused.get_data(as_text=True)
    assert refused.mimetype == "text/html"
    assert "429 · Too Many Requests" in page
    assert "Too many failed sign-ins from here. Try again in 59 seconds." in page


def test_the_right_password_waits_until_the_window_ends(
    client: FlaskClient, session: Session, fixed_clock: list[float]
) -> None:
    make_users(session, "ann@example.org")
    for _ in range(5):
        sign_in(client, "ann@example.org", "guess")

    fixed_clock[0] = HOUR_START + 59.5
    still_refused = sign_in(client, "ann@example.org")
    fixed_clock[0] = HOUR_START + 60
    signed_in = sign_in(client, "ann@example.org")

    assert still_refused.status_code == 429
    assert still_refused.headers["Retry-After"] == "1"
    assert signed_in.status_code == 303


def test_the_hourly_budget_outlasts_the_minutes(
    client: FlaskClient, session: Session, fixed_clock: list[float]
) -> None:
    make_users(session, "ann@example.org")
    for minute in range(6):
        fixed_clock[0] = HOUR_START + minute * 60
        assert [sign_in(client, "ann@example.org", "x").status_code for _ in range(5)] == [401] * 5

    fixed_clock[0] = HOUR_START + 6 * 60
    refused = sign_in(client, "ann@example.org")

    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == str(3600 - 6 * 60)
    assert "Try again in 54 minutes." in refused.get_data(as_text=True)


def test_successes_do_not_count(client: FlaskClient, session: Session) -> None:
    make_users(session, "ann@example.org")
    assert [sign_in(client, "ann@example.org").status_code for _ in range(6)] == [303] * 6
    codes = [sign_in(client, "ann@example.org", "guess").status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]


def test_another_account_from_the_same_address_still_signs_in(
    client: FlaskClient, session: Session
) -> None:
    make_users(session, "ann@example.org", "bob@example.org")
    for _ in range(6):
        sign_in(client, "ann@example.org", "guess")
    assert sign_in(client, "ann@example.org").status_code == 429

    assert sign_in(client, "bob@example.org", "typo").status_code == 401
    assert sign_in(client, "bob@example.org").status_code == 303


def test_the_same_account_from_another_address_still_signs_in(
    client: FlaskClient, session: Session
) -> None:
    make_users(session, "ann@example.org")
    for _ in range(6):
        sign_in(client, "ann@example.org", "guess", address="198.51.100.1")

    assert sign_in(client, "ann@example.org", address="198.51.100.2").status_code == 303


def test_the_address_budget_covers_every_account(database_url: str, session: Session) -> None:
    """Guessing at many accounts from one address is capped by the address's own budget."""
    make_users(session, "zoe@example.org")
    [app] = apps_on(database_url, 1, QUIZAPP_SIGN_IN_ADDRESS_LIMIT="8 per minute")
    client = app.test_client()
    codes = [
        sign_in(client, f"user{n}@example.org", "guess").status_code
        for n in range(4)
        for _ in range(2)
    ]
    refused = sign_in(client, "zoe@example.org")
    elsewhere = sign_in(client, "zoe@example.org", address="198.51.100.9")
    dispose([app])

    assert codes == [401] * 8
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "59"
    assert elsewhere.status_code == 303


def test_an_ipv6_client_counts_as_its_whole_64() -> None:
    assert throttle.address_key("2001:db8:1:2::a") == throttle.address_key("2001:db8:1:2:ffff::1")
    assert throttle.address_key("2001:db8:1:2::a") != throttle.address_key("2001:db8:1:3::a")
    assert throttle.address_key("203.0.113.7") == "203.0.113.7"


def test_no_email_or_address_is_stored(client: FlaskClient, session: Session) -> None:
    sign_in(client, "ann@example.org", "guess")
    keys = session.scalars(sa.select(SignInFailures.key)).all()
    assert len(keys) == 4  # the pair and the address, a minute and an hour each
    # Hex digests: no "@" or "." of an e-mail or an address can be in them (a bare "203" can,
    # by chance: the old check failed one run in about twenty).
    assert all(len(key) == 64 and set(key) <= set("0123456789abcdef") for key in keys)


@pytest.mark.both_databases
def test_the_limit_holds_across_two_apps_sharing_the_database(
    database_url: str, session: Session
) -> None:
    """Two workers (or servers) on one database: five failures a minute in all, not each."""
    make_users(session, "ann@example.org", "bob@example.org")
    apps = apps_on(database_url)
    clients = [app.test_client() for app in apps]
    codes = [sign_in(clients[n % 2], "ann@example.org", "guess").status_code for n in range(6)]
    right_password = [sign_in(c, "ann@example.org").status_code for c in clients]
    other_account = [sign_in(c, "bob@example.org").status_code for c in clients]
    dispose(apps)

    assert codes == [401] * 5 + [429]
    assert right_password == [429, 429]
    assert other_account == [303, 303]


@pytest.mark.both_databases
def test_database_counts_restart_with_each_window(session: Session) -> None:
    store = throttle.DatabaseFailures(session)
    minute = Rate(5, 60)
    now = throttle.Window("k", minute, HOUR_START)
    later = throttle.Window("k", minute, HOUR_START + 60)
    store.add([now, now, now])
    assert store.counts([now, later]) == [3, 0]

    store.add([later])  # the row moves on to the new window, starting again at one
    store.add([now])  # a server whose clock lags counts into the newer window
    session.commit()

    assert store.counts([now, later]) == [0, 2]
    assert throttle.forget_expired(session, HOUR_START + 119) == 0
    assert throttle.forget_expired(session, HOUR_START + 120) == 1


@pytest.mark.both_databases
def test_failures_counted_at_once_are_all_counted(database_url: str) -> None:
    """The count is one atomic upsert: concurrent failures from several workers lose none."""
    apps = apps_on(database_url, 4)
    window = throttle.Window("k", Rate(1000, 3600), HOUR_START)
    start = threading.Barrier(len(apps))

    def fail_ten_times(app: Flask) -> None:
        with app.app_context():
            start.wait()
            for _ in range(10):
                throttle.DatabaseFailures(db.session()).add([window])
                db.session.commit()

    threads = [threading.Thread(target=fail_ten_times, args=(app,)) for app in apps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with apps[0].app_context():
        counted = throttle.DatabaseFailures(db.session()).counts([window])
    dispose(apps)

    assert counted == [40]


@pytest.fixture
def redis_url() -> Iterator[tuple[str, str]]:
    """The test Redis and a key prefix of this test's own; only its keys are deleted after."""
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    server = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        server.ping()
    except redis.exceptions.ConnectionError as error:
        if in_ci():
            pytest.fail(f"Redis is needed under CI: {error}")
        pytest.skip(f"Redis is not reachable: {error}")
    prefix = f"quizapp-test-{uuid.uuid4().hex}:"
    yield url, prefix
    for key in server.scan_iter(match=f"{prefix}*"):
        server.delete(key)
    server.close()


def test_the_limit_holds_across_two_apps_sharing_redis(
    database_url: str, session: Session, redis_url: tuple[str, str]
) -> None:
    import redis

    url, prefix = redis_url
    make_users(session, "ann@example.org", "bob@example.org")
    apps = apps_on(database_url, RATELIMIT_STORAGE_URI=url, QUIZAPP_REDIS_PREFIX=prefix)
    clients = [app.test_client() for app in apps]
    codes = [sign_in(clients[n % 2], "ann@example.org", "guess").status_code for n in range(6)]
    refused = sign_in(clients[1], "ann@example.org")
    other_account = sign_in(clients[0], "bob@example.org")
    dispose(apps)

    assert codes == [401] * 5 + [429]
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "59"
    assert other_account.status_code == 303
    keys = redis.Redis.from_url(url).keys(f"{prefix}sign-in:*")
    assert len(keys) == 4
    assert session.scalar(sa.select(sa.func.count()).select_from(SignInFailures)) == 0


def test_with_redis_down_signing_in_is_unavailable_not_uncounted(
    database_url: str, session: Session
) -> None:
    make_users(session, "ann@example.org")
    [app] = apps_on(database_url, 1, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0")
    response = sign_in(app.test_client(), "ann@example.org")
    dispose([app])

    assert response.status_code == 503
    assert "Retry-After" in response.headers
    assert "Signing in is unavailable just now." in response.get_data(as_text=True)
