"""Questions as plain values for import and export, checked like the models check them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

# Copies of the model's constants: this package must not import Flask or the database.
QUESTION_KINDS = ("multiple_choice", "true_false", "typed")
QUESTION_STATUSES = ("draft", "published", "rejected", "archived")
QUESTION_ORIGINS = ("generated", "authored")
MIN_OPTIONS, MAX_OPTIONS = 2, 6
TRUE_FALSE = ("True", "False")


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


def _key(text: str) -> str:
    return text.strip().casefold()


def _check_options(record: QuestionRecord) -> list[str]:
    problems = []
    count = len(record.choices)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        problems.append(
            f"a multiple-choice question needs {MIN_OPTIONS} to {MAX_OPTIONS} options, "
            f"this one has {count}"
        )
    right = sum(1 for _, correct in record.choices if correct)
    if right != 1:
        problems.append(f"a question needs exactly one right answer, this one has {right}")
    keys = [_key(text) for text, _ in record.choices]
    if any(not key for key in keys):
        problems.append("an option is empty")
    if len(set(keys)) != len(keys):
        problems.append("two options are the same")
    return problems


def _check_true_false(record: QuestionRecord) -> list[str]:
    if tuple(text for text, _ in record.choices) != TRUE_FALSE:
        return ['a true/false question has exactly the options "True" and "False"']
    right = sum(1 for _, correct in record.choices if correct)
    if right != 1:
        return [f"a question needs exactly one right answer, this one has {right}"]
    return []


def _check_typed(record: QuestionRecord) -> list[str]:
    answers = record.accepted_answers
    if not answers:
        return ["a typed question needs at least one accepted answer"]
    if any(not answer.strip() for answer in answers):
        return ["an accepted answer is empty"]
    if record.choices != ((answers[0], True),):
        return ["a typed question's answer must be its only choice and first accepted answer"]
    return []


def check_record(record: QuestionRecord) -> list[str]:
    """Everything wrong with the record; empty when the models would accept it."""
    if record.kind not in QUESTION_KINDS:
        return [f"unknown question kind {record.kind!r}"]
    problems = []
    if not record.prompt.strip():
        problems.append("the question text is empty")
    if record.difficulty not in (1, 2, 3):
        problems.append(f"difficulty must be 1, 2 or 3, not {record.difficulty!r}")
    if record.title is not None and not record.title.strip():
        problems.append("the title is empty")
    if record.category is not None and (not record.category.strip() or "\n" in record.category):
        problems.append("the category must be one non-empty line")
    if record.kind != "typed" and record.accepted_answers:
        problems.append("only typed questions have accepted answers")
    if record.kind == "multiple_choice":
        problems += _check_options(record)
    elif record.kind == "true_false":
        problems += _check_true_false(record)
    else:
        problems += _check_typed(record)
    return problems


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
    choices = tuple((choice.text, bool(choice.is_correct)) for choice in ordered)
    accepted: tuple[str, ...] = ()
    if question.kind == "true_false":
        choices = tuple(sorted(choices, key=lambda pair: pair[0] != "True"))
    elif question.kind == "typed":
        answer = next((text for text, correct in choices if correct), None)
        spellings = list(question.accepted_answers or [])
        if answer is not None:
            spellings = [answer, *(text for text in spellings if text != answer)]
            choices = ((answer, True),)
        accepted = tuple(spellings)
    return QuestionRecord(
        kind=question.kind,
        prompt=question.prompt,
        choices=choices,
        accepted_answers=accepted,
        explanation=question.explanation or "",
        difficulty=question.difficulty if question.difficulty is not None else 2,
    )
