"""Authors correct the facts: change a value, drop a fact, add one; then regenerate questions.

Regenerating keeps every question an author wrote or touched, and every question already in a
quiz or played; only untouched generated drafts are replaced.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp import generation
from quizapp.authoring.gate import apply_gate
from quizapp.authoring.names import names_elsewhere
from quizapp.authoring.rows import question_row
from quizapp.generation.types import FACT_KINDS
from quizapp.models import Article, AttemptAnswer, Fact, Question, QuizQuestion
from quizapp.text.sentences import split_sentences


class FactError(ValueError):
    """A fact correction that cannot be stored; the message says why."""


def locate(article: Article, value: str, near: int | None = None) -> tuple[int, int, int]:
    """(start, end, sentence index) of `value` in the article, nearest to `near` if given."""
    text, needle = article.text.casefold(), value.strip().casefold()
    if not needle:
        raise FactError("The value cannot be empty.")
    starts = []
    at = text.find(needle)
    while at >= 0:
        starts.append(at)
        at = text.find(needle, at + 1)
    if not starts:
        raise FactError(f"“{value.strip()}” does not appear in the article: facts need evidence.")
    start = min(starts, key=lambda s: abs(s - near)) if near is not None else starts[0]
    end = start + len(needle)
    sentence = next((s.index for s in split_sentences(article.text) if s.start <= start < s.end), 0)
    return start, end, sentence


def correct_fact(
    fact: Fact, *, kind: str, subject: str, value: str, hedged: bool, article: Article | None = None
) -> None:
    """Change a fact; a new value must stand in the article, which gives its evidence span.
    A corrected unsure fact is confirmed: the author has said what it is about."""
    if kind not in FACT_KINDS:
        raise FactError(f"Unknown kind of fact: {kind}.")
    if not subject.strip():
        raise FactError("The subject cannot be empty.")
    if article is not None or value.strip() != fact.value:
        source = article or fact.article
        fact.start, fact.end, fact.sentence_index = locate(source, value, fact.start or None)
    if (kind, value.strip()) != (fact.kind, fact.value):
        # "returning", "2", "cause"... refined the old reading; it says nothing of the new one.
        fact.qualifier = None
    fact.kind, fact.subject, fact.value = kind, subject.strip(), value.strip()
    fact.hedged = hedged
    fact.origin = "author"
    if fact.status == "unsure":  # the author has now said which film it is about
        fact.status = "active"


def add_fact(article: Article, *, kind: str, subject: str, value: str) -> Fact:
    """A fact the extractor missed; refused unless its value stands in the article."""
    fact = Fact(kind=kind, subject=subject, value=value, sentence_index=0, start=0, end=0)
    correct_fact(fact, kind=kind, subject=subject, value=value, hedged=False, article=article)
    article.facts.append(fact)
    return fact


def drop_fact(fact: Fact) -> None:
    fact.status = "dropped"


def confirm_fact(fact: Fact) -> None:
    """An author vouches for an unsure fact's film: questions may now be asked on it."""
    if fact.status != "unsure":
        raise FactError("only an unsure fact needs confirming")
    fact.status = "active"


def as_generation_fact(fact: Fact, sentences: dict[int, str]) -> generation.Fact:
    return generation.Fact(
        kind=fact.kind,
        subject=fact.subject,
        value=fact.value,
        sentence_index=fact.sentence_index,
        sentence=sentences.get(fact.sentence_index, ""),
        start=fact.start,
        end=fact.end,
        hedged=fact.hedged,
        qualifier=fact.qualifier,
    )


def _replaceable(session: Session, article: Article) -> list[Question]:
    in_use = sa.select(QuizQuestion.question_id).union(
        sa.select(AttemptAnswer.question_id).where(AttemptAnswer.question_id.is_not(None))
    )
    return list(
        session.scalars(
            sa.select(Question).where(
                Question.article_id == article.id,
                Question.origin == "generated",
                Question.edited.is_(False),
                Question.status == "draft",
                Question.id.not_in(in_use),
            )
        )
    )


def regenerate(session: Session, article: Article, seed: int = 0) -> list[Question]:
    """New drafts from the active facts, in place of the untouched generated drafts."""
    for question in _replaceable(session, article):
        session.delete(question)
    session.flush()
    session.refresh(article)
    active = [fact for fact in article.facts if fact.status == "active"]
    sentences = {s.index: s.text for s in split_sentences(article.text)}
    rows = {as_generation_fact(fact, sentences): fact for fact in active}
    kept = {question.prompt for question in article.questions}
    created = []
    drafts = generation.generate_questions(
        list(rows),
        seed=seed,
        published=article.published_on,
        text=article.text,
        extra_names=names_elsewhere(session, article.id),
    )
    for draft in drafts:
        if draft.prompt in kept:
            continue
        question = question_row(draft, rows, "draft")
        article.questions.append(question)
        kept.add(draft.prompt)
        created.append(question)
    session.flush()
    apply_gate(article)
    return created
