"""The quiz builder, per-question statistics, and import/export."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.authoring import quizzes as rules
from quizapp.authoring.history import history, record_change
from quizapp.authoring.questions import PLAYABLE
from quizapp.authoring.stats import question_stats
from quizapp.authoring.transfer import export_questions, export_quiz, import_file
from quizapp.extensions import db
from quizapp.forms.author import ImportForm, QuizForm
from quizapp.models import Article, Question, Quiz
from quizapp.play.settings import QuizSettings
from quizapp.text.limits import PAGE_MAX_BYTES, describe_bytes
from quizapp.views import small_int
from quizapp.views.author import bp


def candidates(article: Article | None) -> list[Question]:
    """Questions that may go into a quiz: the article's first, then every other playable one."""
    query = sa.select(Question).where(Question.status.in_(PLAYABLE))
    order = [Question.article_id != (article.id if article else -1), Question.id]
    return list(db.session.scalars(query.order_by(*order)))


def picked_ids(form: QuizForm) -> list[int]:
    """The ticked questions in the order their position boxes give (ties keep list order)."""
    ticked = [i for i in map(small_int, request.form.getlist("pick")) if i is not None]

    def position(qid: int) -> float:
        place = small_int(request.form.get(f"order-{qid}"))
        return float("inf") if place is None else place

    ordered = sorted(ticked, key=position)
    if form.random_count.data:
        ordered = rules.pick_random(ordered, form.random_count.data)
    return ordered


def settings_from(form: QuizForm) -> QuizSettings:
    return QuizSettings(
        time_limit_seconds=form.time_limit.data if form.timed.data else None,
        speed_bonus=bool(form.speed_bonus.data),
        shuffle_questions=bool(form.shuffle_questions.data),
        shuffle_options=bool(form.shuffle_options.data),
        feedback=form.feedback.data or "each",
        first_game_counts=bool(form.first_game_counts.data),
    )


def build(quiz: Quiz | None, article: Article | None) -> ResponseReturnValue:
    form = QuizForm(obj=quiz) if quiz is not None and request.method == "GET" else QuizForm()
    if request.method == "GET":
        settings = QuizSettings.from_mapping(quiz.settings) if quiz else QuizSettings()
        form.timed.data = settings.timed
        form.time_limit.data = settings.time_limit_seconds
        form.speed_bonus.data = settings.speed_bonus
        form.shuffle_questions.data = settings.shuffle_questions
        form.shuffle_options.data = settings.shuffle_options
        form.feedback.data = settings.feedback
        form.first_game_counts.data = settings.first_game_counts
    chosen = [e.question_id for e in quiz.entries] if quiz is not None else []
    error = None
    if form.validate_on_submit():
        chosen = picked_ids(form)
        try:
            saved = rules.save_quiz(
                db.session(),
                quiz,
                title=form.title.data or "",
                description=form.description.data or "",
                question_ids=chosen,
                settings=settings_from(form),
                published=bool(form.published.data),
                article=article or (quiz.article if quiz else None),
            )
        except rules.QuizError as problem:
            db.session.rollback()
            error = str(problem)
        else:
            state = "published" if saved.published else "draft"
            detail = f"{len(chosen)} question{'' if len(chosen) == 1 else 's'}, {state}"
            record_change(
                db.session(), current_user, "edited" if quiz else "created", detail, quiz=saved
            )
            db.session.commit()
            flash(f"Quiz saved{' and published' if saved.published else ''}.")
            return redirect(url_for("author.edit_quiz", quiz_id=saved.id), code=303)
    status = 400 if form.errors or error else 200
    pool = candidates(article or (quiz.article if quiz else None))
    return (
        render_template(
            "author/quiz_form.html",
            form=form,
            quiz=quiz,
            pool=pool,
            chosen=chosen,
            error=error,
            stats=question_stats(db.session(), [q.id for q in pool]),
            changes=history(db.session(), "quiz", [quiz.id])[quiz.id] if quiz else [],
        ),
        status,
    )


@bp.route("/quizzes/new", methods=["GET", "POST"])
def new_quiz() -> ResponseReturnValue:
    article_id = small_int(request.args.get("article"))
    article = db.session.get(Article, article_id) if article_id is not None else None
    return build(None, article)


@bp.route("/quizzes/<int:quiz_id>", methods=["GET", "POST"])
def edit_quiz(quiz_id: int) -> ResponseReturnValue:
    quiz = db.get_or_404(Quiz, quiz_id, description=f"There is no quiz #{quiz_id}.")
    return build(quiz, None)


@bp.get("/quizzes/<int:quiz_id>/export.<any(gift, json):fmt>")
def export(quiz_id: int, fmt: str) -> ResponseReturnValue:
    quiz = db.get_or_404(Quiz, quiz_id, description=f"There is no quiz #{quiz_id}.")
    body, mimetype = export_quiz(quiz, fmt)
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{quiz.slug}.{fmt}"'},
    )


@bp.get("/export.gift")
def export_selection() -> ResponseReturnValue:
    """A selection of questions (`?question=ID&question=ID`) as one GIFT file."""
    ids = [i for i in map(small_int, request.args.getlist("question")) if i is not None]
    if not ids:
        abort(400, description="Tick the questions to export first.")
    chosen = db.session.scalars(sa.select(Question).where(Question.id.in_(ids))).all()
    by_id = {q.id: q for q in chosen}
    body = export_questions([by_id[i] for i in ids if i in by_id])
    return Response(
        body,
        mimetype="text/plain",
        headers={"Content-Disposition": 'attachment; filename="questions.gift"'},
    )


@bp.route("/import", methods=["GET", "POST"])
def import_questions() -> ResponseReturnValue:
    form = ImportForm()
    problems: list[str] = []
    if form.validate_on_submit():
        raw = form.file.data.read(PAGE_MAX_BYTES + 1)
        if len(raw) > PAGE_MAX_BYTES:
            problems = [f"The file is larger than {describe_bytes(PAGE_MAX_BYTES)}."]
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                problems = ["The file is not UTF-8 text."]
            else:
                outcome = import_file(db.session(), form.format.data or "gift", text, current_user)
                problems = [str(p) for p in outcome.problems]
                if not problems:
                    assert outcome.quiz is not None  # an import without problems made a quiz
                    db.session.commit()
                    flash(
                        f"Imported {outcome.count} questions into the quiz “{outcome.quiz.title}”."
                    )
                    return redirect(url_for("author.edit_quiz", quiz_id=outcome.quiz.id), code=303)
                db.session.rollback()
    status = 400 if form.errors or problems else 200
    return render_template("author/import.html", form=form, problems=problems), status
