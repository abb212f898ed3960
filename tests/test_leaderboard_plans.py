"""The board queries read their order off the board indexes: no sort, no table scan (SQLite).

A board page must be the first rows of `ix_board_entry_rank` / `ix_player_total_rank` in index
order; a temporary B-tree (a sort) or a scan would make it grow with the number of players. A
rank must read nothing whose size grows with the board: at most 12 short ranges of the board's
counting tree (`level=? AND prefix>? AND prefix<?`, at most 15 counters each), plus one range of
the rank index bounded at both ends within one points value (`points=? AND duration_ms>? AND
(duration_ms,finished_at)<(?,?)`: the player's 65.5-second window); never the rows with more
points (see benchmarks/bench_leaderboard.py for the timings on a million attempts). The
statements checked are exactly those the board code sends to the database, with their
parameters, caught as `Board.page` and `Board.standing_of` run them, and explained by SQLite with
`EXPLAIN QUERY PLAN`, with and without `ANALYZE` statistics.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Attempt, BoardEntry, Player, PlayerTotal, Quiz
from quizapp.play import leaderboard, rankcounts, ranktree

NOW = datetime(2026, 11, 26, 18, 0, 0)
QUIZZES = 3
PLAYERS = 60
RANK_INDEX = {"quiz": "ix_board_entry_rank", "overall": "ix_player_total_rank"}
TABLE = {"quiz": "board_entry", "overall": "player_total"}
COUNTERS = {"quiz": "board_entry_count", "overall": "player_total_count"}


def make_board(kind: str, period: str) -> leaderboard.Board:
    if kind == "quiz":
        return leaderboard.quiz_board(2, period, NOW)
    return leaderboard.overall_board(period, NOW)


def seed(session: Session) -> None:
    """A few hundred board rows over three quizzes and every period, some on earlier days."""
    created = NOW - timedelta(days=30)
    session.execute(
        sa.insert(Quiz),
        [{"id": q, "title": f"Quiz {q}", "slug": f"quiz-{q}"} for q in range(1, QUIZZES + 1)],
    )
    session.execute(
        sa.insert(Player),
        [
            {"id": p, "key": f"key-{p}", "nickname": f"player{p}", "created_at": created}
            for p in range(1, PLAYERS + 1)
        ],
    )
    attempts: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    totals: dict[tuple[int, str, date], dict[str, Any]] = {}
    for quiz_id in range(1, QUIZZES + 1):
        for player_id in range(1, PLAYERS + 1):
            finished_at = NOW - timedelta(days=(player_id * quiz_id) % 20, minutes=player_id)
            points = (player_id * 7919 + quiz_id * 104729) % 30_001
            duration_ms = 60_000 + (player_id * 31 % 500) * 1000
            attempt_id = len(attempts) + 1
            attempts.append(
                {
                    "id": attempt_id,
                    "token": f"token-{attempt_id}",
                    "quiz_id": quiz_id,
                    "player_id": player_id,
                    "nickname": f"player{player_id}",
                    "status": "finished",
                    "started_at": finished_at - timedelta(milliseconds=duration_ms),
                    "finished_at": finished_at,
                    "question_count": 30,
                    "current_position": 30,
                    "points": points,
                    "duration_ms": duration_ms,
                }
            )
            for period, start in leaderboard.period_starts(finished_at).items():
                entries.append(
                    {
                        "quiz_id": quiz_id,
                        "player_id": player_id,
                        "period": period,
                        "period_start": start,
                        "attempt_id": attempt_id,
                        "points": points,
                        "correct_count": points // 1000,
                        "duration_ms": duration_ms,
                        "finished_at": finished_at,
                    }
                )
                total = totals.setdefault(
                    (player_id, period, start),
                    {
                        "player_id": player_id,
                        "period": period,
                        "period_start": start,
                        "points": 0,
                        "quizzes": 0,
                        "duration_ms": 0,
                        "finished_at": finished_at,
                    },
                )
                total["points"] += points
                total["quizzes"] += 1
                total["duration_ms"] += duration_ms
                total["finished_at"] = max(total["finished_at"], finished_at)
    session.execute(sa.insert(Attempt), attempts)
    session.execute(sa.insert(BoardEntry), entries)
    session.execute(sa.insert(PlayerTotal), list(totals.values()))
    session.commit()


@pytest.fixture
def seeded(session: Session) -> Session:
    """The session on a database holding the board rows."""
    seed(session)
    assert session.scalar(sa.select(sa.func.count()).select_from(BoardEntry)) >= 500
    return session


@pytest.fixture(params=[False, True], ids=["no_stats", "analyzed"])
def boards(request: pytest.FixtureRequest, seeded: Session) -> Session:
    """The seeded session, with the planner's statistics (`ANALYZE`) in the second run."""
    if request.param:
        seeded.execute(sa.text("ANALYZE"))
        seeded.commit()
    return seeded


@contextmanager
def statements_sent(session: Session) -> Iterator[list[tuple[str, Any]]]:
    """Every SQL statement sent to the database inside the block, with its parameters."""
    sent: list[tuple[str, Any]] = []

    def catch(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    engine = session.get_bind()
    sa.event.listen(engine, "before_cursor_execute", catch)
    try:
        yield sent
    finally:
        sa.event.remove(engine, "before_cursor_execute", catch)


def query_plan(session: Session, statement: str, parameters: Any) -> list[str]:
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
    return [row.detail for row in rows]


def plans_of(session: Session, call: Callable[[], object]) -> list[tuple[str, list[str]]]:
    """The statements `call` runs, each with SQLite's plan for it."""
    with statements_sent(session) as sent:
        call()
    assert sent, "the board code ran no statement"
    return [(statement, query_plan(session, statement, params)) for statement, params in sent]


def problems_in(plan: list[str]) -> list[str]:
    """Plan steps that grow with the table: sorts into a temporary B-tree, and table scans (a
    scan of a subquery's own rows, such as the 12 levels a rank reads or a page's ids, is not
    one)."""
    return [
        step
        for step in plan
        if "TEMP B-TREE" in step
        or (
            step.startswith("SCAN")
            and step != "SCAN CONSTANT ROW"
            and not step.startswith(
                ("SCAN anon_", "SCAN (subquery", "SCAN level_ranges", "SCAN page_ids")
            )
        )
    ]


def index_uses(plan: list[str], index: str) -> list[str]:
    return [step for step in plan if step.startswith("SEARCH") and f"INDEX {index} (" in step]


def check_page(session: Session, board: leaderboard.Board, kind: str, page: int) -> None:
    sent = plans_of(session, lambda: board.page(session, page, 20))
    assert len(sent) == 1, "a page is one statement: its ids off the index, then those rows"
    ((statement, plan),) = sent
    assert "ORDER BY" in statement and "LIMIT" in statement
    # The only scan allowed is of the page's own list of ids (a subquery of at most 21 values).
    assert not problems_in(plan), f"page {page} sorts or scans: {plan}"
    uses = index_uses(plan, RANK_INDEX[kind])
    assert uses, f"page {page} does not read {RANK_INDEX[kind]}: {plan}"
    assert all(f"SEARCH {TABLE[kind]} USING COVERING INDEX" in step for step in uses), plan
    assert f"SEARCH {TABLE[kind]} USING INTEGER PRIMARY KEY" in " ".join(plan), plan


def check_rank_plan(plan: list[str], kind: str) -> None:
    """A rank reads bounded ranges only: counters one level at a time, and one window's rows."""
    assert not problems_in(plan), f"the rank sorts or scans: {plan}"
    counters = [step for step in plan if step.startswith(f"SEARCH {COUNTERS[kind]} ")]
    assert 1 <= len(counters) <= 12, f"the rank does not read {COUNTERS[kind]}: {plan}"
    assert all(
        step.endswith(
            "USING PRIMARY KEY (" + board_columns(kind) + "level=? AND prefix>? AND prefix<?)"
        )
        for step in counters
    ), f"a counter read is not one level's range of siblings: {plan}"
    uses = index_uses(plan, RANK_INDEX[kind])
    assert len(uses) == 1, f"the rank is not one range of {RANK_INDEX[kind]}: {plan}"
    window = "points=? AND duration_ms>? AND (duration_ms,finished_at)<(?,?))"
    assert "COVERING INDEX" in uses[0] and uses[0].endswith(window), plan
    rows = [step for step in plan if f" {TABLE[kind]} " in step]
    assert rows == uses, f"the rank reads {TABLE[kind]} beyond its window's rows: {plan}"


def board_columns(kind: str) -> str:
    return ("quiz_id=? AND " if kind == "quiz" else "") + "period=? AND period_start=? AND "


def check_rank(session: Session, board: leaderboard.Board, kind: str) -> None:
    top = board.page(session, 1, 20).rows
    assert top, "the board is empty"
    player_id = top[len(top) // 2].player_id
    sent = plans_of(session, lambda: board.standing_of(session, player_id))
    assert len(sent) == 2, "the player's row, then the rank"
    (_, lookup_plan), (rank_statement, rank_plan) = sent
    assert not problems_in(lookup_plan), f"finding the player's row scans: {lookup_plan}"
    assert "count(*)" in rank_statement
    check_rank_plan(rank_plan, kind)


@pytest.mark.parametrize("kind", ["quiz", "overall"])
def test_board_pages_are_read_in_index_order(boards: Session, kind: str) -> None:
    for period in leaderboard.PERIODS:
        for page in (1, 3):
            check_page(boards, make_board(kind, period), kind, page)


@pytest.mark.parametrize("kind", ["quiz", "overall"])
def test_a_rank_reads_counters_and_one_window_of_rows_only(boards: Session, kind: str) -> None:
    for period in leaderboard.PERIODS:
        check_rank(boards, make_board(kind, period), kind)


def test_a_page_sends_the_boards_page_statement_with_its_offset(session: Session) -> None:
    """What is checked above is the board's page statement, with the page's limit and offset."""
    board = make_board("quiz", "all")
    with statements_sent(session) as sent:
        board.page(session, 2, 20)
    statement, parameters = sent[0]
    assert statement == str(board.statements().page.compile(session.get_bind()))
    assert tuple(parameters)[-2:] == (21, 20)  # LIMIT ? OFFSET ?


@pytest.mark.parametrize("kind", ["quiz", "overall"])
@pytest.mark.parametrize("regression", ["index dropped", "points ascending"])
def test_the_checks_catch_a_sort(
    seeded: Session, kind: str, regression: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks are not vacuous: without the index, or out of its order, they fail."""
    board = make_board(kind, "all")
    if regression == "index dropped":
        # Before any EXPLAIN on this connection: SQLite does not re-plan a cached EXPLAIN
        # statement after a schema change.
        seeded.execute(sa.text(f"DROP INDEX {RANK_INDEX[kind]}"))
        seeded.commit()
    else:
        m = board.model
        ids = (
            sa.select(m.id)
            .where(*rankcounts.board_filters(m, m))
            .order_by(m.points, m.duration_ms, m.id)
            .offset(sa.bindparam("offset"))
            .limit(sa.bindparam("limit"))
            .subquery("page_ids")
        )
        rows = sa.select(
            m.id, m.player_id, Player.nickname, m.points, m.duration_ms, m.finished_at, m.id
        ).join(Player, Player.id == m.player_id)
        page = rows.join(ids, ids.c.id == m.id)
        regressed = dataclasses.replace(board.statements(), page=page)
        monkeypatch.setattr(board, "statements", lambda: regressed)
    with pytest.raises(AssertionError, match=r"sorts or scans|does not read"):
        check_page(seeded, board, kind, 1)
    if regression == "index dropped":
        with pytest.raises(AssertionError, match=r"sorts or scans|not one range"):
            check_rank(seeded, board, kind)


@pytest.mark.parametrize("kind", ["quiz", "overall"])
@pytest.mark.parametrize("regression", ["counters in one OR", "more points counted"])
def test_the_rank_checks_catch_a_growing_read(
    seeded: Session, kind: str, regression: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Summing the counters under one OR reads the board's every counter (SQLite cannot use
    the ranges); counting the rows with more points reads a range that grows with the board."""
    board = make_board(kind, "all")
    rows = board.model
    built = rankcounts.rank_statement

    def regressed(model: Any, less_own: bool) -> sa.Select[Any]:
        if regression == "more points counted":
            more = sa.select(sa.func.count()).select_from(rows)
            on_board = rankcounts.board_filters(rows, rows)
            more = more.where(*on_board, rows.points > sa.bindparam("points"))
            return sa.select(built(model, less_own).selected_columns[0] + more.scalar_subquery())
        c = rankcounts.COUNTERS[rows]
        ranges = [
            sa.and_(
                c.level == level,
                c.prefix.between(sa.bindparam(f"first_{level}"), sa.bindparam(f"last_{level}")),
            )
            for level in ranktree.LEVELS
        ]
        on_board = [getattr(c, column) == value for column, value in board.board.items()]
        counters = sa.select(sa.func.sum(c.size)).where(*on_board, sa.or_(*ranges))
        window = rankcounts.window_ahead(rows)
        return sa.select(counters.scalar_subquery() + window + 1)

    monkeypatch.setattr(rankcounts, "rank_statement", regressed)
    with pytest.raises(AssertionError, match=r"one level's range|not one range"):
        check_rank(seeded, board, kind)


def test_attempt_rank_reads_counters_and_one_window_of_rows_only(seeded: Session) -> None:
    attempt = seeded.get(Attempt, 1)
    assert attempt is not None
    ((statement, plan),) = plans_of(seeded, lambda: leaderboard.attempt_rank(seeded, attempt))
    assert "count(*)" in statement
    # Besides the counters and the window's rows: the player's own best, by its unique key.
    own_key = "(quiz_id=? AND player_id=? AND period=? AND period_start=?)"
    own = [step for step in plan if step.startswith("SEARCH board_entry ") and own_key in step]
    assert len(own) == 1, plan
    check_rank_plan([step for step in plan if step not in own], "quiz")
