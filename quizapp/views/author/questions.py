"""The question editor, its preview, status changes, history and statistics."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.authoring import questions as rules
from quizapp.authoring.history import history
from quizapp.authoring.stats import question_stats
from quizapp.extensions import db
from quizapp.forms.author import QuestionForm
from quizapp.forms.base import ActionForm
from quizapp.kinds import kind_of
from quizapp.models import Article, Question
from quizapp.text.sentences import split_sentences
from quizapp.views import small_int
from quizapp.views.author import bp

STATUS_ACTIONS = {
    "approve": "published",
    "reject": "rejected",
    "draft": "draft",
    "archive": "archived",
}


def form_for(question: Question | None, article: Article | None) -> QuestionForm:
    form = QuestionForm()
    sentences = split_sentences(article.text) if article else []
    labels = {-1: "(none)"} | {s.index: f"{s.index + 1}. {s.text[:110]}" for s in sentences}
    form.evidence_sentence.choices = labels  # type: ignore[assignment]  # stubs: no {value: label}
    if request.method == "GET" and question is not None:
        form.kind.data = question.kind
        form.prompt.data = question.prompt
        form.explanation.data = question.explanation
        form.difficulty.data = question.difficulty
        form.status.data = question.status if question.status != "archived" else "draft"
        texts = [choice.text for choice in question.choices]
        correct = question.choices.index(question.correct_choice)
        form.load(kind_of(question.kind).to_editor(texts, correct, question.accepted_answers))
        if question.evidence_start is not None:
            form.evidence_sentence.data = next(
                (s.index for s in sentences if s.start <= question.evidence_start < s.end), -1
            )
    return form


def data_from(form: QuestionForm) -> rules.QuestionData:
    """The question as the editor gives it, with the options in the order their boxes say."""
    kind = kind_of(form.kind.data or "multiple_choice")
    positions = [small_int(request.form.get(f"position-{i}")) for i in range(len(form.options))]
    entry = form.entry(positions)
    options, correct = kind.from_editor(entry)
    return rules.QuestionData(
        kind=kind.name,
        prompt=form.prompt.data or "",
        options=options,
        correct=correct,
        accepted=entry.accepted,
        explanation=form.explanation.data or "",
        evidence_sentence=None
        if form.evidence_sentence.data in (None, -1)
        else form.evidence_sentence.data,
        difficulty=form.difficulty.data or 2,
        status=form.status.data or "draft",
    )


def edit(question: Question | None, article: Article | None) -> ResponseReturnValue:
    form = form_for(question, article)
    if form.validate_on_submit():
        saved = rules.save_question(db.session(), question, data_from(form), current_user, article)
        db.session.commit()
        if question is not None and saved.id != question.id:
            flash(
                "This question had been played, so your change is a new version; "
                "past games keep the old one."
            )
        else:
            flash("Question saved.")
        return redirect(url_for("author.question", question_id=saved.id), code=303)
    return (
        render_template("author/question_form.html", form=form, question=question, article=article),
        400 if form.errors else 200,
    )


@bp.route("/articles/<int:article_id>/questions/new", methods=["GET", "POST"])
def new_question(article_id: int) -> ResponseReturnValue:
    article = db.get_or_404(Article, article_id, description=f"There is no article #{article_id}.")
    return edit(None, article)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: int) -> ResponseReturnValue:
    question = db.get_or_404(
        Question, question_id, description=f"There is no question #{question_id}."
    )
    if question.status == "archived":
        abort(409, description="Archived questions cannot be edited; edit their newest version.")
    return edit(question, question.article)


@bp.get("/questions/<int:question_id>")
def question(question_id: int) -> ResponseReturnValue:
    found = db.get_or_404(
        Question, question_id, description=f"There is no question #{question_id}."
    )
    changes = history(db.session(), "question", [found.id])[found.id]
    return render_template(
        "author/question.html",
        question=found,
        history=changes,
        stats=question_stats(db.session(), [found.id])[found.id],
        action=ActionForm(),
    )


@bp.post("/questions/<int:question_id>/<any(approve, reject, draft, archive):verb>")
def change_status(question_id: int, verb: str) -> ResponseReturnValue:
    question = db.get_or_404(
        Question, question_id, description=f"There is no question #{question_id}."
    )
    if verb == "archive":
        rules.archive(db.session(), question, current_user)
    else:
        rules.set_status(db.session(), question, STATUS_ACTIONS[verb], current_user)
    db.session.commit()
    flash(f"Question #{question.id} is now {question.status}.")
    target = (
        url_for("author.article", article_id=question.article_id, _anchor="questions")
        if question.article_id
        else url_for("author.question", question_id=question.id)
    )
    return redirect(target, code=303)
