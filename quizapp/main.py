"""Public pages: the home page listing quizzes and a quiz's overview."""

import sqlalchemy as sa
from flask import Blueprint, render_template
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Question, Quiz, QuizQuestion

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
    quizzes = db.session.scalars(
        sa.select(Quiz)
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
        .options(
            selectinload(Quiz.article),
            selectinload(Quiz.entries)
            .selectinload(QuizQuestion.question)
            .selectinload(Question.choices),
        )
    ).all()
    return render_template("main/index.html", quizzes=quizzes)
