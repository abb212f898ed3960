"""Leaderboards: each player's best attempt per quiz, and the sum of those bests overall.

Order everywhere: more points first, then the quicker, then whoever finished earlier (then the
row id, so pages never shuffle). The stored rows are kept in that order by an index, so a page
is read off the index. A rank is the board's counting tree (ranktree.py) summed over the rows
with more points or the same points in a shorter time of another 65.5-second window, plus an
index range count over the rows ahead with the same points in the same window; nothing reads
the rows with more points.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, NamedTuple, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Attempt, BoardEntry, Player, PlayerTotal, ScoreTally
from quizapp.play import rankcounts, ranktree
from quizapp.play.rankcounts import CounterMoves, upsert
from quizapp.play.settings import QuizSettings

PERIODS = {"all": "All time", "week": "This week", "today": "Today"}
ALL_TIME = date(1970, 1, 1)
# The two kinds of board row: a quiz board's entries, and the overall board's totals.
BoardRow = BoardEntry | PlayerTotal
_Row = TypeVar("_Row", bound=BoardRow)
TIE_BREAK = (
    "Ranked by points; equal points go to the quicker player, and equal times to whoever "
    "finished first."
)


def period_starts(moment: datetime) -> dict[str, date]:
    """The stored period keys an attempt finished at `moment` counts in (UTC weeks from Monday)."""
    day = moment.date()
    return {"all": ALL_TIME, "week": day - timedelta(days=day.weekday()), "day": day}


def period_key(period: str, now: datetime) -> tuple[str, date]:
    """A board period as the pages name it ("all", "week", "today") to its stored key."""
    stored = "day" if period == "today" else period
    if stored not in {"all", "week", "day"}:
        raise ValueError(f"unknown period {period!r}")
    return stored, period_starts(now)[stored]


class Standing(NamedTuple):
    """A row of a board as the pages show it (a named tuple: pages make twenty at a time, and a
    frozen dataclass costs three times as much to make)."""

    rank: int
    player_id: int
    nickname: str
    points: int
    duration_ms: int
    finished_at: datetime
    correct_count: int | None = None
    quizzes: int | None = None


@dataclass(frozen=True)
class BoardPage:
    rows: list[Standing]
    page: int
    per_page: int
    has_next: bool


StandingRow = sa.Row[int, int, str, int, int, datetime, int]


@dataclass(frozen=True)
class BoardStatements:
    """A kind of board's statements, with the board's columns, `offset`, `limit` and
    `player_id` as bound parameters: built once, since building one costs more than running
    it."""

    page: sa.Select[int, int, str, int, int, datetime, int]
    row_of_player: sa.Select[int, int, str, int, int, datetime, int]


@functools.cache
def statements(model: rankcounts.RowModel) -> BoardStatements:
    m = model
    on_board = rankcounts.board_filters(m, m)
    # A page's row ids in rank order, read from the rank index alone (cheap even deep down).
    page_ids = (
        sa.select(m.id)
        .where(*on_board)
        .order_by(m.points.desc(), m.duration_ms, m.finished_at, m.id)
        .offset(sa.bindparam("offset"))
        .limit(sa.bindparam("limit"))
        .subquery("page_ids")
    )
    extra = BoardEntry.correct_count if m is BoardEntry else PlayerTotal.quizzes
    # Plain columns: cheaper to load than mapped rows.
    columns = sa.select(
        m.id,
        m.player_id,
        Player.nickname,
        m.points,
        m.duration_ms,
        m.finished_at,
        extra.label("extra"),
    ).join(Player, Player.id == m.player_id)
    return BoardStatements(
        # Then just those rows, with their players' nicknames.
        page=columns.join(page_ids, page_ids.c.id == m.id),
        row_of_player=columns.where(*on_board, m.player_id == sa.bindparam("player_id")),
    )


def _rank_order(row: StandingRow) -> tuple[int, int, datetime, int]:
    """The boards' order, as the rank index keeps it: a page's ids are read in it, but joining
    them to their rows does not promise to keep it."""
    return -row[3], row[4], row[5], row[0]


class Board(Generic[_Row]):
    def __init__(self, model: type[_Row], board: dict[str, object]) -> None:
        """The board of `model`'s rows named by `board`: the values of its BOARD_COLUMNS."""
        self.model = model
        self.board = board

    def statements(self) -> BoardStatements:
        return statements(cast(rankcounts.RowModel, self.model))

    def page(self, session: Session, page: int, per_page: int) -> BoardPage:
        """One page, in one statement: its ids off the rank index alone, then just those rows
        with their players' nicknames, as plain values."""
        page = max(1, page)
        offset = (page - 1) * per_page
        # A plain Core statement on the session's connection: the ORM has nothing to add to
        # it, and skipping it is a good part of its time.
        page_of = {**self.board, "offset": offset, "limit": per_page + 1}
        found = session.connection().execute(self.statements().page, page_of)
        rows = sorted(found, key=_rank_order)
        standings = [self.standing(offset + i, row) for i, row in enumerate(rows[:per_page], 1)]
        return BoardPage(standings, page, per_page, has_next=len(rows) > per_page)

    def standing_of(self, session: Session, player_id: int) -> Standing | None:
        mine = {**self.board, "player_id": player_id}
        row = session.connection().execute(self.statements().row_of_player, mine).first()
        if row is None:
            return None
        values = (row.points, row.duration_ms, row.finished_at, row.id)
        return self.standing(rankcounts.rank_of(session, self.model, self.board, values), row)

    def standing(self, rank: int, row: StandingRow) -> Standing:
        _row_id, player_id, nickname, points, duration_ms, finished_at, extra = row
        quiz_board = self.model is BoardEntry
        return Standing(
            rank,
            player_id,
            nickname,
            points,
            duration_ms,
            finished_at,
            correct_count=extra if quiz_board else None,
            quizzes=None if quiz_board else extra,
        )


def quiz_board(quiz_id: int, period: str, now: datetime) -> Board[BoardEntry]:
    stored, start = period_key(period, now)
    return Board(BoardEntry, {"quiz_id": quiz_id, "period": stored, "period_start": start})


def overall_board(period: str, now: datetime) -> Board[PlayerTotal]:
    stored, start = period_key(period, now)
    return Board(PlayerTotal, {"period": stored, "period_start": start})


def attempt_rank(session: Session, attempt: Attempt) -> int:
    """Where this attempt would stand on its quiz's all-time board against everyone else's best:
    the rank of its values there, less the player's own best when it is ahead (a counter does
    not know whose rows it counts)."""
    assert attempt.finished_at is not None and attempt.duration_ms is not None
    board = quiz_board(attempt.quiz_id, "all", attempt.finished_at)
    values = (attempt.points, attempt.duration_ms, attempt.finished_at, 0)
    return rankcounts.rank_of(session, BoardEntry, board.board, values, attempt.player_id)


def _locked_row(
    session: Session, model: type[_Row], new: dict[str, object], **key: object
) -> tuple[_Row, bool]:
    """The row with this key, locked for the rest of the transaction (on PostgreSQL), or a new
    one with that key and the `new` values. Two first finishes racing to create the same row:
    the loser's insert fails inside a savepoint and it takes the winner's row instead."""
    # Fresh values even when the row is already in the session: the counters move from them.
    query = (
        sa.select(model)
        .filter_by(**key)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    row = session.scalar(query)
    if row is not None:
        return row, False
    try:
        with session.begin_nested():
            row = model(**key, **new)
            session.add(row)
    except sa.exc.IntegrityError:
        return session.scalars(query).one(), False
    return row, True


def record(session: Session, attempt: Attempt) -> None:
    """Post a finished attempt: it becomes the player's entry where it beats their best. Under
    first-game rules only a player's first finished game is posted; a replay is practice. The
    boards' counting trees move with the rows, in the same transaction."""
    assert attempt.finished_at is not None and attempt.duration_ms is not None
    first_only = QuizSettings.from_mapping(attempt.settings).first_game_counts
    moves = CounterMoves()
    for period, start in period_starts(attempt.finished_at).items():  # "all" comes first
        entry, created = _locked_row(
            session,
            BoardEntry,
            {
                "attempt_id": attempt.id,
                "points": attempt.points,
                "correct_count": attempt.correct_count,
                "duration_ms": attempt.duration_ms,
                "finished_at": attempt.finished_at,
            },
            quiz_id=attempt.quiz_id,
            player_id=attempt.player_id,
            period=period,
            period_start=start,
        )
        if created:
            gained, extra_ms, new_quiz = attempt.points, attempt.duration_ms, 1
        elif first_only and period == "all":
            break  # a replay: on no board, not even a new week's or day's
        elif _beats(attempt, entry) and not first_only:
            gained, extra_ms, new_quiz = (
                attempt.points - entry.points,
                attempt.duration_ms - entry.duration_ms,
                0,
            )
        else:
            continue
        old = None if created else ranktree.rank_key(entry.points, entry.duration_ms)
        entry.attempt_id = attempt.id
        entry.points = attempt.points
        entry.correct_count = attempt.correct_count
        entry.duration_ms = attempt.duration_ms
        entry.finished_at = attempt.finished_at
        new = ranktree.rank_key(entry.points, entry.duration_ms)
        moves.move(BoardEntry, (attempt.quiz_id, period, start), old, new)
        _add_to_total(session, attempt, period, start, (gained, extra_ms, new_quiz), moves)
    moves.write(session)
    session.flush()


# Built once, run on the connection: composing the statement or going through the ORM would
# cost more than running it.
_HELD_ALL_TIME = sa.select(BoardEntry.attempt_id).where(
    BoardEntry.quiz_id == sa.bindparam("quiz_id"),
    BoardEntry.player_id == sa.bindparam("player_id"),
    BoardEntry.period == "all",
    BoardEntry.period_start == ALL_TIME,
)
# The same as a column of a statement that reads an attempt: the pages of a game read it along.
HELD_ALL_TIME_OF_ATTEMPT = (
    sa.select(BoardEntry.attempt_id)
    .where(
        BoardEntry.quiz_id == Attempt.quiz_id,
        BoardEntry.player_id == Attempt.player_id,
        BoardEntry.period == "all",
        BoardEntry.period_start == ALL_TIME,
    )
    .scalar_subquery()
)


def practice(attempt: Attempt, held: int | None) -> bool:
    """Whether this game is a replay under first-game rules, given the attempt that holds the
    player's all-time entry on the quiz (None: none does): another game does, so `record` posts
    this one nowhere."""
    first_only = QuizSettings.from_mapping(attempt.settings).first_game_counts
    return first_only and held is not None and held != attempt.id


def is_practice(session: Session, attempt: Attempt) -> bool:
    """The same, reading the player's all-time entry."""
    if not QuizSettings.from_mapping(attempt.settings).first_game_counts:
        return False
    player = {"quiz_id": attempt.quiz_id, "player_id": attempt.player_id}
    return practice(attempt, session.connection().execute(_HELD_ALL_TIME, player).scalar())


def _beats(attempt: Attempt, entry: BoardEntry) -> bool:
    assert attempt.duration_ms is not None
    return (-attempt.points, attempt.duration_ms) < (-entry.points, entry.duration_ms)


def _add_to_total(
    session: Session,
    attempt: Attempt,
    period: str,
    start: date,
    change: tuple[int, int, int],
    moves: CounterMoves,
) -> None:
    """Add (points, milliseconds, quizzes) to the player's total for the period."""
    finished_at = attempt.finished_at
    assert finished_at is not None
    gained, extra_ms, new_quiz = change
    total, created = _locked_row(
        session,
        PlayerTotal,
        {"points": 0, "quizzes": 0, "duration_ms": 0, "finished_at": finished_at},
        player_id=attempt.player_id,
        period=period,
        period_start=start,
    )
    old = None if created else ranktree.rank_key(total.points, total.duration_ms)
    total.points += gained
    total.duration_ms += extra_ms
    total.quizzes += new_quiz
    total.finished_at = finished_at
    new = ranktree.rank_key(total.points, total.duration_ms)
    moves.move(PlayerTotal, (period, start), old, new)


def tally_score(session: Session, quiz_id: int, points: int) -> None:
    """Count one more finished attempt at this score, for the score histogram."""
    statement = upsert(session)(ScoreTally).values(quiz_id=quiz_id, points=points, attempts=1)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[ScoreTally.quiz_id, ScoreTally.points],
            set_={"attempts": ScoreTally.attempts + 1},
        )
    )


@dataclass(frozen=True)
class Bin:
    low: int
    high: int
    count: int
    mine: bool


def histogram(
    session: Session, quiz_id: int, max_points: int, mine: int, bins: int = 10
) -> list[Bin]:
    """All finished attempts' scores in `bins` equal ranges from 0 to the maximum."""
    width = max(1, -(-max(max_points, 1) // bins))
    counts = [0] * bins
    for points, attempts in session.execute(
        sa.select(ScoreTally.points, ScoreTally.attempts).where(ScoreTally.quiz_id == quiz_id)
    ):
        counts[min(bins - 1, max(0, points) // width)] += attempts
    my_bin = min(bins - 1, max(0, mine) // width)
    return [
        Bin(i * width, min(max_points, (i + 1) * width), count, i == my_bin)
        for i, count in enumerate(counts)
    ]
