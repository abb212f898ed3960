"""Timing of the leaderboard reads on boards seeded with a million finished attempts.

Run with `.venv/bin/python benchmarks/bench_leaderboard.py` (or `make bench-board`), about three
minutes, mostly seeding; for a quick smoke run, shrink it: `--players 2000 --attempts 20000
--reps 20`. It uses fresh SQLite databases in a temporary folder, built by the migrations, and
touches nothing else (`--keep FOLDER` keeps the databases, to look into).

Two scenarios, each in its own database:
  A: one quiz, --players players, --attempts finished attempts: the per-quiz board;
  B: --quizzes quizzes sharing --attempts finished attempts among --players players: the overall
     board (and one of its quizzes' boards).

Seeding: a deterministic generator (random.Random, --seed) makes finished attempts of a timed
30-question quiz (0 to 30,000 points, speed bonus included) by players of varied skill and
speed, finishing over the HISTORY_DAYS days before NOW. The attempts are replayed in finish order
through the rules of `leaderboard.record` (repeated here, over dictionaries), which gives the
`BoardEntry` and `PlayerTotal` rows of every period (all time, each week, each day), and
`ScoreTally`. All rows are written with sqlite3 `executemany` in one transaction, dates in
SQLAlchemy's SQLite storage format (checked against its type processors). AttemptAnswer rows
are not made: the boards never read them.

Timing: time.perf_counter around the calls the board views make (`quiz_board(...)` or
`overall_board(...)`, then `.page(db.session, page, PER_PAGE)` or `.standing_of(db.session,
player_id)`), WARMUP untimed calls first, then --reps timed ones; the session is closed between
calls, outside the timing, as at the end of a request. A rank is asked for a different random
player on the board each time. Every result is compared with the board computed in Python, so a
fast wrong answer does not pass. Targets (from the issue): per-quiz top 20 and rank under 5 ms,
overall board under 50 ms, median, SQLite. Reported for information, without a target and with
SLOW_REPS runs: page DEEP_PAGE and the last page of the big boards, and `attempt_rank` (the
result page's "where this attempt stands") for random finished attempts. Exit status 1 when a
target is missed, a result is wrong or a call raises.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy.dialects import sqlite as sqlite_dialect
from tqdm import tqdm

# Runnable as a plain script without the project being installed into the virtualenv.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.play import leaderboard
from quizapp.views.boards import PER_PAGE

PLAYERS = 100_000
ATTEMPTS = 1_000_000
QUIZZES = 100
REPS = 200
WARMUP = 20
SEED = 42
DEEP_PAGE = 100
# The measurements without a target, which may take far longer: fewer runs.
SLOW_REPS = 30
SLOW_WARMUP = 3
SAMPLE_ATTEMPTS = 1000
QUIZ_TARGET_MS = 5.0
OVERALL_TARGET_MS = 50.0

# The board's "now": a Thursday evening, so this week's board holds several days of play.
NOW = datetime(2026, 11, 26, 18, 0, 0)
HISTORY_DAYS = 56
QUESTIONS = 30
TIME_LIMIT_SECONDS = 600
POINTS_PER_QUESTION = 1000
QUIZ_SETTINGS = {
    "time_limit_seconds": TIME_LIMIT_SECONDS,
    "speed_bonus": True,
    "shuffle_questions": False,
    "shuffle_options": False,
    "feedback": "each",
    "first_game_counts": False,  # the boards seeded here keep each player's best
}
CHUNK = 20_000

SETTINGS_JSON = json.dumps(QUIZ_SETTINGS)


def sql_datetime(moment: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite (checked in `check_formats`), but faster."""
    return moment.isoformat(" ", "microseconds")


def sql_date(day: date) -> str:
    return day.isoformat()


def check_formats() -> None:
    dialect = sqlite_dialect.dialect()
    as_datetime = sa.DateTime().dialect_impl(dialect).bind_processor(dialect)
    as_date = sa.Date().dialect_impl(dialect).bind_processor(dialect)
    assert as_datetime is not None and as_date is not None
    for moment in (NOW, NOW.replace(microsecond=7), datetime(999, 1, 2, 3, 4, 5, 600_000)):
        assert sql_datetime(moment) == as_datetime(moment), (moment, as_datetime(moment))
        assert sql_date(moment.date()) == as_date(moment.date())


# ---------------------------------------------------------------------------------------------
# Seeding.
# ---------------------------------------------------------------------------------------------


@dataclass
class Entry:
    """A BoardEntry as `leaderboard.record` leaves it."""

    quiz_id: int
    player_id: int
    period: str
    start: date
    points: int
    correct: int
    duration_ms: int
    attempt_id: int
    finished_at: datetime
    id: int = 0


@dataclass
class Total:
    """A PlayerTotal as `leaderboard.record` leaves it."""

    player_id: int
    period: str
    start: date
    points: int = 0
    quizzes: int = 0
    duration_ms: int = 0
    finished_at: datetime = NOW
    id: int = 0


@dataclass(frozen=True)
class SampleAttempt:
    id: int
    quiz_id: int
    player_id: int
    points: int
    correct: int
    duration_ms: int
    finished_at: datetime


@dataclass
class Seeded:
    """What was written, kept to check the boards' answers."""

    entries: dict[tuple[int, int, str, date], Entry] = field(default_factory=dict)
    totals: dict[tuple[int, str, date], Total] = field(default_factory=dict)
    attempts: int = 0
    # Some finished attempts at quiz 1, to ask `attempt_rank` about.
    sample: list[SampleAttempt] = field(default_factory=list)
    seconds: float = 0.0
    file_mb: float = 0.0


def board_order(row: Entry | Total) -> tuple[int, int, datetime, int]:
    return (-row.points, row.duration_ms, row.finished_at, row.id)


class Recorder:
    """`leaderboard.record` over dictionaries: the best attempt per quiz, player and period, and
    per player and period the sum of those bests (finished_at: the last attempt that improved
    one of them)."""

    def __init__(self, seeded: Seeded) -> None:
        self.entries = seeded.entries
        self.totals = seeded.totals
        self.week_of: dict[date, date] = {}

    def period_starts(self, finished_at: datetime) -> tuple[tuple[str, date], ...]:
        day = finished_at.date()
        week = self.week_of.get(day)
        if week is None:
            week = self.week_of[day] = leaderboard.period_starts(finished_at)["week"]
        return (("all", leaderboard.ALL_TIME), ("week", week), ("day", day))

    def record(
        self,
        attempt_id: int,
        quiz_id: int,
        player_id: int,
        points: int,
        correct: int,
        duration_ms: int,
        finished_at: datetime,
    ) -> None:
        for period, start in self.period_starts(finished_at):
            key = (quiz_id, player_id, period, start)
            entry = self.entries.get(key)
            if entry is None:
                entry = Entry(quiz_id, player_id, period, start, 0, 0, 0, attempt_id, finished_at)
                self.entries[key] = entry
                gained, extra_ms, new_quiz = points, duration_ms, 1
            elif (-points, duration_ms) < (-entry.points, entry.duration_ms):
                gained, extra_ms, new_quiz = (
                    points - entry.points,
                    duration_ms - entry.duration_ms,
                    0,
                )
            else:
                continue
            entry.attempt_id = attempt_id
            entry.points = points
            entry.correct = correct
            entry.duration_ms = duration_ms
            entry.finished_at = finished_at
            total_key = (player_id, period, start)
            total = self.totals.get(total_key)
            if total is None:
                total = self.totals[total_key] = Total(player_id, period, start)
            total.points += gained
            total.duration_ms += extra_ms
            total.quizzes += new_quiz
            total.finished_at = finished_at


def chunks(rows: Iterable[tuple[Any, ...]], size: int = CHUNK) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def insert(
    connection: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
    total: int,
) -> None:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    with tqdm(total=total, desc=f"  {table}", unit="row", unit_scale=True, file=sys.stderr) as bar:
        for batch in chunks(rows):
            connection.executemany(sql, batch)
            bar.update(len(batch))


def attempt_rows(
    rng: random.Random,
    attempts: int,
    players: int,
    quiz_ids: list[int],
    recorder: Recorder,
    sample: list[SampleAttempt],
) -> Iterator[tuple[Any, ...]]:
    """Finished attempts in finish order; each is recorded on the boards as it is made, and about
    SAMPLE_ATTEMPTS of those at quiz 1 are kept in `sample`."""
    every = max(1, attempts // len(quiz_ids) // SAMPLE_ATTEMPTS)
    skill = [min(0.98, max(0.05, rng.betavariate(4, 2.5))) for _ in range(players)]
    pace = [rng.random() for _ in range(players)]
    history = HISTORY_DAYS * 86_400
    first = NOW - timedelta(seconds=history)
    offsets = sorted(rng.random() * history for _ in range(attempts))
    for attempt_id, offset in enumerate(offsets, start=1):
        player_id = rng.randrange(players) + 1
        quiz_id = quiz_ids[rng.randrange(len(quiz_ids))]
        p = skill[player_id - 1]
        correct = min(QUESTIONS, max(0, round(rng.gauss(QUESTIONS * p, 2.5))))
        speed = min(1.0, max(0.0, pace[player_id - 1] + rng.gauss(0, 0.12)))
        # Each right answer earns half its points, plus up to the other half for speed.
        points = correct * POINTS_PER_QUESTION // 2 + round(
            correct * POINTS_PER_QUESTION / 2 * speed
        )
        limit_ms = TIME_LIMIT_SECONDS * 1000
        duration_ms = round(limit_ms * (1 - 0.85 * speed) + rng.gauss(0, 15_000))
        duration_ms = min(limit_ms, max(15_000, duration_ms))
        finished_at = first + timedelta(seconds=offset)
        started_at = finished_at - timedelta(milliseconds=duration_ms)
        recorder.record(attempt_id, quiz_id, player_id, points, correct, duration_ms, finished_at)
        if quiz_id == 1 and attempt_id % every == 0:
            sample.append(
                SampleAttempt(
                    attempt_id, quiz_id, player_id, points, correct, duration_ms, finished_at
                )
            )
        yield (
            attempt_id,
            f"{rng.getrandbits(192):048x}",
            quiz_id,
            player_id,
            f"player{player_id}",
            "finished",
            sql_datetime(started_at),
            sql_datetime(started_at + timedelta(seconds=TIME_LIMIT_SECONDS)),
            sql_datetime(finished_at),
            SETTINGS_JSON,
            QUESTIONS,
            QUESTIONS,
            correct,
            points,
            duration_ms,
        )


def seed(path: Path, quizzes: int, players: int, attempts: int, rng: random.Random) -> Seeded:
    check_formats()
    seeded = Seeded()
    recorder = Recorder(seeded)
    quiz_ids = list(range(1, quizzes + 1))
    start = time.perf_counter()
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = MEMORY")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -1048576")  # 1 GiB, while seeding only
        connection.execute("BEGIN")
        created = sql_datetime(NOW - timedelta(days=HISTORY_DAYS + 1))
        insert(
            connection,
            "quiz",
            ["id", "title", "slug", "description", "settings", "published", "created_at"],
            ((q, f"Quiz {q}", f"quiz-{q}", "", SETTINGS_JSON, 1, created) for q in quiz_ids),
            quizzes,
        )
        insert(
            connection,
            "player",
            ["id", "key", "nickname", "created_at"],
            (
                (p, f"{rng.getrandbits(192):048x}", f"player{p}", created)
                for p in range(1, players + 1)
            ),
            players,
        )
        insert(
            connection,
            "attempt",
            [
                "id",
                "token",
                "quiz_id",
                "player_id",
                "nickname",
                "status",
                "started_at",
                "deadline",
                "finished_at",
                "settings",
                "question_count",
                "current_position",
                "correct_count",
                "points",
                "duration_ms",
            ],
            attempt_rows(rng, attempts, players, quiz_ids, recorder, seeded.sample),
            attempts,
        )
        tally: Counter[tuple[int, int]] = Counter()
        plays: Counter[int] = Counter()
        for quiz_id, points in connection.execute("SELECT quiz_id, points FROM attempt"):
            tally[quiz_id, points] += 1
            plays[quiz_id] += 1
        connection.executemany(
            "INSERT INTO score_tally (quiz_id, points, attempts) VALUES (?, ?, ?)",
            [(q, p, n) for (q, p), n in tally.items()],
        )
        connection.executemany(
            "UPDATE quiz SET play_count = ? WHERE id = ?", [(n, q) for q, n in plays.items()]
        )
        for number, entry in enumerate(seeded.entries.values(), start=1):
            entry.id = number
        insert(
            connection,
            "board_entry",
            [
                "id",
                "quiz_id",
                "player_id",
                "period",
                "period_start",
                "attempt_id",
                "points",
                "correct_count",
                "duration_ms",
                "finished_at",
            ],
            (
                (
                    e.id,
                    e.quiz_id,
                    e.player_id,
                    e.period,
                    sql_date(e.start),
                    e.attempt_id,
                    e.points,
                    e.correct,
                    e.duration_ms,
                    sql_datetime(e.finished_at),
                )
                for e in seeded.entries.values()
            ),
            len(seeded.entries),
        )
        for number, total in enumerate(seeded.totals.values(), start=1):
            total.id = number
        insert(
            connection,
            "player_total",
            [
                "id",
                "player_id",
                "period",
                "period_start",
                "points",
                "quizzes",
                "duration_ms",
                "finished_at",
            ],
            (
                (
                    t.id,
                    t.player_id,
                    t.period,
                    sql_date(t.start),
                    t.points,
                    t.quizzes,
                    t.duration_ms,
                    sql_datetime(t.finished_at),
                )
                for t in seeded.totals.values()
            ),
            len(seeded.totals),
        )
        connection.execute("COMMIT")
    finally:
        connection.close()
    seeded.attempts = attempts
    seeded.seconds = time.perf_counter() - start
    seeded.file_mb = path.stat().st_size / 2**20
    return seeded


# ---------------------------------------------------------------------------------------------
# Timing.
# ---------------------------------------------------------------------------------------------


@dataclass
class Measurement:
    label: str
    target_ms: float | None
    seconds: list[float] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def verdict(self) -> str:
        if self.errors or self.wrong or not self.seconds:
            return "ERROR"
        if self.target_ms is None:
            return "info"
        return "PASS" if self.median_ms < self.target_ms else "FAIL"

    def row(self) -> str:
        if self.seconds:
            median, p90 = f"{self.median_ms:9.2f}", f"{p90_of(self.seconds) * 1000:9.2f}"
        else:
            median = p90 = f"{'-':>9}"
        target = f"< {self.target_ms:g}" if self.target_ms is not None else "-"
        return f"{self.label:<46} {len(self.seconds):>5} {median} {p90} {target:>8} {self.verdict}"


def p90_of(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def measure(
    measurement: Measurement,
    reps: int,
    call: Callable[[int], Any],
    check: Callable[[int, Any], str | None],
    warmup: int = WARMUP,
) -> Measurement:
    """call(i) for i from -warmup, untimed while negative, `reps` times timed; check(i, result)
    after each."""
    for i in range(-warmup, reps):
        start = time.perf_counter()
        try:
            result = call(i)
        except Exception as error:
            measurement.errors[f"{type(error).__name__}: {error}"] += 1
            db.session.remove()
            continue
        elapsed = time.perf_counter() - start
        db.session.remove()  # the end of the request, not timed
        if i >= 0:
            measurement.seconds.append(elapsed)
        problem = check(i, result)
        if problem and len(measurement.wrong) < 5:
            measurement.wrong.append(problem)
    return measurement


@dataclass
class Expected:
    """A board computed in Python: the rows in board order, and each player's rank."""

    rows: list[Entry] | list[Total]
    rank: dict[int, int]


def expected(rows: Iterable[Entry | Total]) -> Expected:
    ordered = sorted(rows, key=board_order)
    return Expected(ordered, {row.player_id: n for n, row in enumerate(ordered, start=1)})  # type: ignore[arg-type]


def board_suite(
    label: str,
    make_board: Callable[[], leaderboard.Board],
    board: Expected,
    target_ms: float,
    reps: int,
    rng: random.Random,
    deep_pages: bool,
) -> list[Measurement]:
    """Top page, a random player's rank and (when asked) page DEEP_PAGE and the last page."""

    def page_check(page: int) -> Callable[[int, Any], str | None]:
        first = (page - 1) * PER_PAGE
        want = [(r.player_id, r.points) for r in board.rows[first : first + PER_PAGE]]

        def check(_: int, result: leaderboard.BoardPage) -> str | None:
            got = [(s.player_id, s.points) for s in result.rows]
            ranks = [s.rank for s in result.rows]
            if got != want or ranks != list(range(first + 1, first + 1 + len(want))):
                return f"page {page}: got {got[:3]}..., expected {want[:3]}..."
            return None

        return check

    players = [rng.choice(board.rows).player_id for _ in range(WARMUP + reps)]

    def rank_check(i: int, result: leaderboard.Standing | None) -> str | None:
        player_id = players[i + WARMUP]
        want = board.rank[player_id]
        if result is None or result.rank != want or result.player_id != player_id:
            return f"player {player_id}: got {result}, expected rank {want}"
        return None

    measurements = [
        measure(
            Measurement(f"{label}: top {PER_PAGE} (page 1)", target_ms),
            reps,
            lambda _: make_board().page(db.session, 1, PER_PAGE),
            page_check(1),
        ),
        measure(
            Measurement(f"{label}: rank of a random player", target_ms),
            reps,
            lambda i: make_board().standing_of(db.session, players[i + WARMUP]),
            rank_check,
        ),
    ]
    if deep_pages:
        last = -(-len(board.rows) // PER_PAGE)
        for page, times, warmup in ((DEEP_PAGE, reps, WARMUP), (last, SLOW_REPS, SLOW_WARMUP)):
            measurements.append(
                measure(
                    Measurement(
                        f"{label}: page {page:,}" + (" (last)" if page == last else ""), None
                    ),
                    times,
                    lambda _, page=page: make_board().page(db.session, page, PER_PAGE),
                    page_check(page),
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
        key = (-a.points, a.duration_ms, a.finished_at, a.id)
        want = bisect.bisect_left(keys, key) - (own[a.player_id] < key) + 1
        return None if result == want else f"attempt {a.id}: got {result}, expected {want}"

    return measure(
        Measurement(f"{label}: attempt_rank (result page)", None),
        SLOW_REPS,
        lambda i: leaderboard.attempt_rank(db.session, attempts[i + SLOW_WARMUP]),
        check,
        SLOW_WARMUP,
    )


def current(rows: Iterable[Any], period: str, extra: Callable[[Any], bool]) -> list[Any]:
    stored, start = leaderboard.period_key(period, NOW)
    return [r for r in rows if r.period == stored and r.start == start and extra(r)]


def run_scenario(
    name: str, tmp: Path, quizzes: int, players: int, attempts: int, args: argparse.Namespace
) -> tuple[Seeded, list[Measurement]]:
    path = tmp / f"{name}.sqlite"
    path.unlink(missing_ok=True)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    rng = random.Random(f"{args.seed}-{name}")
    with app.app_context():
        upgrade()
        db.session.remove()
        db.engine.dispose()
        print(
            f"Seeding scenario {name}: {quizzes} quiz(zes), {players:,} players, "
            f"{attempts:,} attempts",
            file=sys.stderr,
        )
        seeded = seed(path, quizzes, players, attempts, rng)
        entries = list(seeded.entries.values())
        totals = list(seeded.totals.values())
        results: list[Measurement] = []
        quiz_id = 1
        for period in ("all", "week"):
            quiz_board = expected(current(entries, period, lambda e: e.quiz_id == quiz_id))
            label = f"{name} quiz board, {period}"
            results += board_suite(
                label,
                lambda period=period: leaderboard.quiz_board(quiz_id, period, NOW),
                quiz_board,
                QUIZ_TARGET_MS,
                args.reps,
                rng,
                deep_pages=period == "all" and len(quiz_board.rows) > DEEP_PAGE * PER_PAGE,
            )
            if period == "all" and seeded.sample:
                results.append(attempt_rank_measurement(label, quiz_board, seeded.sample, rng))
        if quizzes > 1:
            for period in ("all", "week"):
                total_rows = current(totals, period, lambda _: True)
                results += board_suite(
                    f"{name} overall board, {period}",
                    lambda period=period: leaderboard.overall_board(period, NOW),
                    expected(total_rows),
                    OVERALL_TARGET_MS,
                    args.reps,
                    rng,
                    deep_pages=period == "all" and len(total_rows) > DEEP_PAGE * PER_PAGE,
                )
        db.session.remove()
        db.engine.dispose()
    return seeded, results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, default=PLAYERS)
    parser.add_argument("--attempts", type=int, default=ATTEMPTS)
    parser.add_argument("--quizzes", type=int, default=QUIZZES, help="in scenario B")
    parser.add_argument("--reps", type=int, default=REPS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="FOLDER",
        help="write A.sqlite and B.sqlite there (replacing them) and keep them, to look into",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="quizapp-bench-board-") as folder:
        tmp = Path(folder)
        if args.keep:
            tmp = args.keep
            tmp.mkdir(parents=True, exist_ok=True)
        scenarios = [
            ("A", *run_scenario("A", tmp, 1, args.players, args.attempts, args)),
            ("B", *run_scenario("B", tmp, args.quizzes, args.players, args.attempts, args)),
        ]

    print(f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {sa.__version__}; board now = {NOW}")
    for name, seeded, _ in scenarios:
        quizzes = len({key[0] for key in seeded.entries})
        all_time = sum(1 for key in seeded.entries if key[2] == "all")
        print(
            f"Scenario {name}: {quizzes} quiz(zes), {seeded.attempts:,} attempts, "
            f"{len(seeded.entries):,} board entries ({all_time:,} all-time), "
            f"{len(seeded.totals):,} player totals; seeded in {seeded.seconds:.1f} s, "
            f"{seeded.file_mb:.0f} MiB"
        )
    print()
    header = f"{'measurement':<46} {'ok':>5} {'median ms':>9} {'p90 ms':>9} {'target':>8} verdict"
    print(header)
    print("-" * len(header))
    measurements = [m for _, _, results in scenarios for m in results]
    for measurement in measurements:
        print(measurement.row())

    problems = [
        f"  {m.label}: {problem}"
        for m in measurements
        for problem in [*m.wrong, *(f"{n}x {error}" for error, n in m.errors.items())]
    ]
    if problems:
        print()
        print("Wrong results or errors:")
        print("\n".join(problems))
    missed = [m.label for m in measurements if m.verdict == "FAIL"]
    print()
    if missed:
        print(f"FAIL: {len(missed)} target(s) missed: {', '.join(missed)}")
    elif not problems:
        print("PASS: every target met")
    return 1 if missed or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
