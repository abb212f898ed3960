"""Dates as articles write them ("Nov. 19, 2021", "19 November 2021", "September 2019", "2014"),
found with their spans and given as ISO strings at the precision the text gives."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

MONTHS: dict[str, int] = {}
for number in range(1, 13):
    MONTHS[calendar.month_name[number].casefold()] = number
    MONTHS[calendar.month_abbr[number].casefold()] = number
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:18|19|20)\d\d)"

DATE_PATTERNS = [
    regex.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", regex.IGNORECASE),
    regex.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", regex.IGNORECASE),
    regex.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", regex.IGNORECASE),
    regex.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*(?:18|19|20)\d\d)", regex.IGNORECASE),
    regex.compile(rf"\b{_DAY}\s+{_MONTH}\b", regex.IGNORECASE),
    regex.compile(rf"(?<![\d$£€.,])\b{_YEAR}\b(?![\d%]|\s*(?:million|billion|m\b))"),
]


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str | None  # None when the text gives a day and month without a year
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> int:
        return 0 if self.iso is None else self.iso.count("-") + 1


def _month_is_word(text: str, match: regex.Match[str]) -> bool:
    """'may' and 'march' are verbs too; as a month they are capitalised."""
    word = match.group("month")
    return word[:1].isupper() or word.casefold() not in {"may", "march", "jan"}


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every date in text[start:end], longest first where two overlap, in text order."""
    end = len(text) if end is None else end
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text, start, end):
            span = match.span()
            if any(span[0] < b and a < span[1] for a, b in taken):
                continue
            parts = match.groupdict()
            if parts.get("month") and not _month_is_word(text, match):
                continue
            date = _to_found(span, parts)
            if date is not None:
                found.append(date)
                taken.append(span)
    return sorted(found, key=lambda d: d.start)


def _to_found(span: tuple[int, int], parts: dict[str, str | None]) -> FoundDate | None:
    month_name, day_text, year_text = parts.get("month"), parts.get("day"), parts.get("year")
    month = MONTHS[month_name.casefold()] if month_name else None
    day = int(day_text) if day_text else None
    year = int(year_text) if year_text else None
    if day is not None and month is not None and day > calendar.monthrange(year or 2000, month)[1]:
        return None
    if day == 0:
        return None
    if year is None:
        return FoundDate(*span, iso=None, month=month, day=day)
    if month is None:
        return FoundDate(*span, iso=f"{year:04d}")
    if day is None:
        return FoundDate(*span, iso=f"{year:04d}-{month:02d}", month=month)
    return FoundDate(*span, iso=f"{year:04d}-{month:02d}-{day:02d}", month=month, day=day)


def with_year(date: FoundDate, year: str) -> FoundDate:
    """Complete a day-and-month date with a year the text gives elsewhere."""
    if date.month is None or date.day is None:
        return date
    iso = f"{year}-{date.month:02d}-{date.day:02d}"
    return FoundDate(date.start, date.end, iso, date.month, date.day)


def spoken(iso: str) -> str:
    """An ISO date as a trivia writer would say it: 'November 19, 2021', 'September 2019'."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return f"{calendar.month_name[parts[1]]} {parts[2]}, {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return str(parts[0])
