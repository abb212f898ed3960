"""extract_facts(): the film article's statements, each tied to its sentence and span."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from quizapp.generation import date_patterns as ev
from quizapp.generation import patterns as pt
from quizapp.generation.attribution import mark_unsure
from quizapp.generation.casting import cast_facts, is_called_director, known_as_cast
from quizapp.generation.context import (
    FILM_NOUN_SUBJECT,
    FILM_PRONOUN_SUBJECT,
    Context,
    film_for,
    is_background,
    make_fact,
    slot_at,
)
from quizapp.generation.credits import Credit, block_spans, find_credits
from quizapp.generation.document import section_films
from quizapp.generation.entities import NameBook, add_known_names, build_name_book, is_headline
from quizapp.generation.lexicon import gender_of
from quizapp.generation.masking import PRONOUN, MaskedSentence, mask
from quizapp.generation.production import production_facts, series_facts
from quizapp.generation.refine import refine_facts
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
    maskeds = _masked_with_referents(book, sentences)
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


def _masked_with_referents(book: NameBook, sentences: list[Sentence]) -> list[MaskedSentence]:
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
                and not POSSESSIVE.match(book.text, slot.end)
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


OWNER_BEFORE_QUOTE = regex.compile(r"[’']s\s+(?:[\p{L}-]+\s+){0,3}[“\"‘']")
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


POSSESSIVE = regex.compile(r"[’']s?\s")


def _may_be(name: str, pronoun: str) -> bool:
    """Whether `pronoun` ("he", "she", "him") may stand for `name`, by its given name."""
    if not pronoun:
        return False
    return gender_of(name.split()[0]) != ("male" if pronoun == "she" else "female")


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
    yield from _director_facts(ctx)
    yield from _earlier_directed_facts(ctx)
    yield from _writer_facts(ctx)
    yield from _date_facts(ctx)
    yield from series_facts(ctx)
    yield from production_facts(ctx)


def _director_facts(ctx: Context) -> Iterator[Fact]:
    m = ctx.masked.masked
    for pattern in (
        pt.DIRECTED_BY,
        pt.DIRECTED_BY_LIST,
        pt.DIRECTOR_NOUN,
        pt.WILL_DIRECT,
        pt.DIRECTING_GIG,
        pt.HYPHEN_DIRECTED,
        pt.WROTE_AND_DIRECTED,
        pt.DIRECTS_THIS,
        pt.FILM_BY,
        pt.DIRECTORS_OF,
        pt.REPLACES_DIRECTOR,
        pt.LINEUP_DIRECTOR,
        pt.OWNER_OF_GENRE_TITLE,
        pt.REMADE_AS,
    ):
        for match in pattern.finditer(m):
            for group in ("p", "p2", "p3", "p4"):
                person = slot_at(ctx, match, group) if group in match.groupdict() else None
                if person is None:
                    continue
                tail_match = regex.match(r"[^,;.]*", m[match.end() :])
                assert tail_match is not None  # the pattern matches every string
                tail = tail_match.group()
                if pattern is pt.OWNER_OF_GENRE_TITLE and known_as_cast(ctx, person.value):
                    continue  # "Ethan Hawke's Western Dust Choir": the star's vehicle
                if group == "p2" and pattern is pt.REPLACES_DIRECTOR:
                    replaced = slot_at(ctx, match, "replaced")
                    if replaced is None or not is_called_director(ctx.book.text, replaced.value):
                        continue
                elif pt.NOT_CURRENT.search(m, max(0, match.start() - 30), match.end()) or (
                    pattern is pt.DIRECTOR_NOUN and pt.NOT_CURRENT.search(tail)
                ):
                    continue
                if pattern is pt.DIRECTOR_NOUN and pt.JURY_SENTENCE.search(m):
                    continue
                if pattern is pt.DIRECTOR_NOUN and pt.LINEUP_DIRECTOR.match(m, match.start()):
                    continue  # "director X brings the drama F": the line-up rule names F
                if pattern is pt.DIRECTOR_NOUN and pt.REMADE_AS.match(m, match.start("p")):
                    continue  # "director X remade the film as F": X directed F, not this film
                if pattern is pt.DIRECTOR_NOUN and pt.JURY_HEAD.search(
                    m, max(0, match.start() - 40), match.start()
                ):
                    continue
                film_slot = next(
                    (slot_at(ctx, match, g) for g in ("f", "f2") if match.groupdict().get(g)),
                    None,
                )
                if (
                    pattern is pt.DIRECTOR_NOUN
                    and film_slot is None
                    and OWNER_BEFORE_QUOTE.match(ctx.book.text, person.end)
                ):
                    continue  # "director X's 'Untyped Title'": X's film is one we cannot name
                film = film_slot.value if film_slot else film_for(ctx, person.start)
                yield make_fact(ctx, "director", film, person.value, (person.start, person.end))
                first = match.groupdict().get("first")
                if first and group == "p" and len(person.value.split()) >= 2:
                    sibling = f"{first} {person.value.split()[-1]}"
                    span = ctx.masked.article_span(*match.span("first"))
                    yield make_fact(ctx, "director", film, sibling, span)


def _earlier_directed_facts(ctx: Context) -> Iterator[Fact]:
    """A director's own earlier work, named as such ("Vale's previous picture, Cold Open"): the
    pattern binds the film, so the fact is stated of it (qualifier "named")."""
    for match in pt.EARLIER_DIRECTED.finditer(ctx.masked.masked):
        for p_group, f_group in (("p", "f"), ("p2", "f2"), ("p3", "f3"), ("p4", "f4")):
            if not match.group(p_group):
                continue
            person, film = slot_at(ctx, match, p_group), slot_at(ctx, match, f_group)
            if person is None or film is None or person.kind != "P" or film.kind != "F":
                continue
            if not is_called_director(ctx.book.text, person.value) and p_group not in ("p2", "p3"):
                continue
            yield make_fact(
                ctx,
                "director",
                film.value,
                person.value,
                (person.start, person.end),
                qualifier="named",
            )


def _writer_facts(ctx: Context) -> Iterator[Fact]:
    """Screenwriters: "written by X", "screenplay by X and Y", "X co-wrote the script with Y",
    "X wrote and directed F"."""
    for pattern in (pt.WRITTEN_BY, pt.WROTE_SCRIPT, pt.WROTE_AND_DIRECTED, pt.DIRECTED_FROM_SCRIPT):
        for match in pattern.finditer(ctx.masked.masked):
            film_slot = next(
                (slot_at(ctx, match, g) for g in ("f", "f2") if match.groupdict().get(g)), None
            )
            for group in ("p", "p2", "p3", "p4"):
                person = slot_at(ctx, match, group) if match.groupdict().get(group) else None
                if person is None or person.kind != "P":
                    continue
                film = film_slot.value if film_slot else film_for(ctx, person.start)
                yield make_fact(ctx, "writer", film, person.value, (person.start, person.end))


def _date_facts(ctx: Context) -> Iterator[Fact]:
    m = ctx.masked.masked
    moved: set[int] = set()
    for match in ev.MOVED_FROM_TO.finditer(m):
        old, new = slot_at(ctx, match, "old"), slot_at(ctx, match, "d")
        if new is None or old is None:
            continue
        film = film_for(ctx, new.start)
        moved.add(new.start)
        if new.value:
            yield make_fact(ctx, "release_date", film, new.value, (new.start, new.end))
        year = new.value[:4] if new.value else ""
        old_value = old.value or (year if old.date and old.date.month else "")
        if old.value:
            yield make_fact(ctx, "previous_release_date", film, old_value, (old.start, old.end))
    for match in ev.NEW_DATE.finditer(m):
        date = slot_at(ctx, match, "d")
        if date is None or not date.value or date.start in moved:
            continue
        moved.add(date.start)
        before = m[max(0, match.start() - 60) : match.start()]
        cut = ev.CLAUSE_CUT.match(before)
        before = before[cut.end() :] if cut else before
        kind = "previous_release_date" if ev.ORIGINALLY.search(before) else "release_date"
        film = film_for(ctx, date.start)
        yield make_fact(ctx, kind, film, date.value, (date.start, date.end))
    for match in [*ev.RELEASE_ON.finditer(m), *ev.DATED_FOR_RELEASE.finditer(m)]:
        for group in ("d", "d2"):
            date = slot_at(ctx, match, group) if group in match.groupdict() else None
            if date is None or date.start in moved:
                continue
            before = m[max(0, match.start() - 60) : match.start()]
            cut = ev.CLAUSE_CUT.match(before)
            before = before[cut.end() :] if cut else before
            kind = "previous_release_date" if ev.ORIGINALLY.search(before) else "release_date"
            film = film_for(ctx, date.start)
            value = date.value or (
                f"?-{date.date.month:02d}-{date.date.day:02d}"
                if date.date and date.date.day
                else ""
            )
            if value:
                yield make_fact(ctx, kind, film, value, (date.start, date.end))
    for match in ev.FILM_YEAR.finditer(m):
        title = slot_at(ctx, match, "f") or slot_at(ctx, match, "f2")
        date = slot_at(ctx, match, "d") or slot_at(ctx, match, "d2")
        if title and date and date.value and len(date.value) == 4:
            yield make_fact(ctx, "release_date", title.value, date.value, (date.start, date.end))
