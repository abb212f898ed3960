"""Counting trees: how many rows of a board rank ahead of one, from a bounded number of counters.

A board row's place is decided first by its rank key, points then the quicker time packed into
one integer (larger is better), and only among rows with an equal key by when they finished.
Each board keeps a 16-way counting tree over those 63-bit keys: at every level L from 4 to 15
the number of its rows whose key starts with each prefix, `key >> 4L`. A row with a larger key
either shares our key's prefix at level 4 (the same points, and a time within the same window
of 65.536 s), or has a larger hexadecimal digit where the two keys first differ, at some level
from 4 up, and is counted once there, in one of the at most 15 larger siblings of our prefix.
So the rows ahead are at most 12 short ranges of counters, however many rows the board holds,
plus the rows of our own window that are ahead of us, which the board's rank index counts: as
many as there are players with our points whose time is within the same 65.5 s as ours (and
all who tie with us exactly). Levels 0 to 3 are left out: they would add four counters to most
rows, nearly one per row each, to spare counting a few rows.

A row entering, leaving or moving changes at most 24 counters. Plain arithmetic, no database:
`quizapp/play/rankcounts.py` stores and reads the counters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

DIGIT_BITS = 4
LAST_DIGIT = (1 << DIGIT_BITS) - 1
LEVELS = range(4, 16)
WINDOW_BITS = DIGIT_BITS * LEVELS.start
# Durations are stored up to this in the key (about 49 days); longer ones share it, and the
# board's index orders them.
DURATION_CAP = 2**32 - 1
POINTS_LIMIT = 2**31  # the points column is a 32-bit integer on PostgreSQL

# A counter: (level, prefix).
Node = tuple[int, int]


def rank_key(points: int, duration_ms: int) -> int:
    """More points first, then the shorter time, as one non-negative integer below 2**63."""
    if not 0 <= points < POINTS_LIMIT:
        raise ValueError(f"points out of range: {points}")
    if duration_ms < 0:
        raise ValueError(f"negative duration: {duration_ms}")
    return (points << 32) | (DURATION_CAP - min(duration_ms, DURATION_CAP))


def window_start(duration_ms: int) -> int:
    """The shortest duration whose key, with the same points, is in this duration's window: the
    rows ahead of ours in our window have our points and a duration from there to ours."""
    window = (DURATION_CAP - min(duration_ms, DURATION_CAP)) >> WINDOW_BITS
    return DURATION_CAP - ((window << WINDOW_BITS) | ((1 << WINDOW_BITS) - 1))


def nodes(key: int) -> list[Node]:
    """The counters a row with this key adds one to, from the lowest counted level up."""
    return [(level, key >> (DIGIT_BITS * level)) for level in LEVELS]


def ahead_ranges(key: int) -> list[tuple[int, int, int]]:
    """(level, first prefix, last prefix) of the counters that hold every key outside this
    key's window and larger than it, once each."""
    return [
        (level, prefix + 1, prefix | LAST_DIGIT)
        for level, prefix in nodes(key)
        if prefix & LAST_DIGIT != LAST_DIGIT
    ]


def count_ahead(counts: dict[Node, int], key: int) -> int:
    """The rows with a larger key outside this key's window, as the database sums them (for
    tests and checks)."""
    return sum(
        counts.get((level, prefix), 0)
        for level, first, last in ahead_ranges(key)
        for prefix in range(first, last + 1)
    )


def moves(old: int | None, new: int | None) -> Counter[Node]:
    """What the counters gain (or lose) when a row's key goes from `old` to `new` (None: the
    row does not exist), without the counters both keys share."""
    change: Counter[Node] = Counter()
    if old is not None:
        change.subtract(nodes(old))
    if new is not None:
        change.update(nodes(new))
    return Counter({node: delta for node, delta in change.items() if delta})


def tree_of(keys: Iterable[int]) -> Counter[Node]:
    """Every counter of a board holding rows with these keys (for back-fills and checks)."""
    counts: Counter[Node] = Counter()
    for key in keys:
        counts.update(nodes(key))
    return counts
