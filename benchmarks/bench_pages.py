"""Requests per second of quizapp's pages, side by side with a minimal Flask page.

Run with `make bench-pages` (about three minutes), or `.venv/bin/python benchmarks/bench_pages.py
--rounds 3 --seconds 3`. Everything lives in a temporary folder; nothing else is touched.

Both apps are served by gunicorn with 2 sync workers on free loopback ports, the same flags
for both (the app preloaded, no access log), on SQLite:
  - the reference: TechEmpower's fortunes test on Flask + Flask-SQLAlchemy (fortunes/app.py);
  - quizapp, migrated, with the seed quiz (`flask seed`) and --players players who each played
    it once (a tenth gave up half-way), finishing over the last ten days.

A player made over HTTP (the start form with its CSRF token) who has played the quiz once is
the visitor of every page: their session cookie goes with each request, so the pages show
their rank. wrk (-t2 -c16) drives each page for --seconds, in --rounds rounds; in each round
every page runs right after a run of the reference, and its ratio is its rate over that run's.
Printed per page: the median over the rounds of the requests per second, of the 99th latency
percentile and of the ratio.

The question page and the answer POST need an attempt no request has touched, since a question
shown once is a reload the next time and an answered question is a replay (which the app
answers without judging anything). Before each of their runs a pool of fresh attempts is made:
copies of an attempt the player started through the form, standing at every position in turn,
so that one answer in N (N questions) finishes its attempt and posts it to the leaderboards, as
in a real game. A copy holds its current question's row, the only one either request reads.
fresh_attempts.lua sends each request to the next attempt of the pool. After the run the pool
is checked: at least as many questions were shown, or answered, as wrk counted requests.
A run with non-2xx/3xx responses, socket errors or fewer changes than requests stops the
benchmark (status 1).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

# Runnable as a plain script without the project being installed into the virtualenv.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptAnswer, Quiz, utcnow
from quizapp.play import attempts as play
from quizapp.play import players

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LUA = HERE / "fresh_attempts.lua"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
THREADS = 2
CONNECTIONS = 16
WORKERS = 2
# The pages' targets from issue 11, as a share of the reference's rate.
TARGETS = {
    "home": 0.7,
    "quiz page": 0.6,
    "leaderboard page": 0.6,
    "question page": 0.5,
    "answer POST": 0.4,
}


@dataclass(frozen=True)
class Run:
    rate: float  # requests per second
    p99_ms: float
    requests: int


@dataclass
class Page:
    name: str
    path: str  # for the attempt pages, the method wrk sends to fresh attempts (GET or POST)
    fresh: bool = False
    runs: list[Run] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Visitor:
    cookie: str
    csrf: str
    player_id: int
    slug: str
    template_attempt: int  # an attempt of theirs, untouched, that the pools copy


class BenchFailure(Exception):
    """A run that does not measure what it says; the message says why."""


# ---------------------------------------------------------------------------------------------
# The data.
# ---------------------------------------------------------------------------------------------


def quizapp_environment(folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'quizapp.sqlite'}",
        "SECRET_KEY": secrets.token_urlsafe(32),
    }


def build_database(environment: dict[str, str], players_count: int, seed: int) -> Flask:
    """Migrate, seed the demo quiz, and have players play it (the domain's own functions)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": environment["DATABASE_URL"]})
    with app.app_context():
        upgrade()
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
    attempt = play.start_attempt(session, quiz, player, started, rng)
    skill = rng.random()
    last = attempt.question_count if rng.random() > 0.1 else attempt.question_count // 2
    moment = started
    for position in range(last):
        moment += timedelta(seconds=rng.uniform(3, 20))
        answer = play.answer_at(session, attempt, position)
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
        tokens = [(play.new_token(), n % size) for n in range(count)]
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


# ---------------------------------------------------------------------------------------------
# Serving and visiting.
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(
    name: str, target: list[str], environment: dict[str, str], folder: Path
) -> Iterator[str]:
    """gunicorn serving `target`, the same flags for both apps; yields its base URL."""
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
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


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


# ---------------------------------------------------------------------------------------------
# Measuring.
# ---------------------------------------------------------------------------------------------


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(url: str, seconds: int, options: list[str], script_args: list[str]) -> Run:
    command = [WRK, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", *options]
    command += [url, *(["--", *script_args] if script_args else [])]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output, url)


def parse_wrk(output: str, url: str) -> Run:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    requests = re.search(r"(\d+) requests in", output)
    if rate is None or p99 is None or requests is None:
        raise BenchFailure(f"unreadable wrk output for {url}:\n{output}")
    for problem in ("Non-2xx or 3xx responses", "Socket errors"):
        if problem in output:
            raise BenchFailure(f"{problem} on {url}:\n{output}")
    return Run(float(rate[1]), float(p99[1]) * UNITS_MS[p99[2]], int(requests[1]))


@dataclass(frozen=True)
class Setting:
    """What every measurement needs: the two servers, the visitor, the data, a scratch folder."""

    app: Flask
    reference: str
    quizapp: str
    visitor: Visitor
    folder: Path


def measure(setting: Setting, page: Page, seconds: int) -> Run:
    visitor = setting.visitor
    cookie = ["-H", f"Cookie: {visitor.cookie}"]
    if not page.fresh:
        return run_wrk(setting.quizapp + page.path, seconds, cookie, [])
    shown = page.path == "POST"
    expected = page.runs[-1].rate if page.runs else 1000.0
    pool = make_pool(setting.app, visitor, int(expected * seconds * 2) + 1000, shown)
    tokens = setting.folder / "tokens.txt"
    tokens.write_text("\n".join(pool.lines) + "\n", encoding="utf-8")
    script_args = [str(tokens), str(THREADS), page.path, visitor.cookie, visitor.csrf]
    run = run_wrk(setting.quizapp + "/", seconds, ["-s", str(LUA)], script_args)
    changed = pool_changes(setting.app, pool, "answered_at" if shown else "shown_at")
    if changed < run.requests:
        raise BenchFailure(
            f"{page.name}: {run.requests} requests but only {changed} questions changed"
        )
    return run


def measure_rounds(setting: Setting, pages: list[Page], rounds: int, seconds: int) -> list[Run]:
    """Every page right after a run of the reference, round after round; the reference's runs."""
    reference: list[Run] = []
    for page in pages:  # warm-up: each worker compiles its templates, fills its caches
        run_wrk(setting.reference + "/fortunes", 1, [], [])
        page.runs.append(measure(setting, page, 1))
    for page in pages:
        page.runs.clear()
    for number in range(1, rounds + 1):
        for page in pages:
            before = run_wrk(setting.reference + "/fortunes", seconds, [], [])
            run = measure(setting, page, seconds)
            reference.append(before)
            page.runs.append(run)
            page.ratios.append(run.rate / before.rate)
            print(
                f"  round {number}: {page.name:<20} {run.rate:7.0f} req/s"
                f"   reference {before.rate:7.0f} req/s   {run.rate / before.rate:.2f}×",
                flush=True,
            )
    return reference


def report(pages: list[Page], reference: list[Run], rounds: int, seconds: int) -> None:
    print(
        f"\nMedians of {rounds} rounds of {seconds:g} s; gunicorn, {WORKERS} sync workers each; "
        f"wrk -t{THREADS} -c{CONNECTIONS}; SQLite"
    )
    print(f"{'page':<22}{'req/s':>8}{'p99 ms':>9}{'ratio':>8}{'target':>9}")
    rates = [run.rate for run in reference]
    p99 = [run.p99_ms for run in reference]
    print(f"{'fortunes (reference)':<22}{median(rates):>8.0f}{median(p99):>9.1f}")
    for page in pages:
        ratio = median(page.ratios)
        target = TARGETS.get(page.name)
        verdict = ""
        if target is not None:
            verdict = f"≥ {target:.1f}× " + ("met" if ratio >= target else "missed")
        print(
            f"{page.name:<22}{median([r.rate for r in page.runs]):>8.0f}"
            f"{median([r.p99_ms for r in page.runs]):>9.1f}{ratio:>7.2f}×  {verdict}"
        )


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--players", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--pages", nargs="*", help="only these pages (by name), say 'home'")
    arguments = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-pages-")))
        environment = quizapp_environment(folder)
        print(f"building the database: the seed quiz, {arguments.players} players", flush=True)
        app = build_database(environment, arguments.players, arguments.seed)
        fortunes = {**environment, "FORTUNES_DATABASE": str(folder / "fortunes.sqlite")}
        target = ["--chdir", str(HERE / "fortunes"), "app:app"]
        reference = stack.enter_context(serving("reference", target, fortunes, folder))
        quizapp = stack.enter_context(serving("quizapp", ["wsgi:app"], environment, folder))
        visitor = make_visitor(app, quizapp)
        setting = Setting(app, reference, quizapp, visitor, folder)
        pages = [
            Page("home", "/"),
            Page("quiz page", f"/quizzes/{visitor.slug}"),
            Page("leaderboard page", f"/leaderboard/{visitor.slug}"),
            Page("overall leaderboard", "/leaderboard"),
            Page("question page", "GET", fresh=True),
            Page("answer POST", "POST", fresh=True),
        ]
        pages = [page for page in pages if not arguments.pages or page.name in arguments.pages]
        try:
            runs = measure_rounds(setting, pages, arguments.rounds, arguments.seconds)
        except BenchFailure as failure:
            print(f"benchmark refused: {failure}", file=sys.stderr)
            return 1
        report(pages, runs, arguments.rounds, arguments.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
