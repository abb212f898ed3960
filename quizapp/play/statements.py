"""The statements a game runs, built once, and the attempt lookups that run them.

Every page of a game runs these, and composing a statement costs more than running it. The
lookups read an attempt by its token, with its question at a position; the UPDATEs are the ones
answering runs (quizapp.play.attempts) on the session's connection: the ORM has nothing to add to
them (the rows they change are expired by hand), and costs more than they do.
"""

from __future__ import annotations

from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from quizapp.models import Attempt, AttemptAnswer
from quizapp.play import leaderboard

# The attempt comes with its player (whose browser may play it) and its quiz (each page of a game
# shows the title).
_ATTEMPT_BY_TOKEN = (
    sa.select(Attempt)
    .where(Attempt.token == sa.bindparam("token"))
    .options(joinedload(Attempt.player), joinedload(Attempt.quiz))
)
# The attempt with its question at a position (its current one when that is None), and the
# attempt holding the player's all-time entry on the quiz (whether this game is practice).
_ATTEMPT_AT = (
    sa.select(Attempt, AttemptAnswer, leaderboard.HELD_ALL_TIME_OF_ATTEMPT)
    .outerjoin(
        AttemptAnswer,
        sa.and_(
            AttemptAnswer.attempt_id == Attempt.id,
            AttemptAnswer.position
            == sa.func.coalesce(
                sa.bindparam("position", type_=sa.Integer), Attempt.current_position
            ),
        ),
    )
    .where(Attempt.token == sa.bindparam("token"))
    .options(joinedload(Attempt.player), joinedload(Attempt.quiz))
)
_ANSWER_AT = sa.select(AttemptAnswer).where(
    AttemptAnswer.attempt_id == sa.bindparam("attempt_id"),
    AttemptAnswer.position == sa.bindparam("position"),
)
# What playing changes in an attempt: the UPDATEs that change it return these, so the attempt in
# the session is brought up to date without reading it again.
PLAYED = (
    Attempt.status,
    Attempt.current_position,
    Attempt.points,
    Attempt.correct_count,
    Attempt.finished_at,
    Attempt.duration_ms,
)
MARK_SHOWN = (
    sa.update(AttemptAnswer)
    .where(AttemptAnswer.id == sa.bindparam("answer_id"), AttemptAnswer.shown_at.is_(None))
    .values(shown_at=sa.bindparam("at"))
)
MOVE_ON = (
    sa.update(Attempt)
    .where(
        Attempt.id == sa.bindparam("attempt_id"),
        Attempt.status == "active",
        Attempt.current_position == sa.bindparam("position"),
    )
    .values(
        current_position=Attempt.current_position + 1,
        points=Attempt.points + sa.bindparam("earned"),
        correct_count=Attempt.correct_count + sa.bindparam("right"),
    )
    .returning(*PLAYED)
)
LOCK_ANSWER = (
    sa.update(AttemptAnswer)
    .where(AttemptAnswer.id == sa.bindparam("answer_id"), AttemptAnswer.answered_at.is_(None))
    .values(
        answered_at=sa.bindparam("at"),
        chosen_option=sa.bindparam("chosen"),
        given_text=sa.bindparam("given"),
        is_correct=sa.bindparam("right"),
        points=sa.bindparam("earned"),
        shown_at=sa.bindparam("shown"),
    )
)


def attempt_by_token(session: Session, token: str) -> Attempt | None:
    return session.scalar(_ATTEMPT_BY_TOKEN, {"token": token})


class AttemptAt(NamedTuple):
    attempt: Attempt
    answer: AttemptAnswer | None  # the question asked at a position; None past the last
    practice: bool  # a replay under first-game rules (leaderboard.practice)


def attempt_at(session: Session, token: str, position: int | None = None) -> AttemptAt | None:
    """The attempt behind a token with its question at `position`, by default its current one,
    and whether it is practice: one statement for what each page of a game reads first."""
    row = session.execute(_ATTEMPT_AT, {"token": token, "position": position}).first()
    if row is None:
        return None
    attempt, answer, held = row
    return AttemptAt(attempt, answer, leaderboard.practice(attempt, held))


def answer_at(session: Session, attempt: Attempt, position: int) -> AttemptAnswer | None:
    return session.scalar(_ANSWER_AT, {"attempt_id": attempt.id, "position": position})
