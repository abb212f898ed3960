"""The deployment settings a user copies: gunicorn serves the app with deploy/gunicorn.conf.py."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from flask import Flask

from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.views.auth import announce_setup
from tests.loopback import free_port, wait_until_up

CONFIG = PROJECT_ROOT / "deploy" / "gunicorn.conf.py"


def test_the_gunicorn_settings_scale_workers_with_the_cores_and_bound_requests() -> None:
    settings: dict[str, object] = {}
    exec(CONFIG.read_text(encoding="utf-8"), settings)  # a gunicorn config is plain Python
    assert settings["workers"] == (os.cpu_count() or 1) * 2 + 1
    assert settings["timeout"] == 30 and settings["preload_app"] is True
    assert settings["forwarded_allow_ips"] == "127.0.0.1"
    assert settings["accesslog"] == "-"


def test_gunicorn_serves_the_app_with_the_deploy_settings(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("QUIZAPP_", "GUNICORN_"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
        "SECRET_KEY": "deploy-test-secret-key",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "quizapp", "db", "upgrade"],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(CONFIG), "wsgi:app"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", process, log_path)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    finally:
        process.terminate()
        process.wait(timeout=20)
    log = log_path.read_text(encoding="utf-8")
    assert '"GET / HTTP/1.1" 200' in log  # the access log, one line per request
    assert log.count("No admin yet") == 1  # preloaded: the setup link is printed once


def test_the_preloading_master_leaves_no_database_connection_to_its_workers(app: Flask) -> None:
    """With preload_app, wsgi.py's announce_setup runs in the master before the workers fork: a
    connection left in its pool would be inherited by every worker, which then talk over one
    socket (PostgreSQL answered them with 500s)."""
    announce_setup(app)
    with app.app_context():
        assert db.engine.pool.checkedin() == 0  # type: ignore[attr-defined]
