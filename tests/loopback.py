"""A real HTTP server on a loopback port that serves fixed pages, for article-fetching tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Site:
    base_url: str = ""
    requests: list[dict[str, str]] = field(default_factory=list)


@contextmanager
def serving(pages: dict[str, str]) -> Iterator[Site]:
    """Serve `pages` (path → HTML) and 404 for any other path; records every request."""
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append({"path": self.path, **dict(self.headers.items())})
            html = pages.get(self.path)
            body = (html or "<!doctype html><title>Not found</title>").encode("utf-8")
            self.send_response(200 if html is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output free of access-log lines."""

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
