"""The catalogue on the home page: every published quiz with its size, plays and best score."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from quizapp.models import BoardEntry, Quiz, QuizQuestion
from quizapp.play.leaderboard import ALL_TIME


@dataclass(frozen=True)
class CatalogueEntry:
    quiz: Quiz
    question_count: int
    best: int | None  # the best all-time score, None before anyone finished it


def catalogue(session: Session) -> list[CatalogueEntry]:
    """Published quizzes, newest first, in one query whatever their number."""
    question_count = (
        sa.select(sa.func.count())
        .where(QuizQuestion.quiz_id == Quiz.id)
        .correlate(Quiz)
        .scalar_subquery()
    )
    best = (
        sa.select(BoardEntry.points)
        .where(
            BoardEntry.quiz_id == Quiz.id,
            BoardEntry.period == "all",
            BoardEntry.period_start == ALL_TIME,
        )
        .order_by(BoardEntry.points.desc())
        .limit(1)
        .correlate(Quiz)
        .scalar_subquery()
    )
    rows = session.execute(
        sa.select(Quiz, question_count, best)
        .where(Quiz.published.is_(True))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
        .options(joinedload(Quiz.article))
    ).all()
    return [CatalogueEntry(quiz, count, points) for quiz, count, points in rows]
