"""The quality gate's checks on a question's options and premise, as notes an author reads.

Options: no two the same (whatever the case or accents), all of the answer's kind (a film title
is not a person or a role), and a person's answer not the only option of its gender. Premise:
the article's sentence states what the prompt takes for granted (a return, a series order).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from quizapp.generation import distractors as dx
from quizapp.generation.gender import GenderBook
from quizapp.generation.premises import states_return, states_series_order
from quizapp.models import Fact
from quizapp.text.folding import match_key
from quizapp.text.sentences import split_sentences

PERSON_KINDS = frozenset({"cast", "director", "writer", "producer", "joined_cast"})
ROLE_KINDS = frozenset({"character", "known_for"})
TITLE_KINDS = frozenset({"film", "sequel", "previous_installment"})
GENDER_WORDS = {"f": "woman", "m": "man"}


def option_notes(
    options: Sequence[str], answer: str, fact: Fact, facts: Sequence[Fact], article_text: str
) -> list[str]:
    notes = []
    keys = [match_key(option) for option in options]
    twins = sorted({o for o, k in zip(options, keys, strict=True) if keys.count(k) > 1})
    if twins:
        notes.append(f"Options that are the same: {', '.join(twins)}.")
    kinds = _kinds(facts)
    wanted = _kind_of(answer, kinds)
    odd = [o for o in options if o != answer and _kind_of(o, kinds) not in (None, wanted)]
    if wanted is not None and odd:
        notes.append(f"Options that are not a {wanted} like the answer: {', '.join(odd)}.")
    if wanted in ("person", "role"):
        notes += _gender_notes(options, answer, facts, article_text)
    return notes


@cache
def _pooled_kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for pool, kind in (
        ("characters", "role"),
        ("films", "title"),
        ("actors", "person"),
        ("directors", "person"),
    ):
        kinds.update({match_key(name): kind for name in dx.pool(pool)})
    return kinds


def _kinds(facts: Sequence[Fact]) -> dict[str, str]:
    """What each name the article knows is: a person, a role or a film title."""
    kinds: dict[str, str] = {}
    for f in facts:
        if f.status != "active":
            continue
        if f.kind in ROLE_KINDS:
            kinds[match_key(f.value)], kinds[match_key(f.subject)] = "role", "person"
        elif f.kind in PERSON_KINDS:
            kinds[match_key(f.value if f.kind != "joined_cast" else f.subject)] = "person"
        if f.kind in TITLE_KINDS:
            kinds[match_key(f.value)] = "title"
    return kinds


def _kind_of(text: str, kinds: dict[str, str]) -> str | None:
    """As the article has it, else as the pools have it."""
    key = match_key(text)
    return kinds.get(key) or _pooled_kinds().get(key)


def _gender_notes(
    options: Sequence[str], answer: str, facts: Sequence[Fact], article_text: str
) -> list[str]:
    book = _book(article_text, tuple(sorted(_names(facts))))
    actor_of = {f.value: f.subject for f in facts if f.kind in ROLE_KINDS and f.status == "active"}

    def gender(name: str) -> str | None:
        actor = actor_of.get(name)
        return (book.of(actor) if actor else None) or book.of(name)

    genders = [gender(option) for option in options]
    mine = gender(answer)
    if mine is None or None in genders or genders.count(mine) != 1:
        return []
    return [f"The answer is the only {GENDER_WORDS[mine]} among the options."]


def _names(facts: Sequence[Fact]) -> set[str]:
    names = set()
    for f in facts:
        if f.kind in PERSON_KINDS - {"joined_cast"}:
            names.add(f.value)
        if f.kind in ROLE_KINDS:
            names.update({f.value, f.subject})
    return names


@lru_cache(maxsize=32)
def _book(article_text: str, names: tuple[str, ...]) -> GenderBook:
    return GenderBook(article_text, names, dx.recorded_genders())


def premise_notes(prompt: str, fact: Fact, article_text: str) -> list[str]:
    """A question that takes for granted what the article's sentence does not say."""
    sentence = _sentence(article_text, fact.sentence_index)
    if fact.kind == "cast" and "return" in prompt.casefold() and not states_return(sentence):
        return [
            f"The prompt says {fact.value} returns, but the article does not say they were "
            "in an earlier film."
        ]
    if fact.kind in {"previous_installment", "sequel"} and not states_series_order(sentence):
        return [f"The article does not state where {fact.value} stands in the series."]
    return []


@lru_cache(maxsize=32)
def _sentences(article_text: str) -> dict[int, str]:
    return {s.index: s.text for s in split_sentences(article_text)}


def _sentence(article_text: str, index: int) -> str:
    return _sentences(article_text).get(index, "")
