"""Fixtures: an app on a fresh database built by the migrations, for every test.

The migrations run once per session (and per xdist worker) into a template database; each test
gets a copy of it: a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL.

Tests marked `both_databases` run twice: on SQLite and on the PostgreSQL server named by
TEST_DATABASE_URL. Without that server they are skipped, except under CI=true, where they fail:
a CI run must not pass by silently testing one database.
"""

from __future__ import annotations

import os
import shutil
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests share one live server and one Chromium: under xdist they ask for one worker
    (pytest 9.2's xdist may still spread them, pytest-dev/pytest-xdist#1386; each worker then
    starts its own server)."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))


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


def _migrated(url: str) -> None:
    """Build the schema at `url` through the migrations, as production does."""
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        db.session.remove()
        db.engine.dispose()


def _run_id(worker_id: str) -> str:
    """Names this run's databases apart from other runs and xdist workers on one server."""
    return f"{worker_id}_{os.getpid()}".replace("-", "_")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per session; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    _migrated(f"sqlite:///{path}")
    assert not path.with_name(path.name + "-wal").exists(), "the template must be checkpointed"
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres_problem: str | None, worker_id: str) -> Iterator[PostgresCopies]:
    """A PostgreSQL database migrated once per session, copied with CREATE DATABASE … TEMPLATE
    for each test. Both are dropped when the session ends."""
    if postgres_problem:
        if in_ci():
            pytest.fail(f"PostgreSQL tests cannot run under CI: {postgres_problem}")
        pytest.skip(f"PostgreSQL tests skipped: {postgres_problem}")
    copies = PostgresCopies(sa.make_url(os.environ["TEST_DATABASE_URL"]), _run_id(worker_id))
    copies.create_template()
    yield copies
    copies.drop_all()


class PostgresCopies:
    """Creates and drops this run's databases through the server's maintenance database."""

    def __init__(self, server_url: sa.URL, run_id: str) -> None:
        self.server_url = server_url
        self.template = f"quizapp_template_{run_id}"
        self.copy = f"quizapp_test_{run_id}"

    def _execute(self, *statements: str) -> None:
        engine = sa.create_engine(self.server_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                for statement in statements:
                    connection.execute(sa.text(statement))
        finally:
            engine.dispose()

    def create_template(self) -> None:
        self._execute(
            f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)",
            f"CREATE DATABASE {self.template}",
        )
        _migrated(self.server_url.set(database=self.template).render_as_string(False))

    def fresh_copy(self, name: str | None = None) -> str:
        """A new copy of the template, by default the one each test gets in turn."""
        name = name or self.copy
        self._execute(
            f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
            f"CREATE DATABASE {name} TEMPLATE {self.template}",
        )
        return self.server_url.set(database=name).render_as_string(False)

    def drop(self, name: str) -> None:
        self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def drop_all(self) -> None:
        self._execute(
            f"DROP DATABASE IF EXISTS {self.copy} WITH (FORCE)",
            f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)",
        )


@pytest.fixture
def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A freshly migrated database of its own for this test: a copy of the session's template."""
    if backend == "sqlite":
        path = tmp_path / "test.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    copies: PostgresCopies = request.getfixturevalue("postgres_template")
    return copies.fresh_copy()


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "WTF_CSRF_ENABLED": False}
    )
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
