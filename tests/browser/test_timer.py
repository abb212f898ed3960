"""A timed quiz: the page's countdown ends the game by itself when the time is up."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

import pytest

from tests.browser.support import (
    TIMED_LIMIT_SECONDS,
    asked,
    attempt_row,
    expect,
    lock_in,
    new_nickname,
    pick,
    result_stat,
    review_verdicts,
    shown_question,
    start_game,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page, Request

    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser


def test_countdown_ends_the_game_when_time_runs_out(
    page: Page, server: LiveServer, timed_quiz: str
) -> None:
    page.goto(f"/quizzes/{timed_quiz}")
    expect(page.locator("#rules-heading + ul")).to_contain_text(
        f"Time limit: {TIMED_LIMIT_SECONDS} s for the quiz."
    )
    started = time.monotonic()
    token = start_game(page, timed_quiz, new_nickname("Slowpoke"))
    position, count = shown_question(page)
    assert position == 0

    timer = page.get_by_role("timer")
    expect(timer).to_contain_text(re.compile(r"Time left: 0:0\d"))
    shown = timer.inner_text()

    # One quick right answer, then nothing: the countdown carries on from the next question.
    pick(page, asked(server, token, 0), right=True)
    lock_in(page, 0)
    expect(page.locator("#verdict")).to_contain_text("Right!")
    page.get_by_role("link", name="Next question").click()
    page.wait_for_url(re.compile(rf"/play/{token}$"))
    assert shown_question(page) == (1, count)
    expect(timer).not_to_have_text(shown)  # it counts down

    reloads: list[Request] = []
    page.on(
        "request",
        lambda r: reloads.append(r) if r.url.endswith(f"/play/{token}") else None,
    )
    page.wait_for_url(re.compile(rf"/results/{token}$"), timeout=(TIMED_LIMIT_SECONDS + 10) * 1000)
    waited = time.monotonic() - started
    assert waited >= TIMED_LIMIT_SECONDS - 0.5, f"the game ended after only {waited:.1f} s"

    expect(page.locator(".meta")).to_contain_text("time ran out")
    expect(page.locator(".flash")).to_contain_text("Time is up")
    assert result_stat(page, "Correct") == f"1 of {count}"
    verdicts = review_verdicts(page)
    assert verdicts[0].startswith("Right"), verdicts
    assert verdicts[1:] == ["Not answered"] * (count - 1)
    assert attempt_row(server, token)["status"] == "timed_out"
    # The countdown goes to the server once when it reaches zero, not in a tight reload loop.
    assert len(reloads) <= 2, f"{len(reloads)} page loads of the question while time ran out"
