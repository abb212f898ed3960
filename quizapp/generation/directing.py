"""Who directed and who wrote a film: "directed by X", "X will helm F", "director X's F", a
line-up's "Chile's X presents F", a director's own earlier work named as such, "written by X"."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from quizapp.generation import patterns as pt
from quizapp.generation.casting import is_called_director, known_as_cast
from quizapp.generation.context import Context, film_for, make_fact, slot_at
from quizapp.generation.types import Fact

OWNER_BEFORE_QUOTE = regex.compile(r"[’']s\s+(?:[\p{L}-]+\s+){0,3}[“\"‘']")


def director_facts(ctx: Context) -> Iterator[Fact]:
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


def earlier_directed_facts(ctx: Context) -> Iterator[Fact]:
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


def writer_facts(ctx: Context) -> Iterator[Fact]:
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
