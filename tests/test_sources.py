"""Bringing an article in: pasted text, uploaded HTML and fetched URLs (served from loopback)."""

from __future__ import annotations

import datetime
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy.orm import Session

from quizapp.ingest import sources
from quizapp.ingest.sources import (
    SourceArticle,
    SourceError,
    article_from_html,
    article_from_text,
    check_address,
    fetch_article,
)
from quizapp.models import Article
from tests.author_support import signed_in
from tests.loopback import keep_to_loopback

TITLE = "Harbour Lights review: a quiet triumph"
PARAGRAPHS = [
    "Harbour Lights, the third feature from director Mara Lindqvist, follows a lighthouse keeper "
    "who discovers that the ships passing his island have stopped answering his signals. The film "
    "premiered at the Berlin International Film Festival in February and opens in cinemas this "
    "week.",
    "Lindqvist shot the film over forty days on the Faroe Islands with a crew of only twelve "
    "people. Cinematographer Jonas Berg uses natural light almost throughout, and the result is a "
    "picture of rare, grey beauty that rewards patience.",
    "In the lead role, Peter Holm gives the finest performance of his career. He barely speaks for "
    "the first half hour, yet every glance carries the weight of a man who has been alone for too "
    "long.",
    "The score, composed by Hildur Sand, was recorded with a string quartet in a disused church in "
    "Torshavn. It is sparse and haunting and it never tells the audience what to feel.",
    "Harbour Lights runs for 112 minutes and is distributed in the United Kingdom by Northern Star "
    "Pictures. It is rated 12A.",
]
BOILERPLATE = [
    "Festival coverage",
    "Subscribe now",
    "ADVERTISEMENT",
    "SuperPhone",
    "Comments",
    "Worst film",
    "Bob1987",
    "lighthouse scene was unforgettable",
    "Copyright",
    "All rights reserved",
    "Cookie settings",
]
META_DATE = '<meta property="article:published_time" content="2023-05-02T08:30:00+00:00">'
NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | The Daily Reel</title>
<meta property="og:title" content="{TITLE}">
{META_DATE}
</head><body>
<header><a href="/">The Daily Reel</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/reviews">Reviews</a></li>
<li><a href="/festivals">Festival coverage</a></li><li><a href="/subscribe">Subscribe now</a></li>
</ul></nav></header>
<main><article>
<h1>{TITLE}</h1>
<p class="byline">By Ada Critic, <time datetime="2023-05-02">2 May 2023</time></p>
{"".join(f"<p>{p}</p>{chr(10)}" for p in PARAGRAPHS)}
</article>
<aside class="advert"><p>ADVERTISEMENT: Buy the new SuperPhone 9 today and save forty percent on
every plan!</p></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Bob1987 wrote: Worst film I have ever seen, total waste of money.</p></div>
<div class="comment"><p>FilmFan wrote: I cried at the ending, the lighthouse scene was
unforgettable.</p></div>
</section></main>
<footer><p>Copyright 2023 The Daily Reel. All rights reserved. Privacy policy. Cookie settings.</p>
</footer></body></html>"""

CAFE_TEXT = (
    "The café in Montmartre where Amélie was filmed — the Café des Deux Moulins — reopened on "
    "Tuesday after a renovation that lasted nearly two years."
)
CAFE_PAGE = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Amélie’s café reopens</title></head><body><article><h1>Amélie’s café reopens</h1>
<p>{CAFE_TEXT}</p>
<p>Jean-Pierre Jeunet’s film premiered in 2001 and made Audrey Tautou a star; the café has
welcomed fans ever since.</p></article></body></html>"""

LODZ_TEXT = (
    "Łódź ma nowy festiwal filmowy, który odbędzie się w październiku w dawnej fabryce. "
    "Organizatorzy zapowiadają czterdzieści filmów z Polski, Czech i Słowacji oraz spotkania "
    "z reżyserami."
)
LODZ_PAGE = f"""<html><head><title>Łódź ma nowy festiwal</title></head><body><article>
<h1>Łódź ma nowy festiwal</h1><p>{LODZ_TEXT}</p></article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("Host")))
        path = self.path
        html = "text/html; charset=utf-8"
        if path == "/news/harbour-lights":
            self.send(200, NEWS_PAGE.encode(), html)
        elif path == "/news/time-only":
            self.send(200, NEWS_PAGE.replace(META_DATE, "").encode(), html)
        elif path == "/lodz":  # charset only in the HTTP header, not in the page
            self.send(200, LODZ_PAGE.encode("iso-8859-2"), "text/html; charset=iso-8859-2")
        elif path == "/moved":
            self.redirect("/news/harbour-lights")
        elif path.startswith("/chain/"):  # /chain/N redirects N times to /chain/0, the article
            hops = int(path.removeprefix("/chain/"))
            if hops:
                self.redirect(f"/chain/{hops - 1}")
            else:
                self.send(200, NEWS_PAGE.encode(), html)
        elif path == "/to-private":
            self.redirect("http://10.0.0.1/admin")
        elif path.startswith("/redirect?to="):
            self.redirect(unquote(path.removeprefix("/redirect?to=")))
        elif path == "/to-file":
            self.redirect("file:///etc/passwd")
        elif path == "/broken":
            self.send(500, b"oops", "text/plain")
        elif path == "/slow":
            self.server.stop.wait(5)
            self.send(200, NEWS_PAGE.encode(), html)
        elif path == "/trickle":  # every read is quick, the whole page is not
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.end_headers()
            for _ in range(50):
                if self.server.stop.wait(0.1):
                    return
                self.wfile.write(b"<p>x</p>")
                self.wfile.flush()
        elif path == "/big":
            self.send(200, b"<p>" + b"a" * 3_000_000 + b"</p>", html)
        elif path == "/big-unannounced":
            self.send(200, b"<p>" + b"a" * 300_000 + b"</p>", html, length=False)
        elif path == "/poster.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path == "/notes.txt":
            self.send(200, "  Première notes\r\nline two\r\n\r\n".encode(), "text/plain")
        elif path == "/nav-only":
            self.send(200, b"<html><body><nav><a href='/'>Home</a></nav></body></html>", html)
        else:
            self.send(404, b"<h1>Not found</h1>", html)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, str | None]] = []
        self.stop = threading.Event()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that give up (timeouts, size limit) break the pipe; that is expected

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    httpd = Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.stop.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def fetch(url: str, **kwargs: object) -> SourceArticle:
    return fetch_article(url, allow_private=True, **kwargs)  # type: ignore[arg-type]


def test_fetch_extracts_the_article_without_nav_ads_or_comments(server: Server) -> None:
    article = fetch(server.url("/news/harbour-lights"))
    assert article.title == TITLE
    assert article.published == datetime.date(2023, 5, 2)
    assert article.url == server.url("/news/harbour-lights")
    assert article.text.split("\n\n") == PARAGRAPHS
    for junk in BOILERPLATE:
        assert junk not in article.text


def test_date_from_a_time_element(server: Server) -> None:
    article = fetch(server.url("/news/time-only"))
    assert article.published == datetime.date(2023, 5, 2)


def test_charset_from_the_http_header(server: Server) -> None:
    article = fetch(server.url("/lodz"))
    assert article.title == "Łódź ma nowy festiwal"
    assert article.text == LODZ_TEXT


def test_a_year_in_the_text_is_not_taken_for_the_date() -> None:
    assert article_from_html(CAFE_PAGE).published is None


def test_redirect_to_a_loopback_page_when_allowed(server: Server) -> None:
    article = fetch(server.url("/moved"))
    assert article.title == TITLE
    assert article.url == server.url("/news/harbour-lights")


def test_five_redirects_are_followed_six_are_not(server: Server) -> None:
    assert fetch(server.url("/chain/5")).title == TITLE
    with pytest.raises(SourceError, match="redirected more than 5 times"):
        fetch(server.url("/chain/6"))


@pytest.mark.parametrize(
    ("path", "status"), [("/nowhere", "404 Not Found"), ("/broken", "500 Internal Server Error")]
)
def test_http_errors_give_the_status(server: Server, path: str, status: str) -> None:
    with pytest.raises(SourceError, match=f"server answered {status}"):
        fetch(server.url(path))


def test_slow_server_times_out(server: Server) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError, match="took too long"):
        fetch(server.url("/slow"), timeout=0.5)
    assert time.monotonic() - started < 2


def test_trickling_server_times_out_as_a_whole(server: Server) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError, match="took too long"):
        fetch(server.url("/trickle"), timeout=0.5)
    assert time.monotonic() - started < 2


def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(SourceError, match="could not be reached: connection refused"):
        fetch(f"http://127.0.0.1:{port}/")


def test_page_over_the_size_limit(server: Server) -> None:
    with pytest.raises(SourceError, match=r"^The page is larger than 2 MB\.$"):
        fetch(server.url("/big"))
    with pytest.raises(SourceError, match=r"^The page is larger than 100 kB\.$"):
        fetch(server.url("/big-unannounced"), max_bytes=100_000)
    assert fetch(server.url("/news/harbour-lights"), max_bytes=len(NEWS_PAGE.encode())).text


def test_non_html_content_is_refused(server: Server) -> None:
    with pytest.raises(SourceError, match="image/png"):
        fetch(server.url("/poster.png"))


def test_plain_text_is_used_as_is(server: Server) -> None:
    article = fetch(server.url("/notes.txt"))
    assert article == SourceArticle(
        title=None, text="Première notes\nline two", published=None, url=server.url("/notes.txt")
    )


def test_page_without_article_text(server: Server) -> None:
    with pytest.raises(SourceError, match="No article text was found"):
        fetch(server.url("/nav-only"))


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]", "127.1.2.3"]
)
def test_loopback_refused_unless_allowed(server: Server, host: str) -> None:
    port = server.server_address[1]
    before = len(server.requests)
    with pytest.raises(SourceError, match="not allowed"):
        fetch_article(f"http://{host}:{port}/news/harbour-lights")
    assert len(server.requests) == before  # refused before connecting


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "fe80::1",
        "fe80::1%eth0",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    with pytest.raises(SourceError):
        check_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    check_address(address)


def test_every_redirect_hop_is_checked(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    real = sources.address_problem
    monkeypatch.setattr(sources, "address_problem", lambda a: None if a == "127.0.0.1" else real(a))
    assert fetch_article(server.url("/moved")).title == TITLE  # the patch lets loopback through
    with pytest.raises(SourceError, match="private networks are not allowed"):
        fetch_article(server.url("/to-private"))
    with pytest.raises(SourceError, match="Only http"):
        fetch_article(server.url("/to-file"))


def test_connects_to_the_checked_address(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the name is resolved once per hop and that very address is used."""
    real = socket.getaddrinfo
    answers = iter([[(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 0))]])

    def rebinding_resolver(host: str, *args: object, **kwargs: object) -> list:
        if host == "rebind.test":
            answer = next(answers, None)  # a second lookup would get another address
            if answer is None:
                raise socket.gaierror("second lookup")
            return answer
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_resolver)
    port = server.server_address[1]
    article = fetch(f"http://rebind.test:{port}/news/harbour-lights")
    assert article.title == TITLE
    assert server.requests[-1] == ("/news/harbour-lights", f"rebind.test:{port}")


def test_international_host_names_are_sent_in_idna(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = socket.getaddrinfo
    loopback = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 0))]
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: loopback if host == "xn--bcher-kva.test" else real(host, *a, **k),
    )
    port = server.server_address[1]
    assert fetch(f"http://bücher.test:{port}/news/harbour-lights").title == TITLE
    assert server.requests[-1] == ("/news/harbour-lights", f"xn--bcher-kva.test:{port}")


# Loopback, private and link-local addresses as attackers spell them: decimal, octal and hex
# numbers, short forms, IPv4 inside IPv6 (mapped, compatible, 6to4, NAT64), the unspecified one.
LOOPBACK_SPELLINGS = [
    "2130706433",
    "0177.0.0.1",
    "0x7f.0.0.1",
    "0x7f000001",
    "017700000001",
    "127.1",
    "[::ffff:7f00:1]",
    "[0:0:0:0:0:ffff:127.0.0.1]",
    "[::127.0.0.1]",
    "[2002:7f00:1::]",
    "[64:ff9b::7f00:1]",
]
PRIVATE_SPELLINGS = [
    "0",
    "[::]",
    "167772161",
    "0xa9fea9fe",
    "2852039166",
    "0251.0376.0251.0376",
    "[::ffff:169.254.169.254]",
    "[::ffff:a9fe:a9fe]",
    "[fe80::1]",
    "[fd00::1]",
    "192.168.0.1",
    "100.64.0.1",
]


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever slips through, it cannot reach past this machine or look a name up in DNS."""
    keep_to_loopback(monkeypatch)


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS + PRIVATE_SPELLINGS)
def test_every_spelling_of_a_private_address_is_refused_before_connecting(
    server: Server, offline: None, host: str
) -> None:
    before = len(server.requests)
    with pytest.raises(SourceError, match=r"not allowed|not a public"):
        fetch_article(f"http://{host}:{server.server_address[1]}/news/harbour-lights")
    assert len(server.requests) == before


@pytest.mark.parametrize("target", PRIVATE_SPELLINGS)
def test_a_redirect_to_any_spelling_of_a_private_address_is_refused(
    server: Server, offline: None, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    real = sources.address_problem
    monkeypatch.setattr(sources, "address_problem", lambda a: None if a == "127.0.0.1" else real(a))
    with pytest.raises(SourceError, match=r"not allowed|not a public"):
        fetch_article(server.url("/redirect?to=" + quote(f"http://{target}/latest/meta-data/")))
    assert server.requests[-1][0].startswith("/redirect?to=")  # the first hop was fetched


@pytest.mark.parametrize(
    ("host", "message"),
    [
        ("127.0.0.1", "(loopback) are not allowed"),
        ("[::ffff:127.0.0.1]", "(loopback) are not allowed"),
        ("localhost", "Give a full address"),
        ("2130706433", "Give a full address"),
    ],
)
def test_the_article_form_refuses_a_private_address_without_fetching_it(
    app: Flask, session: Session, server: Server, offline: None, host: str, message: str
) -> None:
    author = signed_in(app, session, "author")
    before = len(server.requests)
    url = f"http://{host}:{server.server_address[1]}/news/harbour-lights"
    response = author.post("/author/articles/new", data={"source": "url", "url": url})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert len(server.requests) == before
    assert session.scalar(sa.select(sa.func.count()).select_from(Article)) == 0


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/article.html", "gopher://example.com/"]
)
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(SourceError, match=r"Only http:// and https://"):
        fetch_article(url)


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "http://",
        "http://[::1/x",
        "http://example.com:99999/",
        "//example.com/",
        "http://a..b/",
    ],
)
def test_malformed_urls(url: str) -> None:
    with pytest.raises(SourceError, match="not a valid web address"):
        fetch_article(url)


def test_uploaded_html_with_a_legacy_charset() -> None:
    data = CAFE_PAGE.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # so the declared charset really matters
    article = article_from_html(data)
    assert article.title == "Amélie’s café reopens"
    assert article.text.split("\n\n")[0] == CAFE_TEXT
    assert article.url is None


def test_uploaded_html_keeps_the_given_url() -> None:
    article = article_from_html(NEWS_PAGE.encode(), url="https://reel.example/harbour")
    assert article.url == "https://reel.example/harbour"
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.published == datetime.date(2023, 5, 2)


def test_html_without_text() -> None:
    with pytest.raises(SourceError, match=r"^No article text was found in that page\.$"):
        article_from_html("<html><body><nav>Home</nav></body></html>")
    with pytest.raises(SourceError, match="No article text"):
        article_from_html(b"")
    shell = "<html><body><div id=root></div><noscript>You need to enable JavaScript.</noscript>"
    with pytest.raises(SourceError, match="No article text"):
        article_from_html(shell)


def test_pasted_text() -> None:
    published = datetime.date(2024, 1, 2)
    article = article_from_text(
        "\r\n  First paragraph.\r\n\r\nSecond\rparagraph.  \n", "  A title ", " ", published
    )
    assert article == SourceArticle(
        title="A title",
        text="First paragraph.\n\nSecond\nparagraph.",
        published=published,
        url=None,
    )
    with pytest.raises(SourceError, match="empty"):
        article_from_text(" \r\n\t", "Title", None, None)
