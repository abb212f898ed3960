"""A visitor over real HTTP(S) on loopback, as a browser without JavaScript: its own cookies,
forms sent with their CSRF token, and a whole quiz played from start to results."""

from __future__ import annotations

import http.cookiejar
import re
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any

REQUEST_TIMEOUT = 10.0
LOOPBACK = "127.0.0.1"


@dataclass
class Page:
    url: str
    status: int
    headers: Message
    body: str


def on_loopback(url: str) -> str:
    """Tests reach no address but loopback, redirects included."""
    if urllib.parse.urlsplit(url).hostname != LOOPBACK:
        raise AssertionError(f"refusing to leave loopback: {url}")
    return url


class LoopbackRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects on loopback only; with `follow` off, hands each one back as the page."""

    def __init__(self, follow: bool) -> None:
        self.follow = follow

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not self.follow:
            return None
        return super().redirect_request(req, fp, code, msg, headers, on_loopback(newurl))


class Visitor:
    """One browser: a cookie jar, TLS that trusts `tls`, and `headers` sent with every request."""

    def __init__(
        self,
        tls: ssl.SSLContext | None = None,
        headers: dict[str, str] | None = None,
        follow_redirects: bool = True,
        timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=tls),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            LoopbackRedirects(follow_redirects),
        )
        self.headers = headers or {}
        self.timeout = timeout
        self.last_url: str | None = None

    def get(self, url: str) -> Page:
        return self._open(urllib.request.Request(on_loopback(url), headers=self.headers))

    def post(self, url: str, form: dict[str, str]) -> Page:
        """Send `form` as a browser does from the page it was on: with that page as Referer,
        which CSRF protection over HTTPS requires."""
        data = urllib.parse.urlencode(form).encode()
        headers = {**self.headers, **({"Referer": self.last_url} if self.last_url else {})}
        return self._open(urllib.request.Request(on_loopback(url), data, headers))

    def _open(self, request: urllib.request.Request) -> Page:
        try:
            response: Any = self.opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:  # 4xx, 5xx and unfollowed redirects
            response = error
        with response:
            page = Page(
                response.geturl(), response.status, response.headers, response.read().decode()
            )
        self.last_url = page.url
        return page


def form_field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html)
    if not found:
        raise AssertionError(f"no {name} field in the page")
    return found.group(1)


def play_quiz(
    visitor: Visitor, base_url: str, slug: str, nickname: str, answer: Callable[[str, int], str]
) -> str:
    """Start the quiz as `nickname` and answer each question with `answer(token, position)`
    until the results page; the attempt's token."""
    quiz_page = visitor.get(f"{base_url}/quizzes/{slug}")
    form = {"csrf_token": form_field(quiz_page.body, "csrf_token"), "nickname": nickname}
    page = visitor.post(f"{base_url}/quizzes/{slug}/start", form)
    started = re.search(r"/play/([\w-]+)$", page.url)
    assert started and page.status == 200, (page.url, page.status)
    token = started.group(1)
    for _ in range(100):  # far more questions than a quiz has
        if 'name="position"' not in page.body:
            break
        assert page.status == 200, (page.url, page.status, page.body[:500])
        page = visitor.post(
            f"{base_url}/play/{token}",
            {
                "csrf_token": form_field(page.body, "csrf_token"),
                "position": (position := form_field(page.body, "position")),
                "answer": answer(token, int(position)),
            },
        )
    else:
        raise AssertionError(f"{nickname} never finished {slug}")
    results = visitor.get(f"{base_url}/results/{token}")
    assert results.status == 200 and "points" in results.body, results.url
    return token
