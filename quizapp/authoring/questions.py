"""Authors write and change questions: versions once played, archive instead of delete, history."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.authoring.history import record_change
from quizapp.kinds import Choices, kind_of
from quizapp.models import (
    Article,
    AttemptAnswer,
    Choice,
    Question,
    QuizQuestion,
    User,
    utcnow,
)
from quizapp.text.sentences import split_sentences


@dataclass
class QuestionData:
    """A question as the editor gives it: `options` and `correct` as the kind's from_editor()
    makes them (for typed questions `options` is the answer)."""

    kind: str
    prompt: str
    options: list[str]
    correct: int
    accepted: list[str] = field(default_factory=list)
    explanation: str = ""
    evidence_sentence: int | None = None
    difficulty: int = 2
    status: str = "draft"


def log(
    session: Session, question: Question, user: User | None, action: str, detail: str = ""
) -> None:
    record_change(session, user, action, detail, question=question)


def played(session: Session, question: Question) -> bool:
    return (
        question.id is not None
        and session.scalar(
            sa.select(AttemptAnswer.id).where(AttemptAnswer.question_id == question.id).limit(1)
        )
        is not None
    )


def _set_choices(question: Question, choices: Choices) -> None:
    """Update the choices in place (rows are reused by position, so none is deleted and re-added
    under the same position in one flush)."""
    for position, (text, correct) in enumerate(choices):
        if position < len(question.choices):
            choice = question.choices[position]
            choice.text, choice.is_correct = text, correct
        else:
            question.choices.append(Choice(text=text, is_correct=correct, position=position))
    del question.choices[len(choices) :]


def _fill(question: Question, data: QuestionData, article: Article | None) -> None:
    question.kind = data.kind
    question.prompt = data.prompt.strip()
    question.explanation = data.explanation.strip()
    question.difficulty = data.difficulty
    question.status = data.status
    choices, question.accepted_answers = kind_of(data.kind).stored(
        data.options, data.correct, data.accepted
    )
    _set_choices(question, choices)
    if article is not None and data.evidence_sentence is not None:
        sentences = split_sentences(article.text)
        if 0 <= data.evidence_sentence < len(sentences):
            sentence = sentences[data.evidence_sentence]
            question.evidence_start, question.evidence_end = sentence.start, sentence.end
    question.edited = True
    question.gate_passed, question.gate_notes = None, []
    question.updated_at = utcnow()


def save_question(
    session: Session,
    question: Question | None,
    data: QuestionData,
    user: User | None,
    article: Article | None = None,
) -> Question:
    """Create, edit in place, or (once played) make a new version that takes the old one's place."""
    if question is None:
        question = Question(origin="authored", article=article)
        session.add(question)
        _fill(question, data, article)
        session.flush()
        log(session, question, user, "created")
        return question
    article = article or question.article
    if not played(session, question):
        _fill(question, data, article)
        if question.status in RETIRED:
            session.execute(sa.delete(QuizQuestion).where(QuizQuestion.question_id == question.id))
        session.flush()
        log(session, question, user, "edited")
        return question
    successor = Question(
        origin=question.origin,
        article=question.article,
        fact_id=question.fact_id,
        replaces_id=question.id,
        evidence_start=question.evidence_start,
        evidence_end=question.evidence_end,
    )
    session.add(successor)
    _fill(successor, data, article)
    session.flush()
    session.execute(
        sa.update(QuizQuestion)
        .where(QuizQuestion.question_id == question.id)
        .values(question_id=successor.id)
    )
    question.status = "archived"
    log(session, question, user, "replaced", f"by version #{successor.id}; it had been played")
    log(session, successor, user, "created", f"new version of #{question.id}")
    session.flush()
    return successor


RETIRED = ("rejected", "archived")
PLAYABLE = ("draft", "published")


def set_status(session: Session, question: Question, status: str, user: User | None) -> None:
    """Change a question's status; rejected and archived questions leave every quiz (past
    attempts keep their own copies)."""
    if status in RETIRED:
        session.execute(sa.delete(QuizQuestion).where(QuizQuestion.question_id == question.id))
    if question.status != status:
        log(session, question, user, status, f"was {question.status}")
        question.status = status
        question.updated_at = utcnow()


def set_statuses(
    session: Session, questions: list[Question], status: str, user: User | None
) -> int:
    """Give every one of these questions the status, each change in its history; how many."""
    for question in questions:
        set_status(session, question, status, user)
    return len(questions)


def approve_passed(session: Session, article: Article, user: User | None) -> int:
    """Approve the article's drafts that passed the quality gate; how many were."""
    passed = [q for q in article.questions if q.status == "draft" and q.gate_passed]
    return set_statuses(session, passed, "published", user)


def archive(session: Session, question: Question, user: User | None) -> None:
    """'Delete' for authors: out of every quiz, kept for past attempts and the history."""
    set_status(session, question, "archived", user)
