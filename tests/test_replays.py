"""Leaderboards cannot be learned: new quizzes, however made, shuffle options and count only
each player's first game; replays are practice, marked as such, and on no board."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy.orm import Session

from quizapp.models import Attempt, BoardEntry, Player, PlayerTotal, Quiz
from quizapp.play import attempts as play
from quizapp.play import leaderboard
from quizapp.play.players import new_player
from quizapp.play.settings import QuizSettings
from quizapp.play.starting import start_attempt
from quizapp.play.statements import answer_at
from tests.author_support import signed_in
from tests.playing import fresh, play_all, publish_quiz, right_value, start

NOW = datetime(2026, 11, 25, 12, 0, 0)  # a Wednesday
NEXT_WEEK = NOW + timedelta(days=7)
INTERCHANGE = Path(__file__).parent / "data" / "interchange"


def the_only_quiz(session: Session) -> QuizSettings:
    with fresh(session) as reader:
        return QuizSettings.from_mapping(reader.scalars(sa.select(Quiz)).one().settings)


def upload(app: Flask, session: Session, fmt: str, name: str) -> None:
    author = signed_in(app, session)
    content = (INTERCHANGE / name).read_bytes()
    response = author.post(
        "/author/import",
        data={"format": fmt, "file": (BytesIO(content), name)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303, response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("gift", "features.gift"), ("opentdb", "opentdb.json"), ("json", "quiz.json")],
)
def test_imported_quizzes_shuffle_options_and_count_first_games(
    app: Flask, session: Session, fmt: str, name: str
) -> None:
    """quiz.json names shuffle_options but not first_game_counts: a missing key is the default."""
    upload(app, session, fmt, name)
    settings = the_only_quiz(session)
    assert settings.shuffle_options and settings.first_game_counts


def test_seeded_quizzes_shuffle_options_and_count_first_games(
    runner: FlaskCliRunner, session: Session
) -> None:
    assert runner.invoke(args=["seed"]).exit_code == 0
    settings = the_only_quiz(session)
    assert settings.shuffle_options and settings.first_game_counts


def test_the_new_quiz_form_starts_with_the_new_quiz_rules(app: Flask, session: Session) -> None:
    page = signed_in(app, session).get("/author/quizzes/new").get_data(as_text=True)
    for name in ("shuffle_options", "first_game_counts", "speed_bonus"):
        assert f'<input checked id="{name}" name="{name}"' in page
    assert '<input id="shuffle_questions" name="shuffle_questions"' in page


def test_stored_rules_keep_their_values() -> None:
    """Only what a mapping lacks takes the default: a quiz that said off stays off."""
    stored = {"shuffle_options": False, "first_game_counts": False}
    assert not QuizSettings.from_mapping(stored).shuffle_options
    assert not QuizSettings.from_mapping(stored).first_game_counts
    assert QuizSettings.from_mapping({}) == QuizSettings()


def orders(session: Session, quiz: Quiz, games: int) -> dict[str, set[tuple[str, ...]]]:
    """The option orders each kind of question was asked in, over several games."""
    player = new_player(session, "Shuffler")
    seen: dict[str, set[tuple[str, ...]]] = {}
    for seed in range(games):
        attempt = start_attempt(session, quiz, player, NOW, random.Random(seed))
        for asked in attempt.answers:
            seen.setdefault(f"{asked.kind} {asked.position}", set()).add(tuple(asked.options))
    session.rollback()
    return seen


def test_options_are_shuffled_for_each_game_but_true_false_keeps_its_order(
    session: Session,
) -> None:
    quiz = publish_quiz(session)
    seen = orders(session, quiz, games=8)
    multiple_choice = [orders for key, orders in seen.items() if key.startswith("multiple")]
    true_false = [orders for key, orders in seen.items() if key.startswith("true_false")]
    assert multiple_choice and true_false
    assert all(len(asked) > 1 for asked in multiple_choice)
    assert all(asked == {("True", "False")} for asked in true_false)


def finished(session: Session, quiz: Quiz, who: Player, right: int, at: datetime) -> Attempt:
    attempt = start_attempt(session, quiz, who, at)
    for position in range(right):
        asked = answer_at(session, attempt, position)
        assert asked is not None
        play.submit_answer(session, attempt, position, right_value(asked), at)
    play.give_up(session, attempt, at + timedelta(seconds=30))
    session.commit()
    return attempt


def on_boards(session: Session, player: Player) -> list[tuple[str, int]]:
    entries = session.execute(
        sa.select(BoardEntry.period, BoardEntry.points).where(BoardEntry.player_id == player.id)
    )
    totals = session.execute(
        sa.select(PlayerTotal.period, PlayerTotal.points).where(PlayerTotal.player_id == player.id)
    )
    return sorted(
        [(f"quiz {p}", points) for p, points in entries]
        + [(f"overall {p}", points) for p, points in totals]
    )


@pytest.mark.both_databases
def test_a_replay_is_practice_and_reaches_no_board_even_a_new_weeks(session: Session) -> None:
    quiz = publish_quiz(session)
    ann = new_player(session, "Ann")
    first = finished(session, quiz, ann, right=2, at=NOW)
    replay = finished(session, quiz, ann, right=9, at=NEXT_WEEK)
    week = leaderboard.quiz_board(quiz.id, "week", NEXT_WEEK).page(session, 1, 20)

    assert not leaderboard.is_practice(session, first)
    assert leaderboard.is_practice(session, replay)
    assert on_boards(session, ann) == [
        ("overall all", 2000),
        ("overall day", 2000),
        ("overall week", 2000),
        ("quiz all", 2000),
        ("quiz day", 2000),
        ("quiz week", 2000),
    ]
    assert week.rows == []
    assert session.scalar(sa.select(Quiz.play_count).where(Quiz.id == quiz.id)) == 2


@pytest.mark.both_databases
def test_a_quiz_that_keeps_best_games_has_no_practice(session: Session) -> None:
    quiz = publish_quiz(session, first_game_counts=False)
    ann = new_player(session, "Ann")
    finished(session, quiz, ann, right=2, at=NOW)
    replay = finished(session, quiz, ann, right=9, at=NOW + timedelta(minutes=5))

    assert not leaderboard.is_practice(session, replay)
    assert ("quiz all", 9000) in on_boards(session, ann)


def test_a_game_started_before_the_first_finished_is_practice_once_it_has(
    session: Session,
) -> None:
    """The first game to finish is the one that counts, whichever was started first."""
    quiz = publish_quiz(session)
    ann = new_player(session, "Ann")
    early = start_attempt(session, quiz, ann, NOW)
    session.commit()
    finished(session, quiz, ann, right=1, at=NOW + timedelta(minutes=1))
    assert leaderboard.is_practice(session, early)
    play.give_up(session, early, NOW + timedelta(minutes=2))
    session.commit()
    assert {points for _, points in on_boards(session, ann)} == {1000}


def test_the_pages_mark_a_replay_as_practice(client: FlaskClient, session: Session) -> None:
    quiz = publish_quiz(session)
    first = start(client, quiz.slug)
    assert "Practice" not in client.get(f"/play/{first}").get_data(as_text=True)
    play_all(client, session, first, right=False)
    first_results = client.get(f"/results/{first}").get_data(as_text=True)
    quiz_page = client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)

    replay = start(client, quiz.slug)
    question = client.get(f"/play/{replay}").get_data(as_text=True)
    attempt = play_all(client, session, replay, right=True)
    feedback = client.get(f"/play/{replay}/answers/0").get_data(as_text=True)
    results = client.get(f"/results/{replay}")
    shared = FlaskClient(client.application).get(f"/results/{replay}").get_data(as_text=True)
    board = client.get(f"/leaderboard/{quiz.slug}").get_data(as_text=True)

    assert "Practice" not in first_results and "<dd>#1</dd>" in first_results
    assert "You have played this quiz: another game is practice" in quiz_page
    note = "A replay: only a player's first game of\n  this quiz counts on the leaderboard"
    for page in (question, feedback, results.get_data(as_text=True), shared):
        assert note in page
    assert "<dd>Practice</dd>" in results.get_data(as_text=True)
    assert "Your first game on this quiz: 0 points, #1" in results.get_data(as_text=True)
    assert "· practice</p>" in results.get_data(as_text=True)
    assert attempt.points == attempt.question_count * 1000
    assert f"{attempt.points:,}" not in board
