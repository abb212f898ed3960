"""Helpers for the browser tests: starting a game, reading the right answer from the database
(test setup only: the pages never show it before the answer is locked), answering, reading
results and leaderboards.

Playwright is imported lazily, so that without it the tests skip (or fail under CI) cleanly
instead of breaking collection.
"""

from __future__ import annotations

import importlib
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from quizapp.generation import extract_facts, generate_questions
from quizapp.generation.assembly import assemble
from tests.conftest import ARTICLES_DIR, SEED_ARTICLE

if TYPE_CHECKING:
    from playwright.sync_api import Page

SEED_SLUG = "mission-impossible-7-quiz"
# The seed quiz asks each fact once: as many questions as the quiz assembly picks from its bank.
SEED_TEXT = SEED_ARTICLE.read_text(encoding="utf-8")
SEED_QUESTIONS = len(assemble(generate_questions(extract_facts(SEED_TEXT), text=SEED_TEXT), 30))
TIMED_ARTICLE = ARTICLES_DIR / "02-star-quest-date-change.txt"
TIMED_LIMIT_SECONDS = 5
GIBBERISH = "zqxj wvvk plorf"
FEEDBACK_OR_RESULTS = re.compile(r"/(play/[\w-]+/answers/\d+|results/[\w-]+)$")
ERROR_HEADING = re.compile(r"^\d{3} ·")
TOUR_PAGES = [
    "home",
    "quiz page",
    "question with options",
    "question with an error",
    "feedback, right",
    "question with a typed answer",
    "feedback, wrong",
    "results",
    "quiz leaderboard",
    "overall leaderboard",
]


class Database(Protocol):
    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...


def missing(module: str) -> str | None:
    """Why `module` cannot be imported, or None when it can."""
    try:
        importlib.import_module(module)
    except ImportError as error:
        return f"{module} cannot be imported ({error})"
    return None


def axe_or_skip() -> Any:
    """An axe-core runner; skips the test without the package, fails it under CI."""
    import pytest

    from tests.conftest import in_ci

    problem = missing("axe_playwright_python.sync_playwright")
    if problem:
        if in_ci():
            pytest.fail(f"axe cannot run under CI: {problem}")
        pytest.skip(problem)
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def describe(violation: dict[str, Any]) -> str:
    """An axe violation in a few readable lines, for assertion messages."""
    targets = "; ".join(
        " ".join(str(part) for part in node["target"]) for node in violation["nodes"][:5]
    )
    return (
        f"  {violation['id']} ({violation['impact']}): {violation['help']}\n"
        f"    {violation['helpUrl']}\n    at {targets}"
    )


def expect(target: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def new_nickname(prefix: str) -> str:
    """A nickname no other test uses (the leaderboards are shared by the whole session)."""
    return f"{prefix} {secrets.token_hex(3)}"[:24]


@dataclass(frozen=True)
class Asked:
    """One question of an attempt as the database holds it, with its right answer."""

    position: int
    kind: str
    options: list[str]
    correct_option: int | None
    correct_text: str
    accepted: list[str]

    @property
    def typed(self) -> bool:
        return self.kind == "typed"

    def option_index(self, right: bool) -> int:
        assert self.correct_option is not None, "a typed question has no options"
        if right:
            return self.correct_option
        return (self.correct_option + 1) % len(self.options)

    def text(self, right: bool) -> str:
        return (self.accepted or [self.correct_text])[0] if right else GIBBERISH


def asked(db: Database, token: str, position: int) -> Asked:
    rows = db.query(
        "SELECT aa.kind, aa.options, aa.correct_option, aa.correct_text, aa.accepted_answers "
        "FROM attempt_answer AS aa JOIN attempt AS a ON a.id = aa.attempt_id "
        "WHERE a.token = ? AND aa.position = ?",
        (token, position),
    )
    assert rows, f"no question {position} in attempt {token}"
    kind, options, correct_option, correct_text, accepted = rows[0]
    return Asked(
        position=position,
        kind=kind,
        options=json.loads(options or "[]"),
        correct_option=correct_option,
        correct_text=correct_text,
        accepted=json.loads(accepted or "[]"),
    )


def attempt_row(db: Database, token: str) -> dict[str, Any]:
    columns = ("status", "current_position", "correct_count", "points", "question_count")
    rows = db.query(f"SELECT {', '.join(columns)} FROM attempt WHERE token = ?", (token,))
    assert rows, f"no attempt {token}"
    return dict(zip(columns, rows[0], strict=True))


def answered_count(db: Database, token: str) -> int:
    rows = db.query(
        "SELECT COUNT(*) FROM attempt_answer AS aa JOIN attempt AS a ON a.id = aa.attempt_id "
        "WHERE a.token = ? AND aa.answered_at IS NOT NULL",
        (token,),
    )
    return rows[0][0]


def assert_not_error_page(page: Page) -> None:
    heading = page.locator("h1").first.inner_text()
    assert not ERROR_HEADING.match(heading), f"{page.url} shows an error page: {heading}"


def start_game(page: Page, slug: str, nickname: str) -> str:
    """Start a game from the quiz page; the attempt's token."""
    page.goto(f"/quizzes/{slug}")
    page.get_by_label("Nickname").fill(nickname)
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/play/[\w-]+$"))
    assert_not_error_page(page)
    return page.url.rsplit("/", 1)[1]


def shown_question(page: Page) -> tuple[int, int]:
    """(position, question count) from the page's "Question N of M"."""
    label = page.locator(".progress label").inner_text()
    found = re.fullmatch(r"Question (\d+) of (\d+)", label.strip())
    assert found, f"not a question page ({page.url}): {label!r}"
    return int(found.group(1)) - 1, int(found.group(2))


def pick(page: Page, question: Asked, right: bool) -> str:
    """Choose (by mouse) or type an answer, without locking it in; the answer as shown."""
    if question.typed:
        text = question.text(right)
        page.locator("#answer").fill(text)
        return text
    index = question.option_index(right)
    page.locator(f"label[for=option-{index}]").click()
    expect(page.locator(f"#option-{index}")).to_be_checked()
    return question.options[index]


def pick_by_keyboard(page: Page, question: Asked, right: bool) -> str:
    """Number keys for options (the page's shortcut), typing for typed answers."""
    if question.typed:
        expect(page.locator("#answer")).to_be_focused()  # autofocus
        text = question.text(right)
        page.keyboard.type(text)
        return text
    index = question.option_index(right)
    page.keyboard.press(str(index + 1))
    expect(page.locator(f"#option-{index}")).to_be_checked()
    return question.options[index]


def wait_for_feedback(page: Page, position: int) -> None:
    page.wait_for_url(re.compile(rf"/play/[\w-]+/answers/{position}$"))
    assert_not_error_page(page)


def lock_in(page: Page, position: int) -> None:
    page.get_by_role("button", name="Lock in answer").click()
    wait_for_feedback(page, position)


def play_through(
    page: Page, db: Database, token: str, *, right: bool, keyboard: bool = False
) -> None:
    """Answer every question from the current one on, then open the results page."""
    while True:
        position, count = shown_question(page)
        question = asked(db, token, position)
        if keyboard:
            given = pick_by_keyboard(page, question, right)
            page.keyboard.press("Enter")
            wait_for_feedback(page, position)
        else:
            given = pick(page, question, right)
            lock_in(page, position)
        verdict = page.locator("#verdict")
        expect(verdict).to_contain_text("Right!" if right else "Not quite.")
        expect(page.locator(".answer-pair dd").first).to_have_text(given)
        last = position + 1 == count
        follow = page.get_by_role("link", name="See your results" if last else "Next question")
        if keyboard:
            expect(follow).to_be_focused()  # autofocus: Enter goes on
            page.keyboard.press("Enter")
        else:
            follow.click()
        if last:
            page.wait_for_url(re.compile(r"/results/[\w-]+$"))
            assert_not_error_page(page)
            return
        page.wait_for_url(re.compile(r"/play/[\w-]+$"))
        assert shown_question(page)[0] == position + 1


def to_first_options_question(
    page: Page, db: Database, token: str, *, keyboard: bool = False
) -> Asked:
    """Answer rightly the typed questions a quiz may open with (its order is the generator's
    choice); the first question with options, now shown."""
    while True:
        position, _ = shown_question(page)
        question = asked(db, token, position)
        if not question.typed:
            return question
        if keyboard:
            pick_by_keyboard(page, question, right=True)
            page.keyboard.press("Enter")
            wait_for_feedback(page, position)
            expect(page.get_by_role("link", name="Next question")).to_be_focused()
            page.keyboard.press("Enter")
        else:
            pick(page, question, right=True)
            lock_in(page, position)
            page.get_by_role("link", name="Next question").click()
        page.wait_for_url(re.compile(r"/play/[\w-]+$"))


def result_stat(page: Page, name: str) -> str:
    """The value of one of the results page's stats (Score, Correct, Time, Rank)."""
    term = page.locator(".result-stats > div").filter(has=page.locator("dt", has_text=name))
    return " ".join(term.locator("dd").inner_text().split())


def review_verdicts(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".review .verdict").all_inner_texts()]


@dataclass(frozen=True)
class BoardRow:
    rank: int
    nickname: str
    points: str
    cells: list[str]


def board_rows(page: Page) -> list[BoardRow]:
    """The rows of the leaderboard page's main table."""
    rows = []
    for row in page.locator("table.board").first.locator("tbody tr").all():
        cells = [" ".join(cell.split()) for cell in row.locator("td").all_inner_texts()]
        nickname = cells[1].removesuffix("(you)").strip()
        rows.append(BoardRow(int(cells[0]), nickname, cells[2], cells))
    return rows


def board_row(page: Page, nickname: str) -> BoardRow:
    rows = board_rows(page)
    for row in rows:
        if row.nickname == nickname:
            return row
    raise AssertionError(f"{nickname!r} is not on {page.url}: {[r.nickname for r in rows]}")


def tour(page: Page, db: Database, check: Callable[[str], None]) -> list[str]:
    """Visit one page of every kind a player sees, calling `check(name)` on each; the names.

    Home, a quiz page, an options question, the same with the "choose first" error, right and
    wrong feedback, a typed question, results (after giving up) and both leaderboards.
    """
    seen: list[str] = []

    def visit(name: str) -> None:
        assert_not_error_page(page)
        check(name)
        seen.append(name)

    page.goto("/")
    visit("home")
    page.get_by_role("link", name=re.compile("Mission")).first.click()
    page.wait_for_url(re.compile(rf"/quizzes/{SEED_SLUG}$"))
    visit("quiz page")
    token = start_game(page, SEED_SLUG, new_nickname("Tourist"))
    first = to_first_options_question(page, db, token)
    visit("question with options")
    page.get_by_role("button", name="Lock in answer").click()
    expect(page.get_by_role("alert")).to_have_text("Choose an answer first.")
    visit("question with an error")
    pick(page, first, right=True)
    lock_in(page, first.position)
    visit("feedback, right")
    while True:
        page.get_by_role("link", name="Next question").click()
        page.wait_for_url(re.compile(r"/play/[\w-]+$"))
        question = asked(db, token, shown_question(page)[0])
        if question.typed:
            break
        pick(page, question, right=True)
        lock_in(page, question.position)
    visit("question with a typed answer")
    pick(page, question, right=False)
    lock_in(page, question.position)
    visit("feedback, wrong")
    page.get_by_role("link", name="Next question").click()
    page.get_by_role("button", name="Give up").click()
    page.wait_for_url(re.compile(rf"/results/{token}$"))
    visit("results")
    page.get_by_role("main").get_by_role("link", name="Leaderboard", exact=True).click()
    page.wait_for_url(re.compile(rf"/leaderboard/{SEED_SLUG}$"))
    visit("quiz leaderboard")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Leaderboard").click()
    page.wait_for_url(re.compile(r"/leaderboard$"))
    visit("overall leaderboard")
    assert seen == TOUR_PAGES
    return seen
