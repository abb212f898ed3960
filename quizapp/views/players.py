"""Who is playing: a long-lived signed session cookie holds the player's random key."""

from __future__ import annotations

import sqlalchemy as sa
from flask import session

from quizapp.extensions import db
from quizapp.models import Player
from quizapp.play.attempts import ensure_player

PLAYER_KEY = "player"


def current_player() -> Player | None:
    key = session.get(PLAYER_KEY)
    if not isinstance(key, str):
        return None
    return db.session.scalar(sa.select(Player).where(Player.key == key))


def remember_player(nickname: str) -> Player:
    """This browser's player (created on first play), under the nickname just given."""
    player = ensure_player(db.session, session.get(PLAYER_KEY), nickname)
    session[PLAYER_KEY] = player.key
    session.permanent = True
    return player
