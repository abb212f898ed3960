"""Rules for series, filming, delays, studio, runtime and rating facts."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from quizapp.generation import date_patterns as ev
from quizapp.generation.context import Context, film_for, make_fact, slot_at
from quizapp.generation.masking import Slot
from quizapp.generation.types import Fact
from quizapp.text.dates import MONTHS


def series_facts(ctx: Context) -> Iterator[Fact]:
    m = ctx.masked.masked
    film: Slot | None
    for match in ev.PREVIOUS_INSTALLMENTS.finditer(m):
        start, end = match.span("list")
        for film in ctx.masked.slots_in(start, end, "F"):
            if film.value != ctx.main_film:
                trigger = ctx.masked.article_span(match.start(), match.start() + 1)
                yield make_fact(
                    ctx,
                    "previous_installment",
                    ctx.main_film,
                    film.value,
                    (film.start, film.end),
                    anchor=trigger,
                )
    for pattern, kind in ((ev.SEQUEL_TO, "previous_installment"), (ev.SEQUEL_NAMED, "sequel")):
        for match in pattern.finditer(m):
            film = slot_at(ctx, match, "f")
            if film and film.value != ctx.main_film:
                yield make_fact(ctx, kind, ctx.main_film, film.value, (film.start, film.end))
    for match in ev.ORDINAL_INSTALLMENT.finditer(ctx.sentence.text):
        number = ev.ORDINALS[match.group("n").casefold()]
        start = ctx.sentence.start + match.start()
        yield make_fact(
            ctx,
            "film",
            ctx.main_film,
            ctx.main_film,
            (start, start + len(match.group())),
            qualifier=str(number),
            hedged=False,
        )


LANGUAGES = frozenset(
    """english french spanish portuguese italian german dutch russian polish czech greek turkish
    arabic hebrew persian farsi urdu hindi bengali punjabi tamil telugu malayalam kannada
    marathi mandarin cantonese chinese japanese korean thai vietnamese indonesian malay tagalog
    swahili yoruba igbo hausa wolof zulu xhosa amharic danish swedish norwegian finnish
    icelandic hungarian romanian ukrainian serbian croatian latin black-and-white colour color
    monochrome 3d imax widescreen""".split()
)


def production_facts(ctx: Context) -> Iterator[Fact]:
    text, base = ctx.sentence.text, ctx.sentence.start
    film = film_for(ctx, base + len(text))
    for match in ev.FILMING_IN.finditer(text):
        for place in regex.finditer(ev.PLACE, match.group("list")):
            start = base + match.start("list") + place.start()
            if place.group().casefold() in MONTHS or place.group().casefold() in LANGUAGES:
                continue  # "shot in Wolof and French": languages, not places
            if regex.search(r"[’']s\b", place.group()):
                continue  # "in Sydney's inner west", "in Vinod Kurian's Makaram": not a place
            name = place.group().rstrip(".")
            yield make_fact(ctx, "filming_location", film, name, (start, start + len(name)))
    if ev.DELAY_CONTEXT.search(text):
        for match in ev.DELAY_CAUSE.finditer(text):
            span = (base + match.start("cause"), base + match.end("cause"))
            yield make_fact(ctx, "delay", film, match.group("cause"), span, qualifier="cause")
        for match in ev.DELAY_LENGTH.finditer(text):
            span = (base + match.start("length"), base + match.end("length"))
            # "pushing Copperline back nearly seven months and moving X into ...": the film
            # named before the length is the one delayed.
            delayed = film_for(ctx, span[0])
            yield make_fact(ctx, "delay", delayed, match.group("length"), span, qualifier="length")
    for match in ev.STUDIO.finditer(text):
        group = "s" if match.group("s") else "s2"
        span = (base + match.start(group), base + match.end(group))
        yield make_fact(ctx, "studio", film, match.group(group), span)
    for match in ev.RUNTIME.finditer(text):
        span = (base + match.start(), base + match.end())
        yield make_fact(ctx, "runtime", film, f"{match.group('n')} minutes", span)
    for match in ev.RATING.finditer(text):
        span = (base + match.start("r"), base + match.end("r"))
        yield make_fact(ctx, "rating", film, match.group("r"), span)
