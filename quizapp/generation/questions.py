"""PLACEHOLDER while the generator is written."""
from quizapp.generation.types import Fact, QuestionDraft


def generate_questions(facts: list[Fact], *, seed: int = 0, limit: int | None = None) -> list[QuestionDraft]:
    return []
