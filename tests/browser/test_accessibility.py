"""Accessibility in a real browser: axe-core on every kind of page, visible keyboard focus."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.support import (
    SEED_SLUG,
    axe_or_skip,
    describe,
    expect,
    new_nickname,
    start_game,
    to_first_options_question,
    tour,
)

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser
BLOCKING_IMPACTS = {"serious", "critical"}


def test_no_serious_axe_violations_on_any_page(page: Page, server: LiveServer) -> None:
    axe = axe_or_skip()
    found: dict[str, list[dict[str, Any]]] = {}

    def check(name: str) -> None:
        violations = axe.run(page).response["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            found[f"{name} ({page.url})"] = blocking

    tour(page, server, check)
    report = "\n".join(
        f"{where}:\n" + "\n".join(describe(v) for v in violations)
        for where, violations in found.items()
    )
    assert not found, f"serious or critical accessibility violations:\n{report}"


def outline(locator: Locator) -> tuple[str, str]:
    return locator.evaluate(
        "e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]"
    )


def assert_focus_visible(locator: Locator, what: str) -> None:
    style, width = outline(locator)
    assert style != "none" and width not in {"0px", ""}, (
        f"no visible focus on {what}: {style} {width}"
    )


def test_keyboard_focus_is_visible(page: Page, server: LiveServer) -> None:
    token = start_game(page, SEED_SLUG, new_nickname("Tabber"))
    to_first_options_question(page, server, token)

    # The first Tab reaches the skip link, which then shows on screen.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, box
    assert_focus_visible(skip, "the skip link")

    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "answer":
            break
    focused = page.locator("input[name=answer]:focus")
    expect(focused).to_have_count(1)
    # The radio itself is hidden; its label carries the focus ring.
    option_id = focused.get_attribute("id")
    label = page.locator(f"label[for={option_id}]")
    expect(label).to_be_visible()
    assert_focus_visible(label, f"the label of focused option {option_id}")
    unfocused = page.locator("label[for=option-1]")
    assert outline(unfocused)[0] == "none", "an unfocused option should have no focus ring"

    page.keyboard.press("Tab")
    button = page.get_by_role("button", name="Lock in answer")
    expect(button).to_be_focused()
    assert_focus_visible(button, "the Lock in answer button")

    page.keyboard.press("Tab")
    give_up = page.get_by_role("button", name="Give up")
    expect(give_up).to_be_focused()
    assert_focus_visible(give_up, "the Give up button")
    assert re.search(r"/play/[\w-]+$", page.url)
