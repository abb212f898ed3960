"""Starting an attempt: its question order, option orders and deadline fixed once, and each
question snapshotted as the attempt asks it (independent of later edits), with the article's
sentence holding the evidence."""

from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from quizapp.kinds import kind_of
from quizapp.models import Attempt, AttemptAnswer, Player, Question, Quiz
from quizapp.play.errors import EmptyQuiz
from quizapp.play.settings import QuizSettings
from quizapp.text.folding import fold
from quizapp.text.sentences import split_sentences


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
