"""True or false: a statement of the fact, with the right value or a wrong one in it."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from quizapp.kinds.base import Choices, Draft, DraftMaterial, EditorEntry, one_right_answer
from quizapp.kinds.choices import PickOne

TRUE_FALSE = ("True", "False")


class TrueFalse(PickOne):
    name = "true_false"
    label = "True or false"
    draft_order = 2
    answers_with_truth = True
    opentdb_type = "boolean"

    def draft(self, material: DraftMaterial, rng: random.Random) -> Draft | None:
        """A statement with the right value or a wrong one the article names: a random name from
        a pool ("True or false: Donnie Yen is in the cast") tests nothing, so without a named
        wrong value there is no true/false question at all (never only true ones)."""
        if not material.named_wrong or material.statement is None:
            return None
        truthful = rng.random() < 0.5
        shown = material.answer if truthful else material.named_wrong[0]
        prompt = f"True or false: {material.statement(shown)}"
        choices = (("True", truthful), ("False", not truthful))
        return Draft(prompt, choices, max(1, material.difficulty - 1))

    def editor_problems(self, entry: EditorEntry) -> dict[str, str]:
        return {}

    def from_editor(self, entry: EditorEntry) -> tuple[list[str], int]:
        return list(TRUE_FALSE), 0 if entry.truth else 1

    def to_editor(self, texts: Sequence[str], correct: int, accepted: Sequence[str]) -> EditorEntry:
        return EditorEntry(truth=texts[correct] == "True")

    def stored(
        self, options: Sequence[str], correct: int, accepted: Sequence[str]
    ) -> tuple[Choices, list[str]]:
        return tuple((text, i == correct) for i, text in enumerate(TRUE_FALSE)), []

    def record_problems(self, choices: Choices, accepted: tuple[str, ...]) -> list[str]:
        if tuple(text for text, _ in choices) != TRUE_FALSE:
            return ['a true/false question has exactly the options "True" and "False"']
        return one_right_answer(choices)

    def record_answers(
        self, choices: Choices, accepted: tuple[str, ...]
    ) -> tuple[Choices, tuple[str, ...]]:
        return tuple(sorted(choices, key=lambda pair: pair[0] != "True")), ()

    def gift_answers(
        self, choices: Choices, accepted: tuple[str, ...], protect: Callable[[str], str]
    ) -> list[str]:
        return ["TRUE" if choices[0][1] else "FALSE"]

    def opentdb_choices(self, answer: str, wrong: Sequence[str], prompt: str) -> Choices:
        if answer not in TRUE_FALSE:
            raise ValueError('expected "True" or "False"')
        return (("True", answer == "True"), ("False", answer == "False"))
