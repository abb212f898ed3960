"""The author's workspace in a real browser, end to end.

An author signs in, brings in an article that is not the seed (pasted, and once by URL from a
page served on loopback), fixes a fact, approves questions, builds and publishes a quiz, and a
player plays it. Also: axe-core on every author page, and the workspace is closed to players.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.support import (
    assert_not_error_page,
    axe_or_skip,
    describe,
    expect,
    new_nickname,
    play_through,
    result_stat,
    review_verdicts,
    start_game,
)
from tests.conftest import ARTICLES_DIR
from tests.loopback import Site, serving

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Locator, Page

    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

AUTHOR_EMAIL = "author@example.com"
PLAYER_EMAIL = "player@example.com"
PASSWORD = "correct horse battery"
PASTED_ARTICLE = ARTICLES_DIR / "01-night-runner-2-casting.txt"
PASTED_TITLE = "Night Runner 2 adds a rogue courier"
QUIZ_TITLE = "Who is who in Night Runner 2"
QUIZ_SIZE = 4
NOT_IN_ARTICLE = "Zebulon Quackenbush"
# Facts of these kinds become questions (a writer, say, is only ever a wrong option).
ASKED_KINDS = ("character", "cast", "director", "filming_location", "studio", "known_for")
ARTICLE_PAGE = re.compile(r"/author/articles/(\d+)$")
BLOCKING_IMPACTS = {"serious", "critical"}

# A news page as sites serve them: the article wrapped in navigation, adverts, related links,
# comments and a footer, none of which belongs in the article's text.
NEWS_PATH = "/news/2025/02/valdamar-copper-meridian"
NEWS_HEADLINE = "Ines Valdamar to Direct “The Copper Meridian”"
NEWS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{NEWS_HEADLINE} | Reel Ledger</title>
<meta property="og:title" content="{NEWS_HEADLINE}">
<meta property="article:published_time" content="2025-02-14T09:30:00Z">
</head>
<body>
<header class="masthead">
  <a href="/">Reel Ledger</a>
  <nav><ul>
    <li><a href="/news">News</a></li><li><a href="/reviews">Reviews</a></li>
    <li><a href="/box-office">Box Office</a></li>
    <li><a href="/subscribe">Subscribe to Ledger Plus today</a></li>
  </ul></nav>
</header>
<aside class="ad">Advertisement: Stream every Wolfbane Studios thriller free for thirty days
with WolfbanePass.</aside>
<main>
<article>
<h1>{NEWS_HEADLINE}</h1>
<p class="byline">By Tomas Ferreira · February 14, 2025</p>
<p>Ines Valdamar will direct “The Copper Meridian,” a period heist thriller set among the copper
mines of 1920s Montana, Larkspur Films announced on Thursday.</p>
<p>Adaeze Brightwater stars as Nell Okonkwo, a mining engineer who plans to rob the company that
buried her brother. Callum Riordan plays Silas Penhaligon, the mine's ruthless owner, and Yusuf
Demirci joins the cast as Arlo Vance, a safecracker with a bad leg.</p>
<p>The screenplay is by Maren Solberg, who adapted it from her own novel. Valdamar previously
directed the festival favourite “Salt on the Wire.”</p>
<p>Filming begins in Butte, Montana, in April, and Larkspur Films plans to release “The Copper
Meridian” in theaters on Nov. 20, 2026.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul>
  <li><a href="/a">Box office: Glimmerfall wins a quiet weekend</a></li>
  <li><a href="/b">Ten heist films that deserve a sequel</a></li>
</ul></aside>
<section class="comments" id="comments">
  <h2>Comments (2)</h2>
  <div class="comment"><p class="author">filmfan88</p>
    <p>Honestly the trailer for Glimmerfall looked better than this will.</p></div>
  <div class="comment"><p class="author">mooncat</p>
    <p>Cannot wait, Valdamar never misses. First comment from Reno!</p></div>
</section>
</main>
<footer>© 2025 Reel Ledger Media. Privacy policy · Cookie settings · Newsletter sign-up</footer>
</body>
</html>
"""
NOT_ARTICLE_TEXT = [
    "Subscribe to Ledger Plus",
    "Box Office",
    "Advertisement",
    "WolfbanePass",
    "Related stories",
    "Glimmerfall",
    "filmfan88",
    "mooncat",
    "never misses",
    "Reel Ledger",
    "Cookie settings",
]


# --- accounts and signing in ------------------------------------------------------------------


def create_account(server: LiveServer, email: str, role: str) -> None:
    """`flask users create`, answering its two password prompts on stdin."""
    output = server.flask("users", "create", email, "--role", role, stdin=f"{PASSWORD}\n" * 2)
    assert f"created {role} {email}" in output, output


@pytest.fixture(scope="module")
def author_account(server: LiveServer) -> str:
    create_account(server, AUTHOR_EMAIL, "author")
    return AUTHOR_EMAIL


def sign_in(page: Page, email: str, *, go: bool = True) -> None:
    """Sign in through the form (opened first unless `go` is False)."""
    if go:
        page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)
    assert_not_error_page(page)


@pytest.fixture
def author(new_context: Callable[..., BrowserContext], author_account: str) -> Page:
    """A page of a browser signed in as the author, showing the author's workspace."""
    page = new_context().new_page()
    sign_in(page, author_account)
    expect(page.locator(".account .who")).to_have_text(author_account)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Author").click()
    page.wait_for_url(re.compile(r"/author/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Author's workspace")
    return page


# --- reading the pages ------------------------------------------------------------------------


def flash(page: Page) -> Locator:
    return page.locator(".flash[role=status]")


def article_id(page: Page) -> int:
    found = ARTICLE_PAGE.search(page.url.split("#", 1)[0])
    assert found, f"not an article page: {page.url}"
    return int(found.group(1))


def fact_item(page: Page, fact_id: int) -> Locator:
    return page.locator(f"li#fact-{fact_id}")


def fact_line(page: Page, fact_id: int) -> str:
    """ "kind: subject → value" (with any badges) as the fact's list item shows it."""
    return " ".join(fact_item(page, fact_id).locator("p").first.inner_text().split())


@dataclass(frozen=True)
class Row:
    """One row of the article page's questions table."""

    id: int
    prompt: str
    status: str
    gate: str


def question_rows(page: Page) -> list[Row]:
    """The rows, read by the columns' headings (#, Question, Status, Quality gate)."""
    table = page.locator("table.questions-table")
    headings = [" ".join(h.split()) for h in table.locator("thead th").all_inner_texts()]
    at = {name: headings.index(name) for name in ("#", "Question", "Status", "Quality gate")}
    rows = []
    for row in table.locator("tbody tr").all():
        cells = [" ".join(c.split()) for c in row.locator("td").all_inner_texts()]
        link = row.locator("td").nth(at["Question"]).get_by_role("link")
        prompt = " ".join(link.inner_text().split())
        rows.append(
            Row(int(cells[at["#"]]), prompt, cells[at["Status"]], cells[at["Quality gate"]])
        )
    return rows


def bring_in(page: Page) -> None:
    page.get_by_role("link", name="Bring in an article").click()
    page.wait_for_url(re.compile(r"/author/articles/new$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bring in an article")


def find_the_facts(page: Page) -> int:
    page.get_by_role("button", name="Find the facts").click()
    page.wait_for_url(ARTICLE_PAGE)
    assert_not_error_page(page)
    return article_id(page)


@dataclass(frozen=True)
class Correction:
    """Which fact to correct, and to what."""

    fact_id: int
    old: str  # "kind (qualifier): subject → value", as the page shows it
    kind: str
    subject: str
    value: str

    @property
    def new(self) -> re.Pattern[str]:
        """The corrected fact's line (the extractor's qualifier may stay), by an author."""
        kind, rest = re.escape(self.kind.replace("_", " ")), re.escape(f"{self.subject} → ")
        return re.compile(rf"{kind}(?: \(\w+\))?: {rest}{re.escape(self.value)} by an author")


def fact_label(kind: str, qualifier: str | None, subject: str, value: str) -> str:
    return f"{kind.replace('_', ' ')}{f' ({qualifier})' if qualifier else ''}: {subject} → {value}"


def correction_for(facts: list[tuple[Any, ...]], text: str, key: Path) -> Correction:
    """A correction an author would make, read off the article's answer key (its .json).

    The fact to correct: one the key does not list (a wrong one), else the first that is not
    the film itself. Its correction: a fact the key lists but the app missed, of a kind the
    questions ask about, whose value stands in the article word for word (the app wants
    evidence); else the same fact with another name from the article.
    """
    answers = json.loads(key.read_text(encoding="utf-8"))
    right = {(f["kind"], f["subject"], f["value"]) for f in answers["facts"] + answers["optional"]}
    found = {(kind, subject, value) for _, kind, subject, value, _ in facts}
    wrong = [f for f in facts if f[1:4] not in right]
    fact_id, kind, subject, value, qualifier = (wrong or [f for f in facts if f[1] != "film"])[0]
    old = fact_label(kind, qualifier, subject, value)
    for f in answers["facts"]:
        missed = (f["kind"], f["subject"], f["value"]) not in found
        if missed and f["kind"] in ASKED_KINDS and f["value"] in text:
            return Correction(fact_id, old, f["kind"], f["subject"], f["value"])
    taken = {f[3] for f in facts}
    for name in re.findall(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", text):
        if not any(name in t for t in taken):
            return Correction(fact_id, old, kind, subject, name)
    raise AssertionError("nothing in the article to correct a fact to")


# --- the whole journey: paste, correct, approve, build, play ----------------------------------


def test_author_pastes_an_article_fixes_a_fact_builds_a_quiz_and_a_player_plays_it(
    author: Page, new_context: Callable[..., BrowserContext], server: LiveServer
) -> None:
    page = author
    text = PASTED_ARTICLE.read_text(encoding="utf-8")

    # Paste the article, with a title of our own.
    bring_in(page)
    expect(page.get_by_label("Pasting its text")).to_be_checked()
    page.get_by_label("Title").fill(PASTED_TITLE)
    page.get_by_label("Article text").fill(text)
    article = find_the_facts(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(PASTED_TITLE)
    stored = server.query("SELECT text, title FROM article WHERE id = ?", (article,))
    assert stored and stored[0][1] == PASTED_TITLE
    article_text = stored[0][0]

    # The facts, each with its evidence highlighted in its sentence.
    facts = page.locator("ol.facts > li.fact")
    assert facts.count() >= 5, f"only {facts.count()} facts found"
    marks = page.locator("ol.facts blockquote mark")
    assert marks.count() == facts.count()
    for mark in marks.all_inner_texts():
        assert mark and mark.casefold() in article_text.casefold(), mark
    expect(page.locator("ol.facts blockquote mark", has_text="J.T. Wexford")).not_to_have_count(0)

    # Correct a fact: a wrong one becomes one the app missed, with evidence in the article.
    facts_found = server.query(
        "SELECT id, kind, subject, value, qualifier FROM fact "
        "WHERE article_id = ? AND status = 'active' "
        "ORDER BY id",
        (article,),
    )
    fix = correction_for(facts_found, article_text, PASTED_ARTICLE.with_suffix(".json"))
    fact_id = fix.fact_id
    item = fact_item(page, fact_id)
    assert fact_line(page, fact_id) == fix.old
    item.get_by_text("Correct or drop").click()
    item.get_by_label("Kind").select_option(fix.kind)
    item.get_by_label("Subject").fill(fix.subject)
    item.get_by_label("Value", exact=True).fill(fix.value)
    item.get_by_role("button", name="Save the fact").click()
    page.wait_for_url(re.compile(rf"/author/articles/{article}#fact-{fact_id}$"))
    expect(flash(page)).to_have_text("Fact corrected. Regenerate the questions to use it.")
    assert fix.new.fullmatch(fact_line(page, fact_id)), fact_line(page, fact_id)
    expect(item.locator("blockquote mark")).to_have_text(fix.value)
    assert server.query(
        "SELECT kind, subject, value, origin FROM fact WHERE id = ?", (fact_id,)
    ) == [(fix.kind, fix.subject, fix.value, "author")]

    # A value the article does not contain is refused, and nothing changes.
    assert NOT_IN_ARTICLE.casefold() not in article_text.casefold()
    item.get_by_text("Correct or drop").click()
    item.get_by_label("Value", exact=True).fill(NOT_IN_ARTICLE)
    item.get_by_role("button", name="Save the fact").click()
    expect(flash(page)).to_have_text(
        f"Fact not changed: “{NOT_IN_ARTICLE}” does not appear in the article: facts need evidence."
    )
    assert fix.new.fullmatch(fact_line(page, fact_id)), fact_line(page, fact_id)
    expect(item.locator("blockquote mark")).to_have_text(fix.value)
    assert server.query("SELECT value FROM fact WHERE id = ?", (fact_id,)) == [(fix.value,)]

    # Regenerate the questions from the corrected facts.
    page.get_by_role("button", name="Regenerate questions from these facts").click()
    page.wait_for_url(re.compile(rf"/author/articles/{article}#questions$"))
    expect(flash(page)).to_contain_text(re.compile(r"\b\d+ new draft questions"))
    drafts = question_rows(page)
    assert len(drafts) >= QUIZ_SIZE, drafts
    assert {r.status for r in drafts} == {"draft"}, drafts
    on_fix = {
        row[0] for row in server.query("SELECT id FROM question WHERE fact_id = ?", (fact_id,))
    }
    assert on_fix & {r.id for r in drafts}, "no new question asks the corrected fact"

    # Approve one question by hand (one the gate flagged, if any), then all that passed.
    flagged = [r for r in drafts if not r.gate.startswith("passed")]
    chosen = (flagged or drafts)[0]
    page.get_by_role("button", name=f"Approve question {chosen.id}", exact=True).click()
    page.wait_for_url(re.compile(rf"/author/articles/{article}#questions$"))
    expect(flash(page)).to_have_text(f"Question #{chosen.id} is now published.")
    by_id = {r.id: r for r in question_rows(page)}
    assert by_id[chosen.id].status == "approved"
    assert page.get_by_role("button", name=f"Approve question {chosen.id}").count() == 0

    passed = [r for r in drafts if r.gate.startswith("passed") and r.id != chosen.id]
    page.get_by_role("button", name="Approve every draft that passed the quality gate").click()
    expect(flash(page)).to_have_text(
        f"{len(passed)} questions that passed the quality gate are approved."
    )
    after = question_rows(page)
    assert all(r.status == "approved" for r in after if r.gate.startswith("passed")), after
    approved = [r for r in after if r.status == "approved"]
    assert len(approved) >= QUIZ_SIZE, after

    # Build the quiz: tick some approved questions and number them back to front.
    page.get_by_role("link", name="Build a quiz from this article").click()
    page.wait_for_url(re.compile(rf"/author/quizzes/new\?article={article}$"))
    assert_not_error_page(page)
    # Questions on the corrected fact are picked first (so it is played, last).
    picked = sorted(approved, key=lambda r: r.id not in on_fix)[:QUIZ_SIZE]
    assert picked[0].id in on_fix, "no approved question asks the corrected fact"
    for position, row in enumerate(reversed(picked), 1):
        page.get_by_role("checkbox", name=row.prompt, exact=True).check()
        page.get_by_label(f"Position of question {row.id}", exact=True).fill(str(position))
    play_order = [r.id for r in reversed(picked)]
    page.get_by_label("Title", exact=True).fill(QUIZ_TITLE)
    page.get_by_label("Description").fill("Who plays whom in the sequel, and who makes it.")
    expect(page.get_by_label("After each question")).to_be_checked()
    page.get_by_label("Published", exact=True).check()
    page.get_by_role("button", name="Save the quiz").click()
    page.wait_for_url(re.compile(r"/author/quizzes/\d+$"))
    assert_not_error_page(page)
    expect(flash(page)).to_have_text("Quiz saved and published.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Quiz: {QUIZ_TITLE}")
    for row in picked:
        expect(page.locator(f"#pick-{row.id}")).to_be_checked()
    href = page.get_by_role("link", name="See it as players do").get_attribute("href")
    assert href and href.startswith("/quizzes/"), href
    slug = href.removeprefix("/quizzes/")
    quiz_id = int(page.url.rsplit("/", 1)[1])
    entries = server.query(
        "SELECT question_id FROM quiz_question WHERE quiz_id = ? ORDER BY position", (quiz_id,)
    )
    assert [e[0] for e in entries] == play_order

    # A player, not signed in, finds the quiz on the home page and plays it through.
    player = new_context().new_page()
    player.goto("/")
    expect(player.locator(".account")).to_have_text("Sign in")
    card = player.locator(".quiz-card", has=player.get_by_role("link", name=QUIZ_TITLE))
    expect(card).to_contain_text(f"From “{PASTED_TITLE}”")
    questions = card.locator(".stats > div", has=player.locator("dt", has_text="Questions"))
    expect(questions.locator("dd")).to_have_text(str(QUIZ_SIZE))
    card.get_by_role("link", name=QUIZ_TITLE).click()
    player.wait_for_url(re.compile(rf"/quizzes/{slug}$"))
    assert_not_error_page(player)
    token = start_game(player, slug, new_nickname("Courier"))
    prompts = {r.id: r.prompt for r in picked}
    expect(player.locator(".prompt")).to_have_text(prompts[play_order[0]])
    play_through(player, server, token, right=True)
    assert result_stat(player, "Correct") == f"{QUIZ_SIZE} of {QUIZ_SIZE}"
    verdicts = review_verdicts(player)
    assert len(verdicts) == QUIZ_SIZE and all(v.startswith("Right") for v in verdicts), verdicts
    asked_ids = server.query(
        "SELECT aa.question_id FROM attempt_answer AS aa JOIN attempt AS a "
        "ON a.id = aa.attempt_id WHERE a.token = ? ORDER BY aa.position",
        (token,),
    )
    assert [a[0] for a in asked_ids] == play_order


# --- bringing an article in by its address ----------------------------------------------------


@pytest.fixture
def news_site() -> Iterator[Site]:
    """A news site on a loopback port, serving one article page (and 404 for the rest)."""
    with serving({NEWS_PATH: NEWS_PAGE}) as site:
        yield site


def test_author_brings_in_an_article_by_its_address(
    author: Page, news_site: Site, server: LiveServer
) -> None:
    page = author
    url = news_site.base_url + NEWS_PATH
    bring_in(page)
    page.get_by_label("Its address").check()
    page.get_by_label("Address (URL)").fill(url)
    article = find_the_facts(page)

    # The server fetched the page itself (not the browser), once.
    assert [r["path"] for r in news_site.requests] == [NEWS_PATH]
    assert "quizapp" in news_site.requests[0].get("User-Agent", "")

    # Title and date come from the page; facts from the article's sentences.
    expect(page.get_by_role("heading", level=1)).to_have_text(NEWS_HEADLINE)
    expect(page.locator("main .meta")).to_contain_text("Published 2025-02-14")
    expect(page.get_by_role("link", name="source")).to_have_attribute("href", url)
    lines = [" ".join(t.split()) for t in page.locator("ol.facts > li.fact > p").all_inner_texts()]
    for expected in (
        "director: The Copper Meridian → Ines Valdamar",
        "cast: The Copper Meridian → Adaeze Brightwater",
        "cast: The Copper Meridian → Callum Riordan",
    ):
        assert expected in lines, f"{expected!r} not in {lines}"
    expect(page.locator("ol.facts blockquote mark", has_text="Ines Valdamar")).to_have_count(1)
    expect(page.locator("ol.facts blockquote").first).to_contain_text("will direct")

    # Nothing from the navigation, adverts, related links, comments or footer came along.
    stored = server.query(
        "SELECT text, title, source_url, published_on FROM article WHERE id = ?", (article,)
    )
    assert stored, f"no article #{article}"
    text, title, source_url, published_on = stored[0]
    assert title == NEWS_HEADLINE
    assert source_url == url
    assert str(published_on).startswith("2025-02-14")
    assert text.startswith("Ines Valdamar will direct “The Copper Meridian,”"), text[:80]
    assert "Nov. 20, 2026" in text
    shown = page.get_by_role("main").inner_text()
    for junk in NOT_ARTICLE_TEXT:
        assert junk not in text, f"{junk!r} is in the article text:\n{text}"
        assert junk not in shown, f"{junk!r} is on the article page"


# --- accessibility ----------------------------------------------------------------------------


def test_no_serious_axe_violations_on_the_author_pages(
    new_context: Callable[..., BrowserContext], author_account: str, server: LiveServer
) -> None:
    axe = axe_or_skip()
    page = new_context().new_page()
    found: dict[str, list[dict[str, Any]]] = {}
    seen: list[str] = []

    def check(name: str) -> None:
        assert_not_error_page(page)
        violations = axe.run(page).response["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            found[f"{name} ({page.url})"] = blocking
        seen.append(name)

    # The seed's article and questions are there from the start: no test order to rely on.
    seed_article = server.query("SELECT id FROM article ORDER BY id LIMIT 1")[0][0]
    question = server.query(
        "SELECT id FROM question WHERE article_id = ? AND status != 'archived' ORDER BY id LIMIT 1",
        (seed_article,),
    )[0][0]
    quiz = server.query("SELECT id FROM quiz ORDER BY id LIMIT 1")[0][0]

    page.goto("/sign-in")
    check("sign-in")
    page.get_by_role("button", name="Sign in").click()  # empty: the errors
    expect(page.locator(".errors").first).to_be_visible()
    check("sign-in with errors")
    sign_in(page, author_account)
    for name, path in [
        ("workspace", "/author/"),
        ("new article", "/author/articles/new"),
        ("article", f"/author/articles/{seed_article}"),
        ("question", f"/author/questions/{question}"),
        ("question editor", f"/author/questions/{question}/edit"),
        ("quiz builder, new", f"/author/quizzes/new?article={seed_article}"),
        ("quiz builder, existing", f"/author/quizzes/{quiz}"),
        ("import", "/author/import"),
    ]:
        page.goto(path)
        check(name)
        if name == "new article":
            page.get_by_label("Its address").check()
            page.get_by_role("button", name="Find the facts").click()
            expect(page.locator(".errors").first).to_be_visible()
            check("new article with errors")
        if name == "article":
            page.locator("ol.facts details").first.locator("summary").click()
            check("article with a fact form open")

    assert len(seen) == 12, seen
    report = "\n".join(
        f"{where}:\n" + "\n".join(describe(v) for v in violations)
        for where, violations in found.items()
    )
    assert not found, f"serious or critical accessibility violations:\n{report}"


# --- the workspace is for authors -------------------------------------------------------------


def test_the_workspace_is_closed_to_players(
    new_context: Callable[..., BrowserContext], author_account: str, server: LiveServer
) -> None:
    # Signed out: to the sign-in page, and back to the workspace once signed in as an author.
    page = new_context().new_page()
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main")).not_to_contain_text("Author")
    response = page.goto("/author/")
    assert response is not None and response.status == 200
    assert re.search(r"/sign-in\?next=(/|%2F)author(/|%2F)$", page.url), page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    for path in ("/author/articles/new", "/author/import"):
        page.goto(path)
        assert "/sign-in?next=" in page.url, page.url
    page.goto("/author/")
    sign_in(page, author_account, go=False)
    assert page.url == server.url("/author/")

    # Signed in with a player's account: refused.
    create_account(server, PLAYER_EMAIL, "player")
    player = new_context().new_page()
    sign_in(player, PLAYER_EMAIL)
    expect(player.get_by_role("navigation", name="Main")).not_to_contain_text("Author")
    response = player.goto("/author/")
    assert response is not None and response.status == 403
    expect(player.get_by_role("heading", level=1)).to_contain_text("403")
