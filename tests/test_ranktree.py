"""The counting tree's arithmetic: the counters ahead of a key count exactly the larger keys."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.play import ranktree
from quizapp.play.ranktree import DURATION_CAP, POINTS_LIMIT, rank_key

# Scores and times bunched together, as on a real board, with the extremes mixed in: many keys
# share their higher digits, and many are equal.
points = st.one_of(
    st.sampled_from([0, 1, 999, 1000, 15_000, 30_000, POINTS_LIMIT - 1]),
    st.integers(0, 30_000),
)
durations = st.one_of(
    st.sampled_from([0, 1, 60_000, 600_000, DURATION_CAP - 1, DURATION_CAP, DURATION_CAP + 9]),
    st.integers(0, 700_000),
)
keys = st.builds(rank_key, points, durations)


def same_window(a: int, b: int) -> bool:
    return a >> ranktree.WINDOW_BITS == b >> ranktree.WINDOW_BITS


@settings(max_examples=300, deadline=None)
@given(st.lists(keys, max_size=60), keys)
def test_the_counters_ahead_of_a_key_count_exactly_the_larger_keys_of_other_windows(
    board: list[int], key: int
) -> None:
    counts = ranktree.tree_of(board)
    larger = [other for other in board if other > key]
    assert ranktree.count_ahead(counts, key) == sum(not same_window(o, key) for o in larger)


@settings(max_examples=500, deadline=None)
@given(points, durations, durations)
def test_a_quicker_row_with_our_points_is_counted_once_by_the_counters_or_the_index(
    p: int, mine: int, other: int
) -> None:
    """The rank index counts our points with a duration from `window_start` up to ours; the
    counters count the larger keys of other windows. (Equal durations: finish order decides.)"""
    if other == mine:
        return
    key, theirs = rank_key(p, mine), rank_key(p, other)
    by_counters = theirs > key and not same_window(theirs, key)
    by_index = ranktree.window_start(mine) <= other < mine
    assert by_counters + by_index == (other < mine)


@settings(max_examples=300, deadline=None)
@given(st.lists(keys, min_size=1, max_size=30), st.data())
def test_moving_a_row_changes_the_counters_as_rebuilding_them_would(
    board: list[int], data: st.DataObject
) -> None:
    old = data.draw(st.sampled_from(board))
    new = data.draw(st.one_of(st.none(), keys))
    after = list(board)
    after.remove(old)
    if new is not None:
        after.append(new)
    moved = ranktree.tree_of(board)
    moved.update(ranktree.moves(old, new))
    assert +moved == ranktree.tree_of(after)  # `+` drops the counters that fell to zero


@settings(max_examples=300, deadline=None)
@given(points, durations, points, durations)
def test_a_larger_key_is_more_points_or_the_same_points_sooner(
    p1: int, d1: int, p2: int, d2: int
) -> None:
    board_order = (-p1, min(d1, DURATION_CAP)) < (-p2, min(d2, DURATION_CAP))
    assert (rank_key(p1, d1) > rank_key(p2, d2)) == board_order
    assert 0 <= rank_key(p1, d1) < 2**63  # a BIGINT on PostgreSQL


def test_a_move_touches_only_the_counters_the_keys_do_not_share() -> None:
    near = rank_key(20_000, 60_000)
    assert ranktree.moves(near, near) == Counter()
    assert len(ranktree.moves(near, near - 2**16)) == 2  # the next window: one counter each
    assert len(ranktree.moves(None, near)) == len(ranktree.LEVELS)
    assert ranktree.moves(near, near - 1) == Counter(), "one window: only the index orders them"


def test_durations_past_the_cap_share_one_key() -> None:
    assert rank_key(5, DURATION_CAP) == rank_key(5, DURATION_CAP * 3)
    assert ranktree.window_start(DURATION_CAP * 3) == ranktree.window_start(DURATION_CAP)


@pytest.mark.parametrize(("points", "duration"), [(-1, 0), (POINTS_LIMIT, 0), (0, -1)])
def test_values_a_key_cannot_order_are_refused(points: int, duration: int) -> None:
    with pytest.raises(ValueError):
        rank_key(points, duration)
