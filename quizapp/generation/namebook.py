"""What an article names, as the extractor builds it: people and films by match key."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from quizapp.text.folding import match_key


@dataclass
class Mention:
    kind: str  # "person" | "film"
    name: str  # canonical: the full name, the film's title
    start: int
    end: int


@dataclass
class NameBook:
    """What an article names, built once from all its sentences."""

    text: str
    persons: dict[str, str] = field(default_factory=dict)  # match key -> full name
    # People the text itself shows to be people (a role noun, a cast list, a credit), not only
    # a first name in the dictionary: a film context cannot make them titles.
    confirmed: set[str] = field(default_factory=set)
    films: dict[str, str] = field(default_factory=dict)  # match key -> title
    surnames: dict[str, str] = field(default_factory=dict)  # key of one word -> full name
    # "Ghostbusters" for "Ghostbusters: Afterlife": a title's short form -> the title.
    short_titles: dict[str, str] = field(default_factory=dict)
    film_counts: Counter[str] = field(default_factory=Counter)

    def person(self, name: str) -> str | None:
        key = match_key(name)
        return self.persons.get(key) or self.surnames.get(key)

    def film(self, title: str) -> str | None:
        return self.films.get(match_key(title))
