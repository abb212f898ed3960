"""The board reads as they were before the counting trees (commit 46f1118), to time side by side
with today's on the same database: a rank counted the rows ahead on the rank index, and a page
loaded its rows as mapped objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Attempt, BoardEntry, Player
from quizapp.play import leaderboard
from quizapp.play.leaderboard import Board, BoardPage, Standing


def filters(board: Board[Any]) -> list[sa.ColumnElement[bool]]:
    return [getattr(board.model, column) == value for column, value in board.board.items()]


def better_than(
    model: Any, points: int, duration_ms: int, finished_at: datetime, row_id: int
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


def standing(rank: int, row: Any, nickname: str) -> Standing:
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


def page(board: Board[Any], session: Session, number: int, per_page: int) -> BoardPage:
    offset = (number - 1) * per_page
    m = board.model
    ordered = (
        sa.select(m.id)
        .where(*filters(board))
        .order_by(m.points.desc(), m.duration_ms, m.finished_at, m.id)
    )
    ids = session.scalars(ordered.offset(offset).limit(per_page + 1)).all()
    shown = ids[:per_page]
    found = {
        row.id: (row, nickname)
        for row, nickname in session.execute(
            sa.select(m, Player.nickname)
            .join(Player, Player.id == m.player_id)
            .where(m.id.in_(shown))
        )
    }
    standings = [
        standing(offset + i + 1, *found[row_id])
        for i, row_id in enumerate(shown)
        if row_id in found
    ]
    return BoardPage(standings, number, per_page, has_next=len(ids) > per_page)


def standing_of(board: Board[Any], session: Session, player_id: int) -> Standing | None:
    m = board.model
    found = session.execute(
        sa.select(m, Player.nickname)
        .join(Player, Player.id == m.player_id)
        .where(*filters(board), m.player_id == player_id)
    ).first()
    if found is None:
        return None
    row, nickname = found
    ahead = better_than(m, row.points, row.duration_ms, row.finished_at, row.id)
    counts = [
        sa.select(sa.func.count()).select_from(m).where(*filters(board), cond).scalar_subquery()
        for cond in ahead
    ]
    rank = session.scalar(sa.select(counts[0] + counts[1] + 1))
    return standing(int(rank or 1), row, nickname)


def attempt_rank(session: Session, attempt: Attempt) -> int:
    assert attempt.finished_at is not None and attempt.duration_ms is not None
    board = leaderboard.quiz_board(attempt.quiz_id, "all", attempt.finished_at)
    ahead = better_than(BoardEntry, attempt.points, attempt.duration_ms, attempt.finished_at, 0)
    counts = [
        sa.select(sa.func.count()).select_from(BoardEntry).where(*filters(board), cond)
        for cond in ahead
    ]
    own = (
        sa.select(sa.func.count())
        .select_from(BoardEntry)
        .where(*filters(board), BoardEntry.player_id == attempt.player_id, sa.or_(*ahead))
    )
    total = counts[0].scalar_subquery() + counts[1].scalar_subquery() - own.scalar_subquery()
    return int(session.scalar(sa.select(total + 1)) or 1)
