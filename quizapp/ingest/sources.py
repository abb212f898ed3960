"""Bring an article in: from pasted text, from a saved HTML page, or by fetching its URL.

Plain Python (no Flask, no database). HTML goes through trafilatura, which keeps the main text
and drops navigation, adverts and comments. Fetching uses urllib3 and connects to the very IP
address it has checked, so a host cannot resolve to a public address for the check and a private
one for the connection (DNS rebinding); every redirect hop is checked the same way.
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
import time
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import trafilatura
import urllib3
from trafilatura.settings import Document, set_date_params

from quizapp.text.limits import PAGE_MAX_BYTES, describe_bytes

MAX_REDIRECTS = 5
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "Mozilla/5.0 (compatible; quizapp/0.1; article import)"
# Fewer words than this is a menu, a cookie wall or "please enable JavaScript", not an article.
MIN_WORDS = 20


@dataclass(frozen=True)
class SourceArticle:
    title: str | None
    text: str
    published: datetime.date | None
    url: str | None


class SourceError(ValueError):
    """The article could not be brought in; the message is meant for the author."""


def article_from_text(
    text: str, title: str | None, url: str | None, published: datetime.date | None
) -> SourceArticle:
    """An article from pasted text, with line endings normalised and whitespace trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise SourceError("The article text is empty.")
    return SourceArticle(
        title=(title or "").strip() or None,
        text=text,
        published=published,
        url=(url or "").strip() or None,
    )


def article_from_html(html: str | bytes, url: str | None = None) -> SourceArticle:
    """The main text, title and publication date of an HTML page (a saved page or a fetched one).

    Bytes are decoded by trafilatura: UTF-8, else the charset declared in the page, else a guess.
    """
    document = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # No "extensive" search: a year mentioned in the body is not a publication date.
        date_extraction_params=set_date_params(False),
    )
    if not isinstance(document, Document):  # None: nothing found (a dict only if as_dict=True)
        raise SourceError("No article text was found in that page.")
    paragraphs = [line.strip() for line in (document.text or "").splitlines() if line.strip()]
    title = (document.title or "").strip() or None
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the headline is the title, not part of the text
    if sum(len(paragraph.split()) for paragraph in paragraphs) < MIN_WORDS:
        raise SourceError("No article text was found in that page.")
    published = None
    if document.date:
        try:
            published = datetime.date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return SourceArticle(
        title=title, text="\n\n".join(paragraphs), published=published, url=url or document.url
    )


def address_problem(address: str) -> str | None:
    """Why an IP address must not be fetched from, or None if it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.is_site_local:
            return "Addresses on private networks are not allowed."
        # IPv4 inside IPv6 (mapped, or 6to4's 2002::/16) is judged by the IPv4 address.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            ip = embedded
    if ip.is_loopback:
        return "Addresses on this computer (loopback) are not allowed."
    if ip.is_link_local:
        return "Link-local addresses are not allowed."
    if ip.is_unspecified or ip.is_multicast or ip.is_reserved:
        return "That is not a public internet address."
    if ip.is_private or not ip.is_global:
        return "Addresses on private networks are not allowed."
    return None


def check_address(address: str) -> None:
    """Raise SourceError unless the IP address is a public one."""
    problem = address_problem(address)
    if problem:
        raise SourceError(problem)


def _resolve(host: str, port: int, allow_private: bool) -> str:
    """The IP address to connect to for host, after checking all the addresses it resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise SourceError("That address could not be found.") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise SourceError("That address could not be found.")
    if not allow_private:
        for address in addresses:
            check_address(address)
    return addresses[0]


def _connection_error(exc: Exception, timeout: float) -> SourceError:
    if isinstance(exc, urllib3.exceptions.NewConnectionError):  # before: it is a TimeoutError too
        if isinstance(exc.__cause__, ConnectionRefusedError) or "refused" in str(exc).lower():
            return SourceError("That address could not be reached: connection refused.")
        return SourceError("That address could not be reached: the connection failed.")
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return SourceError(f"That address took too long to answer (more than {timeout:g} seconds).")
    if isinstance(exc, urllib3.exceptions.SSLError):
        return SourceError("A secure connection to that address could not be made.")
    return SourceError("That address could not be reached: the connection failed.")


def _pool(scheme: str, ip: str, port: int, host: str, timeout: float) -> urllib3.HTTPConnectionPool:
    limit = urllib3.Timeout(connect=timeout, read=timeout)
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            ip, port, server_hostname=host, timeout=limit, retries=False
        )
    return urllib3.HTTPConnectionPool(ip, port, timeout=limit, retries=False)


def fetch_article(
    url: str, *, allow_private: bool = False, timeout: float = 10.0, max_bytes: int = PAGE_MAX_BYTES
) -> SourceArticle:
    """Fetch a web page and extract its article.

    Only http and https; addresses on private, loopback and link-local networks are refused
    unless allow_private. At most MAX_REDIRECTS redirects, `timeout` seconds for the whole fetch
    (connect and every read included) and `max_bytes` of (decoded) body.
    """
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            parts = urlsplit(url.strip())
            host, port = parts.hostname, parts.port
        except ValueError as exc:
            raise SourceError("That is not a valid web address.") from exc
        if parts.scheme not in ("http", "https"):
            if not parts.scheme:
                raise SourceError("That is not a valid web address.")
            raise SourceError("Only http:// and https:// addresses can be fetched.")
        if not host:
            raise SourceError("That is not a valid web address.")
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise SourceError("That is not a valid web address.") from exc
        port = port or (443 if parts.scheme == "https" else 80)
        ip = _resolve(host, port, allow_private)
        host_header = f"[{host}]" if ":" in host else host
        if parts.port:
            host_header += f":{parts.port}"
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {"Host": host_header, "User-Agent": USER_AGENT, "Accept": "text/html, */*;q=0.5"}
        remaining = max(deadline - time.monotonic(), 0.001)
        try:
            with _pool(parts.scheme, ip, port, host, remaining) as pool:
                response = pool.urlopen(
                    "GET", target, headers=headers, redirect=False, preload_content=False
                )
                try:
                    location = response.headers.get("Location")
                    if response.status in REDIRECT_STATUSES and location:
                        url = urljoin(url, location)
                        continue
                    body, content_type = _read(response, max_bytes, deadline, timeout)
                finally:
                    response.close()
                    response.release_conn()
        except urllib3.exceptions.HTTPError as exc:
            raise _connection_error(exc, timeout) from exc
        return _article_from_body(body, content_type, url)
    raise SourceError(f"The page redirected more than {MAX_REDIRECTS} times.")


def _read(
    response: urllib3.BaseHTTPResponse, max_bytes: int, deadline: float, timeout: float
) -> tuple[bytes, Message]:
    if response.status >= 300:
        try:
            phrase = HTTPStatus(response.status).phrase
        except ValueError:
            phrase = "Error"
        raise SourceError(
            f"The page could not be fetched: the server answered {response.status} {phrase}."
        )
    content_type = Message()
    content_type["Content-Type"] = response.headers.get("Content-Type", "text/html")
    media_type = content_type.get_content_type()
    if media_type not in HTML_TYPES and media_type != "text/plain":
        raise SourceError(f"That address does not lead to a web page (it is {media_type}).")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SourceError(f"The page is larger than {describe_bytes(max_bytes)}.")
    chunks, size = [], 0
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise SourceError(f"The page is larger than {describe_bytes(max_bytes)}.")
        if time.monotonic() > deadline:
            raise SourceError(
                f"That address took too long to answer (more than {timeout:g} seconds)."
            )
        chunks.append(chunk)
    return b"".join(chunks), content_type


def _article_from_body(body: bytes, content_type: Message, url: str) -> SourceArticle:
    charset = content_type.get_param("charset")
    text: str | bytes = body
    if isinstance(charset, str):
        try:
            text = body.decode(charset, errors="replace")
        except LookupError:
            text = body  # unknown charset: let the HTML decoder sniff it
    if content_type.get_content_type() == "text/plain":
        if isinstance(text, bytes):
            raw = text
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
        return article_from_text(text, title=None, url=url, published=None)
    return article_from_html(text, url=url)
