"""A phone-sized screen: no page scrolls sideways."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from tests.browser.support import tour

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser
WIDTH, HEIGHT = 375, 740

# The elements sticking out past the right edge, to say what to fix.
OVERFLOWING = """
width => Array.from(document.querySelectorAll("body *"))
  .filter(e => e.getBoundingClientRect().right > width + 0.5)
  .slice(0, 5)
  .map(e => `${e.tagName.toLowerCase()}${e.className ? "." + e.className : ""} `
            + `(right edge ${Math.round(e.getBoundingClientRect().right)})`)
"""


def test_no_horizontal_scrolling_at_375_px(
    new_context: Callable[..., BrowserContext], server: LiveServer
) -> None:
    page = new_context(viewport={"width": WIDTH, "height": HEIGHT}).new_page()
    too_wide: dict[str, str] = {}

    def check(name: str) -> None:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > WIDTH:
            culprits = ", ".join(page.evaluate(OVERFLOWING, WIDTH))
            too_wide[name] = f"{scroll_width} px wide ({page.url}): {culprits}"

    tour(page, server, check)
    assert not too_wide, "pages wider than the screen:\n" + "\n".join(
        f"  {name}: {why}" for name, why in too_wide.items()
    )
