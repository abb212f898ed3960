"""The points a judged answer earns."""

from __future__ import annotations

from quizapp.play.settings import POINTS_PER_QUESTION, QuizSettings


def points_for(correct: bool, settings: QuizSettings, seconds: float, question_count: int) -> int:
    """Full points untimed; timed with a speed bonus, from all of them down to half of them.

    The time allowed for one question is its share of the quiz's limit: with `t` seconds taken
    of a share of `T`, a right answer earns round(1000 * (1 - (t / T) / 2)).
    """
    if not correct:
        return 0
    if not settings.timed or not settings.speed_bonus or question_count <= 0:
        return POINTS_PER_QUESTION
    assert settings.time_limit_seconds is not None
    share = settings.time_limit_seconds / question_count
    taken = min(max(seconds, 0.0), share)
    return round(POINTS_PER_QUESTION * (1 - (taken / share) / 2))
