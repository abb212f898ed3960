"""Seeding for bench_leaderboard.py: a million finished attempts and the board rows they make.

A deterministic generator (random.Random) makes finished attempts of a timed 30-question quiz by
players of varied skill and speed, finishing over the HISTORY_DAYS days before NOW. The attempts
are replayed in finish order through the rules of `leaderboard.record` (repeated here, over
dictionaries), which gives the `BoardEntry` and `PlayerTotal` rows of every period (all time,
each week, each day), their counting trees (`BoardEntryCount`, `PlayerTotalCount`) and
`ScoreTally`. AttemptAnswer rows are not made: the boards never read them.

Rows are written in one transaction: with sqlite3 `executemany` (dates in SQLAlchemy's SQLite
storage format, checked against its type processors), or with PostgreSQL's COPY (psycopg), then
VACUUM ANALYZE as autovacuum would leave a settled table.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sqlite_dialect
from tqdm import tqdm

from quizapp.play import leaderboard, ranktree

# The board's "now": a Thursday evening, so this week's board holds several days of play.
NOW = datetime(2026, 11, 26, 18, 0, 0)
HISTORY_DAYS = 56
QUESTIONS = 30
TIME_LIMIT_SECONDS = 600
POINTS_PER_QUESTION = 1000
SAMPLE_ATTEMPTS = 1000
CHUNK = 20_000


@dataclass(frozen=True)
class Profile:
    """How the attempts score: with the speed bonus (fine-grained points), or without it and
    with a share of players timing out (whole thousands, many at exactly the time limit: the
    ties a rank must count row by row)."""

    speed_bonus: bool = True
    timeout_share: float = 0.0

    def settings(self) -> str:
        return json.dumps(
            {
                "time_limit_seconds": TIME_LIMIT_SECONDS,
                "speed_bonus": self.speed_bonus,
                "shuffle_questions": False,
                "shuffle_options": False,
                "feedback": "each",
                # Best games count: the boards hold each player's best of many plays.
                "first_game_counts": False,
            }
        )


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

    def record(self, attempt: SampleAttempt) -> None:
        points, duration_ms = attempt.points, attempt.duration_ms
        for period, start in self.period_starts(attempt.finished_at):
            key = (attempt.quiz_id, attempt.player_id, period, start)
            entry = self.entries.get(key)
            if entry is None:
                entry = Entry(*key, 0, 0, 0, attempt.id, attempt.finished_at)
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
            entry.attempt_id = attempt.id
            entry.points = points
            entry.correct = attempt.correct
            entry.duration_ms = duration_ms
            entry.finished_at = attempt.finished_at
            total_key = (attempt.player_id, period, start)
            total = self.totals.get(total_key)
            if total is None:
                total = self.totals[total_key] = Total(*total_key)
            total.points += gained
            total.duration_ms += extra_ms
            total.quizzes += new_quiz
            total.finished_at = attempt.finished_at


def counters(boards: Iterable[tuple[tuple[Any, ...], int]]) -> Iterator[tuple[Any, ...]]:
    """The counting trees' rows, (board..., level, prefix, size), from (board, rank key) pairs:
    each level summed from the one below, as `ranktree.tree_of` would give them."""
    first = ranktree.LEVELS.start * ranktree.DIGIT_BITS
    level: Counter[tuple[Any, ...]] = Counter((board, key >> first) for board, key in boards)
    for number in ranktree.LEVELS:
        above: Counter[tuple[Any, ...]] = Counter()
        for (board, prefix), size in level.items():
            yield (*board, number, prefix, size)
            above[board, prefix >> ranktree.DIGIT_BITS] += size
        level = above


# ---------------------------------------------------------------------------------------------
# Writers.
# ---------------------------------------------------------------------------------------------


class Writer(Protocol):
    def insert(
        self, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]], total: int
    ) -> None: ...

    def execute(self, sql: str, rows: list[tuple[Any, ...]]) -> None: ...

    def finish(self) -> None: ...


def progress(table: str, total: int) -> tqdm[Any]:
    return tqdm(total=total, desc=f"  {table}", unit="row", unit_scale=True, file=sys.stderr)


def chunks(rows: Iterable[tuple[Any, ...]], size: int = CHUNK) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def sql_datetime(moment: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite (checked in `check_formats`), but faster."""
    return moment.isoformat(" ", "microseconds")


def check_formats() -> None:
    dialect = sqlite_dialect.dialect()
    as_datetime = sa.DateTime().dialect_impl(dialect).bind_processor(dialect)
    as_date = sa.Date().dialect_impl(dialect).bind_processor(dialect)
    assert as_datetime is not None and as_date is not None
    for moment in (NOW, NOW.replace(microsecond=7), datetime(999, 1, 2, 3, 4, 5, 600_000)):
        assert sql_datetime(moment) == as_datetime(moment), (moment, as_datetime(moment))
        assert moment.date().isoformat() == as_date(moment.date())


def sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return sql_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class SQLiteWriter:
    def __init__(self, path: str) -> None:
        check_formats()
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode = MEMORY")
        self.connection.execute("PRAGMA synchronous = OFF")
        self.connection.execute("PRAGMA cache_size = -1048576")  # 1 GiB, while seeding only
        self.connection.execute("BEGIN")

    def insert(
        self, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]], total: int
    ) -> None:
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        with progress(table, total) as bar:
            for batch in chunks(rows):
                self.connection.executemany(
                    sql, [tuple(sqlite_value(v) for v in row) for row in batch]
                )
                bar.update(len(batch))

    def execute(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self.connection.executemany(sql.replace("%s", "?"), rows)

    def finish(self) -> None:
        self.connection.execute("COMMIT")
        self.connection.close()


class PostgresWriter:
    def __init__(self, url: str) -> None:
        import psycopg

        self.connection = psycopg.connect(url)

    def insert(
        self, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]], total: int
    ) -> None:
        with (
            progress(table, total) as bar,
            self.connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for n, row in enumerate(rows, start=1):
                copy.write_row(row)
                if n % CHUNK == 0:
                    bar.update(CHUNK)

    def execute(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def finish(self) -> None:
        # The ids were written explicitly: the sequences must go on after them.
        for table in ("quiz", "player", "attempt", "board_entry", "player_total"):
            self.connection.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            )
        self.connection.commit()
        self.connection.autocommit = True
        self.connection.execute("VACUUM ANALYZE")
        self.connection.close()


# ---------------------------------------------------------------------------------------------
# Attempts and boards.
# ---------------------------------------------------------------------------------------------


def make_attempts(
    rng: random.Random, attempts: int, players: int, quiz_ids: list[int], profile: Profile
) -> Iterator[tuple[SampleAttempt, datetime]]:
    """Finished attempts in finish order, each with its start."""
    skill = [min(0.98, max(0.05, rng.betavariate(4, 2.5))) for _ in range(players)]
    pace = [rng.random() for _ in range(players)]
    history = HISTORY_DAYS * 86_400
    first = NOW - timedelta(seconds=history)
    offsets = sorted(rng.random() * history for _ in range(attempts))
    limit_ms = TIME_LIMIT_SECONDS * 1000
    for attempt_id, offset in enumerate(offsets, start=1):
        player_id = rng.randrange(players) + 1
        quiz_id = quiz_ids[rng.randrange(len(quiz_ids))]
        p = skill[player_id - 1]
        correct = min(QUESTIONS, max(0, round(rng.gauss(QUESTIONS * p, 2.5))))
        speed = min(1.0, max(0.0, pace[player_id - 1] + rng.gauss(0, 0.12)))
        duration_ms = round(limit_ms * (1 - 0.85 * speed) + rng.gauss(0, 15_000))
        duration_ms = min(limit_ms, max(15_000, duration_ms))
        if rng.random() < profile.timeout_share:
            duration_ms = limit_ms
        if profile.speed_bonus:
            # Each right answer earns half its points, plus up to the other half for speed.
            half = correct * POINTS_PER_QUESTION // 2
            points = half + round(correct * POINTS_PER_QUESTION / 2 * speed)
        else:
            points = correct * POINTS_PER_QUESTION
        finished_at = first + timedelta(seconds=offset)
        attempt = SampleAttempt(
            attempt_id, quiz_id, player_id, points, correct, duration_ms, finished_at
        )
        yield attempt, finished_at - timedelta(milliseconds=duration_ms)


def attempt_rows(
    rng: random.Random,
    attempts: int,
    players: int,
    quiz_ids: list[int],
    profile: Profile,
    recorder: Recorder,
    sample: list[SampleAttempt],
) -> Iterator[tuple[Any, ...]]:
    """The attempt table's rows; each attempt is recorded on the boards as it is made, and about
    SAMPLE_ATTEMPTS of those at quiz 1 are kept in `sample`."""
    every = max(1, attempts // len(quiz_ids) // SAMPLE_ATTEMPTS)
    settings = profile.settings()
    for attempt, started_at in make_attempts(rng, attempts, players, quiz_ids, profile):
        recorder.record(attempt)
        if attempt.quiz_id == 1 and attempt.id % every == 0:
            sample.append(attempt)
        yield (
            attempt.id,
            f"{rng.getrandbits(192):048x}",
            attempt.quiz_id,
            attempt.player_id,
            f"player{attempt.player_id}",
            "finished",
            started_at,
            started_at + timedelta(seconds=TIME_LIMIT_SECONDS),
            attempt.finished_at,
            settings,
            QUESTIONS,
            QUESTIONS,
            attempt.correct,
            attempt.points,
            attempt.duration_ms,
        )


ATTEMPT_COLUMNS = [
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
]
ENTRY_COLUMNS = [
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
]
TOTAL_COLUMNS = [
    "id",
    "player_id",
    "period",
    "period_start",
    "points",
    "quizzes",
    "duration_ms",
    "finished_at",
]


def seed(
    writer: Writer,
    quizzes: int,
    players: int,
    attempts: int,
    profile: Profile,
    rng: random.Random,
) -> Seeded:
    seeded = Seeded()
    recorder = Recorder(seeded)
    quiz_ids = list(range(1, quizzes + 1))
    start = time.perf_counter()
    created = NOW - timedelta(days=HISTORY_DAYS + 1)
    settings = profile.settings()
    writer.insert(
        "quiz",
        ["id", "title", "slug", "description", "settings", "published", "created_at"],
        ((q, f"Quiz {q}", f"quiz-{q}", "", settings, True, created) for q in quiz_ids),
        quizzes,
    )
    writer.insert(
        "player",
        ["id", "key", "nickname", "created_at"],
        ((p, f"{rng.getrandbits(192):048x}", f"player{p}", created) for p in range(1, players + 1)),
        players,
    )
    tally: Counter[tuple[int, int]] = Counter()
    rows = attempt_rows(rng, attempts, players, quiz_ids, profile, recorder, seeded.sample)
    writer.insert("attempt", ATTEMPT_COLUMNS, tallied(rows, tally), attempts)
    writer.execute(
        "INSERT INTO score_tally (quiz_id, points, attempts) VALUES (%s, %s, %s)",
        [(q, p, n) for (q, p), n in tally.items()],
    )
    plays: Counter[int] = Counter()
    for (quiz_id, _), count in tally.items():
        plays[quiz_id] += count
    writer.execute(
        "UPDATE quiz SET play_count = %s WHERE id = %s", [(n, q) for q, n in plays.items()]
    )
    write_boards(writer, seeded)
    writer.finish()
    seeded.attempts = attempts
    seeded.seconds = time.perf_counter() - start
    return seeded


def tallied(rows: Iterator[tuple[Any, ...]], tally: Counter[tuple[int, int]]) -> Iterator[Any]:
    for row in rows:
        tally[row[2], row[13]] += 1
        yield row


def write_boards(writer: Writer, seeded: Seeded) -> None:
    entries, totals = list(seeded.entries.values()), list(seeded.totals.values())
    for number, row in enumerate(entries, start=1):
        row.id = number
    for number, row in enumerate(totals, start=1):
        row.id = number
    writer.insert(
        "board_entry",
        ENTRY_COLUMNS,
        (
            (
                e.id,
                e.quiz_id,
                e.player_id,
                e.period,
                e.start,
                e.attempt_id,
                e.points,
                e.correct,
                e.duration_ms,
                e.finished_at,
            )
            for e in entries
        ),
        len(entries),
    )
    writer.insert(
        "player_total",
        TOTAL_COLUMNS,
        (
            (
                t.id,
                t.player_id,
                t.period,
                t.start,
                t.points,
                t.quizzes,
                t.duration_ms,
                t.finished_at,
            )
            for t in totals
        ),
        len(totals),
    )
    entry_trees = list(
        counters(
            ((e.quiz_id, e.period, e.start), ranktree.rank_key(e.points, e.duration_ms))
            for e in entries
        )
    )
    writer.insert(
        "board_entry_count",
        ["quiz_id", "period", "period_start", "level", "prefix", "size"],
        entry_trees,
        len(entry_trees),
    )
    total_trees = list(
        counters(((t.period, t.start), ranktree.rank_key(t.points, t.duration_ms)) for t in totals)
    )
    writer.insert(
        "player_total_count",
        ["period", "period_start", "level", "prefix", "size"],
        total_trees,
        len(total_trees),
    )
