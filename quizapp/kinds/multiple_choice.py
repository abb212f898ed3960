"""Multiple choice: 2 to 6 options, one of them right; drafted with three wrong values."""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Sequence

from quizapp.kinds.base import Choices, Draft, DraftMaterial, EditorEntry, one_right_answer
from quizapp.kinds.choices import PickOne

MIN_OPTIONS, MAX_OPTIONS = 2, 6
DRAFTED_WRONG = 3  # wrong options in a generated question


def _key(text: str) -> str:
    return text.strip().casefold()


class MultipleChoice(PickOne):
    name = "multiple_choice"
    label = "Multiple choice"
    draft_order = 0
    has_distractors = True
    shuffles = True
    gift_multiline = True
    opentdb_type = "multiple"

    def draft(self, material: DraftMaterial, rng: random.Random) -> Draft | None:
        if len(material.wrong) < DRAFTED_WRONG or material.choice_prompt is None:
            return None
        options = [*material.wrong[:DRAFTED_WRONG], material.answer]
        rng.shuffle(options)
        choices = tuple((option, option == material.answer) for option in options)
        return Draft(material.choice_prompt, choices, material.difficulty)

    def editor_problems(self, entry: EditorEntry) -> dict[str, str]:
        problems = {}
        filled = [text for text in entry.options if text]
        if not MIN_OPTIONS <= len(filled) <= MAX_OPTIONS:
            problems["options"] = f"Give {MIN_OPTIONS} to {MAX_OPTIONS} options."
        elif len({text.casefold() for text in filled}) != len(filled):
            problems["options"] = "The options must all differ."
        marked = entry.correct
        if (
            marked is None
            or not 1 <= marked <= min(MAX_OPTIONS, len(entry.options))
            or not entry.options[marked - 1]
        ):
            problems["correct"] = "Say which option is correct."
        return problems

    def from_editor(self, entry: EditorEntry) -> tuple[list[str], int]:
        """The filled options sorted by their position boxes (ties keep box order), and where
        the marked one went."""
        marked = (entry.correct or 1) - 1
        slots = [(box, text) for box, text in enumerate(entry.options) if text]

        def place(slot: tuple[int, str]) -> tuple[int, int]:
            box = slot[0]
            typed = entry.positions[box] if box < len(entry.positions) else None
            return (box + 1 if typed is None else typed, box)

        ordered = sorted(slots, key=place)
        return [text for _, text in ordered], [box for box, _ in ordered].index(marked)

    def to_editor(self, texts: Sequence[str], correct: int, accepted: Sequence[str]) -> EditorEntry:
        return EditorEntry(options=list(texts), correct=correct + 1)

    def stored(
        self, options: Sequence[str], correct: int, accepted: Sequence[str]
    ) -> tuple[Choices, list[str]]:
        return tuple((text, i == correct) for i, text in enumerate(options)), []

    def record_problems(self, choices: Choices, accepted: tuple[str, ...]) -> list[str]:
        problems = []
        if not MIN_OPTIONS <= len(choices) <= MAX_OPTIONS:
            problems.append(
                f"a multiple-choice question needs {MIN_OPTIONS} to {MAX_OPTIONS} options, "
                f"this one has {len(choices)}"
            )
        problems += one_right_answer(choices)
        keys = [_key(text) for text, _ in choices]
        if any(not key for key in keys):
            problems.append("an option is empty")
        if len(set(keys)) != len(keys):
            problems.append("two options are the same")
        return problems

    def gift_answers(
        self, choices: Choices, accepted: tuple[str, ...], protect: Callable[[str], str]
    ) -> list[str]:
        return [f"{'=' if right else '~'}{protect(text)}" for text, right in choices]

    def opentdb_choices(self, answer: str, wrong: Sequence[str], prompt: str) -> Choices:
        # The right answer's place is fixed by the question, so a re-import gives the same.
        options = [(option, False) for option in wrong]
        options.insert(zlib.crc32(prompt.encode()) % (len(wrong) + 1), (answer, True))
        return tuple(options)
