"""Leaderboards: each player's best attempt per quiz, and the sum of those bests overall.

Order everywhere: more points first, then the quicker, then whoever finished earlier (then the
row id, so pages never shuffle). The stored rows are kept in that order by an index, so a page
is read off the index and a rank is two index range counts; nothing scans all attempts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from quizapp.models import Attempt, BoardEntry, Player, PlayerTotal, ScoreTally
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


@dataclass(frozen=True)
class Standing:
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


def _better_than(
    model: type[_Row], points: int, duration_ms: int, finished_at: datetime, row_id: int
) -> list[sa.ColumnElement[bool]]:
    """Rows ahead of the given one, as two index ranges (more points; equal points, ahead)."""
    return [
        model.points > points,
        sa.and_(
            model.points == points,
            sa.tuple_(model.duration_ms, model.finished_at, model.id)
            < sa.tuple_(
                sa.literal(duration_ms), sa.literal(finished_at, sa.DateTime), sa.literal(row_id)
            ),
        ),
    ]


class Board(Generic[_Row]):
    def __init__(self, model: type[_Row], filters: list[sa.ColumnElement[bool]]) -> None:
        self.model = model
        self.filters = filters

    def ordered(self) -> sa.Select[int]:
        """The board's row ids in rank order: read from the rank index alone."""
        m = self.model
        return (
            sa.select(m.id)
            .where(*self.filters)
            .order_by(m.points.desc(), m.duration_ms, m.finished_at, m.id)
        )

    def page(self, session: Session, page: int, per_page: int) -> BoardPage:
        """One page in one query: its ids off the rank index alone (cheap even deep down), and
        just those rows with their players' nicknames, as plain values."""
        page = max(1, page)
        offset = (page - 1) * per_page
        m = self.model
        ids = self.ordered().offset(offset).limit(per_page + 1).subquery()
        # A quiz board's rows say how many answers were right, the overall board's how many
        # quizzes were played.
        extra = [getattr(m, name) for name in ("correct_count", "quizzes") if hasattr(m, name)]
        # Plain rows, read on the session's connection: the ORM's work for each statement (flush,
        # identity map, loading objects) would cost more than the query.
        rows = [
            row._mapping
            for row in session.connection().execute(
                sa.select(m.id, m.player_id, m.points, m.duration_ms, m.finished_at, *extra)
                .add_columns(Player.nickname)
                .join(ids, ids.c.id == m.id)
                .join(Player, Player.id == m.player_id)
            )
        ]
        rows.sort(
            key=lambda row: (-row["points"], row["duration_ms"], row["finished_at"], row["id"])
        )
        standings = [
            Standing(
                rank=offset + i + 1,
                player_id=row["player_id"],
                nickname=row["nickname"],
                points=row["points"],
                duration_ms=row["duration_ms"],
                finished_at=row["finished_at"],
                correct_count=row.get("correct_count"),
                quizzes=row.get("quizzes"),
            )
            for i, row in enumerate(rows[:per_page])
        ]
        return BoardPage(standings, page, per_page, has_next=len(rows) > per_page)

    def rank_query(self, row: _Row) -> sa.Select[int]:
        m = self.model
        ahead = _better_than(m, row.points, row.duration_ms, row.finished_at, row.id)
        counts = [
            sa.select(sa.func.count()).select_from(m).where(*self.filters, cond).scalar_subquery()
            for cond in ahead
        ]
        return sa.select(counts[0] + counts[1] + 1)

    def standing_of(self, session: Session, player_id: int) -> Standing | None:
        m = self.model
        found = session.execute(
            sa.select(m, Player.nickname)
            .join(Player, Player.id == m.player_id)
            .where(*self.filters, m.player_id == player_id)
        ).first()
        if found is None:
            return None
        row, nickname = found
        rank = session.scalar(self.rank_query(row))
        return self.standing(int(rank or 1), row, nickname)

    def standing(self, rank: int, row: _Row, nickname: str) -> Standing:
        return Standing(
            rank=rank,
            player_id=row.player_id,
            nickname=nickname,
            points=row.points,
            duration_ms=row.duration_ms,
            finished_at=row.finished_at,
            correct_count=getattr(row, "correct_count", None),
            quizzes=getattr(row, "quizzes", None),
        )


def quiz_board(quiz_id: int, period: str, now: datetime) -> Board[BoardEntry]:
    stored, start = period_key(period, now)
    return Board(
        BoardEntry,
        [
            BoardEntry.quiz_id == quiz_id,
            BoardEntry.period == stored,
            BoardEntry.period_start == start,
        ],
    )


def overall_board(period: str, now: datetime) -> Board[PlayerTotal]:
    stored, start = period_key(period, now)
    return Board(PlayerTotal, [PlayerTotal.period == stored, PlayerTotal.period_start == start])


def attempt_rank(session: Session, attempt: Attempt) -> int:
    """Where this attempt would stand on its quiz's all-time board against everyone else's best.

    Counted over the whole board (index-only ranges), less the player's own best when it is
    ahead: filtering the player out inside the counts would read every row from the table.
    """
    assert attempt.finished_at is not None and attempt.duration_ms is not None
    board = quiz_board(attempt.quiz_id, "all", attempt.finished_at)
    ahead = _better_than(BoardEntry, attempt.points, attempt.duration_ms, attempt.finished_at, 0)
    counts = [
        sa.select(sa.func.count()).select_from(BoardEntry).where(*board.filters, cond)
        for cond in ahead
    ]
    own = (
        sa.select(sa.func.count())
        .select_from(BoardEntry)
        .where(*board.filters, BoardEntry.player_id == attempt.player_id, sa.or_(*ahead))
    )
    total = counts[0].scalar_subquery() + counts[1].scalar_subquery() - own.scalar_subquery()
    return int(session.scalar(sa.select(total + 1)) or 1)


def _locked_row(
    session: Session, model: type[_Row], new: dict[str, object], **key: object
) -> tuple[_Row, bool]:
    """The row with this key, locked for the rest of the transaction (on PostgreSQL), or a new
    one with that key and the `new` values. Two first finishes racing to create the same row:
    the loser's insert fails inside a savepoint and it takes the winner's row instead."""
    query = sa.select(model).filter_by(**key).with_for_update()
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
    first-game rules only a player's first finished game is posted; a replay is practice."""
    assert attempt.finished_at is not None and attempt.duration_ms is not None
    first_only = QuizSettings.from_mapping(attempt.settings).first_game_counts
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
        entry.attempt_id = attempt.id
        entry.points = attempt.points
        entry.correct_count = attempt.correct_count
        entry.duration_ms = attempt.duration_ms
        entry.finished_at = attempt.finished_at
        _add_to_total(session, attempt, period, start, gained, extra_ms, new_quiz)
    session.flush()


def is_practice(session: Session, attempt: Attempt) -> bool:
    """Whether this game is a replay under first-game rules: the player's all-time entry on the
    quiz already holds another game, so `record` posts this one nowhere."""
    if not QuizSettings.from_mapping(attempt.settings).first_game_counts:
        return False
    held = session.scalar(
        sa.select(BoardEntry.attempt_id).where(
            BoardEntry.quiz_id == attempt.quiz_id,
            BoardEntry.player_id == attempt.player_id,
            BoardEntry.period == "all",
            BoardEntry.period_start == ALL_TIME,
        )
    )
    return held is not None and held != attempt.id


def _beats(attempt: Attempt, entry: BoardEntry) -> bool:
    assert attempt.duration_ms is not None
    return (-attempt.points, attempt.duration_ms) < (-entry.points, entry.duration_ms)


def _add_to_total(
    session: Session,
    attempt: Attempt,
    period: str,
    start: date,
    gained: int,
    extra_ms: int,
    new_quiz: int,
) -> None:
    finished_at = attempt.finished_at
    assert finished_at is not None
    total, _ = _locked_row(
        session,
        PlayerTotal,
        {"points": 0, "quizzes": 0, "duration_ms": 0, "finished_at": finished_at},
        player_id=attempt.player_id,
        period=period,
        period_start=start,
    )
    total.points += gained
    total.duration_ms += extra_ms
    total.quizzes += new_quiz
    total.finished_at = finished_at


def tally_score(session: Session, quiz_id: int, points: int) -> None:
    """Count one more finished attempt at this score, for the score histogram."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(ScoreTally).values(quiz_id=quiz_id, points=points, attempts=1)
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
