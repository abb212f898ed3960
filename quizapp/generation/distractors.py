"""Wrong options: same kind as the answer, taken first from the article, then from shipped pools,
and never true for the film by any extracted fact."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from functools import cache
from importlib import resources

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


@cache
def pool(name: str) -> tuple[str, ...]:
    """A shipped pool (actors, directors, characters, films, studios, places) as plain names."""
    path = resources.files("quizapp") / "data" / "pools" / f"{name}.json"
    entries = json.loads(path.read_text(encoding="utf-8"))
    return tuple(entry.get("name") or entry.get("title") for entry in entries)


def clashes(candidate: str, taken: Iterable[str]) -> bool:
    """Equal to, containing, or contained in something already used (or true)."""
    key = match_key(candidate)
    if not key:
        return True
    for other in taken:
        other_key = match_key(other)
        if not other_key:
            continue
        if key == other_key or f" {key} " in f" {other_key} " or f" {other_key} " in f" {key} ":
            return True
        if key.split()[-1] == other_key.split()[-1] and len(key.split()) > 1:
            return True  # same surname: a confusing, possibly true option
    return False


def pick(
    answer: str,
    article_candidates: Iterable[str],
    pool_name: str | None,
    forbidden: Iterable[str],
    count: int,
    rng: random.Random,
    extra: Iterable[str] = (),
) -> list[str]:
    """Up to `count` wrong options: the article's own entities first, then the pool."""
    taken = [answer, *forbidden]
    chosen: list[str] = []
    local = sorted(set(article_candidates))
    rng.shuffle(local)
    pooled = [*extra, *(pool(pool_name) if pool_name else ())]
    pooled = sorted(set(pooled))
    rng.shuffle(pooled)
    for candidate in [*local, *pooled]:
        if len(chosen) == count:
            break
        if clashes(candidate, [*taken, *chosen]):
            continue
        chosen.append(candidate)
    return chosen


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
