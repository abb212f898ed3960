"""Accounts in plain Python: create users, check passwords, find the admin."""

from __future__ import annotations

import re
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import ROLES, User, utcnow
from quizapp.text.limits import EMAIL_MAX, PASSWORD_MIN

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Checked against when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY = User(email="", role="player")
_DUMMY.set_password(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A request to create or change an account that cannot be met; the message says why."""


def normalise_email(email: str) -> str:
    """The one spelling an email is stored and looked up in."""
    return email.strip().lower()


def create_user(session: Session, email: str, password: str, role: str = "player") -> User:
    """A new account, refused with an AccountError that says why (bad email, short password,
    unknown role, email taken)."""
    email = normalise_email(email)
    if not EMAIL.match(email) or len(email) > EMAIL_MAX:
        raise AccountError("Enter a valid email address.")
    if role not in ROLES:
        raise AccountError(f"The role must be one of: {', '.join(ROLES)}.")
    if len(password) < PASSWORD_MIN:
        raise AccountError(f"A password needs at least {PASSWORD_MIN} characters.")
    if session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        raise AccountError("An account with that email already exists.")
    user = User(email=email, role=role)
    user.set_password(password)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The user with this email and password, or None, without telling which part was wrong."""
    user = session.scalar(sa.select(User).where(User.email == normalise_email(email)))
    if user is None:
        _DUMMY.check_password(password)
        return None
    if not user.check_password(password):
        return None
    user.signed_in_at = utcnow()
    return user


def admin_exists(session: Session) -> bool:
    return session.scalar(sa.select(User.id).where(User.role == "admin").limit(1)) is not None
