"""Who is playing: the signed-in account's player, else the browser's (a long-lived signed
session cookie holds a random player key)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import session
from flask_login import current_user

from quizapp.extensions import db
from quizapp.models import Player
from quizapp.play.attempts import new_player

PLAYER_KEY = "player"


def _browser_player() -> Player | None:
    key = session.get(PLAYER_KEY)
    if not isinstance(key, str):
        return None
    # An account's player is reachable only by signing in, never by a cookie left behind.
    return db.session.scalar(sa.select(Player).where(Player.key == key, Player.user_id.is_(None)))


def current_player() -> Player | None:
    if current_user.is_authenticated:
        return db.session.scalar(sa.select(Player).where(Player.user_id == current_user.id))
    return _browser_player()


def browser_players() -> set[int]:
    """Every player this browser may act for: the account's, and a guest game's from before
    signing in (so signing in mid-game does not lock the player out of it)."""
    players = [current_player()]
    if current_user.is_authenticated:  # signed out, current_player() is the browser's already
        players.append(_browser_player())
    return {p.id for p in players if p is not None}


def claim_guest() -> None:
    """On signing in: an account without a player yet takes over this browser's guest player,
    with its scores."""
    guest = _browser_player()
    if guest is not None and current_player() is None:
        guest.user_id = current_user.id
        db.session.flush()


def remember_player(nickname: str) -> Player:
    """The player to start a game as, under the nickname just given.

    Signed in, it is the account's player; the first time, the browser's guest player (with
    its scores) becomes the account's, if it has no account yet.
    """
    if current_user.is_authenticated:
        player = current_player()
        if player is None:
            guest = _browser_player()
            player = guest if guest is not None and guest.user_id is None else None
        if player is None:
            player = new_player(db.session(), nickname)
        player.user_id = current_user.id
        session.pop(PLAYER_KEY, None)
    else:
        player = _browser_player() or new_player(db.session(), nickname)
        session[PLAYER_KEY] = player.key
        session.permanent = True
    player.nickname = nickname
    db.session.flush()
    return player
