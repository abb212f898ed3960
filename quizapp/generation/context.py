"""What a relation rule sees of one sentence, and how it turns a match into a Fact."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from quizapp.generation.entities import NameBook
from quizapp.generation.hedging import is_hedged
from quizapp.generation.masking import MaskedSentence, Slot
from quizapp.generation.title_checks import continues_as_installment
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
    # The film the paragraph is filed under by the layout (a heading, a list entry's title).
    section_film: str | None = None


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
    sentence, else the first after it, else the film its section is filed under, else the film
    the paragraph was last about, else the article's main film."""
    films = [
        s
        for s in ctx.masked.slots
        if s.kind == "F"
        and not is_background(ctx.book.text, ctx.masked, s)
        and not PLAYED_AS_ROLE.search(ctx.book.text, max(0, s.start - 70), s.start)
    ]
    before = [s for s in films if s.end <= position]
    after = [s for s in films if s.start >= position]
    # "opposite Colin Firth in A Quiet Inheritance": the film right after "in" is the one.
    slot = next((s for s in ctx.masked.slots if s.start <= position < s.end), None)
    if slot is not None:
        inside = IN_FILM_AFTER.match(ctx.book.text, slot.end)
        if inside:
            named = next((s for s in after if s.start == inside.end()), None)
            if named is not None:
                return named.value
    if not films:
        sequel = _sequel_named_after(ctx, position)
        if sequel is not None:
            return sequel
    passing = _earlier_work_named_before(ctx, position, before[-1].end if before else None)
    if passing is not None and not after:
        return passing
    if before:
        return before[-1].value
    # "The movie is directed by X, ... thanks to directing The Matrix": a sentence whose
    # subject is "The movie" or "It" states things of the film the paragraph is about.
    if ctx.topic_film and FILM_PRONOUN_SUBJECT.match(ctx.sentence.text):
        return ctx.topic_film
    if films:
        return films[0].value
    if ctx.section_film:
        return ctx.section_film
    return ctx.topic_film or ctx.main_film


# "The film", "The horror sequel", "This romantic drama" (not a bare "It"): a paragraph that
# opens so goes on about the film the paragraph before named last.
FILM_NOUN_PHRASE = (
    r"(?:The|This)\s+(?:[\p{Ll}-]+\s+){0,2}(?:film|movie|picture|sequel|prequel|remake|"
    r"thriller|drama|comedy|adaptation|biopic|documentary|feature|musical|western)"
)
FILM_NOUN_SUBJECT = regex.compile(rf"{FILM_NOUN_PHRASE}\b")
# "It", "The film", "The horror sequel", "This romantic drama": the sentence goes on about a
# film named before it.
FILM_PRONOUN_SUBJECT = regex.compile(rf"(?:It|{FILM_NOUN_PHRASE})\b")


IN_FILM_AFTER = regex.compile(r"(?:\s*\([^()]{0,40}\))?\s+in\s+(?=[“\"‘']?\p{Lu})")
# "He plays Rudra" where the Hindi version is titled "Rudra": a name played is a role.
# ("... remade the film in English as 'Low Water'" names a film: a remake or a release "as".)
PLAYED_AS_ROLE = regex.compile(
    r"\b(?:plays|played|playing|portrays|portrayed)\s+$"
    r"|(?<!\b(?:remade|released|retitled|titled|renamed|known|billed|marketed|sold|distributed)"
    r"\b[^.;]{0,40})\bas\s+$"
)


def _sequel_named_after(ctx: Context, position: int) -> str | None:
    """ "tapped Barry Jenkins to helm the sequel of its 2019 Lion King": the statement is about
    the sequel, which the article may name elsewhere ("Lion King 2"); never the original."""
    for slot in ctx.masked.slots:
        if slot.kind != "F" or slot.start < position:
            continue
        before = ctx.book.text[max(ctx.sentence.start, slot.start - 90) : slot.start]
        if not RELATIVE_BEFORE.search(before):
            continue
        sequels = {
            title
            for title in ctx.book.films.values()
            if title.startswith(slot.value) and continues_as_installment(title[len(slot.value) :])
        }
        if len(sequels) == 1:
            return sequels.pop()
    return None


MAIN_CLAUSE_RESUMES = regex.compile(r",\s+(?:is|are|was|were|has|have|will)\s+\p{Ll}")


def _earlier_work_named_before(ctx: Context, position: int, after: int | None) -> str | None:
    """ "Iseman has been seen in films including Nocturne with Sydney Sweeney": after a list of
    someone's earlier work begins, a statement is about the work named last before it."""
    start = ctx.sentence.start if after is None else after
    if not EARLIER_WORK_MARK.search(ctx.book.text, start, position):
        return None
    # "Jeon, who won best actress for X (2007), is joined by Koo": the main clause resumed.
    if MAIN_CLAUSE_RESUMES.search(ctx.book.text, start, position):
        return None
    passing = [
        s
        for s in ctx.masked.slots
        if s.kind == "F"
        and s.start >= start
        and s.end <= position
        and is_background(ctx.book.text, ctx.masked, s)
    ]
    return passing[-1].value if passing else None


def slot_at(ctx: Context, match: regex.Match[str], group: str) -> Slot | None:
    token = match.group(group)
    if token is None or not token.startswith("⟦"):
        return None
    return ctx.masked.slot(token)


# "Jang Jin (“Good Morning President” and “A Day with my Son”) directs": credits in brackets.
PERSON_CREDIT_BEFORE = regex.compile(r"\s*\((?:[^()]{0,30}\s)?[“\"‘']?$")
PERSON_CREDIT_AFTER = regex.compile(
    r"^[”\"’']?(?:(?:\s+[\p{Ll}-]+){0,2}\s*[),;]|\s+(?:and|&)\s+[“\"‘']?\p{Lu}[^()]{0,60}\))"
)
PERSON_CREDIT_NOUN = (
    r"(?:actor|actress|star|co-star|director|filmmaker|helmer|writer|creator|alum|veteran)"
)
# "Stranger Things' X", "'Top Gun: Maverick' actor X", "Bird Box and Moonlight star X".
POSSESSIVE_OF_PERSON = regex.compile(
    rf"^[”\"’']?(?:['’‘]s?|\s+{PERSON_CREDIT_NOUN}"
    rf"|(?:,|\s+and)\s+[\p{{Lu}}‘'“\"][^,.;]{{0,40}}\s+{PERSON_CREDIT_NOUN})\s+$"
)


def credits_a_person(text: str, masked: MaskedSentence, film: Slot) -> bool:
    """A title that tags a person, "Madison Iseman (Jumanji franchise)", "Stranger Things'
    Jamie Campbell Bower" or "'Top Gun: Maverick' actor Glen Powell", names that person's
    earlier work, not what the sentence is about."""
    people = [s for s in masked.slots if s.kind == "P"]
    before = [p for p in people if p.end <= film.start]
    if before and PERSON_CREDIT_BEFORE.fullmatch(text[before[-1].end : film.start]):
        if PERSON_CREDIT_AFTER.match(text[film.end : film.end + 40]):
            return True
    after = [p for p in people if p.start >= film.end]
    return bool(after and POSSESSIVE_OF_PERSON.match(text[film.end : after[0].start]))


# A remake or reboot takes its original's title, so only these name another film.
RELATIVE_NOUN = r"(?:sequel|prequel|follow-up|followup|successor|spin-?off)"
# "the sequel to 'The Amazing Spider-Man'", "the sequel of its 2019 live-action Lion King",
# "the 'Twister' sequel": the clause is about another film, made after this one.
RELATIVE_BEFORE = regex.compile(
    rf"\b{RELATIVE_NOUN}\s+(?:to|of)\s+(?:(?:the|its|his|her|their)\s+)?"
    r"(?:[\p{L}\d'’-]+\s+){0,3}[“\"‘']?$",
    regex.IGNORECASE,
)
RELATIVE_AFTER = regex.compile(rf"^[”\"’']?\s+{RELATIVE_NOUN}s?\b", regex.IGNORECASE)
# "best known for writing and directing the 2003 drama Monster", "his breakout role in A Quiet
# Place": a person's earlier work, named in passing.
EARLIER_WORK = (
    r"\b(?:known\s+for|breakout\s+(?:role|turn|performance)s?\s+in|credits\s+include|"
    r"(?:seen|appeared|starred|featured)\s+in\s+(?:\w+\s+)?(?:films|movies|projects|titles)\s+"
    r"(?:including|such\s+as|like)|"
    r"fresh\s+off|(?:previously|earlier|once)\s+(?:directed|starred\s+in|helmed|made)|last\s+seen\s+in|broke\s+out\s+in|"
    r"best\s+remembered\s+for|who\s+(?:also\s+)?(?:directed|produced|wrote|starred\s+in|made|carried|led|headlined|fronted|anchored)|"
    r"whose\s+(?:(?:debut|first|second|third|fourth|previous|last|earlier)\s+)?(?:feature|film|movie)|"
    r"(?:his|her|their|its)\s+(?:last|previous|earlier|prior)\s+(?:films?|movies?|features?|work)|"
    # "they would next go on to star together in X": later work, also named in passing.
    r"would\s+(?:later\s+|next\s+|soon\s+)?go\s+on\s+to\s+(?:\w+\s+){0,3}?(?:in|make|direct)|"
    # "seven years after her debut, 'The Pale Hour'"; "who won best actress at Cannes for X".
    r"(?:his|her|their)\s+(?:(?:19|20)\d\d\s+)?(?:feature\s+|directorial\s+)?debut|who\s+(?:also\s+)?won\s+[^.;,]{0,40}?\bfor)"
)
EARLIER_WORK_MARK = regex.compile(EARLIER_WORK, regex.IGNORECASE)
EARLIER_WORK_BEFORE = regex.compile(
    EARLIER_WORK + r"(?:(?!\b(?:will|is|are|was|were|has|have|to)\b)[^.;:!?])*$",
    regex.IGNORECASE,
)


def is_background(text: str, masked: MaskedSentence, film: Slot) -> bool:
    """A title named in passing, not the film the clause states things of: one that credits a
    person, the film a sequel or remake follows, or a person's earlier work."""
    if credits_a_person(text, masked, film):
        return True
    before = text[max(masked.sentence.start, film.start - 90) : film.start]
    after = text[film.end : film.end + 20]
    if RELATIVE_BEFORE.search(before) or RELATIVE_AFTER.match(after):
        return True
    # "Directed by X, best known for his adaptations, All Is True is a ...": a title that
    # opens its own clause is what that clause is about.
    return bool(EARLIER_WORK_BEFORE.search(before)) and not CLAUSE_SUBJECT.match(after)


CLAUSE_SUBJECT = regex.compile(
    r"^[”\"’']?\s+(?:is|was|will|has|had|stars|starring|opens|follows|sees|marks|tells|features|"
    r"centers|centres|boasts)\b"
)
