"""Requests per second of quizapp's pages, side by side with a minimal Flask page.

Run with `make bench-pages` (about four minutes), or `.venv/bin/python benchmarks/bench_pages.py
--rounds 5 --seconds 2 --pages home "quiz page"`. Everything lives in a temporary folder.

Both apps are served by gunicorn with 2 sync workers on free loopback ports, the same flags
for both (the app preloaded, no access log), on SQLite:
  - the reference: TechEmpower's fortunes test on Flask + Flask-SQLAlchemy (fortunes/app.py);
  - quizapp, migrated, with the seed quiz (`flask seed`) and --players players who each played
    it once (a tenth gave up half-way), finishing over the last ten days.

A player made over HTTP (the start form with its CSRF token) who has played the quiz once is
the visitor of every page: their session cookie goes with each request, so the pages show
their rank. After a warm-up of 3 s per page, wrk (-t2 -c16) drives each page for --seconds, in
--rounds rounds; in each round every page runs next to a run of the reference (before it in odd
rounds, after it in even ones), and its ratio is its rate over that run's. Printed per page:
the medians over the rounds of the requests per second, of the 99th latency percentile and of
the ratio. This machine is shared, so rates swing with other people's work from one run to the
next; the CPU time the workers spend per request (read from /proc) swings less, and its ratio
(the reference's over the page's) is printed too.

The question page and the answer POST need an attempt no request has touched, since a question
shown once is a reload the next time and an answered question is a replay (which the app
answers without judging anything). Before each of their runs a pool of fresh attempts is made:
copies of an attempt the player started through the form, standing at every position in turn,
so that one answer in N (N questions) finishes its attempt and posts it to the leaderboards, as
in a real game. A copy holds its current question's row, the only one either request reads.
fresh_attempts.lua sends each request to the next attempt of the pool. After the run the pool
is checked: at least as many questions were shown, or answered, as wrk counted requests.
A run with non-2xx/3xx responses, socket errors or fewer changes than requests stops the
benchmark (status 1).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from bench_pages_setup import (
    HERE,
    WORKERS,
    BenchFailure,
    Server,
    Visitor,
    build_database,
    make_pool,
    make_visitor,
    pool_changes,
    quizapp_environment,
    serving,
    workers_cpu_seconds,
)
from flask import Flask

LUA = HERE / "fresh_attempts.lua"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
THREADS = 2
CONNECTIONS = 16
WARM_UP_SECONDS = 3
# The pages' targets from issue 11, as a share of the reference's rate.
TARGETS = {
    "home": 0.7,
    "quiz page": 0.6,
    "leaderboard page": 0.6,
    "question page": 0.5,
    "answer POST": 0.4,
}
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Run:
    rate: float  # requests per second
    p99_ms: float
    requests: int
    cpu_ms: float = 0.0  # the workers' CPU time per request


@dataclass
class Page:
    name: str
    path: str  # for the attempt pages, the method wrk sends to fresh attempts (GET or POST)
    fresh: bool = False
    runs: list[Run] = field(default_factory=list)
    references: list[Run] = field(default_factory=list)  # the reference's run beside each

    def ratio(self) -> float:
        return median(
            [run.rate / ref.rate for run, ref in zip(self.runs, self.references, strict=True)]
        )

    def cpu_ratio(self) -> float:
        return median(
            [ref.cpu_ms / run.cpu_ms for run, ref in zip(self.runs, self.references, strict=True)]
        )


@dataclass(frozen=True)
class Setting:
    """What every measurement needs: the two servers, the visitor, the data, a scratch folder."""

    app: Flask
    reference: Server
    quizapp: Server
    visitor: Visitor
    folder: Path


def run_wrk(server: Server, path: str, seconds: int, options: list[str], args: list[str]) -> Run:
    """wrk on one page, with the CPU time the server's workers spent meanwhile."""
    command = [WRK, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", *options]
    command += [server.url + path, *(["--", *args] if args else [])]
    before = workers_cpu_seconds(server)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = workers_cpu_seconds(server) - before
    run = parse_wrk(output, path)
    return Run(run.rate, run.p99_ms, run.requests, cpu * 1000 / max(run.requests, 1))


def parse_wrk(output: str, path: str) -> Run:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    requests = re.search(r"(\d+) requests in", output)
    if rate is None or p99 is None or requests is None:
        raise BenchFailure(f"unreadable wrk output for {path}:\n{output}")
    for problem in ("Non-2xx or 3xx responses", "Socket errors"):
        if problem in output:
            raise BenchFailure(f"{problem} on {path}:\n{output}")
    return Run(float(rate[1]), float(p99[1]) * UNITS_MS[p99[2]], int(requests[1]))


def measure(setting: Setting, page: Page, seconds: int) -> Run:
    visitor = setting.visitor
    cookie = ["-H", f"Cookie: {visitor.cookie}"]
    if not page.fresh:
        return run_wrk(setting.quizapp, page.path, seconds, cookie, [])
    shown = page.path == "POST"
    # The fastest run so far, not the last: after a run slowed by other work on the machine, a
    # pool sized on it runs out, and the run is refused.
    expected = max((run.rate for run in page.runs), default=1000.0)
    pool = make_pool(setting.app, visitor, int(expected * seconds * 2) + 1000, shown)
    tokens = setting.folder / "tokens.txt"
    tokens.write_text("\n".join(pool.lines) + "\n", encoding="utf-8")
    args = [str(tokens), str(THREADS), page.path, visitor.cookie, visitor.csrf]
    run = run_wrk(setting.quizapp, "/", seconds, ["-s", str(LUA)], args)
    changed = pool_changes(setting.app, pool, "answered_at" if shown else "shown_at")
    if changed < run.requests:
        raise BenchFailure(
            f"{page.name}: {run.requests} requests but only {changed} questions changed"
        )
    return run


def reference_run(setting: Setting, seconds: int) -> Run:
    return run_wrk(setting.reference, "/fortunes", seconds, [], [])


def measure_rounds(setting: Setting, pages: list[Page], rounds: int, seconds: int) -> None:
    """Every page next to a run of the reference, round after round."""
    # Warm-up, unmeasured: each worker compiles its templates, fills its caches and copies the
    # memory pages it writes to (shared with the preloaded master until then).
    for page in pages:
        reference_run(setting, WARM_UP_SECONDS)
        page.runs.append(measure(setting, page, WARM_UP_SECONDS))
    for page in pages:
        page.runs.clear()
    for number in range(1, rounds + 1):
        for page in pages:
            if number % 2:
                reference = reference_run(setting, seconds)
                run = measure(setting, page, seconds)
            else:
                run = measure(setting, page, seconds)
                reference = reference_run(setting, seconds)
            page.runs.append(run)
            page.references.append(reference)
            print(
                f"  round {number}: {page.name:<20}{run.rate:6.0f} req/s {run.cpu_ms:5.2f} ms CPU"
                f"   reference{reference.rate:6.0f} req/s {reference.cpu_ms:5.2f} ms CPU"
                f"   {run.rate / reference.rate:.2f}×",
                flush=True,
            )


def report(pages: list[Page], rounds: int, seconds: int) -> None:
    print(
        f"\nMedians of {rounds} rounds of {seconds} s; gunicorn, {WORKERS} sync workers each; "
        f"wrk -t{THREADS} -c{CONNECTIONS}; SQLite"
    )
    print(
        f"{'page':<22}{'req/s':>7}{'p99 ms':>8}{'ratio':>7}  {'target':<13}{'CPU ms/req':>11}",
        end="",
    )
    print(f"{'CPU ratio':>10}")
    references = [ref for page in pages for ref in page.references]
    print(
        f"{'fortunes (reference)':<22}{median([r.rate for r in references]):>7.0f}"
        f"{median([r.p99_ms for r in references]):>8.1f}{'':>22}"
        f"{median([r.cpu_ms for r in references]):>11.2f}"
    )
    for page in pages:
        ratio, target = page.ratio(), TARGETS.get(page.name)
        verdict = ""
        if target is not None:
            verdict = f"≥ {target:.1f}× " + ("met" if ratio >= target else "missed")
        print(
            f"{page.name:<22}{median([r.rate for r in page.runs]):>7.0f}"
            f"{median([r.p99_ms for r in page.runs]):>8.1f}{ratio:>6.2f}×  {verdict:<13}"
            f"{median([r.cpu_ms for r in page.runs]):>11.2f}{page.cpu_ratio():>9.2f}×"
        )


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=2)
    parser.add_argument("--players", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--pages", nargs="*", help="only these pages (by name), say 'home'")
    arguments = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-pages-")))
        environment = quizapp_environment(folder)
        print(f"building the database: the seed quiz, {arguments.players} players", flush=True)
        app = build_database(environment, arguments.players, arguments.seed)
        fortunes = {**environment, "FORTUNES_DATABASE": str(folder / "fortunes.sqlite")}
        target = ["--chdir", str(HERE / "fortunes"), "app:app"]
        reference = stack.enter_context(serving("reference", target, fortunes, folder))
        quizapp = stack.enter_context(serving("quizapp", ["wsgi:app"], environment, folder))
        visitor = make_visitor(app, quizapp.url)
        setting = Setting(app, reference, quizapp, visitor, folder)
        pages = [
            Page("home", "/"),
            Page("quiz page", f"/quizzes/{visitor.slug}"),
            Page("leaderboard page", f"/leaderboard/{visitor.slug}"),
            Page("overall leaderboard", "/leaderboard"),
            Page("question page", "GET", fresh=True),
            Page("answer POST", "POST", fresh=True),
        ]
        pages = [page for page in pages if not arguments.pages or page.name in arguments.pages]
        try:
            measure_rounds(setting, pages, arguments.rounds, arguments.seconds)
        except BenchFailure as failure:
            print(f"benchmark refused: {failure}", file=sys.stderr)
            return 1
        report(pages, arguments.rounds, arguments.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
