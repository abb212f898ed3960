"""The author's workspace (`/author/...`). Every route refuses anonymous visitors and players."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Article, Quiz

bp = Blueprint("author", __name__, url_prefix="/author")


@bp.before_request
def authors_only() -> ResponseReturnValue | None:
    if not current_user.is_authenticated:
        return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")), code=303)
    if not current_user.can_author:
        abort(403, description="Only authors may open the author's workspace.")
    return None


@bp.get("/")
def index() -> ResponseReturnValue:
    all_articles = db.session.scalars(
        sa.select(Article)
        .order_by(Article.created_at.desc(), Article.id.desc())
        .options(selectinload(Article.quizzes))
    ).all()
    all_quizzes = db.session.scalars(sa.select(Quiz).order_by(Quiz.created_at.desc())).all()
    return render_template("author/index.html", articles=all_articles, quizzes=all_quizzes)


from quizapp.views.author import articles, questions, quizzes  # noqa: E402, F401
