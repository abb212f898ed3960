"""The deployment in deploy/, run as shipped on loopback: Debian's nginx in front of two gunicorn
servers sharing one PostgreSQL database and Redis.

Without nginx, openssl, PostgreSQL (TEST_DATABASE_URL) or Redis the tests are skipped, except
under CI=true, where they fail.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
import urllib.error
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NoReturn

import pytest
import redis
import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from quizapp.config import PROJECT_ROOT, SETTING_TYPES
from quizapp.ingest.articles import ingest_article
from tests.conftest import SEED_ARTICLE, PostgresCopies, in_ci
from tests.http_visitor import Visitor, form_field, play_quiz
from tests.nginx_stack import NGINX, SETTINGS, Stack, deployed, read_settings
from tests.playing import asked, right_value, wrong_value
from tests.slow_clients import trickling

# A Redis database of this test's own; it deletes only the keys it made, never the others.
REDIS_URL = "redis://127.0.0.1:6379/14"
QUESTIONS = 8
PLAYERS = 4
SLOW_HEADERS = SLOW_BODIES = 8
TRICKLE_SECONDS = 8.0
NORMAL_VISITS = 12
# A page takes tens of milliseconds here; a visitor queued behind a held worker waits seconds.
PROMPT_SECONDS = 2.0


def unavailable(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"the nginx tests cannot run under CI: {reason}")
    pytest.skip(f"nginx tests skipped: {reason}")


@pytest.fixture
def nginx_tools() -> None:
    if not os.access(NGINX, os.X_OK):
        unavailable(f"no nginx at {NGINX} (set NGINX_PATH)")
    if shutil.which("openssl") is None:
        unavailable("no openssl command to make the test certificate")


@pytest.fixture
def redis_server() -> Iterator[redis.Redis]:
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        server.ping()
    except redis.exceptions.ConnectionError as error:
        unavailable(f"Redis is not reachable at {REDIS_URL}: {error}")
    yield server
    server.close()


@pytest.fixture
def shared_database(postgres_template: PostgresCopies) -> Iterator[str]:
    """A database of this test's own, with one published quiz of QUESTIONS questions."""
    name = f"{postgres_template.copy}_nginx"
    url = postgres_template.fresh_copy(name)
    engine = sa.create_engine(url, poolclass=NullPool)
    with Session(engine) as session:
        text = SEED_ARTICLE.read_text(encoding="utf-8")
        quiz = ingest_article(session, text, publish=True, questions_per_quiz=QUESTIONS).quiz
        assert quiz is not None
        quiz.settings = {**quiz.settings, "feedback": "end"}
        session.commit()
    engine.dispose()
    yield url
    postgres_template.drop(name)


@pytest.fixture
def redis_prefix() -> str:
    """This run's own Redis keys: counts are kept under it, and only they are deleted after."""
    return f"quizapp-nginx-test-{secrets.token_hex(6)}:"


@pytest.fixture
def stack(
    nginx_tools: None,
    redis_server: redis.Redis,
    redis_prefix: str,
    shared_database: str,
    tmp_path: Path,
) -> Iterator[Stack]:
    settings = {
        **read_settings(),
        "DATABASE_URL": shared_database,
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "QUIZAPP_REDIS_PREFIX": redis_prefix,
        "SECRET_KEY": secrets.token_urlsafe(32),
        "GUNICORN_WORKERS": "2",
    }
    with deployed(tmp_path, settings) as running:
        yield running


@pytest.fixture
def slug(shared_database: str) -> str:
    engine = sa.create_engine(shared_database, poolclass=NullPool)
    with engine.connect() as connection:
        found = connection.scalar(sa.text("SELECT slug FROM quiz"))
    engine.dispose()
    assert isinstance(found, str)
    return found


def test_the_example_settings_are_all_read_by_the_app_or_gunicorn() -> None:
    readers = (PROJECT_ROOT / "quizapp" / "config.py").read_text(encoding="utf-8")
    readers += (PROJECT_ROOT / "deploy" / "gunicorn.conf.py").read_text(encoding="utf-8")
    named = re.findall(r"^#?([A-Z][A-Z_]+)=", SETTINGS.read_text(encoding="utf-8"), re.M)
    assert {"DATABASE_URL", "SECRET_KEY", "RATELIMIT_STORAGE_URI", "QUIZAPP_PROXIES"} <= set(named)
    for name in named:
        assert f'"{name}"' in readers or name in SETTING_TYPES, name
    assert "GUNICORN_BIND" not in named, "it would override every instance's own port"
    assert read_settings()["SECRET_KEY"] == "", "the example must not ship a usable key"


def static_files_are_served_by_nginx_alone(stack: Stack) -> None:
    page = Visitor(stack.tls).get(f"{stack.https_url}/static/style.css")
    assert page.status == 200
    assert page.body == (PROJECT_ROOT / "static" / "style.css").read_text(encoding="utf-8")
    assert page.headers["Cache-Control"] == "max-age=3600"
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert all("/static/" not in stack.app_log(server) for server in (0, 1))


def plain_http_is_redirected_to_https(stack: Stack) -> None:
    page = Visitor(follow_redirects=False).get(f"{stack.http_url}/leaderboard?page=2")
    assert page.status == 301
    assert page.headers["Location"] == "https://127.0.0.1/leaderboard?page=2"


def the_app_knows_it_is_served_over_https(stack: Stack) -> None:
    page = Visitor(stack.tls).get(f"{stack.https_url}/")
    assert page.status == 200
    assert "max-age" in page.headers["Strict-Transport-Security"]


def board_table(html: str) -> str:
    found = re.search(r'<table class="board.*?</table>', html, re.S)
    assert found, html[:1000]
    return found.group(0)


def players_use_both_servers_which_show_the_same_boards(
    stack: Stack, shared_database: str, slug: str
) -> None:
    engine = sa.create_engine(shared_database, poolclass=NullPool)
    reader = Session(engine)  # only its bind is used: each read opens a fresh session

    def play(player: int) -> None:
        def answer(token: str, position: int) -> str:
            question = asked(reader, token, position)
            # Player 0 answers all right, player 1 all but two, and so on: distinct scores.
            right = position < QUESTIONS - 2 * player
            return right_value(question) if right else wrong_value(question)

        play_quiz(Visitor(stack.tls), stack.https_url, slug, f"Player {player}", answer)

    try:
        with ThreadPoolExecutor(PLAYERS) as pool:
            list(pool.map(play, range(PLAYERS)))
    finally:
        reader.close()
        engine.dispose()

    answers = [stack.app_log(server).count('"POST /play/') for server in (0, 1)]
    assert sum(answers) == PLAYERS * QUESTIONS, answers  # every answer reached one server once
    assert min(answers) >= PLAYERS * QUESTIONS // 4, answers
    boards = [
        board_table(Visitor().get(f"{url}/leaderboard/{slug}").body) for url in stack.app_urls
    ]
    assert boards[0] == boards[1]
    assert re.findall(r"Player \d", boards[0]) == [f"Player {n}" for n in range(PLAYERS)]


def timed_visit(stack: Stack, path: str) -> tuple[int | str, float]:
    """A new visitor's page through nginx: its status (or "timed out") and the seconds it took."""
    began = time.monotonic()
    try:
        status: int | str = (
            Visitor(stack.tls, timeout=PROMPT_SECONDS).get(stack.https_url + path).status
        )
    except (TimeoutError, urllib.error.URLError):
        status = "timed out"
    return status, time.monotonic() - began


def slow_clients_never_hold_up_normal_visitors(stack: Stack, slug: str) -> None:
    paths = ["/", f"/quizzes/{slug}", f"/leaderboard/{slug}"]
    timings: list[tuple[int | str, float]] = []
    with trickling(
        stack.https_port, stack.tls, SLOW_HEADERS, SLOW_BODIES, TRICKLE_SECONDS
    ) as trickle:
        time.sleep(1.5)  # every slow client has sent its first byte or more
        while len(timings) < NORMAL_VISITS and trickle.running:
            timings.append(timed_visit(stack, paths[len(timings) % len(paths)]))
        assert all(status == 200 for status, _ in timings), timings
        assert max(seconds for _, seconds in timings) < PROMPT_SECONDS, timings
        assert len(timings) == NORMAL_VISITS and trickle.running, "visits after the trickle"
        trickle.finish()
        assert trickle.still_waiting() == SLOW_HEADERS + SLOW_BODIES, "nginx answered slow clients"
    assert all("slow-" not in stack.app_log(server) for server in (0, 1))


def failed_sign_ins_count_across_both_servers_in_redis(
    stack: Stack, redis_server: redis.Redis, prefix: str
) -> None:
    # Straight to each server, as nginx would come; the forwarded address is this run's own,
    # so no other test's sign-ins share its count. Keys hold only HMACs of the address and
    # account, so they are found by the run's prefix.
    marker = secrets.token_hex(8)
    address = "2001:db8::" + ":".join(marker[i : i + 4] for i in range(0, 16, 4))
    visitor = Visitor(headers={"X-Forwarded-For": address})
    form = {"email": f"nobody-{marker}@example.org", "password": "not the password"}
    try:
        sign_in = visitor.get(f"{stack.app_urls[0]}/sign-in")
        form["csrf_token"] = form_field(sign_in.body, "csrf_token")
        # The budgets are counted in windows aligned on the clock: six tries that straddled the
        # end of a minute would start counting again half-way (a flake seen once).
        left = 60 - time.time() % 60
        if left < 10:
            time.sleep(left + 0.1)
        codes = [visitor.post(f"{stack.app_urls[n % 2]}/sign-in", form).status for n in range(6)]
        assert codes == [401] * 5 + [429]
        assert redis_server.keys(f"{prefix}*")
    finally:
        for key in redis_server.scan_iter(match=f"{prefix}*", count=1000):
            redis_server.delete(key)


def test_the_shipped_deployment_on_two_servers_behind_nginx(
    stack: Stack, shared_database: str, slug: str, redis_server: redis.Redis, redis_prefix: str
) -> None:
    """One test, so that the stack starts once: under pytest 9.2, xdist's loadgroup no longer
    keeps a module's tests on one worker (pytest-dev/pytest-xdist#1386)."""
    static_files_are_served_by_nginx_alone(stack)
    plain_http_is_redirected_to_https(stack)
    the_app_knows_it_is_served_over_https(stack)
    players_use_both_servers_which_show_the_same_boards(stack, shared_database, slug)
    slow_clients_never_hold_up_normal_visitors(stack, slug)
    failed_sign_ins_count_across_both_servers_in_redis(stack, redis_server, redis_prefix)
