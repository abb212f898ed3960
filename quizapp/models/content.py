"""Content: articles, the facts found in them, questions and quizzes, their invariants, and
the history of the changes authors make to them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from quizapp.extensions import Model
from quizapp.kinds import QUESTION_KINDS
from quizapp.text.limits import (
    ANSWER_MAX,
    FACT_TEXT_MAX,
    QUALIFIER_MAX,
    SLUG_MAX,
    TITLE_MAX,
    URL_MAX,
)

if TYPE_CHECKING:
    from quizapp.models.accounts import User

QUESTION_STATUSES = ("draft", "published", "rejected", "archived")
FACT_STATUSES = ("active", "dropped", "unsure")
FACT_ORIGINS = ("extracted", "author")
QUESTION_ORIGINS = ("generated", "authored")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class InvalidQuestion(ValueError):
    """A question whose choices break the one-correct-answer rule."""


class Article(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(TITLE_MAX))
    source_url: Mapped[str | None] = mapped_column(sa.String(URL_MAX))
    published_on: Mapped[date | None]
    text: Mapped[str] = mapped_column(sa.Text)
    checksum: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    facts: Mapped[list[Fact]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Fact.start"
    )
    questions: Mapped[list[Question]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Question.id"
    )
    quizzes: Mapped[list[Quiz]] = relationship(back_populates="article")


class Fact(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(40))
    subject: Mapped[str] = mapped_column(sa.String(FACT_TEXT_MAX))
    value: Mapped[str] = mapped_column(sa.String(FACT_TEXT_MAX))
    qualifier: Mapped[str | None] = mapped_column(sa.String(QUALIFIER_MAX))
    sentence_index: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    hedged: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(sa.String(10), default="active", server_default="active")
    origin: Mapped[str] = mapped_column(
        sa.String(10), default="extracted", server_default="extracted"
    )

    article: Mapped[Article] = relationship(back_populates="facts")

    __table_args__ = (
        sa.CheckConstraint('start <= "end"', name="fact_span_ordered"),
        sa.CheckConstraint(f"status IN {FACT_STATUSES}", name="fact_status_known"),
        sa.CheckConstraint(f"origin IN {FACT_ORIGINS}", name="fact_origin_known"),
    )


class Question(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    fact_id: Mapped[int | None] = mapped_column(sa.ForeignKey("fact.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    prompt: Mapped[str] = mapped_column(sa.Text)
    explanation: Mapped[str] = mapped_column(sa.Text, default="")
    difficulty: Mapped[int] = mapped_column(default=2)
    status: Mapped[str] = mapped_column(sa.String(20), default="draft")
    origin: Mapped[str] = mapped_column(sa.String(20), default="generated")
    evidence_start: Mapped[int | None]
    evidence_end: Mapped[int | None]
    accepted_answers: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    # The quality gate's verdict on a generated question (None: not checked) and its reasons.
    gate_passed: Mapped[bool | None]
    gate_notes: Mapped[list[str]] = mapped_column(sa.JSON, default=list, server_default="[]")
    # Touched by an author: regenerating the article's questions leaves it alone.
    edited: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # The question this one is a new version of (made when a played question is edited).
    replaces_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("question.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime | None]

    article: Mapped[Article | None] = relationship(back_populates="questions")
    fact: Mapped[Fact | None] = relationship()
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Choice.position"
    )

    __table_args__ = (
        sa.CheckConstraint(f"kind IN {QUESTION_KINDS}", name="question_kind_known"),
        sa.CheckConstraint(f"status IN {QUESTION_STATUSES}", name="question_status_known"),
        sa.CheckConstraint(f"origin IN {QUESTION_ORIGINS}", name="question_origin_known"),
        sa.CheckConstraint("difficulty BETWEEN 1 AND 3", name="question_difficulty_range"),
    )

    @property
    def correct_choice(self) -> Choice:
        return next(choice for choice in self.choices if choice.is_correct)

    @property
    def evidence(self) -> str:
        if self.article is None or self.evidence_start is None or self.evidence_end is None:
            return ""
        return self.article.text[self.evidence_start : self.evidence_end]


class Choice(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(sa.String(ANSWER_MAX))
    is_correct: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int]

    question: Mapped[Question] = relationship(back_populates="choices")

    __table_args__ = (
        sa.UniqueConstraint("question_id", "position", name="choice_position_unique"),
    )


class Quiz(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(TITLE_MAX))
    slug: Mapped[str] = mapped_column(sa.String(SLUG_MAX), unique=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    article_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("article.id", ondelete="SET NULL"), index=True
    )
    settings: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    published: Mapped[bool] = mapped_column(default=False)
    play_count: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article | None] = relationship(back_populates="quizzes")
    entries: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", cascade="all, delete-orphan", order_by="QuizQuestion.position"
    )

    @property
    def questions(self) -> list[Question]:
        return [entry.question for entry in self.entries]


class QuizQuestion(Model):
    """A question's place in a quiz."""

    quiz_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int]

    quiz: Mapped[Quiz] = relationship(back_populates="entries")
    question: Mapped[Question] = relationship()

    __table_args__ = (sa.UniqueConstraint("quiz_id", "position", name="quiz_position_unique"),)


class ChangeEvent(Model):
    """One change an author made: who did what, and when. It concerns one question, fact or
    quiz; their histories are read from here."""

    __tablename__ = "change_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    fact_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("fact.id", ondelete="CASCADE"), index=True
    )
    quiz_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("quiz.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("account.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(sa.String(20))
    detail: Mapped[str] = mapped_column(sa.Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User | None] = relationship("User")
    question: Mapped[Question | None] = relationship()
    fact: Mapped[Fact | None] = relationship()
    quiz: Mapped[Quiz | None] = relationship()


def make_choices(options: list[tuple[str, bool]]) -> list[Choice]:
    """Choices in the given order from (text, correct) pairs."""
    return [
        Choice(text=text, is_correct=correct, position=position)
        for position, (text, correct) in enumerate(options)
    ]


def check_choices(question: Question) -> None:
    """Raise InvalidQuestion unless exactly one choice is correct and no two choices repeat."""
    correct = [choice for choice in question.choices if choice.is_correct]
    if len(correct) != 1:
        raise InvalidQuestion(
            f"a question needs exactly one correct choice, this one has {len(correct)}"
        )
    texts = [choice.text.strip().casefold() for choice in question.choices]
    if len(set(texts)) != len(texts):
        raise InvalidQuestion("a question's choices must all differ")
    if any(not text for text in texts):
        raise InvalidQuestion("a choice cannot be empty")


@event.listens_for(Session, "before_flush")
def _check_questions_before_flush(session: Session, _context: object, _instances: object) -> None:
    touched = {obj for obj in session.new | session.dirty if isinstance(obj, Question)}
    touched |= {
        obj.question
        for obj in session.new | session.dirty | session.deleted
        if isinstance(obj, Choice) and obj.question is not None
    }
    for question in touched:
        if question not in session.deleted:
            check_choices(question)
