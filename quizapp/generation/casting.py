"""Cast and character facts: who plays whom, who joined, who is known for what.

The relation patterns (patterns.py) run over the masked sentence; the film each fact names
comes from context.film_for. Constructions without a verb ("respectively", "X's Harley Quinn",
"the X-starrer F") and lists ("stars A, B and C") are read here too.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from quizapp.generation import patterns as pt
from quizapp.generation.context import Context, film_for, make_fact, slot_at
from quizapp.generation.hedging import is_hedged
from quizapp.generation.masking import Slot, is_owner
from quizapp.generation.types import Fact

CREW_BEFORE = regex.compile(
    r"\b(?:writer|director|filmmaker|producer|composer|screenwriter|cinematographer|editor|"
    r"(?:written|directed|produced|scored)\s+by)\s+(?:[\p{L}-]+\s+){0,2}$"
    r"|\b(?:comedy|drama|thriller|film|movie|feature|documentary|picture|horror)\s+from\s+$",
    regex.IGNORECASE,
)
# "replace X as Wonder Woman movie director": the "as" phrase names a job, not a role.
JOB_AFTER = regex.compile(
    r"\s+(?:(?:movie|film)\s+)?(?:director|producer|writer|helmer|composer|screenwriter|"
    r"showrunner|filmmaker|editor|cinematographer)s?\b",
    regex.IGNORECASE,
)


def _introduced_as_crew(ctx: Context, name_start: int) -> bool:
    """ "written by Emmy-winning writer Jane Anderson (Olive Kitteridge)": a name the sentence
    introduces as crew is not a character, so its parenthesis lists earlier work, not an actor
    (unless it is an actor's surname: "director Max (Shaye)" is a character in the plot)."""
    before = ctx.book.text[max(ctx.sentence.start, name_start - 60) : name_start]
    return bool(CREW_BEFORE.search(before))


def _character_value(ctx: Context, match: regex.Match[str]) -> tuple[str, tuple[int, int]]:
    start, end = match.span("c")
    span = ctx.masked.article_span(start, end)
    text = ctx.masked.raw(start, end)
    return text.rstrip(".,"), span


def cast_facts(ctx: Context) -> Iterator[Fact]:
    m = ctx.masked.masked
    for match in pt.KNOWN_FOR_ROLE.finditer(m):
        actor = slot_at(ctx, match, "p")
        value, span = _character_value(ctx, match)
        if actor:
            yield make_fact(ctx, "known_for", actor.value, value, span)
    for match in pt.KNOWN_FOR_WORK.finditer(m):
        actor, work = slot_at(ctx, match, "p"), slot_at(ctx, match, "f")
        if actor and work:
            yield make_fact(ctx, "known_for", actor.value, work.value, (work.start, work.end))
    known_spans = [mm.span("c") for mm in pt.KNOWN_FOR_ROLE.finditer(m)]
    voice_like = len(pt.IS_CHARACTER.findall(m)) >= 2 or "voice" in m.casefold()
    character_patterns = [
        pt.AS_CHARACTER,
        pt.PLAYS,
        pt.VOICE_TO,
        pt.PLAYED_BY,
        pt.ROLE_OF,
        pt.CHARACTER_PAREN_ACTOR,
        pt.IS_NAMED_ROLE,
    ]
    if voice_like:
        character_patterns.append(pt.IS_CHARACTER)
    paired = [match.span("people") for match in pt.PEOPLE_PLAY_ROLES.finditer(m)]
    for pattern in character_patterns:
        for match in pattern.finditer(m):
            if match.span("c") in known_spans:
                continue
            if any(a <= match.start("p") < b for a, b in paired):
                continue  # "A and B play X and Y": _paired_roles pairs them in order
            actor = slot_at(ctx, match, "p")
            if actor is None:
                continue
            value, span = _character_value(ctx, match)
            if (
                pattern is pt.CHARACTER_PAREN_ACTOR
                and _introduced_as_crew(ctx, span[0])
                and len(ctx.book.text[actor.start : actor.end].split()) > 1
            ):
                continue
            if JOB_AFTER.match(ctx.book.text, span[1]) or (
                " " not in value and ADJECTIVE_BEFORE_NOUN.match(ctx.book.text, span[1])
            ):
                continue
            if (
                value.casefold() in {"himself", "herself", "themselves"}
                or not value[:1].isupper()
                or (value.endswith(("'s", "’s")))
            ):
                continue
            film = film_for(ctx, actor.start)
            qualifier = _cast_status(ctx, match.start(), match.end())
            hedged = is_hedged(
                ctx.sentence.text, actor.start - ctx.sentence.start, span[1] - ctx.sentence.start
            )
            yield make_fact(
                ctx,
                "cast",
                film,
                actor.value,
                (actor.start, actor.end),
                qualifier=qualifier,
                hedged=hedged,
            )
            yield make_fact(ctx, "character", actor.value, value, span, hedged=hedged)
    yield from _cast_lists(ctx)
    yield from _paired_roles(ctx)
    yield from _joined(ctx)
    yield from _works_in_parentheses(ctx)


def _paired_roles(ctx: Context) -> Iterator[Fact]:
    """Roles and actors paired by "respectively", an actor's possessive role ("Margot Robbie's
    Harley Quinn") and "the X-starrer F"."""
    m = ctx.masked.masked
    for match in pt.RESPECTIVELY.finditer(m):
        roles = regex.split(r",\s+(?:and\s+)?|,?\s+and\s+", match.group("roles"))
        people = ctx.masked.slots_in(*match.span("people"), "P")
        if len(roles) != len(people):
            continue
        start = match.start("roles")
        for role, actor in zip(roles, people, strict=True):
            at = m.index(role, start)
            start = at + len(role)
            film = film_for(ctx, actor.start)
            yield make_fact(ctx, "cast", film, actor.value, (actor.start, actor.end))
            span = ctx.masked.article_span(at, at + len(role))
            yield make_fact(ctx, "character", actor.value, role, span)
    for match in pt.PEOPLE_PLAY_ROLES.finditer(m):
        people = ctx.masked.slots_in(*match.span("people"), "P")
        named_roles = list(
            pt.PAIRED_ROLE_NAME.finditer(m, match.start("roles"), match.end("roles"))
        )
        if len(named_roles) != len(people):
            continue
        for named, actor in zip(named_roles, people, strict=True):
            film = film_for(ctx, actor.start)
            yield make_fact(ctx, "cast", film, actor.value, (actor.start, actor.end))
            value = ctx.masked.raw(*named.span()).rstrip(".,")
            yield make_fact(
                ctx, "character", actor.value, value, ctx.masked.article_span(*named.span())
            )
    for match in pt.ACTOR_POSSESSIVE_ROLE.finditer(m):
        owner = slot_at(ctx, match, "p")
        if owner is None or not known_as_cast(ctx, owner.value):
            continue
        value, span = _character_value(ctx, match)
        yield make_fact(ctx, "character", owner.value, value, span)
    for match in pt.STARRER.finditer(m):
        star, film_slot = slot_at(ctx, match, "p"), slot_at(ctx, match, "f")
        if star and film_slot:
            yield make_fact(ctx, "cast", film_slot.value, star.value, (star.start, star.end))


def known_as_cast(ctx: Context, name: str) -> bool:
    """Whether the article calls this person an actor or lists them in a cast anywhere: only
    then is "X's Harley Quinn" a role and not a director's film or a book."""
    name = regex.escape(name)
    pattern = (
        rf"\b(?:actor|actress|star|stars|starring|cast|plays|played|co-star)\b[^.]{{0,80}}{name}"
        rf"|{name}[^.]{{0,40}}\b(?:plays|stars|played|starred|returns)\b"
    )
    return bool(regex.search(pattern, ctx.book.text, regex.IGNORECASE))


def _cast_status(ctx: Context, start: int, end: int) -> str | None:
    clause = ctx.masked.masked[max(0, start - 60) : end + 40].casefold()
    if regex.search(
        r"\b(?:return\w*(?!\s+(?:home|to\s+(?:his|her|their)\s+(?:home|family|hometown)))|"
        r"reprise\w*|reprising|back\s+as|again)\b",
        clause,
    ):
        return "returning"
    if regex.search(r"\b(?:join\w*|new(?:comer)?|newly|board\w*|cast\s+as|added)\b", clause):
        return "new"
    return None


def _cast_lists(ctx: Context) -> Iterator[Fact]:
    m = ctx.masked.masked
    seen: set[int] = set()
    actor: Slot | None
    for pattern in (pt.CAST_TRIGGER_BEFORE, pt.CAST_TRIGGER_AFTER):
        for match in pattern.finditer(m):
            start, end = match.span("list")
            if pattern is pt.CAST_TRIGGER_BEFORE and (
                _director_context(m, match.start())
                or _replaces_crew(ctx, match.start())
                or FRONTED_WITH.match(m, match.start())
            ):
                continue
            qualifier = _cast_status(ctx, match.start(), match.end())
            if pt.NOT_CAST.search(m, match.start(), min(len(m), match.end() + 60)):
                continue
            if pattern is pt.CAST_TRIGGER_BEFORE and pt.AFTER_LIST_NOT_CAST.match(m, end):
                continue
            for actor in ctx.masked.slots_in(start, end, "P"):
                if actor.start in seen or _inside_parentheses(ctx, actor) or _after_as(ctx, actor):
                    continue
                if _introduced_as_crew(ctx, actor.start) or _owns_a_title(ctx, actor):
                    continue
                seen.add(actor.start)
                film = film_for(ctx, actor.start)
                yield make_fact(
                    ctx,
                    "cast",
                    film,
                    actor.value,
                    (actor.start, actor.end),
                    anchor=(actor.start, actor.end),
                    qualifier=qualifier,
                )
    jury = bool(pt.JURY_SENTENCE.search(m))
    for pattern in (pt.ROLE_NOUN_PERSON, pt.DESCRIBED_PAREN_ACTOR):
        if jury and pattern is pt.ROLE_NOUN_PERSON:
            continue  # "the jury ... included the actress X": her trade, not a part here
        for match in pattern.finditer(m):
            actor = slot_at(ctx, match, "p")
            if actor and actor.start not in seen:
                seen.add(actor.start)
                film = film_for(ctx, actor.start)
                yield make_fact(ctx, "cast", film, actor.value, (actor.start, actor.end))


# "plays the Methodist preacher Lowen Hocking": the capitalised word was an adjective.
ADJECTIVE_BEFORE_NOUN = regex.compile(
    r"\s+(?!(?:in|on|at|for|from|with|by|to|and|or|of|the|who|whose|opposite|alongside)\s)"
    r"\p{Ll}[\p{Ll}-]+\s+\p{Lu}\p{Ll}"
)


def _owns_a_title(ctx: Context, slot: Slot) -> bool:
    """ "to open with Lee Min-seo's 'Winter Sea'", "with Delaney's longtime cinematographer":
    an owner (of a title, of a colleague) is not in a cast list."""
    return is_owner(ctx.book.text, slot)


def _after_as(ctx: Context, slot: Slot) -> bool:
    """A name right after 'as' in a cast list is the role, not another actor."""
    before = ctx.book.text[max(0, slot.start - 30) : slot.start]
    return bool(regex.search(r"\b(?i:as)\s+(?:[\p{Ll}-]+\s+)?(?:\p{Lu}[\p{L}.]*\s+){0,3}$", before))


# "With Balan, he made Nizhalattam": a fronted "with" names a collaborator, not a cast.
FRONTED_WITH = regex.compile(r"With\s+⟦P\d+⟧,\s+(?:he|she|they|it)\b")


def _replaces_crew(ctx: Context, position: int) -> bool:
    """ "MacLaren has been replaced by Patty Jenkins": who replaces a director takes the
    director's job, not a part."""
    if not regex.match(r"(?i:replaced\s+by)\b", ctx.masked.masked[position:]):
        return False
    before = [
        s for s in ctx.masked.slots if s.kind == "P" and s.end <= ctx.masked.offsets[position]
    ]
    if not before:
        return False
    return is_called_director(ctx.book.text, before[-1].value)


def is_called_director(text: str, name: str) -> bool:
    """The article calls this person a director somewhere ("director X", "X ... to direct")."""
    surname = regex.escape(name.split()[-1])
    crew = (
        rf"\b(?:director|helmer|filmmaker|directed\s+by)\b[^.]{{0,40}}\b{surname}\b"
        rf"|\b{surname}\b[^.]{{0,60}}\b(?:director|helmer|filmmaker|direct\w*|helm\w*)\b"
    )
    return bool(regex.search(crew, text, regex.IGNORECASE))


def _director_context(masked: str, position: int) -> bool:
    """'… directed by A, with B' is a credit line; 'the director, with …' is not a cast list.
    ("The film stars A, B and C" is one: only "with" and "alongside" are read this way.)"""
    if not regex.match(r"(?i:with|alongside|opposite|including)\b", masked[position:]):
        return False
    before = masked[max(0, position - 30) : position].casefold()
    return bool(
        regex.search(
            r"\b(?:film|films|collaboration|work(?:ed|ing)?|screenplay|script|wrote|co-wrote|written|"
            r"produced|co-produced|developed|(?:co-)?produc(?:e|es|ing)|writ(?:e|es|ing))\s*$",
            before,
        )
    )


def _inside_parentheses(ctx: Context, slot: Slot) -> bool:
    text = ctx.book.text
    return text[max(0, slot.start - 1) : slot.start] == "(" and text[slot.end : slot.end + 1] != ")"


ATTRIBUTIVE_BEFORE = regex.compile(
    r"(?:\b(?:the|a|an|its|his|her|their)|[’']s)\s$", regex.IGNORECASE
)


def _describes_a_noun(ctx: Context, date: Slot) -> bool:
    """'the 2021 cult hit': a year that describes a thing is not when anything happened."""
    text = ctx.book.text
    before, after = text[max(0, date.start - 8) : date.start], text[date.end : date.end + 2]
    return bool(ATTRIBUTIVE_BEFORE.search(before)) and regex.match(r"\s\p{Ll}", after) is not None


def _joined(ctx: Context) -> Iterator[Fact]:
    m = ctx.masked.masked
    for match in pt.JOINED.finditer(m):
        actor = slot_at(ctx, match, "p")
        if actor is None:
            continue
        film = film_for(ctx, actor.start)
        yield make_fact(ctx, "cast", film, actor.value, (actor.start, actor.end), qualifier="new")
        rest_end = m.find(".", match.end())
        for date in ctx.masked.slots_in(match.end(), rest_end if rest_end > 0 else len(m), "D"):
            if date.value and not _describes_a_noun(ctx, date):
                yield make_fact(
                    ctx,
                    "joined_cast",
                    actor.value,
                    date.value,
                    (date.start, date.end),
                    anchor=(actor.start, date.end),
                )
                break


BYLINE_WORDS = regex.compile(
    r"\b(?i:correspondent|reporter|editor|staff|writer|contributor|bureau|agency|wire)\b"
)


def _works_in_parentheses(ctx: Context) -> Iterator[Fact]:
    for match in pt.ACTOR_PAREN_WORK.finditer(ctx.masked.masked):
        actor = slot_at(ctx, match, "p")
        work_slot = slot_at(ctx, match, "w")
        if actor is None:
            continue
        if work_slot is not None:
            if work_slot.kind != "F":
                continue
            value, span = work_slot.value, (work_slot.start, work_slot.end)
        else:
            start, end = match.span("w")
            value, span = ctx.masked.raw(start, end), ctx.masked.article_span(start, end)
            if "⟦" in ctx.masked.masked[start:end] or regex.search(r"\d{4}|\bas\b", value):
                continue
            # "By Clarisse Montagut (Belle-Île-en-Mer, Morbihan, special correspondent)": a
            # byline's place and post, not a credit.
            if value.count(",") >= 2 or BYLINE_WORDS.search(value):
                continue
        yield make_fact(ctx, "known_for", actor.value, value, span, hedged=False)
