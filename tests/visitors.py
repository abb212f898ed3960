"""A browser over plain HTTP, for tests against a live server on loopback: its own cookies, the
pages' CSRF token, no redirects followed, and one connection per request (as sync gunicorn
workers close them anyway)."""

from __future__ import annotations

import http.client
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

REQUEST_TIMEOUT = 30.0
# What a client sees when the worker serving it dies mid-request.
RESETS: tuple[type[Exception], ...] = (
    ConnectionResetError,
    BrokenPipeError,
    http.client.IncompleteRead,
    http.client.BadStatusLine,
)
CSRF_FIELD = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


@dataclass(frozen=True)
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Visitor:
    """One browser: cookies kept between requests, shared by its `tab`s."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        assert parts.hostname == "127.0.0.1" and parts.port, "loopback only"
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""
        self.lock = threading.Lock()

    def tab(self) -> Visitor:
        """Another tab of this browser (a double click, a second window): the same cookies now."""
        other = Visitor(f"http://{self.host}:{self.port}")
        with self.lock:
            other.cookies = dict(self.cookies)
        other.csrf_token = self.csrf_token
        return other

    def request(
        self,
        method: str,
        path: str,
        form: Mapping[str, str] | None = None,
        *,
        body: bytes | None = None,
        content_type: str = "application/x-www-form-urlencoded",
    ) -> Reply:
        """Send one request; raises one of RESETS when the server drops the connection."""
        if form is not None:
            body = urlencode(form).encode()
        headers = {"Connection": "close"}
        if body is not None:
            headers["Content-Type"] = content_type
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            reply = Reply(response.status, response.headers, response.read())
        finally:
            connection.close()
        self._keep_cookies(reply.headers.get_all("Set-Cookie") or [])
        return reply

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def post(self, path: str, form: Mapping[str, str] | None = None) -> Reply:
        """A form POST carrying this browser's CSRF token, as the site's own forms do."""
        return self.request("POST", path, {"csrf_token": self.csrf_token, **(form or {})})

    def open_form(self, path: str) -> Reply:
        """GET a page with a form and keep its CSRF token for the POSTs that follow."""
        reply = self.get(path)
        assert reply.status == 200, f"{path}: {reply.status}"
        self.keep_csrf_token(reply)
        return reply

    def keep_csrf_token(self, page: Reply) -> None:
        found = CSRF_FIELD.search(page.text)
        assert found, "no form in the page"
        self.csrf_token = found.group(1)

    def _keep_cookies(self, headers: list[str]) -> None:
        with self.lock:
            for header in headers:
                cookie = SimpleCookie()
                cookie.load(header)
                for name, morsel in cookie.items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
