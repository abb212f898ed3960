"""Play: players, attempts with a snapshot of every question asked, and the leaderboard rows.

An attempt copies each question as the player saw it (prompt, options in the order shown, the
correct answer, the evidence), so editing or deleting a question never changes a past attempt.
Leaderboards read `BoardEntry` (each player's best attempt per quiz and period) and
`PlayerTotal` (the sum of those bests), kept up to date as attempts finish, never recomputed
from all attempts at query time.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import Model
from quizapp.models.content import Quiz, utcnow
from quizapp.text.limits import NICKNAME_MAX

ATTEMPT_STATUSES = ("active", "finished", "gave_up", "timed_out")
BOARD_PERIODS = ("all", "week", "day")


class Player(Model):
    """One browser (by the signed key in its session cookie), or one account when signed in."""

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    nickname: Mapped[str] = mapped_column(sa.String(NICKNAME_MAX))
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("account.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attempt(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    player_id: Mapped[int] = mapped_column(
        sa.ForeignKey("player.id", ondelete="CASCADE"), index=True
    )
    nickname: Mapped[str] = mapped_column(sa.String(NICKNAME_MAX))
    status: Mapped[str] = mapped_column(sa.String(20), default="active")
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    deadline: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # The rules this attempt is played under, copied from the quiz when it starts.
    settings: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    question_count: Mapped[int]
    current_position: Mapped[int] = mapped_column(default=0)
    correct_count: Mapped[int] = mapped_column(default=0)
    points: Mapped[int] = mapped_column(default=0)
    duration_ms: Mapped[int | None]

    quiz: Mapped[Quiz] = relationship()
    player: Mapped[Player] = relationship()
    answers: Mapped[list[AttemptAnswer]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="AttemptAnswer.position"
    )

    __table_args__ = (
        sa.CheckConstraint(f"status IN {ATTEMPT_STATUSES}", name="attempt_status_known"),
        sa.CheckConstraint(
            "current_position BETWEEN 0 AND question_count", name="attempt_position_range"
        ),
    )

    @property
    def finished(self) -> bool:
        return self.status != "active"


class AttemptAnswer(Model):
    """One question of an attempt, as asked, and the player's answer once it is locked."""

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("attempt.id", ondelete="CASCADE"))
    position: Mapped[int]
    question_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("question.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(20))
    prompt: Mapped[str] = mapped_column(sa.Text)
    options: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    correct_option: Mapped[int | None]
    correct_text: Mapped[str] = mapped_column(sa.Text)
    accepted_answers: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    explanation: Mapped[str] = mapped_column(sa.Text, default="")
    evidence: Mapped[str] = mapped_column(sa.Text, default="")
    highlight_start: Mapped[int | None]
    highlight_end: Mapped[int | None]

    shown_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]
    chosen_option: Mapped[int | None]
    given_text: Mapped[str | None] = mapped_column(sa.Text)
    is_correct: Mapped[bool] = mapped_column(default=False)
    points: Mapped[int] = mapped_column(default=0)

    attempt: Mapped[Attempt] = relationship(back_populates="answers")

    __table_args__ = (
        sa.UniqueConstraint("attempt_id", "position", name="attempt_answer_position_unique"),
    )

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def given_answer(self) -> str:
        if self.chosen_option is not None:
            return self.options[self.chosen_option]
        return self.given_text or ""


class BoardEntry(Model):
    """A player's best finished attempt at a quiz within a period (all time, a week, a day)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id", ondelete="CASCADE"))
    player_id: Mapped[int] = mapped_column(
        sa.ForeignKey("player.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str] = mapped_column(sa.String(8))
    period_start: Mapped[date]
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("attempt.id", ondelete="CASCADE"))
    points: Mapped[int]
    correct_count: Mapped[int]
    duration_ms: Mapped[int]
    finished_at: Mapped[datetime]

    player: Mapped[Player] = relationship()

    __table_args__ = (
        sa.UniqueConstraint("quiz_id", "player_id", "period", "period_start"),
        sa.CheckConstraint(f"period IN {BOARD_PERIODS}", name="board_entry_period_known"),
    )


class PlayerTotal(Model):
    """The sum of a player's best points over every quiz, within a period: the overall board."""

    id: Mapped[int] = mapped_column(primary_key=True)
    player_id: Mapped[int] = mapped_column(sa.ForeignKey("player.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(sa.String(8))
    period_start: Mapped[date]
    points: Mapped[int] = mapped_column(default=0)
    quizzes: Mapped[int] = mapped_column(default=0)
    duration_ms: Mapped[int] = mapped_column(default=0)
    finished_at: Mapped[datetime]

    player: Mapped[Player] = relationship()

    __table_args__ = (
        sa.UniqueConstraint("player_id", "period", "period_start"),
        sa.CheckConstraint(f"period IN {BOARD_PERIODS}", name="player_total_period_known"),
    )


# The boards' order (points desc, then quicker, then earlier, then id) as an index, so the top of
# a board is read straight off it and a rank is an index range count, never a sort.
sa.Index(
    "ix_board_entry_rank",
    BoardEntry.quiz_id,
    BoardEntry.period,
    BoardEntry.period_start,
    BoardEntry.points.desc(),
    BoardEntry.duration_ms,
    BoardEntry.finished_at,
    BoardEntry.id,
)
sa.Index(
    "ix_player_total_rank",
    PlayerTotal.period,
    PlayerTotal.period_start,
    PlayerTotal.points.desc(),
    PlayerTotal.duration_ms,
    PlayerTotal.finished_at,
    PlayerTotal.id,
)


class ScoreTally(Model):
    """How many finished attempts at a quiz scored exactly `points`: the score histogram."""

    quiz_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True
    )
    points: Mapped[int] = mapped_column(primary_key=True)
    attempts: Mapped[int] = mapped_column(default=0)


class CountingTree:
    """The columns of a counting tree: how many of a board's entries, in a period, have a rank key
    starting with `prefix` at `level` (quizapp/play/ranktree.py). A table using it adds the
    columns naming its board in front (the mixin's columns come after the class's own)."""

    period: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    period_start: Mapped[date] = mapped_column(primary_key=True)
    level: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True)
    prefix: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    size: Mapped[int] = mapped_column()

    # One B-tree on SQLite: a rank reads runs of neighbouring counters, keys and sizes together.
    __table_args__ = ({"sqlite_with_rowid": False},)


class BoardEntryCount(CountingTree, Model):
    """How many of a quiz board's entries have a rank key starting with `prefix` at `level`:
    the counting tree a rank is summed from (quizapp/play/ranktree.py)."""

    quiz_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True
    )


class PlayerTotalCount(CountingTree, Model):
    """The same counting tree over the overall board's totals, per period."""
