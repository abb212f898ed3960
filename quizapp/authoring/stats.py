"""Per-question statistics from what players answered (the attempts' own copies)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import AttemptAnswer

TOO_HARD, TOO_EASY, ENOUGH = 0.2, 0.95, 5


@dataclass
class QuestionStats:
    answered: int = 0
    correct: int = 0
    seconds: float = 0.0
    wrong_picks: Counter[str] = field(default_factory=Counter)

    @property
    def share_correct(self) -> float | None:
        return self.correct / self.answered if self.answered else None

    @property
    def average_seconds(self) -> float | None:
        return self.seconds / self.answered if self.answered else None

    @property
    def flag(self) -> str | None:
        """Almost nobody or almost everybody gets it right (once enough people answered)."""
        share = self.share_correct
        if share is None or self.answered < ENOUGH:
            return None
        if share <= TOO_HARD:
            return "almost nobody gets it right"
        if share >= TOO_EASY:
            return "almost everybody gets it right"
        return None


def question_stats(session: Session, question_ids: list[int]) -> dict[int, QuestionStats]:
    stats: dict[int, QuestionStats] = {qid: QuestionStats() for qid in question_ids}
    rows = session.execute(
        sa.select(
            AttemptAnswer.question_id,
            AttemptAnswer.is_correct,
            AttemptAnswer.chosen_option,
            AttemptAnswer.given_text,
            AttemptAnswer.options,
            AttemptAnswer.shown_at,
            AttemptAnswer.answered_at,
        ).where(
            AttemptAnswer.question_id.in_(question_ids or [-1]),
            AttemptAnswer.answered_at.is_not(None),
        )
    )
    for qid, correct, chosen, typed, options, shown_at, answered_at in rows:
        assert qid is not None and answered_at is not None  # as the query asks
        entry = stats[qid]
        entry.answered += 1
        entry.correct += int(correct)
        if shown_at is not None:
            entry.seconds += max(0.0, (answered_at - shown_at).total_seconds())
        if not correct:
            entry.wrong_picks[options[chosen] if chosen is not None else (typed or "")] += 1
    return stats
