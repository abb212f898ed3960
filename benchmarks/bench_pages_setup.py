"""What `make bench-pages` measures on: quizapp's database with the seed quiz and its players,
a visitor made over HTTP, fresh attempts for the game pages, and the two gunicorn servers (with
the CPU time their workers use). See bench_pages.py."""

from __future__ import annotations

import http.cookiejar
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

# Runnable as a plain script without the project being installed into the virtualenv.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import accounts, create_app
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptAnswer, Quiz, utcnow
from quizapp.play import attempts as play
from quizapp.play import players
from quizapp.play.starting import new_token, start_attempt
from quizapp.play.statements import answer_at

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORKERS = 2


class BenchFailure(Exception):
    """A run that does not measure what it says; the message says why."""


@dataclass(frozen=True)
class Visitor:
    cookie: str
    csrf: str
    player_id: int
    slug: str
    template_attempt: int  # an attempt of theirs, untouched, that the pools copy


@dataclass(frozen=True)
class Server:
    url: str
    pid: int  # gunicorn's master: its children are the workers


def quizapp_environment(folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'quizapp.sqlite'}",
        "SECRET_KEY": secrets.token_urlsafe(32),
    }


def build_database(environment: dict[str, str], players_count: int, seed: int) -> Flask:
    """Migrate, seed the demo quiz, and have players play it (the domain's own functions).
    An admin exists, so the server announces no setup link (which would write its token and
    lock into the project's instance folder)."""
    # This process reads the server's settings, from its environment: with SECRET_KEY set, no
    # key is kept in the instance folder either.
    os.environ.update({name: environment[name] for name in ("DATABASE_URL", "SECRET_KEY")})
    app = create_app()
    with app.app_context():
        upgrade()
        accounts.create_user(
            db.session(), "bench@example.org", secrets.token_urlsafe(16), role="admin"
        )
        db.session.commit()
        result = app.test_cli_runner().invoke(args=["seed"])
        if result.exit_code != 0:
            raise BenchFailure(f"flask seed failed: {result.output}")
        quiz = db.session.scalars(sa.select(Quiz)).one()
        rng = random.Random(seed)
        for n in range(players_count):
            play_once(quiz, f"Player {n}", rng)
        db.session.remove()
    return app


def play_once(quiz: Quiz, nickname: str, rng: random.Random) -> None:
    session = db.session()
    started = utcnow() - timedelta(hours=rng.uniform(0.5, 240))
    player = players.new_player(session, nickname)
    attempt = start_attempt(session, quiz, player, started, rng)
    skill = rng.random()
    last = attempt.question_count if rng.random() > 0.1 else attempt.question_count // 2
    moment = started
    for position in range(last):
        moment += timedelta(seconds=rng.uniform(3, 20))
        answer = answer_at(session, attempt, position)
        assert answer is not None
        right = rng.random() < skill
        if answer.correct_option is None:
            value = answer.correct_text if right else "no idea"
        else:
            wrong = (answer.correct_option + 1) % len(answer.options)
            value = str(answer.correct_option if right else wrong)
        play.submit_answer(session, attempt, position, value, moment)
    if not attempt.finished:
        play.give_up(session, attempt, moment)
    session.commit()


@dataclass(frozen=True)
class Pool:
    """Fresh attempts for one run of the question page or the answer POST."""

    lines: list[str]  # "token position", what fresh_attempts.lua reads
    first_id: int
    last_id: int


def table(model: type[Attempt] | type[AttemptAnswer]) -> sa.Table:
    return model.metadata.tables[model.__tablename__]


def make_pool(app: Flask, visitor: Visitor, count: int, shown: bool) -> Pool:
    """Copies of the visitor's untouched attempt standing at every position in turn, with the
    current question's row (shown already when `shown`): the only row either request reads."""
    attempts, answers = table(Attempt), table(AttemptAnswer)
    with app.app_context():
        session = db.session()
        template = session.get_one(Attempt, visitor.template_attempt)
        size = template.question_count
        row = {c.name: getattr(template, c.name) for c in attempts.columns if c.name != "id"}
        before = session.scalar(sa.select(sa.func.max(attempts.c.id))) or 0
        tokens = [(new_token(), n % size) for n in range(count)]
        session.execute(
            attempts.insert(),
            [{**row, "token": token, "current_position": at} for token, at in tokens],
        )
        copied = [c.name for c in answers.columns if c.name not in {"id", "attempt_id"}]
        source = (
            sa.select(attempts.c.id, *(answers.c[name] for name in copied))
            .select_from(answers.join(attempts, answers.c.position == attempts.c.current_position))
            .where(answers.c.attempt_id == template.id, attempts.c.id > before)
        )
        session.execute(answers.insert().from_select(["attempt_id", *copied], source))
        if shown:
            session.execute(
                answers.update().where(answers.c.attempt_id > before).values(shown_at=utcnow())
            )
        last = session.scalar(sa.select(sa.func.max(attempts.c.id))) or 0
        session.commit()
        db.session.remove()
    return Pool([f"{token} {at}" for token, at in tokens], before + 1, last)


def pool_changes(app: Flask, pool: Pool, column: str) -> int:
    """How many of the pool's questions now have `column` (shown_at, answered_at) set."""
    answers = table(AttemptAnswer)
    with app.app_context():
        count = db.session.scalar(
            sa.select(sa.func.count())
            .select_from(answers)
            .where(answers.c.attempt_id.between(pool.first_id, pool.last_id))
            .where(answers.c[column].is_not(None))
        )
        db.session.remove()
    return int(count or 0)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(
    name: str, target: list[str], environment: dict[str, str], folder: Path
) -> Iterator[Server]:
    """gunicorn serving `target` (the same flags for both apps): preloaded, no access log."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS)]
    command += ["--worker-class", "sync", "--preload", "--bind", f"127.0.0.1:{port}", *target]
    log = folder / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not answers_ok(base + ("/fortunes" if name == "reference" else "/healthz")):
            if process.poll() is not None or time.monotonic() > deadline:
                raise BenchFailure(f"{name} did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield Server(base, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def workers_cpu_seconds(server: Server) -> float:
    """The CPU time (user and system) the server's workers have used so far."""
    master = server.pid
    ticks = 0
    for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15
    return ticks / os.sysconf("SC_CLK_TCK")


def answers_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are read, not followed: a 303's Location names the new attempt."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """One browser over HTTP: its cookie jar, and the forms' CSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self.opener = urllib.request.build_opener(cookies, KeepRedirects())

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as response:
            return str(response.read().decode("utf-8"))

    def post(self, path: str, fields: dict[str, str]) -> str:
        """The Location of the 303 the form gets."""
        body = urllib.parse.urlencode(fields).encode()
        try:
            self.opener.open(self.base + path, data=body, timeout=10)
        except urllib.error.HTTPError as redirect:
            if redirect.code == 303:
                return str(redirect.headers["Location"])
            raise
        raise BenchFailure(f"POST {path} did not redirect")

    def csrf(self, path: str) -> str:
        found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', self.get(path))
        if found is None:
            raise BenchFailure(f"no CSRF token on {path}")
        return found.group(1)

    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def make_visitor(app: Flask, base: str) -> Visitor:
    """A player who started the quiz through its form, played it through and started it
    again (that attempt is left untouched, for the pools to copy)."""
    with app.app_context():
        slug = db.session.scalars(sa.select(Quiz.slug)).one()
    browser = Browser(base)
    csrf = browser.csrf(f"/quizzes/{slug}")
    token = browser.post(f"/quizzes/{slug}/start", {"csrf_token": csrf, "nickname": "Visitor"})
    token = token.rsplit("/", 1)[-1]
    with app.app_context():
        first = db.session.scalars(sa.select(Attempt).where(Attempt.token == token)).one()
        count, player_id = first.question_count, first.player_id
    for position in range(count):
        fields = {"csrf_token": csrf, "position": str(position), "answer": "0"}
        browser.post(f"/play/{token}", fields)
    again = browser.post(f"/quizzes/{slug}/start", {"csrf_token": csrf, "nickname": "Visitor"})
    with app.app_context():
        template = db.session.scalars(
            sa.select(Attempt.id).where(Attempt.token == again.rsplit("/", 1)[-1])
        ).one()
    return Visitor(browser.cookie(), csrf, player_id, slug, template)
