"""A quiz's rules, read tolerantly from the JSON stored with the quiz."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

POINTS_PER_QUESTION = 1000
FEEDBACK_MODES = ("each", "end")
LIMIT_MAX = 7 * 24 * 3600  # a week; a stored limit longer than that is no time limit at all
TIME_LIMIT_MIN = 10  # seconds: the shortest limit an author can set
TIME_LIMIT_MAX = 86_400  # a day: the longest limit an author can set


@dataclass(frozen=True)
class QuizSettings:
    time_limit_seconds: int | None = None
    speed_bonus: bool = True
    shuffle_questions: bool = False
    shuffle_options: bool = False
    feedback: str = "each"
    # Only each player's first finished game counts on the leaderboards: replaying with the
    # answers learnt from the review cannot climb them.
    first_game_counts: bool = False

    @classmethod
    def from_mapping(cls, data: Mapping[str, object] | None) -> QuizSettings:
        """Missing or malformed values fall back to the defaults rather than break play."""
        data = data or {}
        limit = data.get("time_limit_seconds")
        if not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= LIMIT_MAX:
            limit = None
        feedback = data.get("feedback")
        return cls(
            time_limit_seconds=limit,
            speed_bonus=bool(data.get("speed_bonus", True)),
            shuffle_questions=bool(data.get("shuffle_questions", False)),
            shuffle_options=bool(data.get("shuffle_options", False)),
            feedback=feedback if feedback in FEEDBACK_MODES else "each",
            first_game_counts=bool(data.get("first_game_counts", False)),
        )

    def to_mapping(self) -> dict[str, object]:
        return asdict(self)

    @property
    def timed(self) -> bool:
        return self.time_limit_seconds is not None

    def rules(self, question_count: int) -> list[str]:
        """The rules in words, as the quiz page states them."""
        lines = [f"{question_count} questions, {POINTS_PER_QUESTION:,} points for each right one."]
        if self.timed:
            assert self.time_limit_seconds is not None
            lines.append(f"Time limit: {describe_seconds(self.time_limit_seconds)} for the quiz.")
            if self.speed_bonus:
                lines.append(
                    "Answer quickly: a right answer earns between half and all of its points, "
                    "depending on how fast it comes within its share of the time."
                )
            lines.append("When time runs out, unanswered questions count as wrong.")
        else:
            lines.append("No time limit.")
        lines.append("Wrong answers score nothing. Giving up counts the rest as wrong.")
        if self.first_game_counts:
            lines.append("Only your first game counts on the leaderboard; replays are practice.")
        return lines


def describe_seconds(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes} min {rest} s"
    return f"{minutes} min" if minutes else f"{rest} s"
