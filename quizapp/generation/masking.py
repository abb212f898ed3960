"""A sentence with its people, films and dates replaced by placeholders, for relation patterns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from quizapp.generation.entities import NameBook
from quizapp.text.dates import FoundDate, find_dates
from quizapp.text.sentences import Sentence

TOKEN = regex.compile(r"⟦([PFD])(\d+)⟧")


@dataclass(frozen=True)
class Slot:
    kind: str  # P, F or D
    value: str  # the person's full name, the film's title, the ISO date ("" if yearless)
    start: int  # offsets into the article
    end: int
    date: FoundDate | None = None


@dataclass
class MaskedSentence:
    sentence: Sentence
    masked: str
    slots: list[Slot]
    offsets: list[int]  # masked index -> article offset

    def slot(self, token: str) -> Slot:
        match = TOKEN.fullmatch(token)
        if match is None:
            raise ValueError(token)
        return self.slots[int(match.group(2))]

    def slots_in(self, fragment_start: int, fragment_end: int, kind: str) -> list[Slot]:
        piece = self.masked[fragment_start:fragment_end]
        return [self.slots[int(m.group(2))] for m in TOKEN.finditer(piece) if m.group(1) == kind]

    def article_span(self, masked_start: int, masked_end: int) -> tuple[int, int]:
        end_index = max(masked_start, masked_end - 1)
        return self.offsets[masked_start], self.offsets[end_index] + 1

    def raw(self, masked_start: int, masked_end: int) -> str:
        """The article's own text behind a stretch of the masked sentence."""
        start, end = self.article_span(masked_start, masked_end)
        return self.sentence_text_of(start, end)

    def sentence_text_of(self, start: int, end: int) -> str:
        base = self.sentence.start
        return self.sentence.text[start - base : end - base]


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    """Compiled once per process: regex's own cache costs more than the match on short text."""
    return regex.compile(pattern)


def _person_pattern(name: str) -> str:
    words = [regex.escape(w) for w in name.split()]
    return r"\s+".join(words)


def _title_pattern(title: str) -> str:
    words = [regex.escape(w.strip(":,")) for w in title.split()]
    return r"[\s:,–-]+".join(words)


def find_mentions(book: NameBook, sentence: Sentence) -> list[Slot]:
    text = book.text
    candidates: list[Slot] = []
    for title in set(book.films.values()):
        pattern = rf"(?<![\p{{L}}\d])[“\"‘']?{_title_pattern(title)}[”\"’']?(?![\p{{L}}\d])"
        for m in _compiled(pattern).finditer(text, sentence.start, sentence.end):
            candidates.append(Slot("F", title, m.start(), m.end()))
    for short, title in book.short_titles.items():
        pattern = rf"(?<![\p{{L}}\d])[“\"‘']?{_title_pattern(short)}[”\"’']?(?![\p{{L}}\d]|\s*:)"
        for m in _compiled(pattern).finditer(text, sentence.start, sentence.end):
            candidates.append(Slot("F", title, m.start(), m.end()))
    for name in set(book.persons.values()):
        pattern = rf"(?<![\p{{L}}\d]){_person_pattern(name)}(?![\p{{L}}\d])"
        for m in _compiled(pattern).finditer(text, sentence.start, sentence.end):
            candidates.append(Slot("P", name, m.start(), m.end()))
    for name in book.surnames.values():
        surname = name.split()[-1] if not name.endswith(".") else name.split()[-2]
        pattern = rf"(?<![\p{{L}}\d]){regex.escape(surname)}(?![\p{{L}}\d])"
        for m in _compiled(pattern).finditer(text, sentence.start, sentence.end):
            candidates.append(Slot("P", name, m.start(), m.end()))
    for date in find_dates(text, sentence.start, sentence.end):
        candidates.append(Slot("D", date.iso or "", date.start, date.end, date))
    chosen: list[Slot] = []
    for slot in sorted(candidates, key=lambda s: (-(s.end - s.start), s.start)):
        if all(slot.end <= c.start or slot.start >= c.end for c in chosen):
            chosen.append(slot)
    return sorted(chosen, key=lambda s: s.start)


PRONOUN = regex.compile(r"\b(?:[Hh]e|[Ss]he|him)\b")
POSSESSIVE_AFTER = regex.compile(r"[’']s?\s")


def is_owner(text: str, slot: Slot) -> bool:
    """The name is followed by a possessive ("Roger Michell's Morning Glory"): it owns
    something, it is not the clause's subject nor a cast list's member."""
    return bool(POSSESSIVE_AFTER.match(text, slot.end))


def mask(book: NameBook, sentence: Sentence, referent: str | None = None) -> MaskedSentence:
    """The sentence with its mentions masked. With a referent, "he", "she" or "him" is masked
    as that person where the sentence has named no one before it (see extract)."""
    slots = find_mentions(book, sentence)
    if referent:
        for pronoun in PRONOUN.finditer(book.text, sentence.start, sentence.end):
            # Only owners named before it ("Holt's first feature was Gail Wentworth's drama,
            # in which she played"): the pronoun still refers outside the sentence.
            if all(
                slot.start >= pronoun.end() or is_owner(book.text, slot)
                for slot in slots
                if slot.kind == "P"
            ):
                span = pronoun.span()
                if all(slot.end <= span[0] or slot.start >= span[1] for slot in slots):
                    slots.append(Slot("P", referent, *span))
                break
        slots.sort(key=lambda slot: slot.start)
    pieces: list[str] = []
    offsets: list[int] = []
    cursor = sentence.start
    for index, slot in enumerate(slots):
        pieces.append(book.text[cursor : slot.start])
        offsets.extend(range(cursor, slot.start))
        token = f"⟦{slot.kind}{index}⟧"
        pieces.append(token)
        offsets.extend([slot.start] * (len(token) - 1) + [slot.end - 1])
        cursor = slot.end
    pieces.append(book.text[cursor : sentence.end])
    offsets.extend(range(cursor, sentence.end))
    return MaskedSentence(sentence, "".join(pieces), slots, offsets)
