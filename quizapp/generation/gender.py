"""Whose pronouns: a person's (or a role's) gender as the article tells it, else as known.

Wrong options are matched to the answer's gender, so that the answer does not stand out as the
only woman among men. The article decides first: a pronoun that follows a mention of the person
(in the same sentence or the next one) counts for them when they are the only person named
between the sentence's start and the pronoun, so "Vale joked that Gale was her instructor"
says nothing about Gale. Without such a pronoun: the gender a pool records for the name, then
the given-name dictionary (gender-guesser), then unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Literal

import regex

from quizapp.text.folding import match_key
from quizapp.text.sentences import split_sentences

Gender = Literal["f", "m"]
PRONOUNS: dict[str, Gender] = {
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
}
PRONOUN = regex.compile(r"\b(?:" + "|".join(PRONOUNS) + r")\b", regex.IGNORECASE)
GUESSES: dict[str, Gender] = {
    "female": "f",
    "mostly_female": "f",
    "male": "m",
    "mostly_male": "m",
}


@cache
def _detector() -> object:
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


def given_name_gender(name: str) -> Gender | None:
    """The gender the given-name dictionary records for the name's first word, if any."""
    words = [w for w in name.replace(".", ". ").split() if not w.endswith(".")]
    if len(words) < 2:  # "Zendaya", "Gandalf": a single word is not a given name to go by
        return None
    guess: str = _detector().get_gender(words[0])  # type: ignore[attr-defined]
    return GUESSES.get(guess)


def _mention_pattern(name: str) -> regex.Pattern[str] | None:
    """The full name, or its last word (the surname an article reuses), as whole words."""
    words = name.split()
    if not words:
        return None
    forms = {regex.escape(name)}
    if len(words) > 1 and len(words[-1]) > 2 and words[-1][:1].isupper():
        forms.add(regex.escape(words[-1]))
    return regex.compile(
        r"(?<!\w)(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?!\w)"
    )


class GenderBook:
    """The genders the article's pronouns give its names, with the pools' and given names' as
    fallbacks. `recorded` maps a name's match key to the gender a pool records for it."""

    def __init__(
        self, text: str, names: Iterable[str], recorded: Mapping[str, str] | None = None
    ) -> None:
        self.recorded = dict(recorded or {})
        self.votes: dict[str, Counter[Gender]] = {}
        unique = sorted({n for n in names if n.strip()}, key=len, reverse=True)
        self._read(text, unique)

    def _read(self, text: str, names: list[str]) -> None:
        patterns = [p for name in names if (p := _mention_pattern(name)) is not None]
        keys = [match_key(name) for name in names if _mention_pattern(name) is not None]
        sentences = split_sentences(text)
        for position, sentence in enumerate(sentences):
            for pronoun in PRONOUN.finditer(text, sentence.start, sentence.end):
                named = self._named(text, patterns, keys, sentence.start, pronoun.start())
                if not named and position > 0:  # the pronoun points back to the last sentence
                    previous = sentences[position - 1]
                    named = self._named(text, patterns, keys, previous.start, pronoun.start())
                if len(named) == 1:
                    gender = PRONOUNS[pronoun.group().casefold()]
                    self.votes.setdefault(named.pop(), Counter())[gender] += 1

    @staticmethod
    def _named(
        text: str, patterns: list[regex.Pattern[str]], keys: list[str], start: int, end: int
    ) -> set[str]:
        """The names mentioned in text[start:end]; a name inside a longer one named is the same
        person ("Gale" in "Tom Gale")."""
        spans: list[tuple[int, int, str]] = []
        for pattern, key in zip(patterns, keys, strict=True):
            spans += [(m.start(), m.end(), key) for m in pattern.finditer(text, start, end)]
        named = set()
        for s, e, key in spans:
            inside = any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in spans)
            if not inside:
                named.add(key)
        surnames = {key: key.split()[-1] for key in named}
        # "Vale" and "Ann Vale" are one person, however the two mentions were written.
        return {k for k in named if not any(o != k and surnames[o] == k for o in named)}

    def from_article(self, name: str) -> Gender | None:
        votes = self.votes.get(match_key(name))
        if not votes:
            return None
        (top, count), *rest = votes.most_common()
        return top if not rest or rest[0][1] < count else None

    def of(self, name: str) -> Gender | None:
        """The article's pronouns, else the pool's record, else the given-name dictionary."""
        told = self.from_article(name)
        if told is not None:
            return told
        recorded = self.recorded.get(match_key(name))
        if recorded in ("f", "m"):
            return "f" if recorded == "f" else "m"
        return given_name_gender(name)
