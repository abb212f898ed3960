"""Folding text for comparisons: case, accents, curly quotes and punctuation never matter."""

from __future__ import annotations

import unicodedata

import regex

QUOTE_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
    }
)


def fold(text: str) -> str:
    """Casefolded, accent-free, straight-quoted text for matching names and answers."""
    decomposed = unicodedata.normalize("NFKD", text.translate(QUOTE_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def match_key(text: str) -> str:
    """A comparison key: folded, punctuation dropped, spaces collapsed, no leading 'the'."""
    key = regex.sub(r"[^\w\s]|_", " ", fold(text).replace("'", ""))
    key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key
