"""Stored XSS: markup in every field an author (or a player's typed answer) can store runs
nowhere it is shown.

An author stores a payload in each field through the real forms: the article's title, address
and text, a fact's subject and value, the prompt, options, answer, accepted answers and
explanation of a question of each kind, the quiz's title and description. A player plays the
quiz, typing markup as an answer. Then every page that shows them, the player's and the
author's, is opened in Chromium with the Content-Security-Policy switched off, so that only
escaping stands between a payload and its execution: no dialog, no console line, no element
or `javascript:` link of a payload's making may appear, and each payload must have been shown
at least once (or the test proves nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import pytest

from tests.browser.support import assert_not_error_page, new_nickname
from tests.conftest import ARTICLES_DIR

if TYPE_CHECKING:
    from playwright.sync_api import APIRequestContext, BrowserContext, ConsoleMessage, Dialog, Page

    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

EMAIL = "xss-author@example.com"
PASSWORD = "correct horse battery"
ARTICLE = ARTICLES_DIR / "04-dust-devils-review.txt"
CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
MARKER = re.compile(r"xss:([\w-]+)")
OWN_MARKUP = "[data-xss]"
SCRIPT_LINKS = ", ".join(
    f"[{attribute}^='javascript:' i]" for attribute in ("href", "src", "action", "formaction")
)


def payload(field: str) -> str:
    """Markup that runs (a dialog, a console line) if any page lets it out of its context:
    text, an attribute, a textarea, the title or a select's option."""
    marker = f"xss:{field}"
    return (
        f"{field} \"'></textarea></title></option><img src=x data-xss "
        f"onerror=\"console.log('{marker}');alert('{marker}')\">"
        f"<script>console.log('{marker}')</script><svg data-xss onload=alert('{marker}')>"
    )


FIELDS = [
    "article-title",
    "article-url",
    "article-text",
    "fact-subject",
    "fact-value",
    "choice-prompt",
    "choice-right",
    "choice-wrong",
    "choice-other",
    "choice-explanation",
    "typed-prompt",
    "typed-answer",
    "typed-accepted",
    "typed-explanation",
    "statement-prompt",
    "statement-explanation",
    "quiz-title",
    "quiz-description",
    "player-answer",
]


class Watch:
    """Everything a payload could set off in a browser context, and the fields seen."""

    def __init__(self, context: BrowserContext) -> None:
        self.fired: list[str] = []
        self.seen: set[str] = set()
        self.pages: list[str] = []
        context.on("page", self._listen)

    def _listen(self, page: Page) -> None:
        def on_dialog(dialog: Dialog) -> None:
            self.fired.append(f"dialog on {page.url}: {dialog.message}")
            dialog.dismiss()

        def on_console(message: ConsoleMessage) -> None:
            if "xss:" in message.text:
                self.fired.append(f"console on {page.url}: {message.text}")

        page.on("dialog", on_dialog)
        page.on("console", on_console)

    def check(self, page: Page) -> None:
        """The page shows payloads only as text."""
        page.wait_for_load_state("load")
        assert_not_error_page(page)
        made = page.locator(OWN_MARKUP).count()
        links = page.locator(SCRIPT_LINKS).count()
        assert (made, links) == (0, 0), f"{page.url}: {made} payload elements, {links} links"
        assert not self.fired, self.fired
        self.seen |= set(MARKER.findall(page.content()))
        self.pages.append(page.url)


def csrf_of(api: APIRequestContext, path: str) -> str:
    page = api.get(path)
    assert page.status == 200, (path, page.status)
    found = CSRF.search(page.text())
    assert found, path
    return found.group(1)


def post(
    api: APIRequestContext,
    path: str,
    fields: list[tuple[str, str]],
    action: str | None = None,
    csrf_field: str = "csrf_token",
) -> str:
    """Submit a form of the page at `path` as the page would, CSRF token included; where the
    app sends us next."""
    token = csrf_of(api, path)
    response = api.post(
        action or path,
        data=urlencode([(csrf_field, token), *fields]),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        max_redirects=0,
    )
    assert response.status == 303, (path, response.status, response.text()[:2000])
    return response.headers["location"]


def new_id(location: str) -> int:
    found = re.search(r"/(\d+)(?:#.*)?$", location)
    assert found, location
    return int(found.group(1))


def store_payloads(api: APIRequestContext, server: LiveServer) -> dict[str, Any]:
    """Through the author's forms: an article, a fact, a question of each kind, a quiz."""
    text = (
        ARTICLE.read_text(encoding="utf-8").strip()
        + f"\n\nA statement read {payload('article-text')} on Friday."
        + f"\n\nThe credits also list {payload('fact-value')}."
    )
    article = new_id(
        post(
            api,
            "/author/articles/new",
            [
                ("source", "paste"),
                ("title", payload("article-title")),
                ("url", "https://news.example/a?b=" + payload("article-url")),
                ("published", "2025-02-14"),
                ("text", text),
            ],
        )
    )
    post(
        api,
        f"/author/articles/{article}",
        [
            ("new-kind", "cast"),
            ("new-subject", payload("fact-subject")),
            ("new-value", payload("fact-value")),
        ],
        action=f"/author/articles/{article}/facts",
        csrf_field="new-csrf_token",
    )
    editor = api.get(f"/author/articles/{article}/questions/new").text()
    evidence = next(
        index
        for index, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)<', editor)
        if "article-text" in label
    )
    questions = [
        [
            ("kind", "multiple_choice"),
            ("prompt", payload("choice-prompt")),
            ("options-0", payload("choice-right")),
            ("options-1", payload("choice-wrong")),
            ("options-2", payload("choice-other")),
            ("correct", "1"),
            ("explanation", payload("choice-explanation")),
        ],
        [
            ("kind", "typed"),
            ("prompt", payload("typed-prompt")),
            ("answer", payload("typed-answer")),
            ("accepted", payload("typed-accepted")),
            ("explanation", payload("typed-explanation")),
        ],
        [
            ("kind", "true_false"),
            ("prompt", payload("statement-prompt")),
            ("truth", "true"),
            ("explanation", payload("statement-explanation")),
        ],
    ]
    common = [("evidence_sentence", evidence), ("difficulty", "2"), ("status", "published")]
    ids = [
        new_id(post(api, f"/author/articles/{article}/questions/new", [*fields, *common]))
        for fields in questions
    ]
    quiz = new_id(
        post(
            api,
            f"/author/quizzes/new?article={article}",
            [
                ("title", payload("quiz-title")),
                ("description", payload("quiz-description")),
                *[("pick", str(i)) for i in ids],
                *[(f"order-{i}", str(n)) for n, i in enumerate(ids, 1)],
                ("feedback", "each"),
                ("published", "y"),
            ],
        )
    )
    slug = server.query("SELECT slug FROM quiz WHERE id = ?", (quiz,))[0][0]
    return {"article": article, "quiz": quiz, "slug": slug, "questions": ids}


def play_wrongly(page: Page, watch: Watch, slug: str) -> None:
    """Play the quiz from its page, every answer wrong, the typed one a payload."""
    page.goto("/")
    watch.check(page)
    page.goto(f"/quizzes/{slug}")
    watch.check(page)
    page.get_by_label("Nickname").fill(new_nickname("Xss"))
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/play/[\w-]+$"))
    token = page.url.rsplit("/", 1)[1]
    for _ in range(3):
        watch.check(page)
        if page.locator("#answer").count():
            page.locator("#answer").fill(payload("player-answer"))
        else:
            page.locator("label[for=option-1]").click()
        page.get_by_role("button", name="Lock in answer").click()
        page.wait_for_url(re.compile(r"/(play/[\w-]+/answers/\d+|results/[\w-]+)$"))
        watch.check(page)
        follow = page.get_by_role("link", name=re.compile("Next question|See your results"))
        follow.click()
        page.wait_for_load_state("load")
    page.wait_for_url(re.compile(rf"/results/{token}$"))
    watch.check(page)
    for path in (f"/leaderboard/{slug}", "/leaderboard"):
        page.goto(path)
        watch.check(page)


def test_no_stored_payload_runs_on_any_page(
    new_context: Callable[..., BrowserContext], server: LiveServer
) -> None:
    output = server.flask("users", "create", EMAIL, "--role", "author", stdin=f"{PASSWORD}\n" * 2)
    assert f"created author {EMAIL}" in output
    author_context = new_context(bypass_csp=True)
    watch = Watch(author_context)
    api = author_context.request
    token = csrf_of(api, "/sign-in")
    signed = api.post(
        "/sign-in",
        form={"email": EMAIL, "password": PASSWORD, "csrf_token": token},
        max_redirects=0,
    )
    assert signed.status == 303
    stored = store_payloads(api, server)

    player = new_context(bypass_csp=True)
    player_watch = Watch(player)
    play_wrongly(player.new_page(), player_watch, stored["slug"])

    page = author_context.new_page()
    article, quiz, questions = stored["article"], stored["quiz"], stored["questions"]
    for path in [
        "/author/",
        f"/author/articles/{article}",
        *[f"/author/questions/{q}" for q in questions],
        *[f"/author/questions/{q}/edit" for q in questions],
        f"/author/quizzes/{quiz}",
        f"/author/quizzes/new?article={article}",
        "/",
    ]:
        page.goto(path)
        watch.check(page)

    print(f"pages checked: {len(watch.pages) + len(player_watch.pages)}, fields: {len(FIELDS)}")
    assert watch.fired == player_watch.fired == []
    unseen = set(FIELDS) - watch.seen - player_watch.seen
    assert not unseen, f"payloads never shown, so never tested: {sorted(unseen)}"
    assert {"quiz-title", "choice-explanation", "article-text"} <= player_watch.seen
