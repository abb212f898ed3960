"""Timing of the leaderboard reads on boards seeded with a million finished attempts: today's code
side by side with the code before the counting trees (board_before.py), in one run.

Run with `.venv/bin/python benchmarks/bench_leaderboard.py` (or `make bench-board`), about ten
minutes on SQLite, mostly seeding; for a quick smoke run, shrink it: `--players 2000 --attempts
20000 --reps 20`. By default it uses fresh SQLite databases in a temporary folder (`--keep
FOLDER` keeps them, to look into). With `--postgres URL` (a server's URL, such as
postgresql+psycopg://postgres@127.0.0.1:5432/postgres) it creates a database per scenario on that
server instead, and drops it afterwards. Either way the schema comes from the migrations and
nothing else is touched.

Three scenarios, each in its own database (seeding: see board_seed.py):
  A: one quiz, --players players, --attempts finished attempts: the per-quiz board;
  B: --quizzes quizzes sharing --attempts finished attempts among --players players: the overall
     board (and one of its quizzes' boards);
  C: as A, but without the speed bonus and with 30% of attempts running out of time: points in
     whole thousands and many players tied on points and time. A rank counts the rows tied with
     it row by row, so the last of the largest tie is the rank's worst case.

Timing: time.perf_counter around the calls the board views make (`quiz_board(...)` or
`overall_board(...)`, then `.page(db.session, page, PER_PAGE)` or `.standing_of(db.session,
player_id)`) and the same through board_before.py, alternately (old first on even runs, new
first on odd ones), WARMUP untimed runs of each first, then --reps timed ones; the session is
closed between calls, outside the timing, as at the end of a request. A rank is asked for a
different random player on the board each time. Every result of both is compared with the board
computed in Python, so a fast wrong answer does not pass. Targets (issue 11), on today's code,
median: a rank and the top 20 of every board at most 1 ms. Reported for information, with
SLOW_REPS runs: page DEEP_PAGE and the last page of the big boards, `attempt_rank` (the result
page's "where this attempt stands") for random finished attempts, and scenario C's worst case.
Exit status 1 when a target is missed, a result is wrong or a call raises.
"""

from __future__ import annotations

import argparse
import bisect
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy.pool import NullPool

# Runnable as a plain script without the project being installed into the virtualenv.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import board_before as before
from board_seed import (
    NOW,
    Entry,
    PostgresWriter,
    Profile,
    SampleAttempt,
    Seeded,
    SQLiteWriter,
    Total,
    Writer,
    board_order,
    seed,
)

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.play import leaderboard, rankcounts
from quizapp.views.boards import PER_PAGE

PLAYERS = 100_000
ATTEMPTS = 1_000_000
QUIZZES = 100
REPS = 200
WARMUP = 20
SEED = 42
DEEP_PAGE = 100
# The measurements without a target, which may take far longer: fewer runs.
SLOW_REPS = 50
SLOW_WARMUP = 5
TARGET_MS = 1.0
PROFILES = {"A": Profile(), "B": Profile(), "C": Profile(speed_bonus=False, timeout_share=0.3)}

Call = Callable[[int], Any]
Check = Callable[[int, Any], str | None]


@dataclass
class Measurement:
    label: str
    target_ms: float | None
    old: list[float] = field(default_factory=list)
    new: list[float] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def verdict(self) -> str:
        if self.errors or self.wrong or not self.new:
            return "ERROR"
        if self.target_ms is None:
            return "info"
        return "PASS" if statistics.median(self.new) * 1000 <= self.target_ms else "FAIL"

    def row(self) -> str:
        old, new = ms(self.old, 50), ms(self.new, 50)
        ratio = f"{'-':>8}"
        if self.old and self.new:
            ratio = f"{statistics.median(self.old) / statistics.median(self.new):7.1f}x"
        target = f"<= {self.target_ms:g}" if self.target_ms is not None else "-"
        return (
            f"{self.label:<52} {len(self.new):>4} {old} {new} {ratio} {ms(self.new, 90)} "
            f"{ms(self.new, 99)} {target:>6} {self.verdict}"
        )


HEADER = (
    f"{'measurement':<52} {'runs':>4} {'old ms':>8} {'new ms':>8} {'old/new':>8} "
    f"{'new p90':>8} {'new p99':>8} {'target':>6} verdict"
)


def ms(seconds: list[float], percentile: int) -> str:
    """A percentile in milliseconds (50: the median), inclusive method, or '-' when empty."""
    if not seconds:
        return f"{'-':>8}"
    if percentile == 50 or len(seconds) < 2:
        return f"{statistics.median(seconds) * 1000:8.2f}"
    cut = statistics.quantiles(seconds, n=100, method="inclusive")[percentile - 1]
    return f"{cut * 1000:8.2f}"


def side_by_side(
    measurement: Measurement,
    reps: int,
    old: Call,
    new: Call,
    check: Check,
    warmup: int = WARMUP,
) -> Measurement:
    """old(i) and new(i) for i from -warmup, untimed while negative, `reps` times timed, in
    alternating order; check(i, result) after each."""
    for i in range(-warmup, reps):
        calls = [("old", old, measurement.old), ("new", new, measurement.new)]
        for name, call, times in calls if i % 2 == 0 else calls[::-1]:
            start = time.perf_counter()
            try:
                result = call(i)
            except Exception as error:
                measurement.errors[f"{name}: {type(error).__name__}: {error}"] += 1
                db.session.remove()
                continue
            elapsed = time.perf_counter() - start
            db.session.remove()  # the end of the request, not timed
            if i >= 0:
                times.append(elapsed)
            problem = check(i, result)
            if problem and len(measurement.wrong) < 5:
                measurement.wrong.append(f"{name}: {problem}")
    return measurement


@dataclass
class Expected:
    """A board computed in Python: the rows in board order, and each player's rank."""

    rows: list[Entry] | list[Total]
    rank: dict[int, int]


def expected(rows: Iterable[Entry | Total]) -> Expected:
    ordered = sorted(rows, key=board_order)
    ranks = {row.player_id: n for n, row in enumerate(ordered, start=1)}
    return Expected(ordered, ranks)  # type: ignore[arg-type]


def page_check(board: Expected, page: int) -> Check:
    first = (page - 1) * PER_PAGE
    want = [(r.player_id, r.points) for r in board.rows[first : first + PER_PAGE]]

    def check(_: int, result: leaderboard.BoardPage) -> str | None:
        got = [(s.player_id, s.points) for s in result.rows]
        ranks = [s.rank for s in result.rows]
        if got != want or ranks != list(range(first + 1, first + 1 + len(want))):
            return f"page {page}: got {got[:3]}..., expected {want[:3]}..."
        return None

    return check


def rank_check(board: Expected, players: list[int], warmup: int = WARMUP) -> Check:
    def check(i: int, result: leaderboard.Standing | None) -> str | None:
        player_id = players[i + warmup]
        want = board.rank[player_id]
        if result is None or result.rank != want or result.player_id != player_id:
            return f"player {player_id}: got {result}, expected rank {want}"
        return None

    return check


def board_suite(
    label: str,
    make_board: Callable[[], leaderboard.Board[Any]],
    board: Expected,
    reps: int,
    rng: random.Random,
    deep_pages: bool,
) -> list[Measurement]:
    """Top page, a random player's rank and (when asked) page DEEP_PAGE and the last page."""
    players = [rng.choice(board.rows).player_id for _ in range(WARMUP + reps)]
    measurements = [
        side_by_side(
            Measurement(f"{label}: top {PER_PAGE}", TARGET_MS),
            reps,
            lambda _: before.page(make_board(), db.session(), 1, PER_PAGE),
            lambda _: make_board().page(db.session(), 1, PER_PAGE),
            page_check(board, 1),
        ),
        side_by_side(
            Measurement(f"{label}: rank of a random player", TARGET_MS),
            reps,
            lambda i: before.standing_of(make_board(), db.session(), players[i + WARMUP]),
            lambda i: make_board().standing_of(db.session(), players[i + WARMUP]),
            rank_check(board, players),
        ),
    ]
    if deep_pages:
        last = -(-len(board.rows) // PER_PAGE)
        for page, times, warmup in ((DEEP_PAGE, reps, WARMUP), (last, SLOW_REPS, SLOW_WARMUP)):
            label_page = f"{label}: page {page:,}" + (" (last)" if page == last else "")
            measurements.append(
                side_by_side(
                    Measurement(label_page, None),
                    times,
                    lambda _, page=page: before.page(make_board(), db.session(), page, PER_PAGE),
                    lambda _, page=page: make_board().page(db.session(), page, PER_PAGE),
                    page_check(board, page),
                    warmup,
                )
            )
    return measurements


def attempt_rank_measurement(
    label: str, board: Expected, sample: list[SampleAttempt], rng: random.Random
) -> Measurement:
    """`attempt_rank` (the result page: where this attempt stands against everyone else's
    best) for random finished attempts."""
    keys = [board_order(row) for row in board.rows]
    own = {row.player_id: board_order(row) for row in board.rows}
    picks = [rng.choice(sample) for _ in range(SLOW_WARMUP + SLOW_REPS)]
    attempts = [
        Attempt(
            id=a.id,
            quiz_id=a.quiz_id,
            player_id=a.player_id,
            status="finished",
            points=a.points,
            correct_count=a.correct,
            duration_ms=a.duration_ms,
            finished_at=a.finished_at,
        )
        for a in picks
    ]

    def check(i: int, result: int) -> str | None:
        a = picks[i + SLOW_WARMUP]
        key = (-a.points, a.duration_ms, a.finished_at, 0)
        want = bisect.bisect_left(keys, key) - (own[a.player_id] < key) + 1
        return None if result == want else f"attempt {a.id}: got {result}, expected {want}"

    return side_by_side(
        Measurement(f"{label}: attempt_rank (result page)", None),
        SLOW_REPS,
        lambda i: before.attempt_rank(db.session(), attempts[i + SLOW_WARMUP]),
        lambda i: leaderboard.attempt_rank(db.session(), attempts[i + SLOW_WARMUP]),
        check,
        SLOW_WARMUP,
    )


def worst_tie_measurement(
    label: str, make_board: Callable[[], leaderboard.Board[Any]], board: Expected, reps: int
) -> Measurement:
    """The rank of the last of the largest group tied on points and time: a rank counts the
    rows of its tie that finished earlier one by one, here all but one of the group."""
    groups = Counter((row.points, row.duration_ms) for row in board.rows)
    (points, duration_ms), size = groups.most_common(1)[0]
    last = [r for r in board.rows if (r.points, r.duration_ms) == (points, duration_ms)][-1]
    players = [last.player_id] * (WARMUP + reps)
    return side_by_side(
        Measurement(f"{label}: rank, last of {size:,} tied", None),
        reps,
        lambda i: before.standing_of(make_board(), db.session(), players[i + WARMUP]),
        lambda i: make_board().standing_of(db.session(), players[i + WARMUP]),
        rank_check(board, players),
    )


def posting_measurement(label: str, sample: list[SampleAttempt], rng: random.Random) -> Measurement:
    """What finishing writes to the boards (`leaderboard.tally_score` and `leaderboard.record`)
    for a random player's new best at quiz 1, finished at NOW (so it moves their all-time, week
    and day rows and totals), rolled back after each call outside the timing; old: the same
    with the counters' writes left out."""
    picks = [rng.choice(sample) for _ in range(SLOW_WARMUP + SLOW_REPS)]

    def post(i: int) -> None:
        a = picks[i + SLOW_WARMUP]
        attempt = Attempt(
            id=a.id,
            quiz_id=a.quiz_id,
            player_id=a.player_id,
            status="finished",
            points=min(30_000, a.points + 5_000),
            correct_count=a.correct,
            duration_ms=a.duration_ms,
            finished_at=NOW,
            settings={},
        )
        # Opens the transaction, as finishing does (pysqlite begins one only before a write).
        leaderboard.tally_score(db.session(), attempt.quiz_id, attempt.points)
        leaderboard.record(db.session(), attempt)

    def post_without_counters(i: int) -> None:
        with mock.patch.object(rankcounts.CounterMoves, "write", lambda *_: None):
            post(i)

    return side_by_side(
        Measurement(f"{label}: posting a new best (writes)", None),
        SLOW_REPS,
        post_without_counters,
        post,
        lambda *_: None,
        SLOW_WARMUP,
    )


def current(rows: Iterable[Any], period: str, extra: Callable[[Any], bool]) -> list[Any]:
    stored, start = leaderboard.period_key(period, NOW)
    return [r for r in rows if r.period == stored and r.start == start and extra(r)]


@dataclass(frozen=True)
class Database:
    """Where a scenario's database lives: its SQLAlchemy URL and how seeding writes to it."""

    url: str
    writer: Callable[[], Writer]


@contextmanager
def sqlite_database(folder: Path, name: str) -> Iterator[Database]:
    path = folder / f"{name}.sqlite"
    path.unlink(missing_ok=True)
    yield Database(f"sqlite:///{path}", lambda: SQLiteWriter(str(path)))


@contextmanager
def postgres_database(server: str, name: str) -> Iterator[Database]:
    """A database of its own on the server, dropped afterwards."""
    base = sa.make_url(server)
    database = f"quizapp_bench_{os.getpid()}_{name.lower()}"
    admin = sa.create_engine(base, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        connection.exec_driver_sql(f"CREATE DATABASE {database}")
    url = base.set(database=database)
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        yield Database(url.render_as_string(hide_password=False), lambda: PostgresWriter(plain))
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        admin.dispose()


COUNTER_TABLES = ("board_entry_count", "player_total_count")
storage: dict[str, str] = {}


def storage_of(engine: sa.Engine) -> str:
    """The database's size, and the counting trees' rows and share of it."""
    with engine.connect() as connection:
        run = connection.exec_driver_sql
        rows = sum(int(run(f"SELECT count(*) FROM {t}").scalar() or 0) for t in COUNTER_TABLES)
        if engine.dialect.name == "postgresql":
            total = run("SELECT pg_database_size(current_database())").scalar()
            trees = sum(
                int(run(f"SELECT pg_total_relation_size('{t}')").scalar() or 0)
                for t in COUNTER_TABLES
            )
        else:
            total = run("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")
            total = total.scalar()
            trees = run(
                "SELECT sum(pgsize) FROM dbstat('main', 1) WHERE name IN ('"
                + "', '".join(COUNTER_TABLES)
                + "')"
            ).scalar()
    mib = 2**20
    return (
        f"{int(total or 0) / mib:,.0f} MiB, of which counters {int(trees or 0) / mib:,.0f} MiB "
        f"({rows:,} rows)"
    )


def run_scenario(
    name: str, database: Database, quizzes: int, args: argparse.Namespace
) -> tuple[Seeded, list[Measurement]]:
    app = create_app({"SQLALCHEMY_DATABASE_URI": database.url})
    rng = random.Random(f"{args.seed}-{name}")
    with app.app_context():
        upgrade()
        db.session.remove()
        db.engine.dispose()
        print(
            f"Seeding scenario {name}: {quizzes} quiz(zes), {args.players:,} players, "
            f"{args.attempts:,} attempts",
            file=sys.stderr,
        )
        seeded = seed(database.writer(), quizzes, args.players, args.attempts, PROFILES[name], rng)
        storage[name] = storage_of(db.engine)
        results = measure_scenario(name, seeded, quizzes, args, rng)
        db.session.remove()
        db.engine.dispose()
    return seeded, results


def measure_scenario(
    name: str, seeded: Seeded, quizzes: int, args: argparse.Namespace, rng: random.Random
) -> list[Measurement]:
    entries = list(seeded.entries.values())
    totals = list(seeded.totals.values())
    results: list[Measurement] = []
    for period in ("all", "week") if name != "C" else ("all",):
        board = expected(current(entries, period, lambda e: e.quiz_id == 1))
        label = f"{name} quiz board, {period}"

        def make(period: str = period) -> leaderboard.Board[Any]:
            return leaderboard.quiz_board(1, period, NOW)

        deep = period == "all" and len(board.rows) > DEEP_PAGE * PER_PAGE and name != "C"
        results += board_suite(label, make, board, args.reps, rng, deep)
        if name == "C":
            results.append(worst_tie_measurement(label, make, board, args.reps))
        elif period == "all" and seeded.sample:
            results.append(attempt_rank_measurement(label, board, seeded.sample, rng))
            results.append(posting_measurement(f"{name} quiz 1", seeded.sample, rng))
    if quizzes > 1:
        for period in ("all", "week"):
            board = expected(current(totals, period, lambda _: True))

            def make_overall(period: str = period) -> leaderboard.Board[Any]:
                return leaderboard.overall_board(period, NOW)

            deep = period == "all" and len(board.rows) > DEEP_PAGE * PER_PAGE
            label = f"{name} overall board, {period}"
            results += board_suite(label, make_overall, board, args.reps, rng, deep)
    return results


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--players", type=int, default=PLAYERS)
    parser.add_argument("--attempts", type=int, default=ATTEMPTS)
    parser.add_argument("--quizzes", type=int, default=QUIZZES, help="in scenario B")
    parser.add_argument("--reps", type=int, default=REPS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--scenarios", default="ABC", help="which scenarios to run, e.g. A or AC (default ABC)"
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="run on this PostgreSQL server (a database per scenario, dropped afterwards)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="FOLDER",
        help="SQLite: write A/B/C.sqlite there (replacing them) and keep them, to look into",
    )
    return parser.parse_args(argv)


def report(scenarios: list[tuple[str, Seeded, list[Measurement]]]) -> int:
    for name, seeded, _ in scenarios:
        quizzes = len({key[0] for key in seeded.entries})
        all_time = sum(1 for key in seeded.entries if key[2] == "all")
        print(
            f"Scenario {name}: {quizzes} quiz(zes), {seeded.attempts:,} attempts, "
            f"{len(seeded.entries):,} board entries ({all_time:,} all-time), "
            f"{len(seeded.totals):,} player totals; seeded in {seeded.seconds:.1f} s; "
            f"{storage.get(name, '?')}"
        )
    print("old: before the counting trees (board_before.py); new: today's code\n")
    print(HEADER)
    print("-" * len(HEADER))
    measurements = [m for _, _, results in scenarios for m in results]
    for measurement in measurements:
        print(measurement.row())
    problems = [
        f"  {m.label}: {problem}"
        for m in measurements
        for problem in [*m.wrong, *(f"{n}x {error}" for error, n in m.errors.items())]
    ]
    if problems:
        print("\nWrong results or errors:")
        print("\n".join(problems))
    missed = [m.label for m in measurements if m.verdict == "FAIL"]
    print()
    if missed:
        print(f"FAIL: {len(missed)} target(s) missed: {', '.join(missed)}")
    elif not problems:
        print("PASS: every target met")
    return 1 if missed or problems else 0


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    quizzes = {"A": 1, "B": args.quizzes, "C": 1}
    scenarios = []
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-board-") as folder:
        tmp = args.keep or Path(folder)
        tmp.mkdir(parents=True, exist_ok=True)
        for name in args.scenarios:
            place = (
                postgres_database(args.postgres, name)
                if args.postgres
                else sqlite_database(tmp, name)
            )
            with place as database:
                scenarios.append((name, *run_scenario(name, database, quizzes[name], args)))
    engine = f"SQLite {sqlite3.sqlite_version}"
    if args.postgres:
        with sa.create_engine(args.postgres, poolclass=NullPool).connect() as connection:
            engine = str(connection.exec_driver_sql("SHOW server_version").scalar())
            engine = f"PostgreSQL {engine}"
    print(f"{engine}, SQLAlchemy {sa.__version__}; board now = {NOW}")
    return report(scenarios)


if __name__ == "__main__":
    raise SystemExit(main())
