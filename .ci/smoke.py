"""Plays one question of the seed quiz over HTTP, as a new user of `make run` would.

Standard library only: it runs against the server that the README's first command started,
on loopback, and exits non-zero with a one-line reason when any step fails.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
WAIT_SECONDS = 300
# The PID of the command that serves BASE: when it exits, waiting longer is pointless.
SERVER_PID = int(sys.argv[2]) if len(sys.argv) > 2 else None

opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(path: str, form: dict[str, str] | None = None) -> tuple[str, str]:
    """The final URL and body of a GET, or of a POST when `form` is given."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    with opener.open(urllib.parse.urljoin(BASE, path), data=data, timeout=30) as response:
        return response.geturl(), response.read().decode("utf-8")


def field(name: str, html: str) -> str:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html)
    if not found:
        sys.exit(f"smoke: no {name} field in the page")
    return found.group(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until_up() -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            return fetch("/")[1]
        except (urllib.error.URLError, ConnectionError):
            if SERVER_PID is not None and not _alive(SERVER_PID):
                sys.exit(f"smoke: the server command (PID {SERVER_PID}) exited before answering")
            if time.monotonic() > deadline:
                sys.exit(f"smoke: {BASE} did not answer within {WAIT_SECONDS} s")
            time.sleep(1)


def main() -> None:
    home = wait_until_up()
    quiz_link = re.search(r'href="(/quizzes/[^"]+)"', home)
    if not quiz_link:
        sys.exit("smoke: the home page lists no quiz (was the seed ingested?)")
    _, quiz_page = fetch(quiz_link.group(1))
    start = re.search(r'<form method="post" action="([^"]+)"', quiz_page)
    if not start:
        sys.exit("smoke: the quiz page has no start form")
    play_url, question = fetch(
        start.group(1), {"csrf_token": field("csrf_token", quiz_page), "nickname": "smoke test"}
    )
    if "Question 1 of" not in question:
        sys.exit(f"smoke: starting did not show question 1 ({play_url})")
    answer = re.search(r'<form method="post" action="([^"]+)" class="answer-form"', question)
    if not answer:
        sys.exit("smoke: the question page has no answer form")
    choice = "0" if 'type="radio"' in question else "smoke"
    feedback_url, feedback = fetch(
        answer.group(1),
        {
            "csrf_token": field("csrf_token", question),
            "position": field("position", question),
            "answer": choice,
        },
    )
    if not re.search(r'id="verdict">(Right!|Not quite\.)', feedback):
        sys.exit(f"smoke: answering did not show feedback ({feedback_url})")
    print(f"smoke: home, {quiz_link.group(1)}, one question answered ({feedback_url})")


if __name__ == "__main__":
    main()
