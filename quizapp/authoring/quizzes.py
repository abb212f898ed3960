"""The quiz builder: which questions, in which order, under which rules."""

from __future__ import annotations

import random

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.authoring.questions import PLAYABLE
from quizapp.authoring.rows import unique_slug
from quizapp.models import Article, Question, Quiz, QuizQuestion
from quizapp.play.settings import QuizSettings


class QuizError(ValueError):
    """A quiz that cannot be saved as asked; the message says why."""


def check_publishable(published: bool, question_count: int) -> None:
    """A published quiz has at least one question: there is nothing to play otherwise."""
    if published and question_count == 0:
        raise QuizError("A published quiz needs at least one question.")


def set_published(quiz: Quiz, published: bool) -> None:
    """Publish or unpublish a quiz as it stands (`flask quiz --publish`)."""
    check_publishable(published, len(quiz.entries))
    quiz.published = published


def pick_random(pool: list[int], count: int, rng: random.Random | None = None) -> list[int]:
    """`count` questions drawn from the pool (all of them, shuffled, if it is smaller)."""
    rng = rng or random.SystemRandom()
    return rng.sample(pool, min(count, len(pool)))


def save_quiz(
    session: Session,
    quiz: Quiz | None,
    *,
    title: str,
    description: str,
    question_ids: list[int],
    settings: QuizSettings,
    published: bool,
    article: Article | None = None,
) -> Quiz:
    if not title.strip():
        raise QuizError("A quiz needs a title.")
    if len(set(question_ids)) != len(question_ids):
        raise QuizError("A question can be in a quiz only once.")
    found = {
        q.id: q
        for q in session.scalars(sa.select(Question).where(Question.id.in_(question_ids or [-1])))
    }
    missing = [str(i) for i in question_ids if i not in found]
    if missing:
        raise QuizError(f"No such question: {', '.join(missing)}.")
    retired = [str(i) for i in question_ids if found[i].status not in PLAYABLE]
    if retired:
        raise QuizError(f"Rejected or archived questions cannot be played: {', '.join(retired)}.")
    check_publishable(published, len(question_ids))
    if quiz is None:
        quiz = Quiz(title=title.strip(), slug=unique_slug(session, title), article=article)
        session.add(quiz)
    quiz.title, quiz.description = title.strip(), description.strip()
    quiz.settings = settings.to_mapping()
    quiz.published = published
    session.flush()
    session.execute(sa.delete(QuizQuestion).where(QuizQuestion.quiz_id == quiz.id))
    session.add_all(
        QuizQuestion(quiz_id=quiz.id, question_id=qid, position=position)
        for position, qid in enumerate(question_ids)
    )
    if published:
        for qid in question_ids:
            found[qid].status = "published"
    session.flush()
    session.expire(quiz, ["entries"])
    return quiz
