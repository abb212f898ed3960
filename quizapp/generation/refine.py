"""Clean-up after extraction: merge duplicates, complete dates, drop contradictions."""

from __future__ import annotations

import dataclasses

import regex

from quizapp.generation.types import Fact
from quizapp.text.folding import match_key
from quizapp.text.sentences import Sentence

PERSON_KINDS = {"director", "writer", "producer", "cast"}


def _key(fact: Fact) -> tuple[str, str, str]:
    return fact.kind, match_key(fact.subject), match_key(fact.value)


def refine_facts(facts: list[Fact], main_film: str, sentences: list[Sentence]) -> list[Fact]:
    """Deduplicate and make the fact list consistent (see the module docstring)."""
    facts = _complete_yearless_dates(facts)
    facts = _drop_roles_read_as_people(facts)
    facts = _merge_duplicates(facts)
    facts = _keep_most_precise_dates(facts)
    facts = _one_year_per_title(facts)
    facts = _film_facts(facts, main_film, sentences) + [f for f in facts if f.kind != "film"]
    return sorted(facts, key=lambda f: (f.kind != "film", f.start))


def _one_year_per_title(facts: list[Fact]) -> list[Fact]:
    """ "Scared Stiff (1987)" and "not to be confused with ... Scared Stiff (1953)": two years
    for one title are two films of that name; the year named first (the headline's) is the
    article's film, the other its namesake's."""
    first: dict[str, Fact] = {}
    for fact in sorted(facts, key=lambda f: f.start):
        if fact.kind == "release_date" and regex.fullmatch(r"\d{4}", fact.value):
            first.setdefault(fact.subject, fact)
    return [
        fact
        for fact in facts
        if not (
            fact.kind == "release_date"
            and regex.fullmatch(r"\d{4}", fact.value)
            and fact.value != first[fact.subject].value
            and fact.subject in first
        )
    ]


def _complete_yearless_dates(facts: list[Fact]) -> list[Fact]:
    # Only a dated release lends its year: a bare year ("Akai Shio (1963)") is the original
    # release, and "Opens Nov. 8" in a restoration's review is this year's.
    years: dict[str, set[str]] = {}
    for fact in facts:
        if fact.kind == "release_date" and regex.fullmatch(r"\d{4}(?:-\d\d){1,2}", fact.value):
            years.setdefault(fact.subject, set()).add(fact.value[:4])
    completed = []
    for fact in facts:
        if fact.value.startswith("?-"):
            candidates = years.get(fact.subject, set())
            if len(candidates) != 1:
                continue
            fact = dataclasses.replace(fact, value=next(iter(candidates)) + fact.value[1:])
        completed.append(fact)
    return completed


def _drop_roles_read_as_people(facts: list[Fact]) -> list[Fact]:
    """A character or another role is not a cast member; an actor is not a character."""
    roles = {match_key(f.value) for f in facts if f.kind in {"character", "known_for"}}
    actors = {match_key(f.value) for f in facts if f.kind == "cast"}
    kept = []
    for fact in facts:
        if fact.kind in PERSON_KINDS and match_key(fact.value) in roles - _strong_cast(facts):
            continue
        if fact.kind == "character" and (
            match_key(fact.value) in actors or match_key(fact.value) == match_key(fact.subject)
        ):
            continue
        kept.append(fact)
    return kept


def _strong_cast(facts: list[Fact]) -> set[str]:
    """Actors that some statement gives a character of their own."""
    return {match_key(f.subject) for f in facts if f.kind == "character"}


def _merge_duplicates(facts: list[Fact]) -> list[Fact]:
    merged: dict[tuple[str, str, str], Fact] = {}
    for fact in facts:
        key = _key(fact)
        if key not in merged:
            merged[key] = fact
            continue
        first = merged[key]
        hedged = first.hedged and fact.hedged
        qualifier = first.qualifier or fact.qualifier
        best = first if (not first.hedged or fact.hedged) else fact
        merged[key] = dataclasses.replace(best, hedged=hedged, qualifier=qualifier)
    return list(merged.values())


def _keep_most_precise_dates(facts: list[Fact]) -> list[Fact]:
    dates = [f for f in facts if f.kind == "release_date"]
    kept = []
    for fact in facts:
        if fact.kind == "release_date" and any(
            other.subject == fact.subject
            and other.value != fact.value
            and other.value.startswith(fact.value)
            for other in dates
        ):
            continue
        kept.append(fact)
    return kept


def _first_mention(title: str, sentences: list[Sentence], number: str | None) -> Fact:
    """The film fact for a title, pointing at the sentence that first names it."""
    for sentence in sentences:
        at = sentence.text.find(title)
        if at >= 0:
            start = sentence.start + at
            return Fact(
                "film",
                title,
                title,
                sentence.index,
                sentence.text,
                start,
                start + len(title),
                False,
                number,
            )
    first = sentences[0] if sentences else Sentence(0, 0, 0, "", 0)
    return Fact(
        "film", title, title, first.index, first.text, first.start, first.end, False, number
    )


def _film_facts(facts: list[Fact], main_film: str, sentences: list[Sentence]) -> list[Fact]:
    """The main film, with its number in a series, and every other film something is said of."""
    numbered = [f for f in facts if f.kind == "film" and f.qualifier]
    series_number = numbered[0].qualifier if numbered else None
    trailing = regex.search(r"\s(\d{1,2}|[IVX]+)$", main_film)
    if trailing and trailing.group(1).isdigit():
        series_number = trailing.group(1)
    main = _first_mention(main_film, sentences, series_number)
    others: dict[str, Fact] = {}
    for fact in facts:
        if fact.kind in {"director", "cast", "release_date"} and not fact.hedged:
            if fact.subject != main_film and fact.subject not in others:
                others[fact.subject] = dataclasses.replace(
                    fact, kind="film", value=fact.subject, qualifier=None
                )
    return [main, *others.values()]
