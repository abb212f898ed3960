"""Leaderboards: best attempt per player, tie-breaks, periods, the overall sum, pages."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from quizapp.models import Attempt, BoardEntry, Player, PlayerTotal, Quiz
from quizapp.play import attempts as play
from quizapp.play import leaderboard
from quizapp.play.players import new_player
from quizapp.play.starting import start_attempt
from quizapp.play.statements import answer_at
from quizapp.views import boards
from tests.conftest import ARTICLES_DIR
from tests.playing import play_all, publish_quiz, right_value, start

NOW = datetime(2026, 11, 25, 12, 0, 0)  # a Wednesday


@pytest.fixture
def quiz(session: Session) -> Quiz:
    """A quiz whose boards keep each player's best game (test_replays.py: first games)."""
    return publish_quiz(session, first_game_counts=False)


def player(session: Session, nickname: str) -> Player:
    found = new_player(session, nickname)
    session.commit()
    return found


def finished(
    session: Session, quiz: Quiz, who: Player, right: int, seconds: float, at: datetime = NOW
) -> Attempt:
    """An attempt with `right` right answers, given up `seconds` after it started at `at`."""
    attempt = start_attempt(session, quiz, who, at)
    for position in range(right):
        asked = answer_at(session, attempt, position)
        assert asked is not None
        play.submit_answer(session, attempt, position, right_value(asked), at)
    play.give_up(session, attempt, at + timedelta(seconds=seconds))
    session.commit()
    return attempt


def names(page: leaderboard.BoardPage) -> list[tuple[int, str, int]]:
    return [(row.rank, row.nickname, row.points) for row in page.rows]


@pytest.mark.both_databases
def test_each_player_counts_once_with_their_best(session: Session, quiz: Quiz) -> None:
    ann, bea = player(session, "Ann"), player(session, "Bea")
    finished(session, quiz, ann, right=2, seconds=50)
    finished(session, quiz, ann, right=5, seconds=90)
    finished(session, quiz, ann, right=1, seconds=5)
    finished(session, quiz, bea, right=3, seconds=10)

    page = leaderboard.quiz_board(quiz.id, "all", NOW).page(session, 1, 20)

    assert names(page) == [(1, "Ann", 5000), (2, "Bea", 3000)]
    assert page.rows[0].duration_ms == 90_000
    assert session.scalar(sa.select(Quiz.play_count).where(Quiz.id == quiz.id)) == 4


@pytest.mark.both_databases
def test_ties_go_to_the_quicker_then_the_earlier(session: Session, quiz: Quiz) -> None:
    slow, quick, late = player(session, "Slow"), player(session, "Quick"), player(session, "Late")
    finished(session, quiz, slow, right=4, seconds=80)
    finished(session, quiz, late, right=4, seconds=40, at=NOW + timedelta(minutes=5))
    finished(session, quiz, quick, right=4, seconds=40)
    # An equal score in equal time does not replace the earlier best.
    finished(session, quiz, quick, right=4, seconds=40, at=NOW + timedelta(minutes=9))

    board = leaderboard.quiz_board(quiz.id, "all", NOW)

    assert names(board.page(session, 1, 20)) == [
        (1, "Quick", 4000),
        (2, "Late", 4000),
        (3, "Slow", 4000),
    ]
    standing = board.standing_of(session, late.id)
    assert standing is not None and standing.rank == 2
    entry = session.scalar(
        sa.select(BoardEntry).where(BoardEntry.player_id == quick.id, BoardEntry.period == "all")
    )
    assert entry is not None and entry.finished_at == NOW + timedelta(seconds=40)


@pytest.mark.both_databases
def test_periods_keep_their_own_bests(session: Session, quiz: Quiz) -> None:
    ann, bea = player(session, "Ann"), player(session, "Bea")
    finished(session, quiz, ann, right=9, seconds=60, at=NOW - timedelta(days=8))
    finished(session, quiz, ann, right=2, seconds=60, at=NOW - timedelta(days=1))
    finished(session, quiz, bea, right=4, seconds=60, at=NOW - timedelta(hours=2))

    def board(period: str) -> list[tuple[int, str, int]]:
        return names(leaderboard.quiz_board(quiz.id, period, NOW).page(session, 1, 20))

    assert board("all") == [(1, "Ann", 9000), (2, "Bea", 4000)]
    assert board("week") == [(1, "Bea", 4000), (2, "Ann", 2000)]  # the week began on Monday
    assert board("today") == [(1, "Bea", 4000)]
    with pytest.raises(ValueError):
        leaderboard.quiz_board(quiz.id, "year", NOW)


@pytest.mark.both_databases
def test_the_overall_board_adds_up_each_players_best_per_quiz(session: Session, quiz: Quiz) -> None:
    second = publish_quiz(session, ARTICLES_DIR / "01-night-runner-2-casting.txt")
    ann, bea = player(session, "Ann"), player(session, "Bea")
    finished(session, quiz, ann, right=3, seconds=30)
    finished(session, quiz, ann, right=6, seconds=30)
    finished(session, second, ann, right=2, seconds=30)
    finished(session, quiz, bea, right=7, seconds=30)

    board = leaderboard.overall_board("all", NOW)
    page = board.page(session, 1, 20)

    assert names(page) == [(1, "Ann", 8000), (2, "Bea", 7000)]
    assert [row.quizzes for row in page.rows] == [2, 1]
    assert page.rows[0].duration_ms == 60_000
    totals = session.scalars(sa.select(PlayerTotal).where(PlayerTotal.period == "all")).all()
    bests = session.execute(
        sa.select(BoardEntry.player_id, sa.func.sum(BoardEntry.points))
        .where(BoardEntry.period == "all")
        .group_by(BoardEntry.player_id)
    ).all()
    assert {t.player_id: t.points for t in totals} == dict(bests)


def test_pages_and_ranks_beyond_the_first_page(session: Session, quiz: Quiz) -> None:
    players = [player(session, f"P{n:02d}") for n in range(7)]
    for n, who in enumerate(players):
        finished(session, quiz, who, right=n % 4, seconds=10 + n)
    board = leaderboard.quiz_board(quiz.id, "all", NOW)

    first, second, third = (board.page(session, n, 3) for n in (1, 2, 3))

    ranks = [row.rank for page in (first, second, third) for row in page.rows]
    assert ranks == list(range(1, 8))
    assert first.has_next and second.has_next and not third.has_next
    everyone = [row.player_id for page in (first, second, third) for row in page.rows]
    assert len(set(everyone)) == 7
    for row in second.rows + third.rows:
        standing = board.standing_of(session, row.player_id)
        assert standing is not None and standing.rank == row.rank
    assert board.standing_of(session, 10**9) is None


def test_leaderboard_pages_highlight_me_and_show_my_rank_off_the_page(
    app: Flask,
    client: FlaskClient,
    session: Session,
    quiz: Quiz,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    others = [app.test_client() for _ in range(3)]
    for n, other in enumerate(others):
        play_all(other, session, start(other, quiz.slug, f"Rival {n}"), right=True)
    play_all(client, session, start(client, quiz.slug, "Me"), right=False)

    page = client.get(f"/leaderboard/{quiz.slug}").get_data(as_text=True)
    assert page.count('class="me"') == 1
    assert "Me <strong>(you)</strong>" in page
    assert "Your rank: <strong>#4</strong>" in page
    assert "Ranked by points; equal points go to the quicker player" in page

    monkeypatch.setattr(boards, "PER_PAGE", 2)
    paged = client.get(f"/leaderboard/{quiz.slug}?page=1").get_data(as_text=True)
    assert "Your rank: <strong>#4</strong>" in paged
    assert "Your position" in paged
    assert 'rel="next"' in paged
    overall = client.get("/leaderboard?period=today").get_data(as_text=True)
    assert "Your rank: <strong>#4</strong>" in overall
    assert client.get("/leaderboard?period=decade").status_code == 400
    assert client.get(f"/leaderboard/{quiz.slug}?page=-2").status_code == 400
    assert client.get("/leaderboard/no-such-quiz").status_code == 404


@pytest.mark.both_databases
def test_with_first_game_counts_a_replay_never_climbs(session: Session, quiz: Quiz) -> None:
    quiz.settings = {**quiz.settings, "first_game_counts": True}
    session.commit()
    ann = player(session, "Ann")
    finished(session, quiz, ann, right=2, seconds=50)
    finished(session, quiz, ann, right=9, seconds=20, at=NOW + timedelta(minutes=5))

    page = leaderboard.quiz_board(quiz.id, "all", NOW).page(session, 1, 20)
    overall = leaderboard.overall_board("all", NOW).page(session, 1, 20)

    assert names(page) == [(1, "Ann", 2000)]
    assert names(overall) == [(1, "Ann", 2000)]
    assert session.scalar(sa.select(Quiz.play_count).where(Quiz.id == quiz.id)) == 2
