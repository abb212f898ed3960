"""gunicorn settings for serving quizapp on one machine: `gunicorn -c deploy/gunicorn.conf.py
wsgi:app`. Each value can be overridden from the environment, as noted beside it."""

from __future__ import annotations

import multiprocessing
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gunicorn.workers.base import Worker

# Sync workers: one request each. Twice the cores plus one keeps the CPUs busy while some
# workers wait on the database (GUNICORN_WORKERS overrides).
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# A worker stuck longer than this is killed and replaced; a slow article fetch is bounded
# by its own 10-second limit well inside it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5

# Start-up work once, before forking: the first-run setup link is printed once, and the
# given-name dictionary is loaded once and shared.
preload_app = True


def post_worker_init(worker: Worker) -> None:
    """Each worker opens its own database connections. The preloading master's (from the
    first-run check) are inherited by every worker, and queries of two workers on one
    PostgreSQL connection mix; close=False leaves the socket to the master."""
    from quizapp.extensions import db

    with worker.wsgi.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)


# One line per request on stdout, with the client address as the proxy reported it.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"

# Which proxies may tell gunicorn the scheme and client (X-Forwarded-*); nginx on the same
# machine by default. The app's own QUIZAPP_PROXIES says how many hops to trust.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Bound what a slow or hostile client can make a worker hold (nginx buffers in front).
limit_request_line = 8190
limit_request_fields = 100
