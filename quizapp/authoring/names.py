"""Names other articles give, for wrong options: after an article's own names, before the pools.

The generator stays free of the database; this reads the stored facts and hands them over as
pool entries, each with the year of its article's film (its release year, else the article's
date), so the generator can keep them to the film's era.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.generation.distractors import PoolEntry
from quizapp.models import Article, Fact

POOL_OF_KIND = {"cast": "actors", "director": "directors", "character": "characters"}
NAMES_PER_POOL = 300  # the most recently stored, enough for variety


def names_elsewhere(session: Session, article_id: int | None = None) -> dict[str, list[PoolEntry]]:
    """Confirmed (active, unhedged) names of people and roles in the other stored articles."""
    others = Fact.article_id != article_id if article_id is not None else sa.true()
    found: dict[str, list[PoolEntry]] = {}
    for kind, pool_name in POOL_OF_KIND.items():
        rows = session.execute(
            sa.select(Fact.article_id, Fact.value)
            .where(others, Fact.kind == kind, Fact.status == "active", Fact.hedged.is_(False))
            .order_by(Fact.id.desc())
            .limit(NAMES_PER_POOL)
        ).all()
        years = _film_years(session, {row.article_id for row in rows})
        entries: dict[str, PoolEntry] = {}
        for row in rows:
            year = years.get(row.article_id)
            entries.setdefault(
                row.value, PoolEntry(row.value, None, (year, year) if year else None)
            )
        found[pool_name] = list(entries.values())
    return found


def _film_years(session: Session, article_ids: set[int]) -> dict[int, int]:
    """Each article's film year: its earliest release year, else the year it was published."""
    if not article_ids:
        return {}
    rows = session.execute(
        sa.select(Article.id, Article.published_on).where(Article.id.in_(article_ids))
    )
    years = {article_id: published.year for article_id, published in rows if published}
    released = session.execute(
        sa.select(Fact.article_id, sa.func.min(Fact.value))
        .where(Fact.article_id.in_(article_ids), Fact.kind == "release_date")
        .group_by(Fact.article_id)
    )
    for article_id, value in released:
        if value[:4].isdigit():
            years[article_id] = int(value[:4])
    return years
