"""The shipped deployment, started on loopback from its own files: gunicorn servers from
deploy/systemd/quizapp@.service with deploy/quizapp.env, behind nginx running
deploy/nginx/quizapp.conf. Everything lives in one temporary folder and is stopped on exit."""

from __future__ import annotations

import os
import shlex
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizapp.config import PROJECT_ROOT
from tests.loopback import wait_until_up

NGINX = Path(os.environ.get("NGINX_PATH", "/usr/sbin/nginx"))
DEPLOY = PROJECT_ROOT / "deploy"
SITE = DEPLOY / "nginx" / "quizapp.conf"
UNIT = DEPLOY / "systemd" / "quizapp@.service"
SETTINGS = DEPLOY / "quizapp.env"
# Where the shipped files expect the checkout and its venv.
APP_DIR = "/srv/quizapp"
# Two servers importing the app while the whole suite runs on every core can take this long.
STARTUP_TIMEOUT = 90.0


@dataclass
class Stack:
    https_url: str
    http_url: str
    https_port: int
    app_urls: list[str]
    app_logs: list[Path]
    tls: ssl.SSLContext  # trusts the stack's own certificate

    def app_log(self, server: int) -> str:
        return self.app_logs[server].read_text(encoding="utf-8")


def read_settings(path: Path = SETTINGS) -> dict[str, str]:
    """NAME=value lines, as systemd's EnvironmentFile reads them (comments and blanks skipped)."""
    settings = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            settings[name.strip()] = value
    return settings


def unit_directives(path: Path = UNIT) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    pairs = [line.partition("=") for line in lines if "=" in line and not line.startswith("#")]
    return [(name, value) for name, _, value in pairs]


def here(value: str) -> str:
    """A path of the shipped files, moved to this checkout and the Python running the tests."""
    value = value.replace(f"{APP_DIR}/.venv/bin/", f"{Path(sys.executable).parent}/")
    return value.replace(APP_DIR, str(PROJECT_ROOT))


def unit_command(port: int, runtime: Path) -> tuple[list[str], dict[str, str]]:
    """The unit's ExecStart and Environment for instance `port` (%i), as systemd would run it,
    with `runtime` for systemd's runtime folder (%t)."""
    command: list[str] = []
    environment = {}
    for name, value in unit_directives():
        value = here(value.replace("%i", str(port)).replace("%t", str(runtime)))
        if name == "ExecStart":
            command = shlex.split(value)
        elif name == "Environment":
            key, _, setting = value.partition("=")
            environment[key] = setting
        elif name == "RuntimeDirectory":  # systemd makes it before starting the service
            (runtime / value).mkdir(parents=True)
        elif name == "WorkingDirectory":
            assert Path(value) == PROJECT_ROOT, value
    assert command, f"{UNIT} has no ExecStart"
    return command, environment


def render_site(app_ports: list[int], http_port: int, https_port: int, tls: Path) -> str:
    """The shipped site with this run's ports, certificate and static folder in place of the
    example ones; each example value must be there, so that a changed file fails loudly."""
    site = SITE.read_text(encoding="utf-8")
    swaps = {
        "127.0.0.1:8001": f"127.0.0.1:{app_ports[0]}",
        "127.0.0.1:8002": f"127.0.0.1:{app_ports[1]}",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        # IPv4 loopback only.
        "listen [::]:80;": "",
        "listen [::]:443 ssl http2;": "",
        "/etc/letsencrypt/live/quiz.example.org/fullchain.pem": str(tls / "cert.pem"),
        "/etc/letsencrypt/live/quiz.example.org/privkey.pem": str(tls / "key.pem"),
        f"{APP_DIR}/static/": f"{PROJECT_ROOT}/static/",
    }
    for example, ours in swaps.items():
        assert site.count(example) == 1, f"{SITE} should hold `{example}` once"
        site = site.replace(example, ours)
    return site


def nginx_conf(folder: Path) -> str:
    """The main file Debian's /etc/nginx/nginx.conf stands for, with every path in `folder`."""
    # As root, nginx's workers would run as nobody, who cannot enter the pytest folder.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    temp_paths = "".join(
        f"    {kind}_temp_path {folder}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events { worker_connections 256; }\n"
        "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log {folder}/access.log;\n{temp_paths}    include {folder}/site.conf;\n}}\n"
    )


def make_certificate(folder: Path) -> ssl.SSLContext:
    """A self-signed certificate for 127.0.0.1 in `folder`, and a client context trusting it."""
    folder.mkdir()
    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"]
    name = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
    files = ["-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")]
    subprocess.run(
        ["openssl", "req", "-x509", *key, *name, *files],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return ssl.create_default_context(cafile=folder / "cert.pem")


def free_ports(count: int) -> list[int]:
    """Distinct free ports: all held open at once while the kernel picks them."""
    with ExitStack() as held:
        probes = [held.enter_context(socket.socket()) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]


def start(
    started: list[subprocess.Popen[bytes]], command: list[str], env: dict[str, str], log: Path
) -> subprocess.Popen[bytes]:
    """Start `command` with its output in `log`, and add it to `started`."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    started.append(process)
    return process


@contextmanager
def stopped_on_exit() -> Iterator[list[subprocess.Popen[bytes]]]:
    """A list for the processes started inside; on exit, TERM to all at once (a gunicorn takes
    seconds to shut down), then KILL any still running."""
    started: list[subprocess.Popen[bytes]] = []
    try:
        yield started
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited with {process.returncode}:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"nginx did not listen on {port} in {STARTUP_TIMEOUT} s:\n{log.read_text()}")


@contextmanager
def deployed(folder: Path, settings: dict[str, str]) -> Iterator[Stack]:
    """Two app servers with `settings` as their environment file, and nginx in front."""
    *app_ports, http_port, https_port = free_ports(4)
    base_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QUIZAPP_", "GUNICORN_")) and k not in settings
    }
    with stopped_on_exit() as started:
        servers = []
        for port in app_ports:
            command, unit_env = unit_command(port, folder / "run")
            log = folder / f"gunicorn-{port}.log"
            servers.append(
                (port, log, start(started, command, {**base_env, **settings, **unit_env}, log))
            )
        tls = make_certificate(folder / "tls")
        (folder / "site.conf").write_text(
            render_site(app_ports, http_port, https_port, folder / "tls"), encoding="utf-8"
        )
        (folder / "nginx.conf").write_text(nginx_conf(folder), encoding="utf-8")
        log = folder / "error.log"
        files = ["-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(log)]
        command = [str(NGINX), *files, "-g", "daemon off;"]
        nginx = start(started, command, dict(os.environ), folder / "nginx.out")
        wait_for_port(https_port, nginx, log)
        for port, log, process in servers:
            wait_until_up(f"http://127.0.0.1:{port}/healthz", process, log, STARTUP_TIMEOUT)
        yield Stack(
            https_url=f"https://127.0.0.1:{https_port}",
            http_url=f"http://127.0.0.1:{http_port}",
            https_port=https_port,
            app_urls=[f"http://127.0.0.1:{port}" for port in app_ports],
            app_logs=[log for _, log, _ in servers],
            tls=tls,
        )
