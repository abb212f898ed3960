"""Who is playing, as this request tells: the signed-in account, and the guest player key held
in the browser's long-lived signed session cookie. The rules are in quizapp.play.players."""

from __future__ import annotations

from flask import session
from flask_login import current_user

from quizapp.extensions import db
from quizapp.models import Player
from quizapp.play import players

PLAYER_KEY = "player"


def _guest_key() -> str | None:
    key = session.get(PLAYER_KEY)
    return key if isinstance(key, str) else None


def _user_id() -> int | None:
    return current_user.id if current_user.is_authenticated else None


def current_player() -> players.PlayerName | None:
    return players.current_player(db.session(), _user_id(), _guest_key())


def plays_as(player: Player) -> bool:
    """Whether this browser may act for the player (see quizapp.play.players.may_act_for)."""
    return players.may_act_for(player, _user_id(), _guest_key())


def claim_guest() -> None:
    """On signing in, the account takes over this browser's guest player and its scores."""
    players.claim_guest(db.session(), current_user.id, _guest_key())


def remember_player(nickname: str) -> Player:
    """The player to start a game as; signed out, the browser keeps its key for next time."""
    user_id = _user_id()
    player = players.player_for_game(
        db.session(), nickname, user_id=user_id, guest_key=_guest_key()
    )
    if user_id is not None:
        session.pop(PLAYER_KEY, None)
    else:
        session[PLAYER_KEY] = player.key
        session.permanent = True
    return player
