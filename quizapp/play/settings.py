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
    """A quiz's rules. The defaults are every new quiz's rules, however it is made (the author's
    form, ingest and seed, imports), and what a stored mapping missing a key is read as."""

    time_limit_seconds: int | None = None
    speed_bonus: bool = True
    shuffle_questions: bool = False
    # Options in a new order for every game, so that a position learnt from the review is no
    # answer. (True/false keeps its order: its answer is a word, not a position.)
    shuffle_options: bool = True
    feedback: str = "each"
    # Only each player's first finished game counts on the leaderboards: replaying with the
    # answers learnt from the review cannot climb them; later games are practice.
    first_game_counts: bool = True

    @classmethod
    def from_mapping(cls, data: Mapping[str, object] | None) -> QuizSettings:
        """Missing or malformed values fall back to the defaults rather than break play."""
        data = data or {}
        default = cls()
        limit = data.get("time_limit_seconds")
        if not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= LIMIT_MAX:
            limit = None
        feedback = data.get("feedback")
        return cls(
            time_limit_seconds=limit,
            speed_bonus=bool(data.get("speed_bonus", default.speed_bonus)),
            shuffle_questions=bool(data.get("shuffle_questions", default.shuffle_questions)),
            shuffle_options=bool(data.get("shuffle_options", default.shuffle_options)),
            feedback=feedback if feedback in FEEDBACK_MODES else default.feedback,
            first_game_counts=bool(data.get("first_game_counts", default.first_game_counts)),
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
