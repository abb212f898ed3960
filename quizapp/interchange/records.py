"""Questions as plain values for import and export, checked like the models check them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from quizapp.kinds import QUESTION_KINDS, kind_of
from quizapp.text.limits import ANSWER_MAX

# Copies of the model's constants: this package must not import Flask or the database.
QUESTION_STATUSES = ("draft", "published", "rejected", "archived")
QUESTION_ORIGINS = ("generated", "authored")


@dataclass(frozen=True)
class QuestionRecord:
    """One question. A typed question has one choice, its answer, which is also the first of
    its accepted answers; `line` (where it starts in its source) is left out of comparisons."""

    kind: str
    prompt: str
    choices: tuple[tuple[str, bool], ...] = ()
    accepted_answers: tuple[str, ...] = ()
    explanation: str = ""
    title: str | None = None
    category: str | None = None
    line: int = field(default=0, compare=False)
    difficulty: int = 2

    @property
    def answer(self) -> str | None:
        return next((text for text, correct in self.choices if correct), None)

    def problems(self) -> list[str]:
        return check_record(self)


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ImportResult:
    """What an import read. Callers store nothing unless `ok`: imports are all-or-nothing."""

    records: list[QuestionRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_record(record: QuestionRecord) -> list[str]:
    """Everything wrong with the record; empty when the models would accept it."""
    if record.kind not in QUESTION_KINDS:
        return [f"unknown question kind {record.kind!r}"]
    kind = kind_of(record.kind)
    problems = []
    if not record.prompt.strip():
        problems.append("the question text is empty")
    if record.difficulty not in (1, 2, 3):
        problems.append(f"difficulty must be 1, 2 or 3, not {record.difficulty!r}")
    if record.title is not None and not record.title.strip():
        problems.append("the title is empty")
    if record.category is not None and (not record.category.strip() or "\n" in record.category):
        problems.append("the category must be one non-empty line")
    if not kind.accepts_spellings and record.accepted_answers:
        problems.append("only typed questions have accepted answers")
    too_long = [text for text, _ in record.choices if len(text) > ANSWER_MAX]
    too_long += [text for text in record.accepted_answers if len(text) > ANSWER_MAX]
    if too_long:
        problems.append(f"an answer or option is longer than {ANSWER_MAX} characters")
    return problems + kind.record_problems(record.choices, record.accepted_answers)


class FactFields(Protocol):
    """Anything with a fact's fields: a generated fact, an imported one, a stored one."""

    @property
    def kind(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def qualifier(self) -> str | None: ...
    @property
    def sentence_index(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def hedged(self) -> bool: ...


class ChoiceLike(Protocol):
    """What record_from_question reads of a stored choice (the Choice model)."""

    @property
    def text(self) -> str: ...
    @property
    def is_correct(self) -> bool | None: ...


class QuestionLike(Protocol):
    """What record_from_question reads of a stored question (the Question model)."""

    @property
    def kind(self) -> str: ...
    @property
    def prompt(self) -> str: ...
    @property
    def explanation(self) -> str | None: ...
    @property
    def difficulty(self) -> int | None: ...
    @property
    def accepted_answers(self) -> Sequence[str] | None: ...
    @property
    def choices(self) -> Sequence[ChoiceLike]: ...


def record_from_question(question: QuestionLike) -> QuestionRecord:
    """A record of a stored question (anything with the Question model's attributes)."""
    ordered = sorted(question.choices, key=lambda choice: getattr(choice, "position", 0))
    choices, accepted = kind_of(question.kind).record_answers(
        tuple((choice.text, bool(choice.is_correct)) for choice in ordered),
        tuple(question.accepted_answers or []),
    )
    return QuestionRecord(
        kind=question.kind,
        prompt=question.prompt,
        choices=choices,
        accepted_answers=accepted,
        explanation=question.explanation or "",
        difficulty=question.difficulty if question.difficulty is not None else 2,
    )
