"""Accounts: who may sign in, and with which role."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import Model
from quizapp.models.content import utcnow
from quizapp.text.limits import EMAIL_MAX

ROLES = ("player", "author", "admin")


class User(Model):
    """An account. The four members Flask-Login asks of a user are written out below rather
    than inherited from its untyped UserMixin."""

    __tablename__ = "account"  # "user" is reserved in PostgreSQL

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(EMAIL_MAX), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(sa.String(10), default="player")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    signed_in_at: Mapped[datetime | None]

    __table_args__ = (sa.CheckConstraint(f"role IN {ROLES}", name="account_role_known"),)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def can_author(self) -> bool:
        return self.role in {"author", "admin"}

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)


class SignInFailures(Model):
    """Failed sign-ins under one key (an account and address, or an address) in the current
    fixed window of `seconds`; a row from an older window counts as none and is reused."""

    __tablename__ = "sign_in_failure"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    seconds: Mapped[int] = mapped_column(primary_key=True)
    window_start: Mapped[int] = mapped_column(sa.BigInteger)  # in Unix time, a multiple of seconds
    failures: Mapped[int]
