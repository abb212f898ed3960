"""An attempt's life: start (snapshot and order fixed), show, answer once, finish.

Every change that must happen once (locking an answer, moving to the next question, finishing)
is a conditional UPDATE whose row count, or the row it returns, says whether this request made
it. A double click, a replayed POST or a second worker racing on the same attempt therefore
changes nothing twice. The attempt's UPDATEs return what they changed, which the session takes
as the attempt's state: what is posted to the boards is the row as the closing UPDATE left it.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from quizapp.kinds import AskedAs, Verdict, kind_of
from quizapp.models import Attempt, AttemptAnswer, Player, Question, Quiz
from quizapp.play import leaderboard
from quizapp.play.scoring import points_for
from quizapp.play.settings import QuizSettings
from quizapp.text.folding import fold
from quizapp.text.sentences import split_sentences


class PlayError(Exception):
    """A request that play rules refuse; the message is shown to the player."""


class AttemptOver(PlayError):
    pass


class NotCurrentQuestion(PlayError):
    pass


class EmptyAnswer(PlayError):
    pass


class UnknownOption(PlayError):
    pass


class EmptyQuiz(PlayError):
    pass


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


# Built once: every page of a game runs these, and composing a statement costs more than
# running it. The attempt comes with its player (whose browser may play it) and its quiz (each
# page of a game shows the title). The updates run on the session's connection: the ORM has
# nothing to add to them (the rows they change are expired by hand), and costs more than they do.
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
_PLAYED = (
    Attempt.status,
    Attempt.current_position,
    Attempt.points,
    Attempt.correct_count,
    Attempt.finished_at,
    Attempt.duration_ms,
)
_MARK_SHOWN = (
    sa.update(AttemptAnswer)
    .where(AttemptAnswer.id == sa.bindparam("answer_id"), AttemptAnswer.shown_at.is_(None))
    .values(shown_at=sa.bindparam("at"))
)
_MOVE_ON = (
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
    .returning(*_PLAYED)
)
_LOCK_ANSWER = (
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


def new_token() -> str:
    return secrets.token_urlsafe(24)


def start_attempt(
    session: Session,
    quiz: Quiz,
    player: Player,
    now: datetime,
    rng: random.Random | None = None,
) -> Attempt:
    """Create an attempt with its question order, option orders and deadline fixed."""
    rng = rng or random.SystemRandom()
    settings = QuizSettings.from_mapping(quiz.settings)
    questions = [entry.question for entry in quiz.entries]
    if not questions:
        raise EmptyQuiz("This quiz has no questions yet.")
    if settings.shuffle_questions:
        rng.shuffle(questions)
    deadline = None
    if settings.time_limit_seconds is not None:
        deadline = now + timedelta(seconds=settings.time_limit_seconds)
    attempt = Attempt(
        token=new_token(),
        quiz=quiz,
        player=player,
        nickname=player.nickname,
        started_at=now,
        deadline=deadline,
        settings=settings.to_mapping(),
        question_count=len(questions),
        answers=[
            snapshot(question, position, settings.shuffle_options, rng)
            for position, question in enumerate(questions)
        ],
    )
    session.add(attempt)
    session.flush()
    return attempt


def snapshot(question: Question, position: int, shuffle: bool, rng: random.Random) -> AttemptAnswer:
    """The question as this attempt asks it, independent of later edits."""
    correct = question.correct_choice
    asked = kind_of(question.kind).ask(
        [choice.text for choice in question.choices],
        question.choices.index(correct),
        question.accepted_answers or [],
        rng if shuffle else None,
    )
    evidence, highlight = evidence_sentence(question, correct.text)
    return AttemptAnswer(
        position=position,
        question_id=question.id,
        kind=question.kind,
        prompt=question.prompt,
        options=asked.options,
        correct_option=asked.correct_option,
        correct_text=correct.text,
        accepted_answers=asked.accepted_answers,
        explanation=question.explanation,
        evidence=evidence,
        highlight_start=highlight[0] if highlight else None,
        highlight_end=highlight[1] if highlight else None,
    )


def evidence_sentence(question: Question, answer: str) -> tuple[str, tuple[int, int] | None]:
    """The article's sentence holding the evidence, and the span to highlight in it."""
    article = question.article
    start, end = question.evidence_start, question.evidence_end
    if article is None or start is None or end is None:
        return "", None
    sentence = next(
        (s for s in split_sentences(article.text) if s.start <= start < s.end),
        None,
    )
    if sentence is None:
        return article.text[start:end], (0, end - start)
    at = fold(sentence.text).find(fold(answer)) if answer not in {"True", "False"} else -1
    if at >= 0 and len(fold(sentence.text)) == len(sentence.text):
        return sentence.text, (at, at + len(answer))
    return sentence.text, (start - sentence.start, min(end, sentence.end) - sentence.start)


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
        session.connection().execute(_MARK_SHOWN, {"answer_id": answer.id, "at": now})
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
        _MOVE_ON,
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
        _LOCK_ANSWER,
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
        .returning(*_PLAYED)
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
