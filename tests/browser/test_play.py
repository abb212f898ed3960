"""Whole games in a real browser: all right (by keyboard), all wrong, giving up, back and reload."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from tests.browser.support import (
    SEED_QUESTIONS,
    SEED_SLUG,
    answered_count,
    asked,
    assert_not_error_page,
    attempt_row,
    board_row,
    expect,
    lock_in,
    new_nickname,
    pick,
    play_through,
    result_stat,
    review_verdicts,
    shown_question,
    start_game,
    to_first_options_question,
    wait_for_feedback,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Request

    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser
FULL_POINTS = f"{SEED_QUESTIONS * 1000:,}"


@dataclass(frozen=True)
class Finished:
    nickname: str
    token: str
    page: Page


def tab_to(page: Page, selector: str, limit: int = 20) -> None:
    """Press Tab until an element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector} on {page.url}")


@pytest.fixture(scope="session")
def champion(chromium: Browser, server: LiveServer) -> Iterator[Finished]:
    """A player who answered all the seed quiz's questions right, using only the keyboard.

    The first question with options is answered the long way (Tab into the options, Space,
    arrow keys, Enter), the rest with the number-key shortcut and Enter, typed ones by typing.
    """
    context = chromium.new_context(base_url=server.base_url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    nickname = new_nickname("Ace")
    token = start_game(page, SEED_SLUG, nickname)

    first = to_first_options_question(page, server, token, keyboard=True)
    assert first.correct_option is not None
    tab_to(page, "input[name=answer]")
    expect(page.locator("#option-0")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#option-0")).to_be_checked()
    for _ in range(first.correct_option):
        page.keyboard.press("ArrowDown")
    expect(page.locator(f"#option-{first.correct_option}")).to_be_checked()
    expect(page.locator(f"#option-{first.correct_option}")).to_be_focused()
    page.keyboard.press("Enter")
    wait_for_feedback(page, first.position)
    expect(page.locator("#verdict")).to_contain_text("Right!")
    expect(page.get_by_role("link", name="Next question")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/play/[\w-]+$"))

    play_through(page, server, token, right=True, keyboard=True)
    yield Finished(nickname, token, page)
    context.close()


def test_all_right_scores_full_marks_and_tops_the_board(
    champion: Finished, server: LiveServer
) -> None:
    page = champion.page
    page.goto(f"/results/{champion.token}")
    assert result_stat(page, "Correct") == f"{SEED_QUESTIONS} of {SEED_QUESTIONS}"
    assert result_stat(page, "Score") == f"{FULL_POINTS} of {FULL_POINTS}"
    assert result_stat(page, "Rank") == "#1"
    verdicts = review_verdicts(page)
    assert len(verdicts) == SEED_QUESTIONS
    assert all(v.startswith("Right") for v in verdicts), verdicts
    expect(page.locator(".meta")).to_have_text(f"Played by {champion.nickname}")
    row = attempt_row(server, champion.token)
    assert row["status"] == "finished"
    assert row["correct_count"] == SEED_QUESTIONS

    page.get_by_role("main").get_by_role("link", name="Leaderboard", exact=True).click()
    page.wait_for_url(re.compile(rf"/leaderboard/{SEED_SLUG}$"))
    mine = board_row(page, champion.nickname)
    assert mine.rank == 1
    assert mine.points == FULL_POINTS
    assert "(you)" in mine.cells[1]
    expect(page.locator(".my-rank")).to_contain_text("#1")

    page.goto("/leaderboard")
    assert board_row(page, champion.nickname).points == FULL_POINTS


def test_all_wrong_scores_nothing_and_ranks_below(
    champion: Finished, page: Page, server: LiveServer
) -> None:
    nickname = new_nickname("Miss")
    token = start_game(page, SEED_SLUG, nickname)
    play_through(page, server, token, right=False)

    assert result_stat(page, "Correct") == f"0 of {SEED_QUESTIONS}"
    assert result_stat(page, "Score") == f"0 of {FULL_POINTS}"
    verdicts = review_verdicts(page)
    assert verdicts == ["Wrong"] * SEED_QUESTIONS
    assert attempt_row(server, token)["points"] == 0

    page.goto(f"/leaderboard/{SEED_SLUG}")
    mine, best = board_row(page, nickname), board_row(page, champion.nickname)
    assert mine.points == "0"
    assert "(you)" in mine.cells[1] and "(you)" not in best.cells[1]  # separate players
    assert best.rank < mine.rank, (best, mine)


def test_giving_up_leaves_the_rest_unanswered(page: Page, server: LiveServer) -> None:
    nickname = new_nickname("Quitter")
    token = start_game(page, SEED_SLUG, nickname)
    answered = 3
    for position in range(answered):
        assert shown_question(page)[0] == position
        pick(page, asked(server, token, position), right=True)
        lock_in(page, position)
        page.get_by_role("link", name="Next question").click()
        page.wait_for_url(re.compile(r"/play/[\w-]+$"))

    assert shown_question(page) == (answered, SEED_QUESTIONS)
    page.get_by_role("button", name="Give up").click()
    page.wait_for_url(re.compile(rf"/results/{token}$"))
    assert_not_error_page(page)

    expect(page.locator(".meta")).to_contain_text("gave up")
    assert result_stat(page, "Correct") == f"{answered} of {SEED_QUESTIONS}"
    assert result_stat(page, "Score") == f"{answered * 1000:,} of {FULL_POINTS}"
    verdicts = review_verdicts(page)
    assert len(verdicts) == SEED_QUESTIONS
    assert all(v.startswith("Right") for v in verdicts[:answered]), verdicts
    assert verdicts[answered:] == ["Not answered"] * (SEED_QUESTIONS - answered)
    assert attempt_row(server, token)["status"] == "gave_up"

    # The finished game cannot be resumed: its question page sends back to the results.
    page.goto(f"/play/{token}")
    page.wait_for_url(re.compile(rf"/results/{token}$"))


def test_back_reload_and_stale_forms_count_each_answer_once(
    new_context: Callable[..., BrowserContext], server: LiveServer
) -> None:
    context = new_context()
    page = context.new_page()
    token = start_game(page, SEED_SLUG, new_nickname("Wobbly"))
    # The same question open in a second tab of the same browser: a stale form later on.
    stale = context.new_page()
    stale.goto(f"/play/{token}")
    assert shown_question(stale) == (0, SEED_QUESTIONS)

    first = asked(server, token, 0)
    given = pick(page, first, right=True)
    lock_in(page, 0)
    expect(page.locator("#verdict")).to_contain_text("Right!")
    score = page.locator(".score-so-far")
    expect(score).to_have_text(f"Score so far: 1,000 points, 1 of {SEED_QUESTIONS} right.")

    # Back: the question address now shows the current question, not the answered one.
    response = page.go_back()
    assert response is not None and response.status == 200
    assert_not_error_page(page)
    assert shown_question(page) == (1, SEED_QUESTIONS)
    page.reload()
    assert_not_error_page(page)
    assert shown_question(page) == (1, SEED_QUESTIONS)

    # Forward to the feedback and reload it: still one answer, the same one.
    page.go_forward()
    page.reload()
    wait_for_feedback(page, first.position)
    expect(score).to_have_text(f"Score so far: 1,000 points, 1 of {SEED_QUESTIONS} right.")
    expect(page.locator(".answer-pair dd").first).to_have_text(given)

    # The stale tab sends another answer to question 1: a harmless replay.
    pick(stale, first, right=False)
    lock_in(stale, 0)
    expect(stale.locator("#verdict")).to_contain_text("Right!")
    expect(stale.locator(".answer-pair dd").first).to_have_text(given)
    expect(stale.locator(".score-so-far")).to_have_text(
        f"Score so far: 1,000 points, 1 of {SEED_QUESTIONS} right."
    )
    assert answered_count(server, token) == 1
    assert attempt_row(server, token)["correct_count"] == 1

    # A double click on "Lock in answer" sends one answer.
    page.get_by_role("link", name="Next question").click()
    page.wait_for_url(re.compile(r"/play/[\w-]+$"))
    assert shown_question(page) == (1, SEED_QUESTIONS)
    posts: list[Request] = []
    page.on("request", lambda r: posts.append(r) if r.method == "POST" else None)
    pick(page, asked(server, token, 1), right=True)
    page.get_by_role("button", name="Lock in answer").dblclick()
    wait_for_feedback(page, 1)
    assert len(posts) == 1, [p.url for p in posts]
    expect(score).to_have_text(f"Score so far: 2,000 points, 2 of {SEED_QUESTIONS} right.")

    page.go_back()
    assert_not_error_page(page)
    assert shown_question(page) == (2, SEED_QUESTIONS)
    page.get_by_role("button", name="Give up").click()
    page.wait_for_url(re.compile(rf"/results/{token}$"))
    assert result_stat(page, "Correct") == f"2 of {SEED_QUESTIONS}"
    assert result_stat(page, "Score") == f"2,000 of {FULL_POINTS}"
    assert review_verdicts(page).count("Not answered") == SEED_QUESTIONS - 2
    assert answered_count(server, token) == 2
