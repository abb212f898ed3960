"""Why a fact names its film, and which facts name it on too weak a reason to be asked.

A director, writer, cast member or release date is stated of a film for one of these reasons,
strongest first: the sentence names the film ("clause"); the layout files the paragraph under
it ("section": a heading or a list entry); the paragraph names it ("paragraph"); it is the only
film the article names ("only"); the headline names it ("headline"). A fact with none of these
reasons got its film by default, in an article about several films: it is marked unsure. The
generator asks no question on an unsure fact; an author sees it and may confirm it.
"""

from __future__ import annotations

import dataclasses

from quizapp.generation.types import Fact
from quizapp.text.folding import match_key
from quizapp.text.sentences import Sentence

FILM_SUBJECT_KINDS = frozenset({"director", "writer", "cast", "release_date"})


class _Keys:
    """The match keys of each sentence and paragraph, folded once."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentence = {s.index: f" {match_key(s.text)} " for s in sentences}
        self.paragraph_of = {s.index: s.paragraph for s in sentences}
        joined: dict[int, list[str]] = {}
        for s in sentences:
            joined.setdefault(s.paragraph, []).append(self.sentence[s.index])
        self.paragraph = {p: " ".join(keys) for p, keys in joined.items()}
        self.headline = self.sentence[sentences[0].index] if sentences else ""


def basis(fact: Fact, keys: _Keys, sections: dict[int, str], films: int) -> str:
    """The reason `fact` names its film (see the module docstring), or "unsure"."""
    title = f" {match_key(fact.subject)} "
    paragraph = keys.paragraph_of[fact.sentence_index]
    if title in keys.sentence[fact.sentence_index]:
        return "clause"
    if sections.get(paragraph) == fact.subject:
        return "section"
    if title in keys.paragraph[paragraph]:
        return "paragraph"
    if films == 1:
        return "only"
    if title in keys.headline:
        return "headline"
    return "unsure"


def mark_unsure(
    facts: list[Fact], sentences: list[Sentence], sections: dict[int, str]
) -> list[Fact]:
    """The facts, those whose film is a default guess marked unsure; a character goes with
    its actor's cast facts (unsure when every one of them is)."""
    films = len({fact.subject for fact in facts if fact.kind == "film"})
    keys = _Keys(sentences)
    marked = [
        dataclasses.replace(fact, unsure=True)
        if fact.kind in FILM_SUBJECT_KINDS and basis(fact, keys, sections, films) == "unsure"
        else fact
        for fact in facts
    ]
    cast = [fact for fact in marked if fact.kind == "cast"]
    doubtful = {
        match_key(fact.value)
        for fact in cast
        if all(other.unsure for other in cast if match_key(other.value) == match_key(fact.value))
    }
    return [
        dataclasses.replace(fact, unsure=True)
        if fact.kind == "character" and match_key(fact.subject) in doubtful
        else fact
        for fact in marked
    ]
