"""Ranks read from the counting trees equal a recomputation from the attempts, ties included.

Random boards are posted attempt by attempt through `leaderboard.record`, with scores, times and
finishing moments drawn from small pools so that players tie on points, on points and time, and
on all three. A plain replay of the board rules gives every board's rows; each player's rank on
each board must equal their place in those rows sorted by the documented order, and the stored
counters must equal counters rebuilt from the rows.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import (
    Attempt,
    BoardEntry,
    BoardEntryCount,
    Player,
    PlayerTotal,
    PlayerTotalCount,
    Quiz,
)
from quizapp.play import attempts as play
from quizapp.play import leaderboard, ranktree

NOW = datetime(2026, 11, 26, 18, 0, 0)  # a Thursday
POINTS = [0, 1000, 2000, 2500, 3000]
DURATIONS = [30_000, 45_000, 65_535, 65_536, 600_000]  # windows of 65,536 ms: 0, 0, 0, 1, 9


@dataclass
class Row:
    """A board row as the rules leave it: a best entry, or a total of bests."""

    points: int = 0
    duration_ms: int = 0
    finished_at: datetime = NOW


@dataclass(frozen=True)
class Played:
    player_id: int
    quiz_id: int
    points: int
    duration_ms: int
    finished_at: datetime


def replay(played: list[Played], first_only: set[int]) -> dict[tuple[Any, ...], dict[int, Row]]:
    """Every board's rows by player, from the attempts in the order they were posted. Boards are
    keyed ("quiz", quiz_id, period, start) or ("overall", period, start)."""
    boards: dict[tuple[Any, ...], dict[int, Row]] = {}
    played_once: set[tuple[int, int]] = set()
    for attempt in played:
        game = (attempt.quiz_id, attempt.player_id)
        if attempt.quiz_id in first_only and game in played_once:
            continue  # a replay under first-game rules is practice: on no board at all
        played_once.add(game)
        for period, start in leaderboard.period_starts(attempt.finished_at).items():
            entries = boards.setdefault(("quiz", attempt.quiz_id, period, start), {})
            best = entries.get(attempt.player_id)
            better = best is not None and (-attempt.points, attempt.duration_ms) < (
                -best.points,
                best.duration_ms,
            )
            if best is not None and (attempt.quiz_id in first_only or not better):
                continue
            was = best or Row()
            entries[attempt.player_id] = Row(
                attempt.points, attempt.duration_ms, attempt.finished_at
            )
            totals = boards.setdefault(("overall", period, start), {})
            total = totals.setdefault(attempt.player_id, Row())
            total.points += attempt.points - was.points
            total.duration_ms += attempt.duration_ms - was.duration_ms
            total.finished_at = attempt.finished_at
    return boards


def post_random_board(session: Session, rng: random.Random) -> tuple[list[Played], set[int]]:
    """Three quizzes (the third counts first games only), 16 players, 100 attempts over ten
    days, each posted through `leaderboard.record` as finishing does."""
    quizzes = [1, 2, 3]
    session.execute(
        sa.insert(Quiz),
        [{"id": q, "title": f"Quiz {q}", "slug": f"quiz-{q}"} for q in quizzes],
    )
    session.execute(
        sa.insert(Player), [{"id": p, "key": f"k{p}", "nickname": f"P{p}"} for p in range(1, 17)]
    )
    moments = sorted(NOW - timedelta(days=rng.uniform(0, 10)) for _ in range(25))
    played: list[Played] = []
    for moment in moments:
        for _ in range(4):  # several attempts finish at the very same moment
            played.append(
                Played(
                    rng.randint(1, 16),
                    rng.choice(quizzes),
                    rng.choice(POINTS),
                    rng.choice(DURATIONS),
                    moment,
                )
            )
    for number, p in enumerate(played, start=1):
        attempt = Attempt(
            token=f"t{number}",
            quiz_id=p.quiz_id,
            player_id=p.player_id,
            nickname=f"P{p.player_id}",
            status="finished",
            started_at=p.finished_at - timedelta(milliseconds=p.duration_ms),
            finished_at=p.finished_at,
            settings={"first_game_counts": p.quiz_id == 3},
            question_count=3,
            current_position=3,
            points=p.points,
            duration_ms=p.duration_ms,
        )
        session.add(attempt)
        session.flush()
        leaderboard.record(session, attempt)
    session.commit()
    return played, {3}


def expected_ranks(rows: dict[int, Row], ids: dict[int, int]) -> dict[int, int]:
    """Each player's place: points, then time, then finishing moment, then the row's id."""
    order = sorted(
        rows, key=lambda p: (-rows[p].points, rows[p].duration_ms, rows[p].finished_at, ids[p])
    )
    return {player: place for place, player in enumerate(order, start=1)}


def stored_board(session: Session, key: tuple[Any, ...]) -> list[BoardEntry] | list[PlayerTotal]:
    if key[0] == "quiz":
        _, quiz_id, period, start = key
        return list(
            session.scalars(
                sa.select(BoardEntry).filter_by(quiz_id=quiz_id, period=period, period_start=start)
            )
        )
    _, period, start = key
    return list(
        session.scalars(sa.select(PlayerTotal).filter_by(period=period, period_start=start))
    )


def board_of(key: tuple[Any, ...]) -> leaderboard.Board[Any]:
    """The board a page would show for this key, asked on a day inside its period."""
    period, start = key[-2:]
    name = {"all": "all", "week": "week", "day": "today"}[period]
    on = datetime.combine(start, datetime.min.time()) if period != "all" else NOW
    if key[0] == "quiz":
        return leaderboard.quiz_board(key[1], name, on)
    return leaderboard.overall_board(name, on)


def stored_counters(session: Session) -> Counter[tuple[Any, ...]]:
    found: Counter[tuple[Any, ...]] = Counter()
    for c in session.scalars(sa.select(BoardEntryCount)):
        found[("quiz", c.quiz_id, c.period, c.period_start, c.level, c.prefix)] += c.size
    for t in session.scalars(sa.select(PlayerTotalCount)):
        found[("overall", t.period, t.period_start, t.level, t.prefix)] += t.size
    return +found


def rebuilt_counters(session: Session) -> Counter[tuple[Any, ...]]:
    """The counters the board rows call for, rebuilt from scratch."""
    rebuilt: Counter[tuple[Any, ...]] = Counter()
    for e in session.scalars(sa.select(BoardEntry)):
        for node in ranktree.nodes(ranktree.rank_key(e.points, e.duration_ms)):
            rebuilt[("quiz", e.quiz_id, e.period, e.period_start, *node)] += 1
    for t in session.scalars(sa.select(PlayerTotal)):
        for node in ranktree.nodes(ranktree.rank_key(t.points, t.duration_ms)):
            rebuilt[("overall", t.period, t.period_start, *node)] += 1
    return rebuilt


@pytest.mark.both_databases
@pytest.mark.parametrize("seed", range(2))
def test_every_rank_equals_a_recomputation_from_the_attempts(session: Session, seed: int) -> None:
    played, first_only = post_random_board(session, random.Random(seed))
    boards = replay(played, first_only)

    ties = 0
    for key, rows in boards.items():
        stored = stored_board(session, key)
        assert {
            row.player_id: (row.points, row.duration_ms, row.finished_at) for row in stored
        } == {p: (r.points, r.duration_ms, r.finished_at) for p, r in rows.items()}, key
        want = expected_ranks(rows, {row.player_id: row.id for row in stored})
        board = board_of(key)
        got = {p: board.standing_of(session, p) for p in rows}
        assert {p: s.rank if s else None for p, s in got.items()} == want, key
        ties += len(rows) - len({(r.points, r.duration_ms) for r in rows.values()})
    assert ties > 30, "the random boards should be full of ties"
    assert stored_counters(session) == rebuilt_counters(session)


@pytest.mark.both_databases
def test_a_finished_attempt_stands_where_a_recomputation_puts_it(session: Session) -> None:
    played, first_only = post_random_board(session, random.Random(2))
    rows = replay(played, first_only)[("quiz", 1, "all", leaderboard.ALL_TIME)]
    for attempt in session.scalars(sa.select(Attempt).where(Attempt.quiz_id == 1)):
        assert attempt.finished_at is not None and attempt.duration_ms is not None
        mine = (-attempt.points, attempt.duration_ms, attempt.finished_at)
        ahead = sum(
            (-r.points, r.duration_ms, r.finished_at) < mine
            for player, r in rows.items()
            if player != attempt.player_id
        )
        assert leaderboard.attempt_rank(session, attempt) == ahead + 1, attempt.id


def test_durations_past_the_cap_still_rank_exactly(session: Session) -> None:
    """Durations share a key past about 49 days (SQLite stores them; PostgreSQL's column
    stops at 24 days); the rank index then orders them."""
    session.execute(sa.insert(Quiz), [{"id": 1, "title": "Q", "slug": "q"}])
    cap = ranktree.DURATION_CAP
    durations = [cap + 5, cap - 1, cap + 1, cap, 10_000]
    for n, duration in enumerate(durations, start=1):
        session.add(Player(id=n, key=f"k{n}", nickname=f"P{n}"))
        attempt = Attempt(
            token=f"t{n}",
            quiz_id=1,
            player_id=n,
            nickname=f"P{n}",
            status="finished",
            started_at=NOW,
            finished_at=NOW,
            question_count=1,
            current_position=1,
            points=500,
            duration_ms=duration,
        )
        session.add(attempt)
        session.flush()
        leaderboard.record(session, attempt)
    session.commit()
    board = leaderboard.quiz_board(1, "all", NOW)
    ranks = {n: board.standing_of(session, n) for n in range(1, len(durations) + 1)}
    by_time = sorted(range(1, len(durations) + 1), key=lambda n: durations[n - 1])
    assert {n: s.rank if s else None for n, s in ranks.items()} == {
        n: place for place, n in enumerate(by_time, start=1)
    }


@pytest.mark.both_databases
def test_players_finishing_at_once_lose_no_count(session: Session) -> None:
    """Eight players finish at once, three rounds, each round moving their rows past each
    other's: every counter must still match the rows, and nobody may fail (a deadlock would)."""
    players, rounds = 8, 3
    session.execute(sa.insert(Quiz), [{"id": 1, "title": "Q", "slug": "q"}])
    session.execute(
        sa.insert(Player),
        [{"id": p, "key": f"k{p}", "nickname": f"P{p}"} for p in range(1, players + 1)],
    )
    rng = random.Random(3)
    started = NOW - timedelta(minutes=10)
    finishing = {
        (r, p): NOW + timedelta(seconds=rng.randrange(1, 500))
        for r in range(rounds)
        for p in range(1, players + 1)
    }
    for r in range(rounds):
        for p in range(1, players + 1):
            session.add(
                Attempt(
                    token=f"t{r}-{p}",
                    quiz_id=1,
                    player_id=p,
                    nickname=f"P{p}",
                    started_at=started,
                    question_count=1,
                    points=rng.randrange(0, 30_000, 7),
                )
            )
    session.commit()
    engine = session.get_bind()
    barrier = threading.Barrier(players)
    failures: list[BaseException] = []

    def finish_rounds(player_id: int) -> None:
        try:
            for r in range(rounds):
                with Session(engine) as mine:
                    attempt = mine.scalars(
                        sa.select(Attempt).filter_by(token=f"t{r}-{player_id}")
                    ).one()
                    barrier.wait()
                    play.finish(mine, attempt, "finished", finishing[r, player_id])
                    mine.commit()
        except BaseException as error:
            failures.append(error)
            barrier.abort()

    threads = [threading.Thread(target=finish_rounds, args=(p,)) for p in range(1, players + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    session.expire_all()
    assert session.scalar(sa.select(Quiz.play_count)) == players * rounds
    assert stored_counters(session) == rebuilt_counters(session)
    board = leaderboard.quiz_board(1, "all", NOW)
    ranks = sorted(s.rank for p in range(1, players + 1) if (s := board.standing_of(session, p)))
    assert ranks == list(range(1, players + 1))
