"""Loopback helpers: a real HTTP server that serves fixed pages (article-fetching tests), a free
port, waiting for a server started in a subprocess, gunicorn serving the app with the deploy
settings, a TCP relay that can be cut to take the database away, and a guard that keeps a
test's network traffic on this machine."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

STARTUP_TIMEOUT = 90.0  # a loaded CI machine can take long to boot gunicorn


@dataclass
class Site:
    base_url: str = ""
    requests: list[dict[str, str]] = field(default_factory=list)


@contextmanager
def serving(pages: dict[str, str]) -> Iterator[Site]:
    """Serve `pages` (path → HTML) and 404 for any other path; records every request."""
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append({"path": self.path, **dict(self.headers.items())})
            html = pages.get(self.path)
            body = (html or "<!doctype html><title>Not found</title>").encode("utf-8")
            self.send_response(200 if html is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output free of access-log lines."""

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(
    url: str, process: subprocess.Popen[bytes], log_path: Path, timeout: float = STARTUP_TIMEOUT
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    pytest.fail(f"gunicorn did not answer {url} in {timeout} s:\n{log_path.read_text()}")


GUNICORN_CONFIG = Path(__file__).resolve().parents[1] / "deploy" / "gunicorn.conf.py"
STOP_TIMEOUT = 15.0


@dataclass
class Gunicorn:
    """A gunicorn server started by `gunicorn_server`: its address, master process and log."""

    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])

    def worker_pids(self) -> list[int]:
        """The master's children, which are its workers, read from /proc."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process ended while we looked
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return sorted(pids)

    def wait_for_workers(self, count: int, timeout: float = STARTUP_TIMEOUT) -> list[int]:
        deadline = time.monotonic() + timeout
        while len(pids := self.worker_pids()) != count:
            if time.monotonic() > deadline:
                pytest.fail(f"gunicorn has {len(pids)} workers, not {count}:\n{self.log()}")
            time.sleep(0.05)
        return pids

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def gunicorn_server(
    database_url: str, folder: Path, workers: int, env: dict[str, str] | None = None
) -> Iterator[Gunicorn]:
    """Serve the app with deploy/gunicorn.conf.py on a free loopback port; stopped (killed if
    need be) on the way out, whatever happened inside."""
    port = free_port()
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("QUIZAPP_", "GUNICORN_"))},
        "DATABASE_URL": database_url,
        "SECRET_KEY": "loopback-test-secret-key",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        **(env or {}),
    }
    log_path = folder / f"gunicorn-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONFIG), "wsgi:app"],
            cwd=GUNICORN_CONFIG.parents[1],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Gunicorn(f"http://127.0.0.1:{port}", process, log_path)
    try:
        wait_until_up(f"{server.base_url}/healthz", process, log_path)
        server.wait_for_workers(workers)
        yield server
    finally:
        process.send_signal(signal.SIGINT)  # quick shutdown: the test is done with it
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)


class TcpProxy:
    """A TCP relay from a loopback port to `upstream` that can be cut and restored: a database
    outage the app sees as one, without touching the database server.

    Cut, it drops every relayed connection and closes new ones as soon as they are accepted,
    so clients fail at once instead of hanging until a timeout.
    """

    def __init__(self, upstream: tuple[str, int]) -> None:
        assert upstream[0] in {"127.0.0.1", "localhost", "::1"}, "loopback only"
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port: int = self.listener.getsockname()[1]
        self.up = threading.Event()
        self.up.set()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.live: set[socket.socket] = set()
        self.refused = 0
        self.threads: list[threading.Thread] = []

    def __enter__(self) -> TcpProxy:
        self._spawn(self._accept_loop)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self.cut()
        self.listener.close()
        for thread in self.threads:
            thread.join(timeout=5)

    def cut(self) -> None:
        self.up.clear()
        with self.lock:
            doomed, self.live = self.live, set()
        for sock in doomed:
            _drop(sock)

    def restore(self) -> None:
        self.up.set()

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self.threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self.up.is_set():
                self.refused += 1
                _drop(client)
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                _drop(client)
                continue
            client.settimeout(None)
            server.settimeout(None)
            with self.lock:
                self.live |= {client, server}
            self._spawn(self._pump, client, server)
            self._spawn(self._pump, server, client)

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with self.lock:
                self.live -= {source, sink}
            _drop(source)
            _drop(sink)


def _drop(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


HOSTS_FILE = Path("/etc/hosts")


def hosts_file_names() -> set[str]:
    names: set[str] = set()
    for line in HOSTS_FILE.read_text(encoding="utf-8").splitlines():
        names.update(name.lower() for name in line.split("#", 1)[0].split()[1:])
    return names


def keep_to_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test makes the app fetch, nothing leaves the machine: host names resolve only
    through /etc/hosts (numeric forms such as 2130706433 still parse, without a lookup) and
    sockets connect only to loopback addresses."""
    known = hosts_file_names()
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(
        host: bytes | str | None,
        port: bytes | str | int | None,
        family: int = 0,
        type: int = 0,
        proto: int = 0,
        flags: int = 0,
    ) -> list[Any]:
        name = host.decode() if isinstance(host, bytes) else host or ""
        if name.lower().rstrip(".") not in known:
            flags |= socket.AI_NUMERICHOST
        return real_getaddrinfo(host, port, family, type, proto, flags)

    def connect(self: socket.socket, address: Any) -> None:
        if isinstance(address, tuple):
            try:
                loopback = ipaddress.ip_address(str(address[0]).split("%")[0]).is_loopback
            except ValueError:
                loopback = False
            if not loopback:
                raise ConnectionRefusedError(f"tests connect to loopback only, not {address[0]}")
        real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
