"""What must hold of the stored games after any load or fault: each attempt agrees with its
answers, and the leaderboards, score tallies and play counts equal a recomputation from the
attempts' rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from quizapp.models import Attempt, BoardEntry, PlayerTotal, Quiz, ScoreTally
from quizapp.play.leaderboard import period_starts
from quizapp.play.settings import QuizSettings


def attempt_problems(attempt: Attempt) -> list[str]:
    """How the attempt disagrees with its own answers (nothing, when it is consistent)."""
    where = f"attempt {attempt.id} ({attempt.status})"
    answered = [answer for answer in attempt.answers if answer.answered]
    problems = []
    if len(attempt.answers) != attempt.question_count:
        problems.append(f"{where}: {len(attempt.answers)} questions of {attempt.question_count}")
    if [answer.position for answer in answered] != list(range(len(answered))):
        problems.append(f"{where}: answered out of order {[a.position for a in answered]}")
    if attempt.current_position != len(answered):
        problems.append(f"{where}: on question {attempt.current_position}, {len(answered)} locked")
    if attempt.points != sum(answer.points for answer in answered):
        problems.append(f"{where}: {attempt.points} points, its answers earned another sum")
    if attempt.correct_count != sum(answer.is_correct for answer in answered):
        problems.append(f"{where}: {attempt.correct_count} right, its answers say otherwise")
    for answer in answered:
        if answer.kind != "typed" and answer.is_correct != (
            answer.chosen_option == answer.correct_option
        ):
            problems.append(f"{where}: answer {answer.position} judged wrongly")
        if answer.points and not answer.is_correct:
            problems.append(f"{where}: wrong answer {answer.position} scored")
    closed = attempt.finished_at is not None and attempt.duration_ms is not None
    if closed == (attempt.status == "active"):
        problems.append(f"{where}: finished_at {attempt.finished_at}")
    if attempt.status == "finished" and attempt.current_position != attempt.question_count:
        problems.append(f"{where}: finished on question {attempt.current_position}")
    return problems


BoardKey = tuple[int, int, str, date]


def board_problems(attempts: list[Attempt], session: Session) -> list[str]:
    """How the stored boards, tallies and play counts differ from the finished attempts."""
    finished = [attempt for attempt in attempts if attempt.status != "active"]
    played: dict[BoardKey, list[Attempt]] = defaultdict(list)
    for attempt in finished:
        assert attempt.finished_at is not None
        for period, start in period_starts(attempt.finished_at).items():
            played[(attempt.quiz_id, attempt.player_id, period, start)].append(attempt)
    entries = {
        (e.quiz_id, e.player_id, e.period, e.period_start): e
        for e in session.scalars(sa.select(BoardEntry))
    }
    problems = []
    if set(entries) != set(played):
        problems.append(f"board entries for {sorted(set(entries) ^ set(played))} are wrong")
    for key in set(entries) & set(played):
        entry, group = entries[key], played[key]
        counted = {attempt.id: attempt for attempt in group}.get(entry.attempt_id)
        if counted is None:
            problems.append(f"board entry {key} counts attempt {entry.attempt_id}, not played")
            continue
        if (entry.points, entry.duration_ms, entry.correct_count) != (
            counted.points,
            counted.duration_ms,
            counted.correct_count,
        ):
            problems.append(f"board entry {key} differs from its attempt {counted.id}")
        if not QuizSettings.from_mapping(counted.settings).first_game_counts:
            best = min(group, key=lambda a: (-a.points, a.duration_ms or 0))
            if (entry.points, entry.duration_ms) != (best.points, best.duration_ms):
                problems.append(f"board entry {key} is not the best of {len(group)} attempts")
    problems += _total_problems(list(entries.values()), session)
    tallies = Counter((attempt.quiz_id, attempt.points) for attempt in finished)
    stored_tallies = {
        (row.quiz_id, row.points): row.attempts for row in session.scalars(sa.select(ScoreTally))
    }
    if stored_tallies != dict(tallies):
        problems.append(f"score tallies {stored_tallies} != recounted {dict(tallies)}")
    plays = Counter(attempt.quiz_id for attempt in finished)
    for quiz in session.scalars(sa.select(Quiz)):
        if quiz.play_count != plays[quiz.id]:
            problems.append(f"quiz {quiz.id} counts {quiz.play_count} plays, not {plays[quiz.id]}")
    return problems


def _total_problems(entries: list[BoardEntry], session: Session) -> list[str]:
    """The overall board: each player's sum of their quiz entries, per period."""
    sums: dict[tuple[int, str, date], list[int]] = defaultdict(lambda: [0, 0, 0])
    for entry in entries:
        summed = sums[(entry.player_id, entry.period, entry.period_start)]
        summed[0] += entry.points
        summed[1] += entry.duration_ms
        summed[2] += 1
    totals = {
        (t.player_id, t.period, t.period_start): [t.points, t.duration_ms, t.quizzes]
        for t in session.scalars(sa.select(PlayerTotal))
    }
    if totals != dict(sums):
        wrong = sorted(key for key in set(totals) | set(sums) if totals.get(key) != sums.get(key))
        return [f"overall board rows {wrong} differ from the sums of the quiz boards"]
    return []


def problems_in(engine: sa.Engine) -> list[str]:
    """Every inconsistency in the stored games; an empty list when there is none."""
    with Session(engine) as session:
        attempts = list(
            session.scalars(
                sa.select(Attempt).options(selectinload(Attempt.answers)).order_by(Attempt.id)
            )
        )
        problems = [problem for attempt in attempts for problem in attempt_problems(attempt)]
        return problems + board_problems(attempts, session)
