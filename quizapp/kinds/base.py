"""What a question kind is: the values it works on, and everything a kind must say about itself.

A kind is one object (see quizapp.kinds for the registry). Callers look the kind up by name and
ask it, so that adding a kind (multiple response, numerical) touches its own module and one
line of the registry, and no `if kind == ...` anywhere else.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# (text, correct) pairs in their order: how every layer passes a question's choices around.
Choices = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class DraftMaterial:
    """What the generator knows about one fact, for each kind to draft its question from.

    A prompt is None when there is none, or when it would give the answer away.
    """

    answer: str
    wrong: tuple[str, ...]  # wrong values for the answer, the most plausible first
    difficulty: int
    choice_prompt: str | None
    typed_prompt: str | None
    statement: Callable[[str], str] | None  # the fact as a sentence, with a given value in it
    accepted: tuple[str, ...] = ()  # spellings of the answer a player may rightly type
    named_wrong: tuple[str, ...] = ()  # wrong values the article itself names


@dataclass(frozen=True)
class Draft:
    """A kind's draft of a question; the generator adds the fact, explanation and evidence."""

    prompt: str
    choices: Choices
    difficulty: int
    accepted_answers: tuple[str, ...] = ()


@dataclass(frozen=True)
class AskedAs:
    """How an attempt asks a question: the options in the order shown, which one is right,
    and the typed spellings that count. Copied into the attempt, so later edits change nothing."""

    options: list[str]
    correct_option: int | None
    accepted_answers: list[str]


@dataclass(frozen=True)
class Verdict:
    """A player's answer, judged: the option picked or the text typed, and whether it is right."""

    chosen_option: int | None
    given_text: str | None
    correct: bool


@dataclass(frozen=True)
class EditorEntry:
    """The question editor's fields as plain values, whatever the kind.

    `options` are the option boxes in box order (empty ones included), `positions` the place
    typed beside each box (None when not a number), `correct` the number of the correct box
    (from 1), `truth` the statement's truth, `answer` the typed answer.
    """

    options: list[str] = field(default_factory=list)
    positions: list[int | None] = field(default_factory=list)
    correct: int | None = None
    truth: bool = True
    answer: str = ""
    accepted: list[str] = field(default_factory=list)


class QuestionKind(ABC):
    """One kind of question. Subclasses set the attributes and implement every method."""

    name: str  # as stored in Question.kind and written in our JSON
    label: str  # as the editor offers it
    input: str  # the answer input the pages render: "choices" (radio buttons) or "text"
    draft_order: int  # generated drafts are listed by this, lowest first
    ask_to_answer: str  # what an empty answer is told
    # The correct choice is a verdict on a statement (True/False), not a value of the fact.
    answers_with_truth: bool = False
    # The wrong options are values of the fact's kind, so they must be of the answer's kind
    # and must not be true by the article's own facts.
    has_distractors: bool = False
    # Players type the answer, and other spellings of it count too (accepted answers).
    accepts_spellings: bool = False
    gift_multiline: bool = False  # GIFT: one answer per line inside the braces
    opentdb_type: str | None = None  # Open Trivia DB's name for the kind, if it has one

    @abstractmethod
    def draft(self, material: DraftMaterial, rng: random.Random) -> Draft | None:
        """This kind's question about a fact, or None when the material cannot make one."""

    @abstractmethod
    def ask(
        self, texts: Sequence[str], correct: int, accepted: Sequence[str], rng: random.Random | None
    ) -> AskedAs:
        """How an attempt asks the question; `rng` shuffles the options where the kind allows."""

    @abstractmethod
    def judge(self, asked: AskedAs, raw: str) -> Verdict | None:
        """The verdict on a non-empty raw answer, or None when it is not an answer to this."""

    @abstractmethod
    def editor_problems(self, entry: EditorEntry) -> dict[str, str]:
        """What is wrong with the editor's fields for this kind, by field name."""

    @abstractmethod
    def from_editor(self, entry: EditorEntry) -> tuple[list[str], int]:
        """The options in their final order and the index of the correct one."""

    @abstractmethod
    def to_editor(self, texts: Sequence[str], correct: int, accepted: Sequence[str]) -> EditorEntry:
        """The editor's fields for a stored question."""

    @abstractmethod
    def stored(
        self, options: Sequence[str], correct: int, accepted: Sequence[str]
    ) -> tuple[Choices, list[str]]:
        """The choices and accepted answers to store for what the editor gave."""

    @abstractmethod
    def record_problems(self, choices: Choices, accepted: tuple[str, ...]) -> list[str]:
        """What is wrong with an imported or exported question's answers, for this kind."""

    def record_answers(
        self, choices: Choices, accepted: tuple[str, ...]
    ) -> tuple[Choices, tuple[str, ...]]:
        """A stored question's answers in the one form every export writes."""
        return choices, ()

    @abstractmethod
    def gift_answers(
        self, choices: Choices, accepted: tuple[str, ...], protect: Callable[[str], str]
    ) -> list[str]:
        """The answers inside a GIFT question's braces, text escaped by `protect`."""

    def opentdb_choices(self, answer: str, wrong: Sequence[str], prompt: str) -> Choices:
        """The choices of an Open Trivia DB result; ValueError (saying why) when its answer does
        not fit."""
        raise ValueError(f"{self.label} questions are not in Open Trivia DB")

    @abstractmethod
    def describe(self, choices: Choices, accepted: Sequence[str]) -> list[str]:
        """The answers as lines of a text preview (`flask questions`)."""


def one_right_answer(choices: Choices) -> list[str]:
    """The rule every kind of ours keeps: exactly one choice is right."""
    right = sum(1 for _, correct in choices if correct)
    if right != 1:
        return [f"a question needs exactly one right answer, this one has {right}"]
    return []
