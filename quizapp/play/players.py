"""Who plays: a browser's guest player (known by the random key its cookie holds), or the
player of a signed-in account, which takes over the guest's scores the first time."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Player

# Built once: on the pages every visit asks for its player, composing a statement costs more
# than running it.
_GUEST = sa.select(Player).where(Player.key == sa.bindparam("key"), Player.user_id.is_(None))
_ACCOUNT = sa.select(Player).where(Player.user_id == sa.bindparam("user_id"))
_GUEST_NAME = sa.select(Player.id, Player.nickname).where(
    Player.key == sa.bindparam("key"), Player.user_id.is_(None)
)
_ACCOUNT_NAME = sa.select(Player.id, Player.nickname).where(
    Player.user_id == sa.bindparam("user_id")
)


@dataclass(frozen=True)
class PlayerName:
    """Who a page is shown to: plain values, read without loading the player's row."""

    id: int
    nickname: str


def new_player(session: Session, nickname: str) -> Player:
    """A new player with a random key (what a browser's cookie will hold)."""
    player = Player(key=secrets.token_urlsafe(24), nickname=nickname)
    session.add(player)
    session.flush()
    return player


def guest_player(session: Session, key: str | None) -> Player | None:
    """The guest player a browser's key names. An account's player is reachable only by
    signing in, never by a cookie left behind."""
    if key is None:
        return None
    return session.scalar(_GUEST, {"key": key})


def account_player(session: Session, user_id: int) -> Player | None:
    return session.scalar(_ACCOUNT, {"user_id": user_id})


def current_player(
    session: Session, user_id: int | None, guest_key: str | None
) -> PlayerName | None:
    """The account's player when signed in, else the browser's guest player, as the pages that
    only show it need it (the ORM's loading would cost those pages more than the query)."""
    values: dict[str, object]
    if user_id is not None:
        statement, values = _ACCOUNT_NAME, {"user_id": user_id}
    elif guest_key is not None:
        statement, values = _GUEST_NAME, {"key": guest_key}
    else:
        return None
    row = session.connection().execute(statement, values).first()
    return PlayerName(row.id, row.nickname) if row is not None else None


def may_act_for(player: Player, user_id: int | None, guest_key: str | None) -> bool:
    """Whether a browser may act for this player: the account's player when signed in, and the
    browser's guest player (so signing in mid-game does not lock the player out of it)."""
    if user_id is not None and player.user_id == user_id:
        return True
    return guest_key is not None and player.user_id is None and player.key == guest_key


def claim_guest(session: Session, user_id: int, guest_key: str | None) -> Player | None:
    """On signing in: an account without a player yet takes over the browser's guest player,
    with its scores. Returns the player claimed, if any."""
    guest = guest_player(session, guest_key)
    if guest is None or account_player(session, user_id) is not None:
        return None
    guest.user_id = user_id
    session.flush()
    return guest


def player_for_game(
    session: Session, nickname: str, *, user_id: int | None, guest_key: str | None
) -> Player:
    """The player to start a game as, under the nickname just given.

    Signed in, it is the account's player; the first time, the browser's guest player (with
    its scores) becomes the account's. Signed out, it is the browser's guest, or a new one.
    """
    if user_id is not None:
        player = account_player(session, user_id) or guest_player(session, guest_key)
        if player is None:
            player = new_player(session, nickname)
        player.user_id = user_id
    else:
        player = guest_player(session, guest_key) or new_player(session, nickname)
    player.nickname = nickname
    session.flush()
    return player
