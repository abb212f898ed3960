"""The home page: every published quiz with its size, plays and best score."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, render_template
from sqlalchemy.orm import joinedload

from quizapp.extensions import db
from quizapp.models import BoardEntry, Quiz, QuizQuestion
from quizapp.play.leaderboard import ALL_TIME

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
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
    rows = db.session.execute(
        sa.select(Quiz, question_count, best)
        .where(Quiz.published.is_(True))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
        .options(joinedload(Quiz.article))
    ).all()
    return render_template("main/index.html", rows=rows)
