"""Accepted spellings of an answer: the other ways a player may rightly type it."""

from __future__ import annotations

import calendar

import regex

from quizapp.generation.lexicon import name_region
from quizapp.text.folding import match_key


def _date_spellings(iso: str) -> list[str]:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return [str(parts[0])]
    month_name, month_abbr = calendar.month_name[parts[1]], calendar.month_abbr[parts[1]]
    if len(parts) == 2:
        return [
            f"{month_name} {parts[0]}",
            f"{month_abbr} {parts[0]}",
            f"{parts[1]}/{parts[0]}",
            f"{parts[0]}-{parts[1]:02d}",
        ]
    year, month, day = parts
    return [
        f"{month_name} {day}, {year}",
        f"{day} {month_name} {year}",
        f"{month_abbr} {day}, {year}",
        f"{day} {month_abbr} {year}",
        f"{year}-{month:02d}-{day:02d}",
        f"{month}/{day}/{year}",
        f"{day}/{month}/{year}",
    ]


def accepted_variants(answer: str, answer_type: str, iso: str | None = None) -> list[str]:
    """The answer and the other ways a player may rightly type it."""
    variants = [answer]
    if answer_type == "date" and iso:
        variants += _date_spellings(iso)
    elif answer_type in {"person", "character"}:
        words = regex.sub(r",?\s+(?:Jr|Sr)\.?$", "", answer).split()
        if len(words) > 1:
            variants.append(words[-1])
            # East Asian names put the family name first ("Seo Ha-yoon", "Song Kang-ho"):
            # "a surname is enough" must accept it too.
            if answer_type == "person" and (
                name_region(answer) in {"kr", "cn", "jp"} or regex.search(r"-\p{Ll}", words[-1])
            ):
                variants.append(words[0])
            if answer_type == "character":
                variants.append(" ".join(w for w in words if not w.endswith(".")))
    elif answer_type == "title" and answer.startswith("The "):
        variants.append(answer[4:])
    unique: list[str] = []
    for variant in variants:
        if variant and match_key(variant) not in {match_key(u) for u in unique}:
            unique.append(variant)
    return unique
