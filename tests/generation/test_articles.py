"""The extractor on the hand-written test articles (tests/data/articles/NN-slug.txt + .json).

Every gold fact of a checked kind must be found (by the development set scorer's matching
rules, see matching.py), every must_not trap must be avoided, and every span must point into
the text. Cases the extractor does not handle yet are listed in KNOWN_MISSES / KNOWN_TRAPS and
marked xfail(strict=True): when the extractor learns one, the test turns XPASS and fails, so
the entry must then be removed from the list.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.generation.corpus import ARTICLE_NAMES, SEED_NAME, article_text, facts, gold
from tests.generation.matching import hits_trap, states_gold_fact

CHECKED_KINDS = (
    "film",
    "director",
    "writer",
    "cast",
    "character",
    "release_date",
    "joined_cast",
    "previous_installment",
    "sequel",
    "filming_location",
    "known_for",
)

# (article, kind, value) of gold facts the extractor does not find yet.
KNOWN_MISSES: set[tuple[str, str, str]] = {
    ("01-night-runner-2-casting", "character", "Vesna Kral"),
    ("01-night-runner-2-casting", "filming_location", "Toronto"),
    ("01-night-runner-2-casting", "known_for", "Glass Harbor"),
    ("01-night-runner-2-casting", "previous_installment", "Night Runner"),
    ("02-star-quest-date-change", "cast", "Lou Fairweather"),
    ("02-star-quest-date-change", "character", "Idris Vale"),
    ("03-saltwater-widow-director", "character", "Tobias Carrow"),
    ("03-saltwater-widow-director", "filming_location", "Nova Scotia"),
    ("03-saltwater-widow-director", "release_date", "2026"),
    ("04-dust-devils-review", "cast", "Dwight Ellery Jr."),
    ("04-dust-devils-review", "character", "Clem Aubrey"),
    ("04-dust-devils-review", "filming_location", "Moab, Utah"),
    ("04-dust-devils-review", "known_for", "The Fourth Estate"),
    ("05-quiet-hours-review", "character", "Greta Lunde"),
    ("05-quiet-hours-review", "known_for", "Marigold Lane"),
    ("06-ashgrove-protocol-wiki", "character", "Kate Lyall"),
    ("06-ashgrove-protocol-wiki", "filming_location", "Pittsburgh"),
    ("06-ashgrove-protocol-wiki", "sequel", "The Ashgrove Directive"),
    ("07-venice-two-films", "cast", "Lars Eriksen-Bly"),
    ("07-venice-two-films", "cast", "Thandiwe Moyo"),
    ("07-venice-two-films", "character", "Pol Ferrer"),
    ("07-venice-two-films", "known_for", "Les Hirondelles"),
    ("07-venice-two-films", "release_date", "2025-11-05"),
    ("08-harrowgate-trailer", "filming_location", "Edinburgh"),
    ("09-summer-of-99-interview", "cast", "Julian Okoro"),
    ("09-summer-of-99-interview", "character", "Danny Alvarado"),
    ("09-summer-of-99-interview", "character", "Hector Alvarado"),
    ("09-summer-of-99-interview", "character", "Rosa Alvarado"),
    ("09-summer-of-99-interview", "known_for", "Iron Saint"),
    ("10-rumor-roundup", "cast", "Ferdinand Okoye"),
    ("10-rumor-roundup", "character", "Aldric"),
    ("10-rumor-roundup", "character", "Garrick Vane"),
    ("10-rumor-roundup", "director", "D.B. Okonjo"),
    ("11-sable-black-tide-sequel", "director", "Bastian Kruger"),
    ("11-sable-black-tide-sequel", "filming_location", "Prague"),
    ("11-sable-black-tide-sequel", "previous_installment", "Sable"),
    ("11-sable-black-tide-sequel", "previous_installment", "Sable: Red Winter"),
    ("11-sable-black-tide-sequel", "sequel", "Sable: Ashes"),
    ("12-lantern-fox-voice-cast", "cast", "Clive Hartington"),
    ("12-lantern-fox-voice-cast", "cast", "Desmond Kwarteng"),
    ("12-lantern-fox-voice-cast", "cast", "Fran Kowalczyk"),
    ("12-lantern-fox-voice-cast", "cast", "Lila Montenegro"),
    ("12-lantern-fox-voice-cast", "cast", "Ruth Adair-Lomax"),
    ("12-lantern-fox-voice-cast", "character", "Dr. Thistlewood"),
    ("12-lantern-fox-voice-cast", "director", "Oskar Lindahl"),
    ("12-lantern-fox-voice-cast", "director", "Priyanka Desai"),
    ("12-lantern-fox-voice-cast", "known_for", "Night Ward"),
}

# (article, kind, value) of must_not traps the extractor still falls into.
KNOWN_TRAPS: set[tuple[str, str, str]] = {
    ("11-sable-black-tide-sequel", "director", "Hollis Greer"),
}


def _case_id(name: str, entry: dict[str, Any]) -> str:
    return f"{name[:2]}-{entry['kind']}-{entry.get('subject', '')}-{entry['value']}"


def _cases(section: str, known: set[tuple[str, str, str]], reason: str) -> list[Any]:
    cases = []
    for name in ARTICLE_NAMES:
        for entry in gold(name)[section]:
            if section == "facts" and entry["kind"] not in CHECKED_KINDS:
                continue
            marks = []
            if (name, entry["kind"], entry["value"]) in known:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            cases.append(pytest.param(name, entry, marks=marks, id=_case_id(name, entry)))
    return cases


def _describe(name: str) -> str:
    return "\n".join(
        f"  {f.kind}: {f.subject} -> {f.value}{' [hedged]' if f.hedged else ''}"
        for f in facts(name)
    )


@pytest.mark.parametrize(
    ("name", "expected"), _cases("facts", KNOWN_MISSES, "extractor misses this phrasing yet")
)
def test_article_states_fact(name: str, expected: dict[str, Any]) -> None:
    found = [fact for fact in facts(name) if states_gold_fact(fact, expected)]
    assert found, f"{expected} not extracted from {name}; extracted:\n{_describe(name)}"
    if expected["hedged"]:
        assert any(fact.hedged for fact in found), f"{expected} is hedged in the text: {found}"


@pytest.mark.parametrize(
    ("name", "trap"), _cases("must_not", KNOWN_TRAPS, "extractor falls for this trap yet")
)
def test_article_has_no_tempting_wrong_fact(name: str, trap: dict[str, Any]) -> None:
    wrong = [fact for fact in facts(name) if hits_trap(fact, trap)]
    assert not wrong, f"{trap['why']}: {wrong}"


@pytest.mark.parametrize("name", [*ARTICLE_NAMES, SEED_NAME])
def test_every_fact_points_at_its_evidence_in_the_text(name: str) -> None:
    text = article_text(name)
    for fact in facts(name):
        assert 0 <= fact.start < fact.end <= len(text), fact
        evidence = text[fact.start : fact.end]
        assert evidence.strip(), fact
        if fact.sentence:
            sentence_start = text.find(fact.sentence)
            assert sentence_start >= 0, f"sentence not in the text: {fact}"
            # the sentence may occur more than once; one occurrence must hold the span
            holders = [
                position
                for position in _occurrences(text, fact.sentence)
                if position <= fact.start and fact.end <= position + len(fact.sentence)
            ]
            assert holders, f"the span {evidence!r} lies outside its sentence: {fact}"


def _occurrences(text: str, part: str) -> list[int]:
    positions, position = [], text.find(part)
    while position >= 0:
        positions.append(position)
        position = text.find(part, position + 1)
    return positions
