"""Playing over HTTP: starting, the integrity rules for answers, giving up, results."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy.orm import Session

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptAnswer, Player, Quiz, utcnow
from tests.playing import (
    answer,
    asked,
    attempt_of,
    fresh,
    play_all,
    publish_quiz,
    right_value,
    start,
    to_options_question,
    wrong_value,
)

pytestmark = pytest.mark.both_databases


@pytest.fixture
def quiz(session: Session) -> Quiz:
    return publish_quiz(session)


def count(session: Session, model: type) -> int:
    with fresh(session) as reader:
        return reader.scalar(sa.select(sa.func.count()).select_from(model)) or 0


# Starting


@pytest.mark.parametrize(
    ("nickname", "message"),
    [
        ("", "Choose a nickname."),
        ("   ", "Choose a nickname."),
        ("A", "A nickname has 2 to 24 characters."),
        ("x" * 25, "A nickname has 2 to 24 characters."),
        ("<script>", "Use letters, digits, spaces, - and _ only."),
        ("ann@example", "Use letters, digits, spaces, - and _ only."),
    ],
)
def test_a_bad_nickname_is_refused_with_a_message_and_nothing_stored(
    client: FlaskClient, session: Session, quiz: Quiz, nickname: str, message: str
) -> None:
    response = client.post(f"/quizzes/{quiz.slug}/start", data={"nickname": nickname})
    assert response.status_code == 400
    assert str(escape(message)) in response.get_data(as_text=True)
    assert count(session, Attempt) == 0
    assert count(session, Player) == 0


def test_the_nickname_is_trimmed_and_remembered(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug, "  Zoë_the-2nd  ")
    assert attempt_of(session, token).nickname == "Zoë_the-2nd"
    page = client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)
    assert 'value="Zoë_the-2nd"' in page


def test_starting_fixes_order_and_options_for_the_attempt(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    quiz.settings = {**quiz.settings, "shuffle_questions": True, "shuffle_options": True}
    session.commit()
    first, second = start(client, quiz.slug), start(client, quiz.slug)

    def prompts(token: str) -> list[str]:
        with fresh(session) as reader:
            return list(
                reader.scalars(
                    sa.select(AttemptAnswer.prompt)
                    .join(Attempt)
                    .where(Attempt.token == token)
                    .order_by(AttemptAnswer.position)
                )
            )

    assert sorted(prompts(first)) == sorted(prompts(second))
    assert prompts(first) != prompts(second)  # 30 questions: a repeat is ~1 in 10^32
    assert prompts(first) == prompts(first)
    shown = client.get(f"/play/{first}").get_data(as_text=True)
    assert str(escape(prompts(first)[0])) in shown


def test_a_timed_attempt_gets_a_deadline(client: FlaskClient, session: Session, quiz: Quiz) -> None:
    quiz.settings = {**quiz.settings, "time_limit_seconds": 120}
    session.commit()
    attempt = attempt_of(session, start(client, quiz.slug))
    assert attempt.deadline is not None
    assert attempt.deadline - attempt.started_at == timedelta(seconds=120)
    page = client.get(f"/play/{attempt.token}").get_data(as_text=True)
    ms_left = re.search(r'data-ms-left="(\d+)"', page)
    assert ms_left and 110_000 < int(ms_left.group(1)) <= 120_000


# What the browser may see


def test_question_pages_never_carry_the_answer(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    attempt = attempt_of(session, token)
    for position in range(attempt.question_count):
        page = client.get(f"/play/{token}").get_data(as_text=True)
        question = asked(session, token, position)
        assert f"Question {position + 1} of {attempt.question_count}" in page
        if question.explanation not in question.prompt:  # a true statement explains itself
            assert str(escape(question.explanation)) not in page
        if question.evidence:
            assert str(escape(question.evidence)) not in page
        assert re.search(r"correct|is_correct|data-answer", page, re.IGNORECASE) is None
        if question.kind == "typed":
            assert str(escape(question.correct_text)) not in page
        else:
            values = re.findall(r'name="answer" value="([^"]*)"', page)
            assert values == [str(i) for i in range(len(question.options))]
        answer(client, token, position, wrong_value(question))


# The integrity rules


def test_answering_twice_counts_once_and_shows_the_feedback_again(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    question = asked(session, token, 0)
    first = answer(client, token, 0, right_value(question))
    again = answer(client, token, 0, right_value(question))
    changed = answer(client, token, 0, wrong_value(question))
    assert first.status_code == again.status_code == changed.status_code == 303
    assert first.location == again.location == changed.location == f"/play/{token}/answers/0"
    attempt = attempt_of(session, token)
    assert (attempt.current_position, attempt.correct_count, attempt.points) == (1, 1, 1000)
    assert asked(session, token, 0).is_correct


def test_answering_another_question_is_refused(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    ahead = asked(session, token, 3)
    response = answer(client, token, 3, right_value(ahead))
    assert response.status_code == 409
    assert "not the question you are on" in response.get_data(as_text=True)
    assert answer(client, token, 999, "0").status_code == 409
    assert answer(client, token, -1, "0").status_code == 400
    assert client.post(f"/play/{token}", data={"answer": "0"}).status_code == 400
    attempt = attempt_of(session, token)
    assert (attempt.current_position, attempt.points) == (0, 0)
    assert not asked(session, token, 3).answered


def test_another_browser_cannot_play_someone_elses_attempt(
    app: Flask, client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    question = asked(session, token, 0)
    stranger = app.test_client()
    assert stranger.get(f"/play/{token}").status_code == 403
    assert answer(stranger, token, 0, right_value(question)).status_code == 403
    assert stranger.post(f"/play/{token}/give-up").status_code == 403
    assert stranger.get(f"/play/{token}/answers/0").status_code == 403
    assert stranger.get(f"/results/{token}").status_code == 403
    attempt = attempt_of(session, token)
    assert (attempt.status, attempt.current_position) == ("active", 0)
    assert client.get("/play/not-a-real-token").status_code == 404


def test_answers_after_the_deadline_score_nothing(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    quiz.settings = {**quiz.settings, "time_limit_seconds": 60}
    session.commit()
    token = start(client, quiz.slug)
    assert answer(client, token, 0, right_value(asked(session, token, 0))).status_code == 303
    with fresh(session) as writer:
        attempt = writer.scalar(sa.select(Attempt).where(Attempt.token == token))
        assert attempt is not None
        attempt.started_at -= timedelta(seconds=61)
        attempt.deadline = utcnow() - timedelta(seconds=1)
        writer.commit()

    late = answer(client, token, 1, right_value(asked(session, token, 1)))

    assert late.status_code == 303
    assert late.location == f"/results/{token}"
    attempt = attempt_of(session, token)
    assert attempt.status == "timed_out"
    assert attempt.finished_at == attempt.deadline
    assert attempt.correct_count == 1
    assert not asked(session, token, 1).answered
    results = client.get(late.location).get_data(as_text=True)
    assert "Time ran out" in results


@pytest.mark.parametrize("forged", ["7", "-1", "abc", "1.0", "0 OR 1=1"])
def test_a_forged_option_is_refused_and_changes_nothing(
    client: FlaskClient, session: Session, quiz: Quiz, forged: str
) -> None:
    token = start(client, quiz.slug)
    position = to_options_question(client, session, token)
    response = answer(client, token, position, forged)
    assert response.status_code == 400
    assert "not one of this question" in response.get_data(as_text=True)
    assert not asked(session, token, position).answered
    assert attempt_of(session, token).current_position == position


def test_an_empty_answer_asks_again_without_locking(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    position = to_options_question(client, session, token)
    response = answer(client, token, position, "   ")
    assert response.status_code == 400
    assert "Choose an answer first." in response.get_data(as_text=True)
    assert not asked(session, token, position).answered


def test_a_finished_attempt_cannot_change(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    finished = play_all(client, session, token, right=False)
    assert finished.status == "finished"
    last = finished.question_count - 1
    response = answer(client, token, last, right_value(asked(session, token, last)))
    assert response.status_code == 303
    assert client.post(f"/play/{token}/give-up").status_code == 303
    after = attempt_of(session, token)
    assert (after.status, after.points, after.correct_count) == ("finished", 0, 0)
    assert client.get(f"/play/{token}").location == f"/results/{token}"


def test_give_up_ends_the_attempt_and_counts_the_rest_wrong(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    for position in range(3):
        answer(client, token, position, right_value(asked(session, token, position)))
    response = client.post(f"/play/{token}/give-up")
    assert response.location == f"/results/{token}"
    attempt = attempt_of(session, token)
    assert (attempt.status, attempt.correct_count, attempt.points) == ("gave_up", 3, 3000)
    page = client.get(f"/results/{token}").get_data(as_text=True)
    assert "gave up" in page
    assert page.count("Not answered") == attempt.question_count - 3
    assert answer(client, token, 3, "0").location == f"/results/{token}"


def test_back_button_and_reload_show_the_right_page(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    answer(client, token, 0, right_value(asked(session, token, 0)))
    answer(client, token, 1, wrong_value(asked(session, token, 1)))
    # Going back to an answered question shows its locked feedback, not a form.
    back = client.get(f"/play/{token}/answers/0")
    assert back.status_code == 200
    assert "Right!" in back.get_data(as_text=True)
    assert "Back to the current question" in back.get_data(as_text=True)
    # Feedback for a question not yet answered sends the player to the current question.
    assert client.get(f"/play/{token}/answers/5").location == f"/play/{token}"
    reload = client.get(f"/play/{token}")
    assert "Question 3 of" in reload.get_data(as_text=True)
    attempt = attempt_of(session, token)
    assert (attempt.current_position, attempt.correct_count) == (2, 1)


def test_missing_csrf_token_is_refused_with_a_clear_page(
    database_url: str, session: Session, quiz: Quiz
) -> None:
    from quizapp import create_app

    guarded = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    client = guarded.test_client()
    page = client.get(f"/quizzes/{quiz.slug}").get_data(as_text=True)
    response = client.post(f"/quizzes/{quiz.slug}/start", data={"nickname": "Ann"})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
    assert count(session, Attempt) == 0
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert csrf, page
    ok = client.post(
        f"/quizzes/{quiz.slug}/start", data={"nickname": "Ann", "csrf_token": csrf.group(1)}
    )
    assert ok.status_code == 303
    token = ok.location.rsplit("/", 1)[1]
    unguarded = client.post(f"/play/{token}", data={"position": "0", "answer": "0"})
    assert unguarded.status_code == 400
    assert not asked(session, token, 0).answered
    with guarded.app_context():
        db.engine.dispose()


# Past attempts keep what the player saw


def test_editing_or_deleting_questions_never_changes_a_past_attempt(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    token = start(client, quiz.slug)
    finished = play_all(client, session, token, right=True)
    before = client.get(f"/results/{token}").get_data(as_text=True)
    question = quiz.entries[0].question
    old_prompt = question.prompt
    question.prompt = "An edited prompt?"
    question.correct_choice.text = "An edited answer"
    session.commit()
    session.delete(quiz.entries[-1].question)
    session.commit()

    after = client.get(f"/results/{token}").get_data(as_text=True)
    again = attempt_of(session, token)
    assert (again.points, again.correct_count) == (finished.points, finished.correct_count)
    assert str(escape(old_prompt)) in after
    assert "An edited" not in after
    assert before.count("Right, +") == after.count("Right, +") == finished.question_count
    # The deleted question left the quiz (ON DELETE CASCADE, enforced on SQLite too).
    assert attempt_of(session, start(client, quiz.slug)).question_count == (
        finished.question_count - 1
    )


def test_results_show_score_rank_histogram_and_review(
    app: Flask, client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    other = app.test_client()
    play_all(other, session, start(other, quiz.slug, "Bea"), right=True)
    token = start(client, quiz.slug)
    count = len(quiz.entries)
    attempt = play_all(client, session, token, right=([True, False] * count)[:count])

    page = client.get(f"/results/{token}").get_data(as_text=True)

    assert f"{attempt.points:,}" in page
    assert f"{attempt.correct_count} <span" in page
    assert "<dt>Rank</dt><dd>#2</dd>" in page
    assert '<svg viewBox="0 0' in page
    assert page.count('class="bar mine"') == 1
    assert "Scores of all 2 finished plays" in page
    assert page.count("Right, +") == (count + 1) // 2
    assert page.count("<mark>") >= 2 * count // 3


def test_timed_answers_earn_a_speed_bonus_from_the_time_taken(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    quiz.settings = {**quiz.settings, "time_limit_seconds": 600}
    session.commit()
    token = start(client, quiz.slug)
    share = 600 / attempt_of(session, token).question_count  # 20 s per question
    client.get(f"/play/{token}")  # starts question 1's clock
    with fresh(session) as writer:
        shown = writer.scalar(
            sa.select(AttemptAnswer)
            .join(Attempt)
            .where(Attempt.token == token, AttemptAnswer.position == 0)
        )
        assert shown is not None and shown.shown_at is not None
        shown.shown_at -= timedelta(seconds=share / 2)
        writer.commit()

    answer(client, token, 0, right_value(asked(session, token, 0)))

    points = asked(session, token, 0).points
    assert 740 <= points <= 750  # round(1000 * (1 - 0.5 / 2)) = 750, less a little real time
    page = client.get(f"/play/{token}/answers/0").get_data(as_text=True)
    assert f"+{points:,} points" in page


def test_feedback_at_the_end_reveals_nothing_until_the_attempt_is_over(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    quiz.settings = {**quiz.settings, "feedback": "end"}
    session.commit()
    token = start(client, quiz.slug)
    response = answer(client, token, 0, right_value(asked(session, token, 0)))
    assert response.location == f"/play/{token}"
    assert client.get(f"/play/{token}/answers/0").location == f"/play/{token}"
    assert client.get(f"/results/{token}").location == f"/play/{token}"
    client.post(f"/play/{token}/give-up")
    assert client.get(f"/play/{token}/answers/0").status_code == 200


def test_simultaneous_answers_to_one_question_count_once(
    app: Flask, client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    """Two requests racing (a double click reaching two workers) lock one answer between them."""
    import threading

    token = start(client, quiz.slug)
    value = right_value(asked(session, token, 0))
    cookie = client.get_cookie("session")
    assert cookie is not None
    twins = [app.test_client() for _ in range(4)]
    for twin in twins:
        twin.set_cookie("session", cookie.value)
    barrier = threading.Barrier(len(twins))
    codes: list[int] = []

    def send(twin: FlaskClient) -> None:
        barrier.wait()
        codes.append(answer(twin, token, 0, value).status_code)

    threads = [threading.Thread(target=send, args=(twin,)) for twin in twins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert codes == [303] * len(twins)
    attempt = attempt_of(session, token)
    assert (attempt.current_position, attempt.correct_count, attempt.points) == (1, 1, 1000)


def test_an_answer_racing_a_give_up_changes_nothing(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    """A request that loaded the attempt before another one ended it must not score."""
    from quizapp.play import attempts as play
    from quizapp.play.errors import AttemptOver

    token = start(client, quiz.slug)
    value = right_value(asked(session, token, 0))
    with fresh(session) as late:
        stale = late.scalars(sa.select(Attempt).where(Attempt.token == token)).one()
        assert stale.status == "active"
        assert client.post(f"/play/{token}/give-up").status_code == 303
        with pytest.raises(AttemptOver):
            play.submit_answer(late, stale, 0, value, utcnow())
        late.commit()
    attempt = attempt_of(session, token)
    assert (attempt.status, attempt.points, attempt.correct_count) == ("gave_up", 0, 0)
    assert not asked(session, token, 0).answered


def test_a_give_up_that_read_the_attempt_before_an_answer_posts_that_answers_points(
    client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    """The boards get the points an attempt holds when it closes, not those read before."""
    from quizapp.models import BoardEntry
    from quizapp.play import attempts as play

    token = start(client, quiz.slug)
    value = right_value(asked(session, token, 0))
    with fresh(session) as early:
        stale = early.scalars(sa.select(Attempt).where(Attempt.token == token)).one()
        assert stale.points == 0
        assert answer(client, token, 0, value).status_code == 303
        play.give_up(early, stale, utcnow())
        early.commit()
    attempt = attempt_of(session, token)
    assert (attempt.status, attempt.correct_count) == ("gave_up", 1)
    assert attempt.points > 0
    with fresh(session) as reader:
        posted = reader.scalar(
            sa.select(BoardEntry.points).where(
                BoardEntry.attempt_id == attempt.id, BoardEntry.period == "all"
            )
        )
    assert posted == attempt.points


def test_signing_in_mid_game_keeps_the_game(
    app: Flask, client: FlaskClient, session: Session, quiz: Quiz
) -> None:
    from quizapp import accounts

    token = start(client, quiz.slug)
    accounts.create_user(session, "ann@example.org", "correct horse battery", "player")
    session.commit()
    client.post("/sign-in", data={"email": "ann@example.org", "password": "correct horse battery"})
    assert client.get(f"/play/{token}").status_code == 200
    assert answer(client, token, 0, right_value(asked(session, token, 0))).status_code == 303
    player = session.get(Player, attempt_of(session, token).player_id)
    assert player is not None and player.user_id is not None  # the guest became the account's
