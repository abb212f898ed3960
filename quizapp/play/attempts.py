"""An attempt in play: showing its question, answering once, judging, finishing.

Every change that must happen once (locking an answer, moving to the next question, finishing)
is a conditional UPDATE whose row count, or the row it returns, says whether this request made
it. A double click, a replayed POST or a second worker racing on the same attempt therefore
changes nothing twice. The attempt's UPDATEs return what they changed, which the session takes
as the attempt's state: what is posted to the boards is the row as the closing UPDATE left it.
Starting an attempt is quizapp.play.starting's; the statements and lookups are
quizapp.play.statements'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from quizapp.kinds import AskedAs, Verdict, kind_of
from quizapp.models import Attempt, AttemptAnswer, Quiz
from quizapp.play import leaderboard
from quizapp.play.errors import AttemptOver, EmptyAnswer, NotCurrentQuestion, UnknownOption
from quizapp.play.scoring import points_for
from quizapp.play.settings import QuizSettings
from quizapp.play.statements import LOCK_ANSWER, MARK_SHOWN, MOVE_ON, PLAYED, answer_at


@dataclass(frozen=True)
class Submission:
    answer: AttemptAnswer
    replay: bool  # True when this position had already been answered: nothing changed
    feedback_hidden: bool  # the right answer stays hidden for now (feedback at the end)


@dataclass(frozen=True)
class Asking:
    """A question as its page shows it, taken before the commit (which expires every row
    loaded), so that drawing the page asks the database nothing."""

    token: str
    quiz_title: str
    question_count: int
    position: int
    kind: str
    prompt: str
    options: list[str]
    seconds_left: float | None


def asking(attempt: Attempt, answer: AttemptAnswer, now: datetime) -> Asking:
    return Asking(
        token=attempt.token,
        quiz_title=attempt.quiz.title,
        question_count=attempt.question_count,
        position=answer.position,
        kind=answer.kind,
        prompt=answer.prompt,
        options=answer.options,
        seconds_left=seconds_left(attempt, now),
    )


def seconds_left(attempt: Attempt, now: datetime) -> float | None:
    if attempt.deadline is None:
        return None
    return max(0.0, (attempt.deadline - now).total_seconds())


def mark_shown(session: Session, answer: AttemptAnswer, now: datetime) -> None:
    """Start the question's clock the first time it is shown; reloads do not restart it."""
    if answer.shown_at is None:
        session.connection().execute(MARK_SHOWN, {"answer_id": answer.id, "at": now})
        session.expire(answer, ["shown_at"])


def expire_if_due(session: Session, attempt: Attempt, now: datetime) -> bool:
    """Close an attempt whose deadline has passed; True when it is (now) over for time."""
    if attempt.finished:
        return attempt.status == "timed_out"
    if attempt.deadline is None or now < attempt.deadline:
        return False
    finish(session, attempt, "timed_out", attempt.deadline)
    return True


def judge(answer: AttemptAnswer, raw: str) -> Verdict:
    """The verdict on a raw form value, by the question's kind; refuses empty or forged ones."""
    kind = kind_of(answer.kind)
    raw = (raw or "").strip()
    if not raw:
        raise EmptyAnswer(kind.ask_to_answer)
    asked = AskedAs(answer.options, answer.correct_option, answer.accepted_answers)
    verdict = kind.judge(asked, raw)
    if verdict is None:
        raise UnknownOption("That option is not one of this question's options.")
    return verdict


def submit_answer(
    session: Session,
    attempt: Attempt,
    position: int,
    raw: str,
    now: datetime,
    asked: AttemptAnswer | None = None,
) -> Submission:
    """Lock the answer to the current question, once; an earlier position is a harmless replay.
    `asked` is the question at `position` when the caller read it with the attempt."""
    if attempt.finished:
        raise AttemptOver("This attempt is over; its answers can no longer change.")
    if expire_if_due(session, attempt, now):
        raise AttemptOver("Time ran out: answers after the deadline do not count.")
    if asked is not None and asked.position == position:
        answer: AttemptAnswer | None = asked
    else:
        answer = answer_at(session, attempt, position) if position >= 0 else None
    if answer is None:
        raise NotCurrentQuestion("There is no such question in this attempt.")
    settings = QuizSettings.from_mapping(attempt.settings)
    hidden_until_the_end = settings.feedback == "end"
    if answer.answered:
        return Submission(answer, replay=True, feedback_hidden=hidden_until_the_end)
    if position != attempt.current_position:
        raise NotCurrentQuestion("That is not the question you are on.")
    verdict = judge(answer, raw)
    correct = verdict.correct
    count = attempt.question_count
    shown_at = answer.shown_at or attempt.started_at
    points = points_for(correct, settings, (now - shown_at).total_seconds(), count)
    # Move the attempt on first: only a request that finds it still active, on this question,
    # gets to lock the answer. A racing give-up, deadline or second click finds no row.
    connection = session.connection()
    moved = connection.execute(
        MOVE_ON,
        {"attempt_id": attempt.id, "position": position, "earned": points, "right": int(correct)},
    ).first()
    if moved is None:
        session.expire(attempt)
        if attempt.finished:
            raise AttemptOver("This attempt is over; its answers can no longer change.")
        session.expire(answer)
        return Submission(answer, replay=True, feedback_hidden=hidden_until_the_end)
    _update_loaded(attempt, moved._mapping)
    connection.execute(
        LOCK_ANSWER,
        {
            "answer_id": answer.id,
            "at": now,
            "chosen": verdict.chosen_option,
            "given": verdict.given_text,
            "right": correct,
            "earned": points,
            "shown": shown_at,
        },
    )
    session.expire(answer)
    last = position + 1 >= count
    if last:
        finish(session, attempt, "finished", now)
    return Submission(answer, replay=False, feedback_hidden=hidden_until_the_end and not last)


def _update_loaded(attempt: Attempt, values: sa.RowMapping) -> None:
    """Take what an UPDATE … RETURNING gave back as the attempt's loaded state."""
    for name, value in values.items():
        set_committed_value(attempt, name, value)


def feedback_hidden(attempt: Attempt) -> bool:
    """Whether the right answers stay hidden for now: until the end, in quizzes that say so."""
    return QuizSettings.from_mapping(attempt.settings).feedback == "end" and not attempt.finished


def give_up(session: Session, attempt: Attempt, now: datetime) -> None:
    """End early; unanswered questions stay unanswered and score nothing."""
    if not expire_if_due(session, attempt, now):
        finish(session, attempt, "gave_up", now)


def finish(session: Session, attempt: Attempt, status: str, finished_at: datetime) -> bool:
    """Close the attempt once and post it to the leaderboards; False if it was already closed."""
    duration_ms = max(0, round((finished_at - attempt.started_at).total_seconds() * 1000))
    closed = session.execute(
        sa.update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.status == "active")
        .values(status=status, finished_at=finished_at, duration_ms=duration_ms)
        .returning(*PLAYED)
        .execution_options(synchronize_session=False)
    ).first()
    if closed is None:
        session.expire(attempt)
        return False
    # The points posted are the row's as this UPDATE left it, not as this request first read
    # them: an answer locked meanwhile by another request counts.
    _update_loaded(attempt, closed._mapping)
    session.execute(
        sa.update(Quiz)
        .where(Quiz.id == attempt.quiz_id)
        .values(play_count=Quiz.play_count + 1)
        .execution_options(synchronize_session=False)
    )
    leaderboard.tally_score(session, attempt.quiz_id, attempt.points)
    leaderboard.record(session, attempt)
    return True


def expire_overdue(session: Session, now: datetime) -> int:
    """Close every active attempt whose deadline has passed (nobody came back to it)."""
    overdue = session.scalars(
        sa.select(Attempt).where(Attempt.status == "active", Attempt.deadline < now)
    ).all()
    return sum(
        finish(session, attempt, "timed_out", attempt.deadline)
        for attempt in overdue
        if attempt.deadline is not None  # always: the query compared it with now
    )
