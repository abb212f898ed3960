"""What one question is built from (Spec), and the lookups over an article's facts that keep
its wrong options false and its tense right (FactIndex)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from quizapp.generation import distractors as dx
from quizapp.generation.types import Fact


@dataclass
class Spec:
    """How to ask about one fact: the answer, where wrong options come from, the wordings."""

    answer: str
    answer_type: str  # person | character | date | title | place | other
    mc_prompt: str
    statement: str  # with {x} where the answer goes
    typed_prompt: str | None
    difficulty: int
    candidates: list[str] = field(default_factory=list)
    pool: str | None = None
    extra: tuple[str, ...] = ()
    forbidden: list[str] = field(default_factory=list)
    variants: list[str] | None = None  # precomputed wrong options (dates, numbers)
    also_right: list[str] = field(default_factory=list)  # co-directors, co-writers: typed too
    fit: dx.Fit = field(default_factory=dx.Fit)  # gender, era and kind the wrong options must match
    elsewhere: tuple[dx.PoolEntry, ...] = ()  # names of the pool's kind from other articles


class FactIndex:
    """Lookups over all facts of an article, to keep wrong options false; and the article's
    date, which decides a question's tense."""

    def __init__(self, facts: list[Fact], published: date | None = None) -> None:
        self.facts = facts
        self.published = published

    def values(self, kind: str, subject: str | None = None) -> list[str]:
        return [
            f.value
            for f in self.facts
            if f.kind == kind and (subject is None or f.subject == subject)
        ]

    def people(self) -> list[str]:
        kinds = {"cast", "director", "writer", "producer"}
        return [f.value for f in self.facts if f.kind in kinds] + [
            f.subject for f in self.facts if f.kind in {"character", "known_for", "joined_cast"}
        ]

    def characters_of(self, actor: str) -> list[str]:
        return [f.value for f in self.facts if f.kind == "character" and f.subject == actor]

    def film_of_actor(self, actor: str, default: str) -> str:
        films = [f.subject for f in self.facts if f.kind == "cast" and f.value == actor]
        return films[0] if films else default

    def actor_of_role(self, role: str) -> str | None:
        actors = [
            f.subject
            for f in self.facts
            if f.kind in {"character", "known_for"} and f.value == role
        ]
        return actors[0] if actors else None

    def titles(self) -> list[str]:
        kinds = {"film", "sequel", "previous_installment"}
        return [f.value for f in self.facts if f.kind in kinds] + [
            f.subject for f in self.facts if f.kind in {"director", "cast", "release_date"}
        ]

    def year_of(self, film: str) -> int | None:
        """The film's release year by the article, else the article's year."""
        years = [
            int(f.value[:4]) for f in self.facts if f.kind == "release_date" and f.subject == film
        ]
        if years:
            return years[0]
        return self.published.year if self.published else None
