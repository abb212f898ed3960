"""The SQL of ranks: a board's counting tree (ranktree.py) summed over the larger rank keys of
other windows, plus the rows of our own window counted on the rank index; and moving a row's
counters in the transaction that moves the row.

A rank statement is built once per shape with bound parameters and reused: building one costs
more than running it.
"""

from __future__ import annotations

import functools
from collections import Counter
from datetime import datetime
from typing import Any, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from quizapp.models import BoardEntry, BoardEntryCount, PlayerTotal, PlayerTotalCount
from quizapp.play import ranktree

RowModel = type[BoardEntry | PlayerTotal]
_Row = TypeVar("_Row", bound=BoardEntry | PlayerTotal)
CountModel = type[BoardEntryCount] | type[PlayerTotalCount]
COUNTERS: dict[RowModel, CountModel] = {
    BoardEntry: BoardEntryCount,
    PlayerTotal: PlayerTotalCount,
}
# The columns naming a board, in the counters' primary key order, before (level, prefix).
BOARD_COLUMNS: dict[RowModel, tuple[str, ...]] = {
    BoardEntry: ("quiz_id", "period", "period_start"),
    PlayerTotal: ("period", "period_start"),
}


def upsert(session: Session) -> type[postgresql.Insert] | type[sqlite.Insert]:
    """The INSERT construct with ON CONFLICT for the session's database."""
    return postgresql.Insert if session.get_bind().dialect.name == "postgresql" else sqlite.Insert


def board_filters(model: RowModel | CountModel, rows: RowModel) -> list[sa.ColumnElement[bool]]:
    """`model`'s columns naming a board of `rows`, each equal to its bound parameter."""
    return [getattr(model, column) == sa.bindparam(column) for column in BOARD_COLUMNS[rows]]


def counters_ahead(rows: RowModel) -> sa.ScalarSelect[int]:
    """The sum of the counters of every larger key outside our window: for each level, from a
    constant list of (level, `first_L`, `last_L`) rows, one short range of siblings (empty where
    the key's digit is the last). Under one OR, SQLite would read all the board's counters; as
    a UNION of 12 ranges, PostgreSQL takes twice as long to plan it, and it plans it for every
    request (psycopg drops its prepared statements at each rollback)."""
    m = COUNTERS[rows]
    ranges = sa.union_all(
        *(
            sa.select(
                sa.literal(level, sa.SmallInteger).label("level"),
                sa.bindparam(f"first_{level}", type_=sa.BigInteger).label("first"),
                sa.bindparam(f"last_{level}", type_=sa.BigInteger).label("last"),
            )
            for level in ranktree.LEVELS
        )
    ).subquery("level_ranges")
    siblings = (
        sa.select(sa.func.sum(m.size))
        .where(
            *board_filters(m, rows),
            m.level == ranges.c.level,
            m.prefix.between(ranges.c.first, ranges.c.last),
        )
        .scalar_subquery()
    )
    return (
        sa.select(sa.func.coalesce(sa.func.sum(siblings), 0)).select_from(ranges).scalar_subquery()
    )


def window_ahead(rows: RowModel) -> sa.ScalarSelect[int]:
    """The rows of our key's window that are ahead of ours: our points, a duration from the
    window's start (`window_start`) up to ours, and before us in (duration, finish, id) order.
    One range of the rank index, as long as the number of such rows."""
    m = rows
    mine = sa.tuple_(
        sa.bindparam("duration_ms"),
        sa.bindparam("finished_at", type_=sa.DateTime),
        sa.bindparam("row_id"),
    )
    return (
        sa.select(sa.func.count())
        .select_from(m)
        .where(
            *board_filters(m, rows),
            m.points == sa.bindparam("points"),
            m.duration_ms.between(sa.bindparam("window_start"), sa.bindparam("duration_ms")),
            sa.tuple_(m.duration_ms, m.finished_at, m.id) < mine,
        )
        .scalar_subquery()
    )


def own_row_ahead(rows: RowModel) -> sa.ScalarSelect[int]:
    """1 when `player_id`'s own row ranks ahead of the given values, else 0."""
    m = rows
    values = sa.tuple_(
        sa.bindparam("duration_ms"),
        sa.bindparam("finished_at", type_=sa.DateTime),
        sa.bindparam("row_id"),
    )
    ahead = sa.or_(
        m.points > sa.bindparam("points"),
        sa.and_(
            m.points == sa.bindparam("points"),
            sa.tuple_(m.duration_ms, m.finished_at, m.id) < values,
        ),
    )
    mine = m.player_id == sa.bindparam("player_id")
    return (
        sa.select(sa.func.count())
        .select_from(m)
        .where(*board_filters(m, rows), mine, ahead)
        .scalar_subquery()
    )


@functools.cache
def rank_statement(rows: RowModel, less_own: bool) -> sa.Select[int]:
    """1 + the rows ahead of the given values; less the player's own row when asked (the rank a
    new attempt would have against everyone else's best)."""
    rank = counters_ahead(rows) + window_ahead(rows) + 1
    if less_own:
        rank = rank - own_row_ahead(rows)
    return sa.select(rank)


def rank_of(
    session: Session,
    rows: type[_Row],
    board: dict[str, object],
    values: tuple[int, int, datetime, int],
    less_player: int | None = None,
) -> int:
    """The rank of a row with `values` (points, duration_ms, finished_at, row id) on the board of
    `rows` named by `board` (its BOARD_COLUMNS)."""
    points, duration_ms, finished_at, row_id = values
    key = ranktree.rank_key(points, duration_ms)
    parameters: dict[str, object] = {
        **board,
        "points": points,
        "duration_ms": duration_ms,
        "window_start": ranktree.window_start(duration_ms),
        "finished_at": finished_at,
        "row_id": row_id,
    }
    if less_player is not None:
        parameters["player_id"] = less_player
    for level, prefix in ranktree.nodes(key):
        parameters[f"first_{level}"] = prefix + 1
        parameters[f"last_{level}"] = prefix | ranktree.LAST_DIGIT
    statement = rank_statement(cast(RowModel, rows), less_player is not None)
    return int(session.connection().execute(statement, parameters).scalar() or 1)


class CounterMoves:
    """The counter changes of one posting, written at its end in one statement per table with
    the rows in key order, so concurrent postings lock shared counters in the same order."""

    def __init__(self) -> None:
        self.changes: dict[RowModel, Counter[tuple[Any, ...]]] = {
            model: Counter() for model in COUNTERS
        }

    def move(
        self, rows: RowModel, board: tuple[Any, ...], old: int | None, new: int | None
    ) -> None:
        """A row of the board of `rows` named by `board` (the values of its BOARD_COLUMNS) goes
        from rank key `old` to `new` (None: no row)."""
        for (level, prefix), delta in ranktree.moves(old, new).items():
            self.changes[rows][(*board, level, prefix)] += delta

    def write(self, session: Session) -> None:
        for rows, changes in self.changes.items():
            names = (*BOARD_COLUMNS[rows], "level", "prefix")
            counters = [
                {**dict(zip(names, key, strict=True)), "size": delta}
                for key, delta in sorted(changes.items())
                if delta
            ]
            if counters:
                _add_sizes(session, rows, counters)


def _add_sizes(session: Session, rows: RowModel, counters: list[dict[str, Any]]) -> None:
    """Add each size to its counter, creating it if new, atomically: a concurrent posting's
    change to the same counter waits for this transaction, then adds its own."""
    model = COUNTERS[rows]
    insert = upsert(session)(model)
    session.execute(
        insert.on_conflict_do_update(
            index_elements=[*BOARD_COLUMNS[rows], "level", "prefix"],
            set_={"size": model.size + insert.excluded.size},
        ),
        counters,
    )
