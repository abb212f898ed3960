"""Who changed what, and when: the history of questions, facts and quizzes."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from quizapp.models import ChangeEvent, Fact, Question, Quiz, User


def record_change(
    session: Session,
    user: User | None,
    action: str,
    detail: str = "",
    *,
    question: Question | None = None,
    fact: Fact | None = None,
    quiz: Quiz | None = None,
) -> None:
    session.add(
        ChangeEvent(
            question=question,
            fact=fact,
            quiz=quiz,
            user_id=user.id if user else None,
            action=action,
            detail=detail,
        )
    )


def history(session: Session, target: str, ids: Sequence[int]) -> dict[int, list[ChangeEvent]]:
    """The changes to each of these questions, facts or quizzes (`target`), oldest first, in
    one query."""
    column = getattr(ChangeEvent, f"{target}_id")
    events: dict[int, list[ChangeEvent]] = {i: [] for i in ids}
    for event in session.scalars(
        sa.select(ChangeEvent)
        .where(column.in_(list(ids) or [-1]))
        .order_by(ChangeEvent.at, ChangeEvent.id)
        .options(selectinload(ChangeEvent.user))
    ):
        events[getattr(event, column.key)].append(event)
    return events
