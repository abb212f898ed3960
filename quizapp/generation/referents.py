"""Whom "he", "she" and "him" stand for: the subject named just before in the paragraph (not
an owner, not someone just introduced as crew when he acts), the person heading the section,
or the person the article is about."""

from __future__ import annotations

from collections import Counter

import regex

from quizapp.generation.entities import NameBook
from quizapp.generation.lexicon import gender_of
from quizapp.generation.masking import PRONOUN, MaskedSentence, is_owner, mask
from quizapp.text.sentences import Sentence


def masked_with_referents(book: NameBook, sentences: list[Sentence]) -> list[MaskedSentence]:
    """Each sentence masked; its first "he", "she" or "him" (before any name) gets the person it
    refers to: the first person the sentence before (in its paragraph) names, else the person
    whose name heads the section (an obituary roundup's "Dick Miller" line), else the person
    the article is about (_protagonist). A name whose given name says the other gender is never
    the referent."""
    maskeds: list[MaskedSentence] = []
    heading_person: str | None = None
    plains = [mask(book, sentence) for sentence in sentences]
    subject = _protagonist(plains)
    for sentence, plain in zip(sentences, plains, strict=True):
        people = [slot for slot in plain.slots if slot.kind == "P"]
        if len(people) == 1 and sentence.text.strip() == book.text[people[0].start : people[0].end]:
            heading_person = people[0].value
        previous = maskeds[-1] if maskeds else None
        candidates = []
        if previous is not None and previous.sentence.paragraph == sentence.paragraph:
            # The sentence's subject, not an owner ("Roger Michell's Morning Glory").
            acting = bool(ACTING_AFTER_PRONOUN.search(sentence.text))
            named_before = [
                slot.value
                for slot in previous.slots
                if slot.kind == "P"
                and not is_owner(book.text, slot)
                # "Directed by X, ..., F sees Ravi Teja ... He plays Rudra": he acts, so not X.
                and not (
                    acting and CREW_BEFORE.search(book.text, max(0, slot.start - 30), slot.start)
                )
            ]
            # "... zeroing in on David Fincher. While the director was hesitant, he ...": the
            # director just named, not the sentence's subject.
            the_director = THE_DIRECTOR_THEN_PRONOUN.search(sentence.text)
            candidates += named_before[-1:] if the_director else named_before[:1]
        if heading_person:
            candidates.append(heading_person)
        if subject:
            candidates.append(subject)
        found = PRONOUN.search(sentence.text)
        pronoun = found.group().casefold() if found else ""
        referent = next((name for name in candidates if _may_be(name, pronoun)), None)
        maskeds.append(mask(book, sentence, referent) if referent else plain)
    return maskeds


ACTING_AFTER_PRONOUN = regex.compile(
    r"^(?:He|She)\s+(?:\w+\s+)?(?:plays|played|portrays|voices|stars|essays)\b"
)
THE_DIRECTOR_THEN_PRONOUN = regex.compile(
    r"\b[Tt]he\s+(?:director|filmmaker|helmer)\b[^.]*?\b(?:he|she)\b"
)
CREW_BEFORE = regex.compile(
    r"(?:(?:directed|helmed|written|produced)\s+by|director|filmmaker|helmer)\s+$", regex.IGNORECASE
)


def _protagonist(maskeds: list[MaskedSentence]) -> str | None:
    """The person a profile, an obituary or an interview is about: named in the headline or
    the lede, then in four sentences or more (by surname), more often than anyone else. The
    last resort for "she" and "he"."""

    def surname(name: str) -> str:
        return name.split()[-1].casefold()

    opening = [s.value for m in maskeds[:2] for s in m.slots if s.kind == "P"]
    named = Counter(
        key
        for masked in maskeds
        for key in {surname(s.value) for s in masked.slots if s.kind == "P"}
    )
    ranked = [key for key, _ in named.most_common()]
    if (
        not ranked
        or named[ranked[0]] < 4
        or (len(ranked) > 1 and named[ranked[0]] == named[ranked[1]])
    ):
        return None
    return next((name for name in opening if surname(name) == ranked[0]), None)


def _may_be(name: str, pronoun: str) -> bool:
    """Whether `pronoun` ("he", "she", "him") may stand for `name`, by its given name."""
    if not pronoun:
        return False
    return gender_of(name.split()[0]) != ("male" if pronoun == "she" else "female")
