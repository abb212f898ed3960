"""Points, lenient typed answers and quiz settings: plain functions, no app needed."""

from __future__ import annotations

import pytest

from quizapp.play.scoring import points_for
from quizapp.play.settings import QuizSettings
from quizapp.text.matching import typed_answer_is_right

TIMED = QuizSettings(time_limit_seconds=300)  # 10 questions: a 30-second share each


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, 1000), (15, 750), (30, 500), (29.4, 510), (45, 500), (-3, 1000)],
)
def test_speed_bonus_follows_the_rule_and_never_drops_below_half(
    seconds: float, expected: int
) -> None:
    assert points_for(True, TIMED, seconds, question_count=10) == expected


def test_wrong_answers_score_nothing_and_untimed_quizzes_score_flat() -> None:
    assert points_for(False, TIMED, 0, question_count=10) == 0
    assert points_for(True, QuizSettings(), 999, question_count=10) == 1000
    no_bonus = QuizSettings(time_limit_seconds=300, speed_bonus=False)
    assert points_for(True, no_bonus, 29, question_count=10) == 1000


@pytest.mark.parametrize(
    ("typed", "accepted", "right"),
    [
        ("christopher mcquarrie", ["Christopher McQuarrie", "McQuarrie"], True),
        ("MCQUARRIE", ["Christopher McQuarrie", "McQuarrie"], True),
        ("Christopher McQuary", ["Christopher McQuarrie", "McQuarrie"], True),
        ("Christopher", ["Christopher McQuarrie", "McQuarrie"], False),
        ("Penelope Cruz", ["Penélope Cruz", "Cruz"], True),
        ("14 July 2023", ["July 14, 2023"], True),
        ("july 14th, 2023", ["July 14, 2023"], True),
        ("Jul. 14 2023", ["July 14, 2023"], True),
        ("July 15, 2023", ["July 14, 2023"], False),
        ("2023", ["July 14, 2023"], False),
        ("July 14, 2023 or July 15, 2023", ["July 14, 2023"], False),
        ("", ["Anything"], False),
        ("...", ["Anything"], False),
    ],
)
def test_typed_answers_are_matched_leniently_but_not_loosely(
    typed: str, accepted: list[str], right: bool
) -> None:
    assert typed_answer_is_right(typed, accepted) is right


def test_settings_fall_back_to_defaults_on_bad_values() -> None:
    settings = QuizSettings.from_mapping(
        {"time_limit_seconds": "soon", "feedback": "never", "shuffle_questions": 1}
    )
    assert settings == QuizSettings(shuffle_questions=True)
    assert QuizSettings.from_mapping(None) == QuizSettings()
    assert QuizSettings.from_mapping({"time_limit_seconds": -5}).timed is False
    assert QuizSettings.from_mapping({"time_limit_seconds": True}).timed is False


def test_rules_state_the_time_limit_and_the_bonus() -> None:
    rules = " ".join(QuizSettings(time_limit_seconds=90).rules(12))
    assert "12 questions" in rules
    assert "1 min 30 s" in rules
    assert "between half and all" in rules
    assert "No time limit." in QuizSettings().rules(3)
    assert "Only your first game counts" in " ".join(QuizSettings(first_game_counts=True).rules(3))
