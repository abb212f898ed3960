"""Fixtures: an app on a fresh database built by the migrations, for every test.

Tests marked `both_databases` run twice: on SQLite and on the PostgreSQL server named by
TEST_DATABASE_URL. Without that server they are skipped, except under CI=true, where they fail:
a CI run must not pass by silently testing one database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_migrate import upgrade
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from quizapp import create_app
from quizapp.config import SEED_DIR
from quizapp.extensions import db

ARTICLES_DIR = Path(__file__).parent / "data" / "articles"
SEED_ARTICLE = SEED_DIR / "000_0e79015472ef0789.txt"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used in this run, or None when it can; checked once."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return "TEST_DATABASE_URL is not set"
    engine = sa.create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 5})
    try:
        with engine.connect():
            return None
    except sa.exc.OperationalError as error:
        reason = " ".join(str(error.orig).split())
        return f"TEST_DATABASE_URL cannot be reached: {reason}"
    finally:
        engine.dispose()


@pytest.fixture
def database_url(backend: str, tmp_path: Path, postgres_problem: str | None) -> str:
    """An empty database: a new SQLite file, or PostgreSQL with schema public recreated."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    if postgres_problem:
        if in_ci():
            pytest.fail(f"PostgreSQL tests cannot run under CI: {postgres_problem}")
        pytest.skip(f"PostgreSQL tests skipped: {postgres_problem}")
    url = os.environ["TEST_DATABASE_URL"]
    engine = sa.create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        # Fail rather than hang if a connection from an earlier test still holds a lock.
        connection.execute(sa.text("SET lock_timeout = '10s'"))
        connection.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "WTF_CSRF_ENABLED": False}
    )
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    """The app's session, inside an app context (so CLI commands invoked by the test share it)."""
    with app.app_context():
        yield db.session()
        db.session.remove()


@pytest.fixture
def fresh_session(session: Session) -> Iterator[Session]:
    """A second session with nothing cached, to see what really reached the database."""
    with Session(session.get_bind()) as fresh:
        yield fresh


@pytest.fixture
def article_text() -> str:
    return (ARTICLES_DIR / "01-night-runner-2-casting.txt").read_text(encoding="utf-8")
