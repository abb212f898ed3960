"""The generator's value types: what it extracts and what it drafts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TypedDict, cast

FACT_KINDS = (
    "film",
    "director",
    "writer",
    "producer",
    "cast",
    "character",
    "known_for",
    "release_date",
    "previous_release_date",
    "joined_cast",
    "previous_installment",
    "sequel",
    "filming_location",
    "filming_date",
    "delay",
    "studio",
    "runtime",
    "rating",
)


class FactJson(TypedDict):
    """A Fact as JSON (Fact.as_json)."""

    kind: str
    subject: str
    value: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    hedged: bool
    qualifier: str | None
    unsure: bool


class ChoiceJson(TypedDict):
    text: str
    correct: bool


class EvidenceJson(TypedDict):
    sentence: str
    start: int
    end: int


class FactRefJson(TypedDict):
    kind: str
    subject: str
    value: str


class QuestionDraftJson(TypedDict):
    """A QuestionDraft as JSON (QuestionDraft.as_json)."""

    kind: str
    prompt: str
    choices: list[ChoiceJson]
    answer: str
    accepted_answers: list[str]
    explanation: str
    difficulty: int
    evidence: EvidenceJson
    fact: FactRefJson


@dataclass(frozen=True)
class Fact:
    """One statement the article makes, with the sentence and span it stands in.

    `start`/`end` are character offsets into the article of the evidence (the value's mention
    where the value is quoted from the text); `qualifier` refines the kind ("returning"/"new"
    for cast, "cause"/"length" for a delay, the series number for a film).
    """

    kind: str
    subject: str
    value: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    hedged: bool = False
    qualifier: str | None = None
    # The film it names is a default guess (see attribution.py): shown to authors, never asked.
    unsure: bool = False

    def as_json(self) -> FactJson:
        return cast(FactJson, asdict(self))  # the fields, by name


@dataclass(frozen=True)
class ChoiceDraft:
    text: str
    correct: bool


@dataclass
class QuestionDraft:
    """A generated question, ready to be stored; `fact` is the fact it asks about."""

    kind: str  # multiple_choice | true_false | typed
    prompt: str
    choices: list[ChoiceDraft]
    explanation: str
    difficulty: int
    fact: Fact
    evidence_start: int
    evidence_end: int
    accepted_answers: list[str] = field(default_factory=list)
    # Wrong options taken from the shipped pools or other articles rather than this article:
    # a quiz prefers another kind of question over such a multiple choice.
    pooled_options: int = 0

    @property
    def answer(self) -> str:
        return next(choice.text for choice in self.choices if choice.correct)

    def as_json(self) -> QuestionDraftJson:
        return {
            "kind": self.kind,
            "prompt": self.prompt,
            "choices": [{"text": c.text, "correct": c.correct} for c in self.choices],
            "answer": self.answer,
            "accepted_answers": self.accepted_answers,
            "explanation": self.explanation,
            "difficulty": self.difficulty,
            "evidence": {
                "sentence": self.fact.sentence,
                "start": self.evidence_start,
                "end": self.evidence_end,
            },
            "fact": {
                "kind": self.fact.kind,
                "subject": self.fact.subject,
                "value": self.fact.value,
            },
        }
