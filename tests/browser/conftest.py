"""Browser end-to-end fixtures: one real gunicorn server, one headless Chromium, a fresh context
(a fresh player: own cookies) per test.

The server runs on a free loopback port against a new SQLite file, built by the real command
line (`flask db upgrade`, `flask seed`). Chromium is the system one (CHROMIUM_PATH, default
/usr/bin/chromium) driven by Playwright; `playwright install` is never needed. Without
Playwright or Chromium the tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.support import TIMED_ARTICLE, TIMED_LIMIT_SECONDS, missing
from tests.conftest import in_ci
from tests.loopback import free_port, wait_until_up

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@dataclass
class LiveServer:
    base_url: str
    db_path: Path
    env: dict[str, str]
    log_path: Path

    def url(self, path: str) -> str:
        return self.base_url + path

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Read (or, for test setup, change) the server's database directly."""
        with sqlite3.connect(self.db_path, timeout=10) as connection:
            rows = connection.execute(sql, params).fetchall()
        connection.close()
        return rows

    def flask(self, *args: str, stdin: str | None = None) -> str:
        """Run a `flask --app quizapp` command against the server's database; its stdout.

        `stdin` answers the command's prompts (a password asked for twice, say).
        """
        return run_flask(self.env, *args, stdin=stdin)


def run_flask(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    command = [sys.executable, "-m", "flask", "--app", "quizapp", *args]
    done = subprocess.run(
        command,
        cwd=PROJECT_ROOT,
        env=env,
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        pytest.fail(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def require_browser_tools() -> None:
    problem = missing("playwright.sync_api")
    if problem is None and not os.access(CHROMIUM_PATH, os.X_OK):
        problem = f"no Chromium at {CHROMIUM_PATH} (set CHROMIUM_PATH)"
    if problem:
        if in_ci():
            pytest.fail(f"browser tests cannot run under CI: {problem}")
        pytest.skip(f"browser tests skipped: {problem}")


@pytest.fixture(scope="session")
def browser_tools() -> None:
    require_browser_tools()


@pytest.fixture(scope="session")
def server(browser_tools: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("live")
    db_path = folder / "quizapp.sqlite"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")},
        "DATABASE_URL": f"sqlite:///{db_path}",
        "SECRET_KEY": "browser-tests-secret",
        "PYTHONUNBUFFERED": "1",
        # The author's tests bring in an article by URL from a page served on loopback.
        "QUIZAPP_ALLOW_PRIVATE_URLS": "1",
    }
    run_flask(env, "db", "upgrade")
    run_flask(env, "seed")
    port = free_port()
    log_path = folder / "gunicorn.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "-w", "2", "wsgi:app"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url + "/", process, log_path)
        yield LiveServer(base_url, db_path, env, log_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def timed_quiz(server: LiveServer) -> str:
    """The slug of a second quiz, with a time limit of a few seconds (set in the database)."""
    output = server.flask("ingest", str(TIMED_ARTICLE), "--publish")
    found = re.search(r"created quiz (\S+) with \d+ questions", output)
    assert found, f"unexpected ingest output: {output!r}"
    slug = found.group(1)
    server.query(
        "UPDATE quiz SET settings = json_set(COALESCE(settings, '{}'), "
        "'$.time_limit_seconds', ?) WHERE slug = ?",
        (TIMED_LIMIT_SECONDS, slug),
    )
    return slug


@pytest.fixture(scope="session")
def chromium(browser_tools: None) -> Iterator[Browser]:
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM_PATH, headless=True, args=["--no-sandbox"]
            )
        except Error as error:
            message = f"Chromium at {CHROMIUM_PATH} does not start: {error}"
            if in_ci():
                pytest.fail(message)
            pytest.skip(message)
        yield browser
        browser.close()


@pytest.fixture
def new_context(chromium: Browser, server: LiveServer) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts (separate players), closed at the end of the test."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = chromium.new_context(base_url=server.base_url, **options)
        context.set_default_timeout(10_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context().new_page()
