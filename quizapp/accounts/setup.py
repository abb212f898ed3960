"""The first-run setup: a one-time token for /setup while no admin exists, announced once.

Every worker of a server reads the same token from the instance folder. Only one of them prints
the link: the first to lock the announcement file for its database keeps the lock until it
exits, so the other workers find it taken; a restarted server announces again.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import os
from pathlib import Path

from quizapp.config import instance_secret

SETUP_TOKEN_FILE = "setup_token"
# Announcement locks this process holds; they are released when it exits.
_held_locks: list[int] = []


def setup_token(instance_path: str | Path) -> str:
    """The one-time token /setup asks for, shared by every worker through the instance folder."""
    return instance_secret(Path(instance_path) / SETUP_TOKEN_FILE, nbytes=24)


def setup_token_matches(instance_path: str | Path, given: str) -> bool:
    """Compared in constant time, so the token cannot be guessed a character at a time."""
    return hmac.compare_digest(setup_token(instance_path).encode(), (given or "").encode())


def forget_setup_token(instance_path: str | Path) -> None:
    """Once the admin exists the token must not work again."""
    with contextlib.suppress(FileNotFoundError):
        (Path(instance_path) / SETUP_TOKEN_FILE).unlink()


def first_to_announce(instance_path: str | Path, database_url: str) -> bool:
    """True for the one running process that is to print the setup link for this database.

    The lock is held until the process exits: later workers of the same server get False.
    """
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:16]
    path = Path(instance_path) / f".setup-announced-{digest}.lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return False
    _held_locks.append(descriptor)
    return True
