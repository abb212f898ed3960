"""Lenient matching of a typed answer against its accepted spellings."""

from __future__ import annotations

from rapidfuzz import fuzz

from quizapp.text.dates import find_dates
from quizapp.text.folding import match_key


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def typed_answer_matches(typed: str, accepted: list[str]) -> bool:
    """Case, accents and punctuation never matter; a small typo in a long answer is forgiven,
    but never in its numbers (July 15 is not July 14)."""
    key = match_key(typed)
    if not key:
        return False
    for variant in accepted:
        target = match_key(variant)
        if key == target:
            return True
        if len(target) >= 6 and _digits(key) == _digits(target) and fuzz.ratio(key, target) >= 90:
            return True
    return False


def _dates_in(text: str) -> set[str]:
    return {found.iso for found in find_dates(text) if found.iso}


def typed_answer_is_right(typed: str, accepted: list[str]) -> bool:
    """Lenient: case, accents, punctuation, surname-only (when accepted), any spelling of a date."""
    if typed_answer_matches(typed, accepted):
        return True
    wanted = set().union(*(_dates_in(answer) for answer in accepted)) if accepted else set()
    typed_dates = _dates_in(typed)
    return len(typed_dates) == 1 and typed_dates <= wanted
