"""The question editor, its preview, status changes, history and statistics."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.author_forms import QuestionForm
from quizapp.authoring import questions as rules
from quizapp.authoring.history import history
from quizapp.authoring.stats import question_stats
from quizapp.extensions import db
from quizapp.forms import ActionForm
from quizapp.models import Article, Question
from quizapp.text.sentences import split_sentences
from quizapp.views import small_int
from quizapp.views.author import bp, get_or_404

STATUS_ACTIONS = {
    "approve": "published",
    "reject": "rejected",
    "draft": "draft",
    "archive": "archived",
}


def form_for(question: Question | None, article: Article | None) -> QuestionForm:
    form = QuestionForm()
    sentences = split_sentences(article.text) if article else []
    form.evidence_sentence.choices = {-1: "(none)"} | {
        s.index: f"{s.index + 1}. {s.text[:110]}" for s in sentences
    }
    if request.method == "GET" and question is not None:
        form.kind.data = question.kind
        form.prompt.data = question.prompt
        form.explanation.data = question.explanation
        form.difficulty.data = question.difficulty
        form.status.data = question.status if question.status != "archived" else "draft"
        choices = question.choices
        if question.kind == "multiple_choice":
            for entry, choice in zip(form.options, choices, strict=False):
                entry.data = choice.text
            form.correct.data = next(i for i, c in enumerate(choices, 1) if c.is_correct)
        elif question.kind == "true_false":
            form.truth.data = "true" if question.correct_choice.text == "True" else "false"
        else:
            form.answer.data = question.correct_choice.text
            form.accepted.data = "\n".join(
                a for a in question.accepted_answers if a != form.answer.data
            )
        if question.evidence_start is not None:
            form.evidence_sentence.data = next(
                (s.index for s in sentences if s.start <= question.evidence_start < s.end), -1
            )
    return form


def reordered(form: QuestionForm) -> tuple[list[str], int]:
    """The filled options sorted by their position boxes, and where the correct one went."""
    marked = (form.correct.data or 1) - 1
    slots = [(i, entry.data) for i, entry in enumerate(form.options) if entry.data]

    def position(slot: tuple[int, str]) -> tuple[int, int]:
        place = small_int(request.form.get(f"position-{slot[0]}"))
        return (slot[0] + 1 if place is None else place, slot[0])

    ordered = sorted(slots, key=position)
    return [text for _, text in ordered], [i for i, _ in ordered].index(marked)


def data_from(form: QuestionForm) -> rules.QuestionData:
    kind = form.kind.data or "multiple_choice"
    if kind == "true_false":
        options, correct = ["True", "False"], 0 if form.truth.data == "true" else 1
    elif kind == "typed":
        options, correct = [form.answer.data or ""], 0
    else:
        options, correct = reordered(form)
    return rules.QuestionData(
        kind=kind,
        prompt=form.prompt.data or "",
        options=options,
        correct=correct,
        accepted=[line.strip() for line in (form.accepted.data or "").splitlines() if line.strip()],
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
        saved = rules.save_question(db.session, question, data_from(form), current_user, article)
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
    article = get_or_404(Article, article_id)
    assert isinstance(article, Article)
    return edit(None, article)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: int) -> ResponseReturnValue:
    question = get_or_404(Question, question_id)
    assert isinstance(question, Question)
    if question.status == "archived":
        abort(409, description="Archived questions cannot be edited; edit their newest version.")
    return edit(question, question.article)


@bp.get("/questions/<int:question_id>")
def question(question_id: int) -> ResponseReturnValue:
    found = get_or_404(Question, question_id)
    assert isinstance(found, Question)
    changes = history(db.session, "question", [found.id])[found.id]
    return render_template(
        "author/question.html",
        question=found,
        history=changes,
        stats=question_stats(db.session, [found.id])[found.id],
        action=ActionForm(),
    )


@bp.post("/questions/<int:question_id>/<any(approve, reject, draft, archive):verb>")
def change_status(question_id: int, verb: str) -> ResponseReturnValue:
    question = get_or_404(Question, question_id)
    assert isinstance(question, Question)
    if verb == "archive":
        rules.archive(db.session, question, current_user)
    else:
        rules.set_status(db.session, question, STATUS_ACTIONS[verb], current_user)
    db.session.commit()
    flash(f"Question #{question.id} is now {question.status}.")
    target = (
        url_for("author.article", article_id=question.article_id, _anchor="questions")
        if question.article_id
        else url_for("author.question", question_id=question.id)
    )
    return redirect(target, code=303)
