"""What a relation rule sees of one sentence, and how it turns a match into a Fact."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from quizapp.generation.entities import NameBook
from quizapp.generation.hedging import is_hedged
from quizapp.generation.masking import MaskedSentence, Slot
from quizapp.generation.types import Fact
from quizapp.text.sentences import Sentence


@dataclass
class Context:
    book: NameBook
    main_film: str
    sentence: Sentence
    masked: MaskedSentence
    # The film the paragraph was last talking about, for sentences that name none.
    topic_film: str | None = None


def make_fact(
    ctx: Context,
    kind: str,
    subject: str,
    value: str,
    span: tuple[int, int],
    anchor: tuple[int, int] | None = None,
    qualifier: str | None = None,
    hedged: bool | None = None,
) -> Fact:
    sentence = ctx.sentence
    where = anchor or span
    if hedged is None:
        hedged = is_hedged(sentence.text, where[0] - sentence.start, where[1] - sentence.start)
    return Fact(
        kind,
        subject,
        value.strip(),
        sentence.index,
        sentence.text,
        span[0],
        span[1],
        hedged,
        qualifier,
    )


def film_for(ctx: Context, position: int) -> str:
    """The film a statement at `position` is about: the nearest film named before it in the
    sentence, else the first after it, else the film the paragraph was last about, else the
    article's main film."""
    films = [s for s in ctx.masked.slots if s.kind == "F"]
    before = [s for s in films if s.end <= position]
    if before:
        return before[-1].value
    if films:
        return films[0].value
    return ctx.topic_film or ctx.main_film


def slot_at(ctx: Context, match: regex.Match[str], group: str) -> Slot | None:
    token = match.group(group)
    if token is None or not token.startswith("⟦"):
        return None
    return ctx.masked.slot(token)
