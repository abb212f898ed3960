"""Playing a quiz: its page, starting, one question at a time, feedback, giving up, results."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from quizapp.extensions import db
from quizapp.forms.play import AnswerForm, StartForm
from quizapp.models import Attempt, Quiz, utcnow
from quizapp.play import attempts as play
from quizapp.play import catalogue, leaderboard
from quizapp.play.catalogue import QuizCard
from quizapp.play.errors import (
    AttemptOver,
    EmptyAnswer,
    EmptyQuiz,
    NotCurrentQuestion,
    UnknownOption,
)
from quizapp.play.players import PlayerName
from quizapp.play.settings import POINTS_PER_QUESTION, QuizSettings
from quizapp.play.starting import start_attempt
from quizapp.play.statements import AttemptAt, answer_at, attempt_at, attempt_by_token
from quizapp.views import small_int
from quizapp.views.players import current_player, plays_as, remember_player

bp = Blueprint("play", __name__)


def published_quiz(slug: str) -> Quiz:
    quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug, Quiz.published.is_(True)))
    if quiz is None:
        abort(404, description="There is no published quiz at this address.")
    return quiz


def own_attempt(token: str) -> Attempt:
    """The attempt behind a token, refusing anyone but the browser that started it."""
    return checked(attempt_by_token(db.session(), token))


def own_attempt_at(token: str, position: int | None = None) -> AttemptAt:
    """The same, with its question at `position` (its current one by default) read along."""
    found = attempt_at(db.session(), token, position)
    checked(found.attempt if found else None)
    assert found is not None  # refused above
    return found


def checked(attempt: Attempt | None) -> Attempt:
    if attempt is None:
        abort(404, description="There is no game at this address.")
    if not plays_as(attempt.player):
        abort(403, description="This game was started in another browser; start your own.")
    return attempt


def published_card(slug: str) -> QuizCard:
    card = catalogue.published_card(db.session(), slug)
    if card is None:
        abort(404, description="There is no published quiz at this address.")
    return card


@bp.get("/quizzes/<slug>")
def quiz_page(slug: str) -> ResponseReturnValue:
    card = published_card(slug)
    player = current_player()
    return render_quiz_page(card, player.nickname if player else "", [], player)


def render_quiz_page(
    quiz: QuizCard,
    nickname: str,
    errors: list[str],
    player: PlayerName | None,
    status: int = 200,
) -> ResponseReturnValue:
    """The quiz page, its start form holding `nickname` (and the form's `errors` after a refused
    start). The form is written out in the template: a WTForms form object would cost the page
    more than its queries to draw."""
    settings = QuizSettings.from_mapping(quiz.settings)
    board = leaderboard.quiz_board(quiz.id, "all", utcnow())
    top = board.page(db.session(), 1, 5)
    me = board.standing_of(db.session(), player.id) if player else None
    return (
        render_template(
            "play/quiz.html",
            quiz=quiz,
            nickname=nickname,
            errors=errors,
            rules=settings.rules(quiz.question_count),
            top=top,
            me=me,
            next_is_practice=settings.first_game_counts and me is not None,
        ),
        status,
    )


@bp.post("/quizzes/<slug>/start")
def start(slug: str) -> ResponseReturnValue:
    quiz = published_quiz(slug)
    form = StartForm()
    if not form.validate_on_submit():
        nickname, errors = form.nickname.data or "", list(form.nickname.errors)
        return render_quiz_page(published_card(slug), nickname, errors, current_player(), 400)
    player = remember_player(form.nickname.data or "")
    try:
        attempt = start_attempt(db.session(), quiz, player, utcnow())
    except EmptyQuiz as error:
        db.session.rollback()
        abort(409, description=str(error))
    db.session.commit()
    return redirect(url_for("play.question", token=attempt.token), code=303)


@bp.get("/play/<token>")
def question(token: str) -> ResponseReturnValue:
    attempt, answer, practice = own_attempt_at(token)
    now = utcnow()
    if play.expire_if_due(db.session(), attempt, now):
        db.session.commit()
        flash("Time is up. Unanswered questions count as wrong.")
    if attempt.finished or answer is None:  # over, or past its last question
        return redirect(url_for("play.results", token=token), code=303)
    play.mark_shown(db.session(), answer, now)
    asking = play.asking(attempt, answer, now)
    db.session.commit()
    return render_question(asking, practice)


def render_question(
    asking: play.Asking, practice: bool, error: str | None = None
) -> ResponseReturnValue:
    status = 400 if error else 200
    page = render_template("play/question.html", question=asking, practice=practice, error=error)
    return page, status


@bp.post("/play/<token>")
def submit(token: str) -> ResponseReturnValue:
    form = AnswerForm()
    position = small_int(form.position.data)
    attempt, asked, _ = own_attempt_at(token, position)
    if position is None:
        abort(400, description="The answer did not say which question it answers.")
    try:
        submission = play.submit_answer(
            db.session(), attempt, position, form.answer.data or "", utcnow(), asked
        )
    except AttemptOver as error:
        db.session.commit()
        flash(str(error))
        return redirect(url_for("play.results", token=token), code=303)
    except EmptyAnswer as error:
        db.session.rollback()
        answer = answer_at(db.session(), attempt, position)
        assert answer is not None
        practice = leaderboard.is_practice(db.session(), attempt)
        return render_question(play.asking(attempt, answer, utcnow()), practice, error=str(error))
    except UnknownOption as error:
        db.session.rollback()
        abort(400, description=str(error))
    except NotCurrentQuestion as error:
        db.session.rollback()
        abort(409, description=f"{error} Go back to the game to carry on.")
    db.session.commit()
    if submission.feedback_hidden:
        return redirect(url_for("play.question", token=token), code=303)
    return redirect(url_for("play.feedback", token=token, position=position), code=303)


@bp.get("/play/<token>/answers/<int:position>")
def feedback(token: str, position: int) -> ResponseReturnValue:
    attempt, answer, practice = own_attempt_at(token, position)
    if answer is None:
        abort(404, description="There is no such question in this game.")
    if not answer.answered or play.feedback_hidden(attempt):
        target = "play.results" if attempt.finished else "play.question"
        return redirect(url_for(target, token=token), code=303)
    return render_template(
        "play/feedback.html",
        attempt=attempt,
        answer=answer,
        practice=practice,
    )


@bp.post("/play/<token>/give-up")
def give_up(token: str) -> ResponseReturnValue:
    attempt = own_attempt(token)
    if not attempt.finished:
        play.give_up(db.session(), attempt, utcnow())
        db.session.commit()
    return redirect(url_for("play.results", token=token), code=303)


@bp.get("/results/<token>")
def results(token: str) -> ResponseReturnValue:
    attempt = attempt_by_token(db.session(), token)
    if attempt is None:
        abort(404, description="There is no game at this address.")
    if not attempt.finished and play.expire_if_due(db.session(), attempt, utcnow()):
        db.session.commit()
    if not attempt.finished:
        own_attempt(token)
        return redirect(url_for("play.question", token=token), code=303)
    max_points = attempt.question_count * POINTS_PER_QUESTION
    mine = plays_as(attempt.player)
    practice = leaderboard.is_practice(db.session(), attempt)
    standing = (
        leaderboard.quiz_board(attempt.quiz_id, "all", utcnow()).standing_of(
            db.session(), attempt.player_id
        )
        if mine
        else None
    )
    return render_template(
        "play/results.html",
        attempt=attempt,
        answers=attempt.answers,
        rank=None if practice else leaderboard.attempt_rank(db.session(), attempt),
        practice=practice,
        first_game_counts=QuizSettings.from_mapping(attempt.settings).first_game_counts,
        standing=standing,
        mine=mine,
        max_points=max_points,
        bins=leaderboard.histogram(db.session(), attempt.quiz_id, max_points, attempt.points),
    )
