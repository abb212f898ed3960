"""Flask extensions, created unbound and attached in create_app()."""

import sqlite3
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase

# Every constraint gets a stable name, so migrations can drop or alter it on any database
# (SQLite's batch mode needs the name to find it). Check constraints are named in the models.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


@sa.event.listens_for(sa.Engine, "connect")
def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    """SQLite enforces foreign keys (ON DELETE CASCADE / SET NULL) only when asked, per
    connection; WAL lets readers carry on while one gunicorn worker writes."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # With WAL, NORMAL syncs the log at checkpoints instead of at every commit (2-8 ms here,
        # on every answer and every question shown). A power cut may lose the last commits but
        # never corrupts the database; a crash of the app loses nothing.
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Board ranks count index ranges; reading them through the OS page cache (shared by
        # every connection) instead of SQLite's 2 MB per-connection cache is measurably quicker.
        cursor.execute("PRAGMA mmap_size=268435456")
        cursor.close()


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)

# The models' base class. db.Model is made at run time (Base with Flask-SQLAlchemy's mixins), so
# mypy cannot see it as a class; it checks the models against Base, which declares the mapping.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "auth.sign_in"
login_manager.login_message = "Sign in to open that page."
