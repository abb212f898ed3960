"""Published quizzes as visitors see them: the catalogue on the home page (size, plays, best
score) and the head of a quiz's own page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Article, BoardEntry, Quiz, QuizQuestion
from quizapp.play.leaderboard import ALL_TIME


@dataclass(frozen=True)
class QuizCard:
    """A published quiz with its size and its article's title, date and address: plain values
    read in one query, so a page never loads the questions or the article's text to show them."""

    id: int
    slug: str
    title: str
    description: str
    settings: dict[str, Any]
    play_count: int
    question_count: int
    article_title: str | None
    article_published_on: date | None
    article_source_url: str | None


@dataclass(frozen=True)
class CatalogueEntry:
    quiz: QuizCard
    best: int | None  # the best all-time score, None before anyone finished it


_QUESTION_COUNT = (
    sa.select(sa.func.count())
    .where(QuizQuestion.quiz_id == Quiz.id)
    .correlate(Quiz)
    .scalar_subquery()
    .label("question_count")
)
_BEST = (
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
    .label("best")
)
# Built once: composing a statement costs more than running it on these pages.
_CARDS = (
    sa.select(
        Quiz.id,
        Quiz.slug,
        Quiz.title,
        Quiz.description,
        Quiz.settings,
        Quiz.play_count,
        _QUESTION_COUNT,
        Article.title.label("article_title"),
        Article.published_on.label("article_published_on"),
        Article.source_url.label("article_source_url"),
    )
    .outerjoin(Article, Article.id == Quiz.article_id)
    .where(Quiz.published.is_(True))
)
_CARD_BY_SLUG = _CARDS.where(Quiz.slug == sa.bindparam("slug"))
_CATALOGUE = _CARDS.add_columns(_BEST).order_by(Quiz.created_at.desc(), Quiz.id.desc())


def catalogue(session: Session) -> list[CatalogueEntry]:
    """Published quizzes, newest first, in one query whatever their number."""
    entries = []
    # Plain rows, read on the session's connection: the ORM's work for each statement (flush,
    # identity map, loading objects) would cost more than the query.
    for row in session.connection().execute(_CATALOGUE):
        card = dict(row._mapping)
        best = card.pop("best")
        entries.append(CatalogueEntry(QuizCard(**card), best))
    return entries


def published_card(session: Session, slug: str) -> QuizCard | None:
    """The published quiz at this address, or None."""
    row = session.connection().execute(_CARD_BY_SLUG, {"slug": slug}).first()
    return QuizCard(**row._mapping) if row is not None else None
