"""extract_facts(): the film article's statements, each tied to its sentence and span."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from quizapp.generation.attribution import mark_unsure
from quizapp.generation.casting import cast_facts
from quizapp.generation.context import (
    FILM_NOUN_SUBJECT,
    FILM_PRONOUN_SUBJECT,
    Context,
    is_background,
)
from quizapp.generation.credits import Credit, block_spans, find_credits
from quizapp.generation.directing import director_facts, earlier_directed_facts, writer_facts
from quizapp.generation.document import section_films
from quizapp.generation.entities import NameBook, add_known_names, build_name_book, is_headline
from quizapp.generation.masking import MaskedSentence
from quizapp.generation.production import production_facts, series_facts
from quizapp.generation.referents import masked_with_referents
from quizapp.generation.refine import refine_facts
from quizapp.generation.release_dates import date_facts
from quizapp.generation.types import Fact
from quizapp.text.sentences import Sentence, split_sentences

FILM_VOCABULARY = regex.compile(
    r"\b(?:films?|movies?|cinemas?|directors?|direct(?:ed|s|ing)|filmmakers?|actors?|actress(?:es)?|"
    r"starring|stars|box[\s-]+office|trailers?|sequels?|prequels?|screenplay|cast|premieres?|"
    r"release\s+dates?|"
    r"theaters|theatres|drama|comedy|thriller|noir|documentary|biopic|horror|animated|teasers?)\b",
    regex.IGNORECASE,
)


class NotAFilmArticle(ValueError):
    """The text names no film, so there is nothing to ask about."""


def extract_facts(text: str) -> list[Fact]:
    """Every fact the article states, in text order; raises NotAFilmArticle if it is not one."""
    if not text.strip() or not FILM_VOCABULARY.search(text):
        raise NotAFilmArticle("the text does not read like a film article")
    sentences = split_sentences(text)
    book = build_name_book(text, sentences)
    sections = section_films(text, sentences)
    credits = list(find_credits(text, sentences, sections))
    add_known_names(book, credits, sections.values())
    maskeds = masked_with_referents(book, sentences)
    main_film = _main_film(book, maskeds, credits)
    if main_film is None:
        raise NotAFilmArticle("no film title could be found in the text")
    facts = _outside_blocks(
        _facts_about(book, sentences, maskeds, main_film, sections), text, sentences
    )
    facts += _credit_facts(credits, sentences, facts, main_film)
    in_passing = _named_in_passing(book, maskeds)
    return mark_unsure(
        refine_facts(facts, main_film, sentences),
        sentences,
        sections,
        in_passing,
        book.short_titles,
    )


def _named_in_passing(book: NameBook, maskeds: list[MaskedSentence]) -> set[tuple[int, str]]:
    """(sentence index, title) where the sentence names the title only in passing."""
    passing: set[tuple[int, str]] = set()
    about: set[tuple[int, str]] = set()
    for masked in maskeds:
        for slot in masked.slots:
            if slot.kind == "F":
                named = (masked.sentence.index, slot.value)
                (passing if is_background(book.text, masked, slot) else about).add(named)
    return passing - about


BLOCK_KINDS = frozenset({"director", "writer", "cast", "character"})


def _outside_blocks(facts: list[Fact], text: str, sentences: list[Sentence]) -> list[Fact]:
    """In a credits block the labels and the order decide who is the actor and who the role,
    so sentence patterns ("Role (Actor)" in prose) are not applied there."""
    spans = block_spans(text, sentences)
    return [
        f for f in facts if f.kind not in BLOCK_KINDS or not any(a <= f.start < b for a, b in spans)
    ]


def _credit_facts(
    credits: list[Credit], sentences: list[Sentence], facts: list[Fact], main_film: str
) -> list[Fact]:
    """Facts from credits blocks. A block under no heading is about the film its paragraph's
    other facts are about, else the article's main film."""
    made: list[Fact] = []
    for credit in credits:
        sentence = next(s for s in sentences if s.start <= credit.start < s.end)
        film = credit.film or _paragraph_film(sentence, sentences, facts) or main_film
        subject, value = (film, credit.value)
        made.append(
            Fact(
                credit.kind, subject, value, sentence.index, sentence.text, credit.start, credit.end
            )
        )
        if credit.role:
            made.append(
                Fact(
                    "character",
                    credit.value,
                    credit.role,
                    sentence.index,
                    sentence.text,
                    credit.role_start,
                    credit.role_end,
                )
            )
    return made


def _paragraph_film(sentence: Sentence, sentences: list[Sentence], facts: list[Fact]) -> str | None:
    indexes = {s.index for s in sentences if s.paragraph == sentence.paragraph}
    about = [
        f.subject
        for f in facts
        if f.sentence_index in indexes and f.kind not in PERSON_SUBJECT_KINDS
    ]
    return about[-1] if about else None


PERSON_SUBJECT_KINDS = frozenset({"character", "known_for", "joined_cast"})


def _facts_about(
    book: NameBook,
    sentences: list[Sentence],
    maskeds: list[MaskedSentence],
    main_film: str,
    sections: dict[int, str],
) -> list[Fact]:
    facts: list[Fact] = []
    topic: tuple[int, str | None] = (-1, None)  # (paragraph, film) its facts were last about
    last_named: str | None = None  # the film the text named last (not in passing)
    previous: MaskedSentence | None = None
    for sentence, masked in zip(sentences, maskeds, strict=True):
        topic_film = topic[1] if topic[0] == sentence.paragraph else None
        if topic_film is None and opens_paragraph_about_a_film(sentence, previous):
            topic_film = last_named  # "The film is co-directed by ...": still the same film
        if previous is not None and previous.sentence.paragraph == sentence.paragraph:
            topic_film = _subject_film(previous, sentence) or topic_film
        previous_sentence = previous.sentence if previous is not None else None
        named_here = [
            slot.value
            for slot in masked.slots
            if slot.kind == "F" and not is_background(book.text, masked, slot)
        ]
        previous = masked
        section = sections.get(sentence.paragraph)
        ctx = Context(book, main_film, sentence, masked, topic_film, section)
        found = list(_sentence_facts(ctx))
        facts.extend(found)
        # A film merely named (a sequel, earlier installments) is not what the paragraph is
        # about; the film its facts are stated of is.
        about = [
            f.subject
            for f in found
            if f.kind not in PERSON_SUBJECT_KINDS and f.qualifier != "named"
        ]
        if about:
            topic = (sentence.paragraph, about[-1])
        elif topic[0] != sentence.paragraph and _opens_paragraph(sentence, previous_sentence):
            # "Anya Taylor-Joy is in negotiations to headline The Nightingale Variations": a
            # paragraph is about the film its first sentence names, even without a fact.
            if named_here:
                topic = (sentence.paragraph, named_here[0])
        if named_here:
            last_named = named_here[-1]
    return facts


def _opens_paragraph(sentence: Sentence, previous: Sentence | None) -> bool:
    return previous is None or previous.paragraph != sentence.paragraph


def opens_paragraph_about_a_film(sentence: Sentence, previous: MaskedSentence | None) -> bool:
    """A paragraph that opens with "The film" goes on about the film named before it."""
    return (
        previous is not None
        and previous.sentence.paragraph != sentence.paragraph
        and bool(FILM_NOUN_SUBJECT.match(sentence.text))
    )


def _subject_film(previous: MaskedSentence, sentence: Sentence) -> str | None:
    """ "Give Me Five is a Chinese film about .... It is directed by Zhang Luan": a sentence that
    opens with "It" or "The film" goes on about the film the sentence before opened with."""
    if not FILM_PRONOUN_SUBJECT.match(sentence.text):
        return None
    films = [slot for slot in previous.slots if slot.kind == "F"]
    first_words = previous.sentence.text[:60]
    if films and films[0].start - previous.sentence.start < len(first_words):
        return films[0].value
    return None


def _main_film(book: NameBook, maskeds: list[MaskedSentence], credits: list[Credit]) -> str | None:
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for credit in credits:
        if credit.film:
            counts[credit.film] = counts.get(credit.film, 0) + 1
            first_seen.setdefault(credit.film, credit.start)
    named_in_passing: list[str] = []
    for masked in maskeds:
        weight = 1 if is_headline(masked.sentence) else 2
        for slot in masked.slots:
            if slot.kind != "F":
                continue
            # A title that only tags a person ("Parasite star Song Kang-ho") or that a sequel
            # follows is not what the article is about, however often it comes up...
            if is_background(book.text, masked, slot):
                named_in_passing.append(slot.value)
                continue
            counts[slot.value] = counts.get(slot.value, 0) + weight
            first_seen.setdefault(slot.value, slot.start)
    if not counts:
        # ... unless the article names no other film.
        return named_in_passing[0] if named_in_passing else None
    return max(counts, key=lambda title: (counts[title], -first_seen[title]))


def _sentence_facts(ctx: Context) -> Iterator[Fact]:
    yield from cast_facts(ctx)
    yield from director_facts(ctx)
    yield from earlier_directed_facts(ctx)
    yield from writer_facts(ctx)
    yield from date_facts(ctx)
    yield from series_facts(ctx)
    yield from production_facts(ctx)
