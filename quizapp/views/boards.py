"""Leaderboards: one per quiz and one overall, by period, paginated."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue

from quizapp.extensions import db
from quizapp.models import BoardEntry, PlayerTotal, utcnow
from quizapp.play import catalogue, leaderboard
from quizapp.views.players import current_player

bp = Blueprint("boards", __name__, url_prefix="/leaderboard")
PER_PAGE = 20


def board_arguments() -> tuple[str, int]:
    period = request.args.get("period", "all")
    if period not in leaderboard.PERIODS:
        abort(400, description="Unknown period: choose all time, this week or today.")
    page = request.args.get("page", 1, type=int) or 1
    if page < 1 or page > 100_000:
        abort(400, description="There is no such page.")
    return period, page


def render_board(
    board: leaderboard.Board[BoardEntry] | leaderboard.Board[PlayerTotal],
    template: str,
    **context: object,
) -> str:
    period, page = board_arguments()
    player = current_player()
    return render_template(
        template,
        page=board.page(db.session(), page, PER_PAGE),
        period=period,
        periods=leaderboard.PERIODS,
        tie_break=leaderboard.TIE_BREAK,
        me=board.standing_of(db.session(), player.id) if player else None,
        **context,
    )


@bp.get("")
def overall() -> ResponseReturnValue:
    period, _ = board_arguments()
    return render_board(leaderboard.overall_board(period, utcnow()), "boards/overall.html")


@bp.get("/<slug>")
def quiz_board(slug: str) -> ResponseReturnValue:
    quiz = catalogue.published_card(db.session(), slug)
    if quiz is None:
        abort(404, description="There is no published quiz at this address.")
    period, _ = board_arguments()
    board = leaderboard.quiz_board(quiz.id, period, utcnow())
    return render_board(board, "boards/quiz.html", quiz=quiz)
