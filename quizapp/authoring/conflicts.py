"""Newer articles may contradict older ones: a moved release date, a new director."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from quizapp.authoring.questions import PLAYABLE, set_statuses
from quizapp.models import Article, Fact, Question, User

# Kinds a film has one value of at a time: a second, different value is a contradiction.
SINGLE_VALUED = ("director", "release_date", "studio", "runtime", "rating")


@dataclass(frozen=True)
class Conflict:
    kind: str
    subject: str
    older: Fact
    newer: Fact

    @property
    def questions(self) -> list[Question]:
        """Questions still asking the older value."""
        return asking(self.older)


def asking(fact: Fact) -> list[Question]:
    """The questions of the fact's article that still ask its value (drafts and published)."""
    return [q for q in fact.article.questions if q.fact_id == fact.id and q.status in PLAYABLE]


def retire_superseded(session: Session, fact: Fact, user: User | None) -> int:
    """Archive the questions asking a value that a newer article contradicts; how many."""
    return set_statuses(session, asking(fact), "archived", user)


def _when(fact: Fact) -> tuple[date, datetime]:
    article = fact.article
    return (article.published_on or article.created_at.date(), article.created_at)


def conflicts_for(session: Session, article: Article) -> list[Conflict]:
    """Single-valued facts of this article that another article states differently."""
    other = aliased(Fact)
    pairs = session.execute(
        sa.select(Fact, other)
        .join(other, sa.and_(other.kind == Fact.kind, other.subject == Fact.subject))
        .where(
            Fact.article_id == article.id,
            other.article_id != article.id,
            Fact.kind.in_(SINGLE_VALUED),
            Fact.status == "active",
            other.status == "active",
            Fact.hedged.is_(False),
            other.hedged.is_(False),
            sa.func.lower(Fact.value) != sa.func.lower(other.value),
        )
    ).all()
    found = []
    for mine, theirs in pairs:
        older, newer = sorted((mine, theirs), key=_when)
        found.append(Conflict(mine.kind, mine.subject, older, newer))
    return found
