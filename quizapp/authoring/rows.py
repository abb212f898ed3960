"""Stored rows made from plain values: facts and questions from the generator (or an import),
an article's stored text and checksum, and a quiz's unique slug.

Shared by ingesting, regenerating and importing, so each builds rows the same way.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp import generation
from quizapp.interchange.records import FactFields
from quizapp.models import Fact, Question, Quiz, make_choices
from quizapp.text.limits import SLUG_STEM_MAX


def normalise_text(text: str) -> str:
    """The form that is stored, checksummed and indexed by every fact's offsets."""
    return text.replace("\r\n", "\n").strip()


def text_checksum(text: str) -> str:
    """What tells an article already stored: the same normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def slugify(title: str) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word boundary; "quiz" when empty."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > SLUG_STEM_MAX:
        slug = slug[:SLUG_STEM_MAX].rsplit("-", 1)[0]
    return slug or "quiz"


def unique_slug(session: Session, title: str) -> str:
    """The title's slug, or the first of slug-2, slug-3, ... that no quiz uses yet."""
    base = slugify(title)
    taken = set(
        session.scalars(
            sa.select(Quiz.slug).where(sa.or_(Quiz.slug == base, Quiz.slug.startswith(base + "-")))
        )
    )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def fact_row(fact: FactFields, *, unsure: bool = False) -> Fact:
    """A stored fact from anything with a fact's fields (a generated fact, an imported one);
    an unsure one waits for an author to confirm it."""
    return Fact(
        status="unsure" if unsure else "active",
        kind=fact.kind,
        subject=fact.subject,
        value=fact.value,
        qualifier=fact.qualifier,
        sentence_index=fact.sentence_index,
        start=fact.start,
        end=fact.end,
        hedged=fact.hedged,
    )


def question_row(
    draft: generation.QuestionDraft, fact_rows: dict[generation.Fact, Fact], status: str
) -> Question:
    """A stored question from a generated draft, tied to the stored row of its fact."""
    return Question(
        fact=fact_rows.get(draft.fact),
        kind=draft.kind,
        prompt=draft.prompt,
        explanation=draft.explanation,
        difficulty=draft.difficulty,
        status=status,
        origin="generated",
        evidence_start=draft.evidence_start,
        evidence_end=draft.evidence_end,
        accepted_answers=list(draft.accepted_answers),
        choices=make_choices([(choice.text, choice.correct) for choice in draft.choices]),
    )
