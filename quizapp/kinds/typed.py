"""Typed answers: the player types the answer; other spellings of it count too."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from quizapp.kinds.base import (
    AskedAs,
    Choices,
    Draft,
    DraftMaterial,
    EditorEntry,
    QuestionKind,
    Verdict,
)
from quizapp.text.limits import ANSWER_MAX
from quizapp.text.matching import typed_answer_is_right


class Typed(QuestionKind):
    """Stored with one choice, the answer, which is also the first accepted spelling."""

    name = "typed"
    label = "Typed answer"
    input = "text"
    draft_order = 1
    ask_to_answer = "Type an answer first."
    accepts_spellings = True

    def draft(self, material: DraftMaterial, rng: random.Random) -> Draft | None:
        if material.typed_prompt is None:
            return None
        return Draft(
            material.typed_prompt,
            ((material.answer, True),),
            min(3, material.difficulty + 1),
            material.accepted,
        )

    def ask(
        self, texts: Sequence[str], correct: int, accepted: Sequence[str], rng: random.Random | None
    ) -> AskedAs:
        return AskedAs([], None, list(accepted or [texts[correct]]))

    def judge(self, asked: AskedAs, raw: str) -> Verdict | None:
        typed = raw[:ANSWER_MAX]
        return Verdict(None, typed, typed_answer_is_right(typed, asked.accepted_answers))

    def editor_problems(self, entry: EditorEntry) -> dict[str, str]:
        return {} if entry.answer else {"answer": "Give the answer."}

    def from_editor(self, entry: EditorEntry) -> tuple[list[str], int]:
        return [entry.answer], 0

    def to_editor(self, texts: Sequence[str], correct: int, accepted: Sequence[str]) -> EditorEntry:
        answer = texts[correct]
        return EditorEntry(answer=answer, accepted=[a for a in accepted if a != answer])

    def stored(
        self, options: Sequence[str], correct: int, accepted: Sequence[str]
    ) -> tuple[Choices, list[str]]:
        answer = options[0]
        return ((answer, True),), list(dict.fromkeys([answer, *accepted]))

    def record_problems(self, choices: Choices, accepted: tuple[str, ...]) -> list[str]:
        if not accepted:
            return ["a typed question needs at least one accepted answer"]
        if any(not answer.strip() for answer in accepted):
            return ["an accepted answer is empty"]
        if choices != ((accepted[0], True),):
            return ["a typed question's answer must be its only choice and first accepted answer"]
        return []

    def record_answers(
        self, choices: Choices, accepted: tuple[str, ...]
    ) -> tuple[Choices, tuple[str, ...]]:
        """The answer first among the spellings, and as the only choice."""
        answer = next((text for text, correct in choices if correct), None)
        if answer is None:
            return choices, accepted
        return ((answer, True),), (answer, *(text for text in accepted if text != answer))

    def gift_answers(
        self, choices: Choices, accepted: tuple[str, ...], protect: Callable[[str], str]
    ) -> list[str]:
        return [" ".join(f"={protect(answer)}" for answer in accepted)]

    def describe(self, choices: Choices, accepted: Sequence[str]) -> list[str]:
        answer = next((text for text, correct in choices if correct), "")
        also = f" (also accepted: {', '.join(accepted)})" if accepted else ""
        return [f"    Answer: {answer}{also}"]
