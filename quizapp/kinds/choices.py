"""What multiple choice and true/false share: the player picks one of the options shown."""

from __future__ import annotations

import random
from collections.abc import Sequence

from quizapp.kinds.base import AskedAs, Choices, QuestionKind, Verdict

LETTERS = "ABCDEFGHIJ"


class PickOne(QuestionKind):
    """A question answered by picking one option (radio buttons; keys 1–6 pick one)."""

    input = "choices"
    ask_to_answer = "Choose an answer first."
    shuffles = False  # whether an attempt may shuffle the options

    def ask(
        self, texts: Sequence[str], correct: int, accepted: Sequence[str], rng: random.Random | None
    ) -> AskedAs:
        order = list(range(len(texts)))
        if rng is not None and self.shuffles:
            rng.shuffle(order)
        return AskedAs([texts[i] for i in order], order.index(correct), [])

    def judge(self, asked: AskedAs, raw: str) -> Verdict | None:
        # An option's number, as the page sends it; anything else was not sent by the page.
        if not (raw.isascii() and raw.isdecimal()) or len(raw) > 2:
            return None
        chosen = int(raw)
        if chosen >= len(asked.options):
            return None
        return Verdict(chosen, None, chosen == asked.correct_option)

    def describe(self, choices: Choices, accepted: Sequence[str]) -> list[str]:
        return [
            f"  {'*' if correct else ' '} {letter}. {text}"
            for letter, (text, correct) in zip(LETTERS, choices, strict=False)
        ]
