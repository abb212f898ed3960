"""Wrong options: of the answer's kind and gender, from the article first, then other articles,
then the shipped pools (names active in the film's era), and never true by any extracted fact."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from quizapp.generation.gender import Gender
from quizapp.text.dates import spoken
from quizapp.text.folding import match_key

DELAY_CAUSES = (
    "a writers' strike",
    "an actors' strike",
    "an actor's injury",
    "extensive reshoots",
    "budget overruns",
    "bad weather on location",
    "script rewrites",
    "a studio merger",
)
DELAY_LENGTHS = (
    "two weeks",
    "six weeks",
    "two months",
    "four months",
    "six months",
    "nine months",
    "a year",
    "two years",
)
RATINGS = ("G", "PG", "PG-13", "R", "NC-17")


# A pool name fits a film when its career had begun by the film's year (give or take
# EARLY_YEARS) and had not ended more than LATE_YEARS before it.
EARLY_YEARS = 2
LATE_YEARS = 3


@dataclass(frozen=True)
class PoolEntry:
    """A pool's name with what the pool records of it: gender, and active years (a film's
    year counts as both ends; None at an end: open)."""

    name: str
    gender: Gender | None = None
    active: tuple[int | None, int | None] | None = None
    # The film industry the person is known for (region.py's codes; "us" for Hollywood and
    # English-language cinema); None: not recorded.
    region: str | None = None

    def from_region(self, region: str | None) -> bool:
        """Whether the name fits an article of `region` (None: Hollywood or unknown)."""
        if self.region is None:
            return True
        return self.region == (region or "us")

    def active_near(self, year: int | None) -> bool:
        """Working when the film was made: started by then (a debut a year or two later is
        close enough) and not retired or dead long before (rubric grading: a star who died
        five years before the film is an outlier)."""
        if year is None or self.active is None:
            return True
        first, last = self.active
        return (first is None or first <= year + EARLY_YEARS) and (
            last is None or last >= year - LATE_YEARS
        )


def _entry(raw: dict[str, Any]) -> PoolEntry:
    gender = raw.get("gender")
    active = raw.get("active")
    if active is None and isinstance(raw.get("year"), int):
        active = [raw["year"], raw["year"]]
    return PoolEntry(
        name=raw.get("name") or raw["title"],
        gender="f" if gender == "f" else "m" if gender == "m" else None,
        active=(active[0], active[1]) if active else None,
        region=raw.get("region"),
    )


@cache
def pool_entries(name: str) -> tuple[PoolEntry, ...]:
    """A shipped pool (actors, directors, characters, films, studios, places), entry by entry."""
    path = resources.files("quizapp") / "data" / "pools" / f"{name}.json"
    return tuple(_entry(raw) for raw in json.loads(path.read_text(encoding="utf-8")))


def pool(name: str) -> tuple[str, ...]:
    """A shipped pool as plain names."""
    return tuple(entry.name for entry in pool_entries(name))


@cache
def recorded_genders() -> dict[str, Gender]:
    """The gender the people and character pools record for each name, by match key."""
    return {
        match_key(entry.name): entry.gender
        for name in ("actors", "directors", "characters")
        for entry in pool_entries(name)
        if entry.gender is not None
    }


@cache
def pooled_titles_and_people() -> frozenset[str]:
    """Match keys of every film title and person the pools know: never a role."""
    return frozenset(
        match_key(entry.name)
        for name in ("films", "actors", "directors")
        for entry in pool_entries(name)
    )


@dataclass(frozen=True)
class Fit:
    """What a wrong option must share with the answer besides being of its kind.

    `gender` is the answer's (None: not known, or not a person); `gender_of` tells a name's;
    `year` is the film's, for the pools' active years; `other_kind` holds match keys of names
    that are of another kind (a film title or a person offered as a role); `region` is the
    article's film industry (region.py), for the pools' regions.
    """

    gender: Gender | None = None
    gender_of: Callable[[str], Gender | None] | None = None
    year: int | None = None
    other_kind: frozenset[str] = frozenset()
    region: str | None = None


_key = lru_cache(maxsize=4096)(match_key)  # pools are long and picked from again and again


def clashes(candidate: str, taken: Iterable[str]) -> bool:
    """Equal to, containing, or contained in something already used (or true)."""
    key = _key(candidate)
    if not key:
        return True
    for other in taken:
        other_key = _key(other)
        if not other_key:
            continue
        if key == other_key or f" {key} " in f" {other_key} " or f" {other_key} " in f" {key} ":
            return True
        if key.split()[-1] == other_key.split()[-1] and len(key.split()) > 1:
            return True  # same surname: a confusing, possibly true option
    return False


def _shuffled(names: Iterable[str], rng: random.Random) -> list[str]:
    ordered = sorted(set(names))
    rng.shuffle(ordered)
    return ordered


def pick(
    answer: str,
    article_candidates: Iterable[str],
    pool_name: str | None,
    forbidden: Iterable[str],
    count: int,
    rng: random.Random,
    extra: Iterable[str] = (),
    *,
    fit: Fit = Fit(),
    elsewhere: Iterable[PoolEntry] = (),
) -> list[str]:
    """Up to `count` wrong options: the article's own names first, then names from other
    articles (`elsewhere`), then the pool's names active in the film's era and known in the
    article's film industry.

    Options of the answer's gender come first, then ones whose gender is unknown, never the
    other gender's. When the answer's gender is unknown, the options are not all of one
    gender, so that it cannot be the only one of its gender whatever it is.
    """
    local = _shuffled(article_candidates, rng)
    others = [*elsewhere]
    entries = pool_entries(pool_name) if pool_name else ()
    recorded = {e.name: e.gender for e in [*others, *entries]}
    near = _shuffled((e.name for e in others if e.active_near(fit.year)), rng)
    pooled = _shuffled(
        [
            *extra,
            *(e.name for e in entries if e.active_near(fit.year) and e.from_region(fit.region)),
        ],
        rng,
    )
    ordered = [*local, *near, *pooled]

    @cache
    def gender(name: str) -> Gender | None:
        if recorded.get(name) is not None:
            return recorded[name]
        return fit.gender_of(name) if fit.gender_of else None

    def usable() -> Iterator[str]:  # lazily: a pool is long, and a few options are enough
        return (c for c in dict.fromkeys(ordered) if _key(c) not in fit.other_kind)

    taken = [answer, *forbidden]
    if fit.gender is None or fit.gender_of is None:
        chosen = _first_free(usable(), taken, count)
        return _mixed(chosen, usable(), taken, gender) if fit.gender_of else chosen
    chosen = _first_free((c for c in usable() if gender(c) == fit.gender), taken, count)
    unknown = (c for c in usable() if gender(c) is None)
    return chosen + _first_free(unknown, [*taken, *chosen], count - len(chosen))


def _first_free(candidates: Iterable[str], taken: list[str], count: int) -> list[str]:
    chosen: list[str] = []
    for candidate in candidates:
        if len(chosen) >= count:
            break
        if not clashes(candidate, [*taken, *chosen]):
            chosen.append(candidate)
    return chosen


def _mixed(
    chosen: list[str],
    candidates: Iterable[str],
    taken: list[str],
    gender: Callable[[str], Gender | None],
) -> list[str]:
    """Options of one gender only get their last one replaced by one of the other gender."""
    genders = {gender(c) for c in chosen}
    if len(chosen) < 2 or len(genders) != 1 or None in genders:
        return chosen
    (only,) = genders
    kept = chosen[:-1]
    other = _first_free(
        (c for c in candidates if gender(c) not in (only, None)), [*taken, *kept], 1
    )
    return kept + other if other else chosen


def date_variants(iso: str, rng: random.Random) -> list[str]:
    """Plausible wrong dates at the same precision as `iso`, spoken."""
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    variants: set[str] = set()
    if len(parts) == 1:
        variants = {str(year + d) for d in (-3, -2, -1, 1, 2, 3)}
    elif len(parts) == 2:
        for dm in (-4, -2, -1, 1, 2, 3, 5):
            month = (parts[1] - 1 + dm) % 12 + 1
            variants.add(f"{year:04d}-{month:02d}")
        variants.add(f"{year - 1:04d}-{parts[1]:02d}")
        variants.add(f"{year + 1:04d}-{parts[1]:02d}")
    else:
        for dm, day in (
            (-2, parts[2]),
            (1, parts[2]),
            (3, min(parts[2], 28)),
            (0, (parts[2] + 8) % 28 + 1),
        ):
            month = (parts[1] - 1 + dm) % 12 + 1
            variants.add(f"{year:04d}-{month:02d}-{min(day, 28):02d}")
        variants.add(f"{year + 1:04d}-{parts[1]:02d}-{min(parts[2], 28):02d}")
        variants.add(f"{year - 1:04d}-{parts[1]:02d}-{min(parts[2], 28):02d}")
    variants.discard(iso)
    ordered = sorted(variants)
    rng.shuffle(ordered)
    return [spoken(v) for v in ordered]


def runtime_variants(value: str) -> list[str]:
    minutes = int(value.split()[0])
    return [f"{minutes + d} minutes" for d in (-27, -14, 12, 23, 31)]
