"""Article text → facts → question drafts. Plain Python: no Flask, no database."""

from quizapp.generation.extract import NotAFilmArticle, extract_facts
from quizapp.generation.questions import generate_questions
from quizapp.generation.types import ChoiceDraft, Fact, QuestionDraft

__all__ = [
    "ChoiceDraft",
    "Fact",
    "NotAFilmArticle",
    "QuestionDraft",
    "extract_facts",
    "generate_questions",
]
