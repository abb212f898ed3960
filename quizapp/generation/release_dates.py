"""Release dates a sentence states: moved from one date to another, a new date, "opens on D",
"set for a D release", a title's year in brackets."""

from __future__ import annotations

from collections.abc import Iterator

from quizapp.generation import date_patterns as ev
from quizapp.generation.context import Context, film_for, make_fact, slot_at
from quizapp.generation.types import Fact


def date_facts(ctx: Context) -> Iterator[Fact]:
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
