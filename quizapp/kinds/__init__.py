"""The question-kind registry: each kind drafts, snapshots, renders, judges, validates and maps
itself to GIFT, our JSON and Open Trivia DB, in one object.

Plain Python: no Flask, no database. To add a kind, write its class (see base.QuestionKind) and
add one instance to KINDS. The order of KINDS is the order kinds are drafted in (it decides
which random numbers each draws, so it is part of what a generation seed gives) and the order
the database's check constraint lists them.
"""

from __future__ import annotations

from quizapp.kinds.base import (
    AskedAs,
    Choices,
    Draft,
    DraftMaterial,
    EditorEntry,
    QuestionKind,
    Verdict,
)
from quizapp.kinds.multiple_choice import MultipleChoice
from quizapp.kinds.true_false import TrueFalse
from quizapp.kinds.typed import Typed

KINDS: dict[str, QuestionKind] = {
    kind.name: kind for kind in (MultipleChoice(), TrueFalse(), Typed())
}
QUESTION_KINDS = tuple(KINDS)


class UnknownKind(ValueError):
    """A question kind the registry does not have."""


def kind_of(name: str) -> QuestionKind:
    """The kind registered under this name."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(f"unknown question kind {name!r}") from None


def draft_order() -> list[QuestionKind]:
    """The kinds in the order generated drafts are listed in."""
    return sorted(KINDS.values(), key=lambda kind: kind.draft_order)


__all__ = [
    "KINDS",
    "QUESTION_KINDS",
    "AskedAs",
    "Choices",
    "Draft",
    "DraftMaterial",
    "EditorEntry",
    "QuestionKind",
    "UnknownKind",
    "Verdict",
    "draft_order",
    "kind_of",
]
