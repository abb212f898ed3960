"""Bringing an article in, and reviewing what was found in it: facts, then questions."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp import generation
from quizapp.authoring import conflicts as conflict_rules
from quizapp.authoring import facts as fact_rules
from quizapp.authoring import questions as question_rules
from quizapp.authoring.gate import apply_gate
from quizapp.authoring.history import history, record_change
from quizapp.extensions import db
from quizapp.forms.author import ArticleForm, FactForm
from quizapp.forms.base import ActionForm
from quizapp.ingest import sources
from quizapp.ingest.articles import ingest_article
from quizapp.models import Article, Fact
from quizapp.text.limits import PAGE_MAX_BYTES, TITLE_MAX, URL_MAX, describe_bytes
from quizapp.text.sentences import split_sentences
from quizapp.views.author import bp


def source_article(form: ArticleForm) -> sources.SourceArticle:
    if form.source.data == "url":
        found = sources.fetch_article(
            form.url.data or "", allow_private=current_app.config["QUIZAPP_ALLOW_PRIVATE_URLS"]
        )
    elif form.source.data == "upload":
        data = form.page.data.read(PAGE_MAX_BYTES + 1)
        if len(data) > PAGE_MAX_BYTES:
            raise sources.SourceError(f"The page is larger than {describe_bytes(PAGE_MAX_BYTES)}.")
        found = sources.article_from_html(data)
    else:
        found = sources.article_from_text(
            form.text.data or "", form.title.data, form.url.data, form.published.data
        )
    url = form.url.data or found.url
    return sources.SourceArticle(
        title=(form.title.data or found.title or "")[:TITLE_MAX] or None,
        text=found.text,
        published=form.published.data or found.published,
        url=url if url and len(url) <= URL_MAX else None,
    )


@bp.route("/articles/new", methods=["GET", "POST"])
def new_article() -> ResponseReturnValue:
    form = ArticleForm()
    if form.validate_on_submit():
        field = {"url": form.url, "upload": form.page}.get(form.source.data or "", form.text)
        try:
            found = source_article(form)
            result = ingest_article(
                db.session(),
                found.text,
                title=found.title,
                url=found.url,
                published=found.published,
                seed=current_app.config["QUIZAPP_GENERATION_SEED"],
                with_quiz=False,  # the author builds the quiz from the questions they approve
            )
        except sources.SourceError as error:
            field.errors = [str(error)]
        except generation.NotAFilmArticle:
            field.errors = ["This text does not read as a film article: no film was found in it."]
        else:
            db.session.commit()
            if not result.created:
                flash("That article was already here; here is what was found in it.")
            return redirect(url_for("author.article", article_id=result.article.id), code=303)
    return render_template("author/new_article.html", form=form), 400 if form.errors else 200


def sentence_views(article: Article) -> dict[int, tuple[str, int]]:
    """Each sentence's text and where it starts, by index."""
    return {s.index: (s.text, s.start) for s in split_sentences(article.text)}


@bp.get("/articles/<int:article_id>")
def article(article_id: int) -> ResponseReturnValue:
    found = db.get_or_404(Article, article_id, description=f"There is no article #{article_id}.")
    return render_article(found)


def render_article(
    article: Article, add_form: FactForm | None = None, status: int = 200
) -> ResponseReturnValue:
    return (
        render_template(
            "author/article.html",
            article=article,
            sentences=sentence_views(article),
            fact_forms={
                fact.id: FactForm(obj=fact, prefix=f"fact{fact.id}") for fact in article.facts
            },
            add_form=add_form or FactForm(prefix="new"),
            action=ActionForm(),
            conflicts=conflict_rules.conflicts_for(db.session(), article),
            fact_history=history(db.session(), "fact", [fact.id for fact in article.facts]),
        ),
        status,
    )


@bp.post("/facts/<int:fact_id>")
def edit_fact(fact_id: int) -> ResponseReturnValue:
    fact = db.get_or_404(Fact, fact_id, description=f"There is no fact #{fact_id}.")
    form = FactForm(prefix=f"fact{fact.id}")
    if form.validate_on_submit():
        before = f"{fact.kind}: {fact.subject} → {fact.value}"
        try:
            fact_rules.correct_fact(
                fact,
                kind=form.kind.data or fact.kind,
                subject=form.subject.data or "",
                value=form.value.data or "",
                hedged=bool(form.hedged.data),
            )
        except fact_rules.FactError as error:
            db.session.rollback()
            flash(f"Fact not changed: {error}")
            return redirect(
                url_for("author.article", article_id=fact.article_id, _anchor=f"fact-{fact_id}"),
                code=303,
            )
        apply_gate(fact.article)
        record_change(db.session(), current_user, "corrected", f"was {before}", fact=fact)
        db.session.commit()
        flash("Fact corrected. Regenerate the questions to use it.")
    else:
        flash(
            "Fact not changed: " + "; ".join(e for errors in form.errors.values() for e in errors)
        )
    return redirect(
        url_for("author.article", article_id=fact.article_id, _anchor=f"fact-{fact_id}"), code=303
    )


@bp.post("/facts/<int:fact_id>/drop")
def drop_fact(fact_id: int) -> ResponseReturnValue:
    fact = db.get_or_404(Fact, fact_id, description=f"There is no fact #{fact_id}.")
    fact_rules.drop_fact(fact)
    apply_gate(fact.article)
    record_change(db.session(), current_user, "dropped", fact=fact)
    db.session.commit()
    flash("Fact dropped. Questions built on it now need a look.")
    return redirect(url_for("author.article", article_id=fact.article_id), code=303)


@bp.post("/facts/<int:fact_id>/confirm")
def confirm_fact(fact_id: int) -> ResponseReturnValue:
    fact = db.get_or_404(Fact, fact_id, description=f"There is no fact #{fact_id}.")
    try:
        fact_rules.confirm_fact(fact)
    except fact_rules.FactError as error:
        flash(f"Fact not changed: {error}")
    else:
        record_change(db.session(), current_user, "confirmed", fact=fact)
        db.session.commit()
        flash("Fact confirmed. Regenerate the questions to use it.")
    return redirect(
        url_for("author.article", article_id=fact.article_id, _anchor=f"fact-{fact_id}"), code=303
    )


@bp.post("/articles/<int:article_id>/facts")
def add_fact(article_id: int) -> ResponseReturnValue:
    article = db.get_or_404(Article, article_id, description=f"There is no article #{article_id}.")
    form = FactForm(prefix="new")
    if form.validate_on_submit():
        try:
            added = fact_rules.add_fact(
                article,
                kind=form.kind.data or "",
                subject=form.subject.data or "",
                value=form.value.data or "",
            )
        except fact_rules.FactError as error:
            db.session.rollback()
            form.value.errors = [str(error)]
        else:
            db.session.flush()
            record_change(db.session(), current_user, "added", fact=added)
            db.session.commit()
            flash("Fact added.")
            return redirect(url_for("author.article", article_id=article.id), code=303)
    return render_article(article, add_form=form, status=400)


@bp.post("/articles/<int:article_id>/regenerate")
def regenerate(article_id: int) -> ResponseReturnValue:
    article = db.get_or_404(Article, article_id, description=f"There is no article #{article_id}.")
    created = fact_rules.regenerate(
        db.session(), article, seed=current_app.config["QUIZAPP_GENERATION_SEED"]
    )
    db.session.commit()
    flash(f"{len(created)} new draft questions; questions you wrote or edited were kept.")
    return redirect(url_for("author.article", article_id=article.id, _anchor="questions"), code=303)


@bp.post("/articles/<int:article_id>/approve-passed")
def approve_passed(article_id: int) -> ResponseReturnValue:
    article = db.get_or_404(Article, article_id, description=f"There is no article #{article_id}.")
    approved = question_rules.approve_passed(db.session(), article, current_user)
    db.session.commit()
    flash(f"{approved} questions that passed the quality gate are approved.")
    return redirect(url_for("author.article", article_id=article.id, _anchor="questions"), code=303)


@bp.post("/facts/<int:fact_id>/retire")
def retire_old_fact(fact_id: int) -> ResponseReturnValue:
    """Archive the questions asking an older value that a newer article contradicts."""
    fact = db.get_or_404(Fact, fact_id, description=f"There is no fact #{fact_id}.")
    retired = conflict_rules.retire_superseded(db.session(), fact, current_user)
    db.session.commit()
    flash(f"{retired} questions built on the older value are archived.")
    return redirect(url_for("author.article", article_id=fact.article_id), code=303)
