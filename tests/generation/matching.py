"""How an extracted fact is compared with a gold fact in the test articles.

The rules are those of the development set's scorer, ``/work/shared/devset/score.py``
(standard library code; ``normalize``, ``person_tokens``, ``person_match``,
``character_value_match``, ``title_norm``, ``film_match`` and ``date_match`` are copied from it
with only names and formatting changed), so a test here passes exactly when the scorer would
count the fact as found:

- text is casefolded, accents stripped, quotes unified, punctuation dropped, a leading "the"
  ignored;
- a person matches by full name, or with middle names, initials or Jr./Sr. left out, never by
  a surname alone;
- a character matches when the role is equal or one is a whole leading or trailing part of the
  other holding a real word (and the actor, the fact's subject, matches as a person);
- a film title matches when equal or a whole part of the other split at a subtitle mark, at
  least two words long, with no installment number left over;
- dates match only as the exact ISO string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from quizapp.generation import Fact

PERSON_KINDS = frozenset({"director", "cast", "writer", "producer", "composer"})
DATE_KINDS = frozenset({"release_date", "previous_release_date", "filming_date", "joined_cast"})
TITLE_KINDS = frozenset({"film", "known_for", "previous_installment", "sequel"})
ACTOR_SUBJECT_KINDS = frozenset({"character", "known_for", "joined_cast"})
FILM_SUBJECT_KINDS = frozenset({"director", "cast", "release_date"})

# ----------------------------------------------------------------- normalizing

_QUOTES = {ord(c): "'" for c in "‘’‚‛′`´"}
_QUOTES.update({ord(c): '"' for c in "“”„‟″"})


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize(text: object) -> str:
    """Casefold, strip accents, unify quotes, drop punctuation (apostrophes join:
    O'Hara -> ohara; other marks become spaces), collapse spaces, drop a leading 'the'."""
    s = strip_accents(str(text or "")).translate(_QUOTES).casefold()
    s = s.replace("'", "")
    s = re.sub(r"[^\w\s]|_", " ", s)
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


# ----------------------------------------------------------------- persons

_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def person_tokens(name: str) -> list[str]:
    tokens = normalize(name).split()
    while len(tokens) > 2 and tokens[-1] in _NAME_SUFFIXES:
        tokens.pop()
    return tokens


def _is_subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(token in it for token in short)


def person_match(pred: str, gold: str) -> bool:
    """Equal full names, or equal once middle names/initials (and Jr./Sr.) are left out.
    A surname (or any single word) only matches a single-word gold name."""
    p, g = person_tokens(pred), person_tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if len(p) < 2 or len(g) < 2 or p[0] != g[0] or p[-1] != g[-1]:
        return False
    short, long_ = sorted((p, g), key=len)
    return _is_subsequence(short, long_)


# ----------------------------------------------------------------- characters

_CHARACTER_FILLER = {
    "the", "a", "an", "of", "and", "dr", "mr", "mrs", "ms", "miss", "sir", "young", "old",
    "agent", "captain", "chief", "mayor", "president", "police", "jr", "sr",
}  # fmt: skip


def character_value_match(pred: str, gold: str) -> bool:
    """Equal, or one is a word-aligned prefix/suffix of the other and the shared part
    holds at least one real word ("Peggy Carter" ~ "Agent Peggy Carter"; never just "the")."""
    p, g = normalize(pred).split(), normalize(gold).split()
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = sorted((p, g), key=len)
    n = len(short)
    if long_[:n] == short or long_[-n:] == short:
        return any(token not in _CHARACTER_FILLER for token in short)
    return False


# ----------------------------------------------------------------- titles

_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_TITLE_SEPARATORS = re.compile(r"\s*(?::|\s[-–—]\s|[()])\s*")
_INSTALLMENT_WORDS = {"part", "chapter", "vol", "volume", "episode"}
_ROMAN = {"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


def title_norm(title: str) -> str:
    return normalize(_TRAILING_PAREN.sub("", str(title or "")))


def _title_segments(title: str) -> list[str]:
    raw = _TRAILING_PAREN.sub("", str(title or ""))
    return [seg for seg in (normalize(s) for s in _TITLE_SEPARATORS.split(raw)) if seg]


def _marks_installment(words: str) -> bool:
    return any(w.isdigit() or w in _ROMAN or w in _INSTALLMENT_WORDS for w in words.split())


def film_match(pred: str, gold: str) -> bool:
    """Equal after normalization (a trailing "(1982)" is ignored), or one title is a whole
    leading/trailing part of the other split at a subtitle mark (":" or a spaced dash), at
    least two words long, and the rest does not name another installment."""
    a, b = title_norm(pred), title_norm(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_raw = (a, gold) if len(a.split()) <= len(b.split()) else (b, pred)
    if len(short.split()) < 2:
        return False
    segments = _title_segments(long_raw)
    for i in range(1, len(segments)):
        head, tail = " ".join(segments[:i]), " ".join(segments[i:])
        for same, rest in ((head, tail), (tail, head)):
            if same == short and not _marks_installment(rest):
                return True
    return False


# ----------------------------------------------------------------- dates


def date_match(pred: str, gold: str) -> bool:
    """Exact ISO string: a YYYY-MM-DD gold needs that day, a YYYY-MM gold that month."""
    return str(pred or "").strip() == str(gold or "").strip()


# ----------------------------------------------------------------- facts


def value_match(kind: str, pred: str, gold: str) -> bool:
    """Whether an extracted value states the gold value, by the rule for its kind."""
    if kind in PERSON_KINDS:
        return person_match(pred, gold)
    if kind == "character":
        return character_value_match(pred, gold)
    if kind in DATE_KINDS:
        return date_match(pred, gold)
    if kind in TITLE_KINDS:
        return film_match(pred, gold)
    return normalize(pred) == normalize(gold)


def subject_match(kind: str, pred: str, gold: str) -> bool:
    """Actor subjects by the person rule, film subjects by the film rule."""
    if kind in ACTOR_SUBJECT_KINDS:
        return person_match(pred, gold)
    return film_match(pred, gold)


def states_gold_fact(fact: Fact, gold: Mapping[str, Any]) -> bool:
    """The extracted fact says what the gold fact says (the subject is compared for the kinds
    whose subject is an actor, and for cast, director and release date, whose subject is the
    film; a film fact or a series link is compared by its value)."""
    if fact.kind != gold["kind"] or not value_match(fact.kind, fact.value, gold["value"]):
        return False
    if fact.kind in ACTOR_SUBJECT_KINDS or fact.kind in FILM_SUBJECT_KINDS:
        return subject_match(fact.kind, fact.subject, gold.get("subject") or "")
    return True


def hits_trap(fact: Fact, trap: Mapping[str, Any]) -> bool:
    """The extracted fact states a must_not entry: the value matches, and the subject too when
    both sides give one (the scorer's rule for traps)."""
    if fact.kind != trap["kind"] or not value_match(fact.kind, fact.value, trap["value"]):
        return False
    if fact.kind == "film":
        return True
    if fact.kind in ACTOR_SUBJECT_KINDS:
        return not trap.get("subject") or subject_match(fact.kind, fact.subject, trap["subject"])
    if fact.subject and trap.get("subject"):
        return subject_match(fact.kind, fact.subject, trap["subject"])
    return True
