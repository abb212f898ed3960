"""What a question may take for granted: the tense of a release, and the premises the article
itself must state (that an actor returns, that films come in an order).

Used when wording a question, and by the quality gate to flag questions whose premise the
article does not support.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

import regex

Tense = Literal["past", "future"]

FUTURE = regex.compile(
    r"\b(?:will|(?:is|are|was|were)\s+(?:now\s+)?(?:set|slated|scheduled|due|expected|poised|"
    r"going|planned)|set\s+(?:to|for)|slated|scheduled|due\s+(?:out|in|on|for|to)|"
    r"(?:opens|arrives|hits|lands|bows|debuts)\s+(?:in|on)|upcoming|forthcoming|"
    r"has\s+a\s+new\s+release\s+date|is\s+now)\b",
    regex.IGNORECASE,
)
PAST = regex.compile(
    r"\b(?:(?:was|were|been)\s+released|released\s+(?:in|on)|premiered|came\s+out|"
    r"opened\s+(?:in|on)|hit\s+(?:theaters|theatres|cinemas)|debuted|grossed|earned)\b",
    regex.IGNORECASE,
)
RETURNING = regex.compile(
    r"\b(?:reprises?|reprised|reprising|returns?\s+(?:as|to\s+(?:play|the\s+role|(?:his|her|"
    r"their)\s+role))|returning(?!\s+(?:home|to\s+(?:his|her|their)\s+(?:home|family|hometown)))|return(?:s|ed)?\s+for|comes?\s+back|coming\s+back|back\s+as|"
    r"once\s+again|again\s+(?:as|plays?|playing)|previously\s+played|original\s+cast|"
    r"(?:also|both)\s+(?:starred|appeared)\s+in)\b",
    regex.IGNORECASE,
)
SERIES_ORDER = regex.compile(
    r"\b(?:sequels?|prequels?|follow-?ups?|installments?|instalments?|entry|entries|chapters?|"
    r"part\s+(?:\d+|one|two|three|[ivx]+)|first\s+(?:film|movie|one)|previous|predecessor|"
    r"original|earlier\s+(?:film|movie)|last\s+(?:film|movie|two|three|one)|next\s+(?:film|"
    r"movie|one)|followed\s+by|follows|continuation|trilogy|franchise|series|spin-?off)\b",
    regex.IGNORECASE,
)


def sentence_tense(sentence: str) -> Tense | None:
    """What the sentence says of a release: still to come, already out, or neither (or both)."""
    future, past = FUTURE.search(sentence), PAST.search(sentence)
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    return None


def release_tense(iso: str, published: date | None, sentence: str) -> Tense | None:
    """A release date before the article's date is past, one after it to come; the same year
    or month (at the date's precision), or no article date: the sentence's own tense."""
    if published is not None:
        parts = tuple(int(p) for p in iso.split("-"))
        reference = (published.year, published.month, published.day)[: len(parts)]
        if parts < reference:
            return "past"
        if parts > reference:
            return "future"
    return sentence_tense(sentence)


def as_of(published: date | None) -> str:
    """ "As of November 2020, " for a fact that may change after the article; "" without a date."""
    if published is None:
        return ""
    return f"As of {calendar.month_name[published.month]} {published.year}, "


def states_return(sentence: str) -> bool:
    """The sentence says someone comes back to a role or a series ("reprising his role",
    "returning as well"), not merely that they return somewhere ("returns home")."""
    return RETURNING.search(sentence) is not None


def states_series_order(sentence: str) -> bool:
    """The sentence says films stand in an order (a sequel, the last installments...)."""
    return SERIES_ORDER.search(sentence) is not None
