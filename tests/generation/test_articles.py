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
KNOWN_MISSES: set[tuple[str, str, str]] = set()

# (article, kind, value) of must_not traps the extractor still falls into.
KNOWN_TRAPS: set[tuple[str, str, str]] = set()


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
