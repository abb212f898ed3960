"""Typed database models: the content (articles, questions, quizzes) and play (attempts, boards)."""

from quizapp.models.accounts import ROLES, User
from quizapp.models.content import (
    QUESTION_KINDS,
    QUESTION_ORIGINS,
    QUESTION_STATUSES,
    Article,
    Choice,
    Fact,
    InvalidQuestion,
    Question,
    Quiz,
    QuizQuestion,
    check_choices,
    utcnow,
)
from quizapp.models.play import (
    ATTEMPT_STATUSES,
    BOARD_PERIODS,
    Attempt,
    AttemptAnswer,
    BoardEntry,
    Player,
    PlayerTotal,
    ScoreTally,
)

__all__ = [
    "ATTEMPT_STATUSES",
    "BOARD_PERIODS",
    "QUESTION_KINDS",
    "QUESTION_ORIGINS",
    "QUESTION_STATUSES",
    "ROLES",
    "Article",
    "Attempt",
    "AttemptAnswer",
    "BoardEntry",
    "Choice",
    "Fact",
    "InvalidQuestion",
    "Player",
    "PlayerTotal",
    "Question",
    "Quiz",
    "QuizQuestion",
    "ScoreTally",
    "User",
    "check_choices",
    "utcnow",
]
