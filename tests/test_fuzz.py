"""A Hypothesis fuzz of every route in the URL map (a new route is fuzzed as soon as it exists),
on SQLite and PostgreSQL, with CSRF protection on.

Requests come from a visitor, a guest player, a signed-in player, an author, and a browser with
a forged session cookie. Each route gets the forms its pages really render (found by crawling
them), mutated: wrong types, invalid UTF-8, NUL bytes, huge values within the 4 MB body limit
and above it, forged ids and tokens, duplicated and unknown fields, odd encodings. The answer
is never a 5xx (under TESTING an unhandled exception fails the test outright), and a refused
request (4xx) leaves every row of every table as it was.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote_from_bytes, urlsplit

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.routing import Rule

from quizapp import accounts, create_app
from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.models import Article, Fact, Question, Quiz
from tests.html_forms import Form, forms_in
from tests.loopback import keep_to_loopback
from tests.playing import publish_quiz

pytestmark = pytest.mark.both_databases

EXAMPLES_PER_ROUTE = 12
PASSWORD = "correct horse battery"
IDENTITIES = ("visitor", "guest", "player", "author", "forged")
BODY_LIMIT = 4 * 1024 * 1024
HUGE_SIZES = (300_000, BODY_LIMIT - 64 * 1024, BODY_LIMIT + 1)
# Refusals that may rightly be counted: a failed sign-in (401) and the limit it leads to (429).
COUNTED_REFUSALS = {401, 429}
ODD_VALUES = [
    b"",
    b" ",
    b"0",
    b"1",
    b"-1",
    b"2",
    b"9" * 30,
    b"1.5",
    b"1e3",
    b"0x1",
    b"abc",
    b"true",
    b"on",
    b"null",
    b"[]",
    b'{"a": 1}',
    b"\x00",
    b"a\x00b",
    b"\xff\xfe",
    b"\xc3\x28",
    b"\xed\xa0\x80",  # an encoded surrogate: invalid UTF-8
    "²٣".encode(),
    "Zoë O’Brien".encode(),
    b"<script>alert(1)</script>",
    b"' OR 1=1 --",
    b"x" * 301,
    b"x" * 2_001,
    b"http://127.0.0.1:1/",
    b"http://[::1]/",
    b"http://2130706433/",
    b"javascript:alert(1)",
    b"//evil.example/",
]


def views_read(kind: str) -> set[str]:
    """The request.args / request.form names the views read, found in their source."""
    names = set()
    for path in (PROJECT_ROOT / "quizapp" / "views").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        names |= set(re.findall(rf'request\.{kind}\.get(?:list)?\(f?"([\w-]+)', source))
    return names


def digest(engine: sa.Engine) -> dict[str, str]:
    """A checksum of every table's rows, to tell whether a request changed anything (one
    round trip on PostgreSQL, which can hash server-side)."""
    tables = db.metadata.sorted_tables
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            query = " UNION ALL ".join(
                f"SELECT '{t.name}', md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), ''))"
                f' FROM "{t.name}" AS r'
                for t in tables
            )
            return {name: checksum for name, checksum in connection.execute(sa.text(query))}
        sums = {}
        for table in tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = connection.execute(sa.select(table).order_by(*order)).all()
            sums[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return sums


@dataclass
class World:
    """What the fuzz knows of the app under test: each identity's session cookie and CSRF
    token, the ids of everything stored, and the forms found on the pages."""

    app: Flask
    cookies: dict[str, str] = field(default_factory=dict)
    csrf: dict[str, str] = field(default_factory=dict)
    values: dict[str, list[bytes]] = field(default_factory=dict)
    forms: dict[str, list[Form]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)

    def client(self, identity: str) -> FlaskClient:
        client = self.app.test_client()
        if self.cookies.get(identity):
            client.set_cookie("session", self.cookies[identity])
        return client


def token_in(page: str) -> str:
    found = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
    assert found, page[:500]
    return found.group(1)


def sign_in(client: FlaskClient, email: str) -> None:
    csrf = token_in(client.get("/sign-in").get_data(as_text=True))
    form = {"email": email, "password": PASSWORD, "csrf_token": csrf}
    assert client.post("/sign-in", data=form).status_code == 303


def start_game(client: FlaskClient, slug: str, nickname: str) -> str:
    csrf = token_in(client.get(f"/quizzes/{slug}").get_data(as_text=True))
    reply = client.post(f"/quizzes/{slug}/start", data={"nickname": nickname, "csrf_token": csrf})
    assert reply.status_code == 303, reply.get_data(as_text=True)[:500]
    return reply.location.rsplit("/", 1)[1]


def concrete_urls(app: Flask, values: dict[str, list[bytes]]) -> Iterator[tuple[Rule, str]]:
    """Every GET route with the first known value for each of its parameters."""
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or set()) or rule.endpoint == "static":
            continue
        known = {name: values.get(name, [b"1"])[0].decode() for name in rule.arguments}
        yield rule, rule.build(known, append_unknown=False)[1]  # type: ignore[index]


@pytest.fixture
def world(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    keep_to_loopback(monkeypatch)
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    found = World(app)
    with app.app_context():
        session = db.session()
        quiz = publish_quiz(session)
        draft = Quiz(title="A draft", slug="a-draft", settings={}, published=False)
        session.add(draft)
        for role in ("author", "player"):
            accounts.create_user(session, f"{role}@example.org", PASSWORD, role)
        session.commit()
        ids = {
            "article_id": session.scalars(sa.select(Article.id)).all(),
            "fact_id": session.scalars(sa.select(Fact.id).limit(3)).all(),
            "question_id": session.scalars(sa.select(Question.id).limit(3)).all(),
            "quiz_id": session.scalars(sa.select(Quiz.id)).all(),
        }
        slugs = [quiz.slug, draft.slug]
    clients = {identity: app.test_client() for identity in IDENTITIES}
    sign_in(clients["author"], "author@example.org")
    sign_in(clients["player"], "player@example.org")
    tokens = [start_game(clients[who], slugs[0], who.title()) for who in ("guest", "player")]
    stranger = start_game(app.test_client(), slugs[0], "Stranger")
    clients["visitor"].get("/sign-in")  # a session holding only a CSRF token
    for identity, client in clients.items():
        page = client.get(f"/quizzes/{slugs[0]}").get_data(as_text=True)
        found.csrf[identity] = token_in(page)
        cookie = client.get_cookie("session")
        found.cookies[identity] = cookie.value if cookie else ""
    found.cookies["forged"] = "eyJwbGF5ZXIiOiJ4In0.forged.signature"
    found.csrf["forged"] = "IjEyMyI.forged.token"
    found.values = {
        **{name: [str(i).encode() for i in numbers] for name, numbers in ids.items()},
        "slug": [slug.encode() for slug in slugs],
        "token": [token.encode() for token in [*tokens, stranger]],
        "position": [b"0", b"1", b"5"],
        "filename": [b"style.css", b"../wsgi.py"],
    }
    for rule in app.url_map.iter_rules():
        for name, converter in rule._converters.items():  # any(...) parts list their words
            if hasattr(converter, "items"):
                found.values[name] = sorted(word.encode() for word in converter.items)
    crawl(found, clients)
    found.names = sorted(
        {name for forms in found.forms.values() for form in forms for name in form.names}
        | views_read("args")
        | views_read("form")
        | {"next", "csrf_token"}
    )
    yield found
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def crawl(world: World, clients: dict[str, FlaskClient]) -> None:
    """Open every GET page as each identity and keep the forms found, by the route they post
    to (the values they hold are what a browser would send)."""
    adapter = world.app.url_map.bind("localhost")
    for identity in ("author", "guest", "player", "visitor"):
        for _rule, url in concrete_urls(world.app, world.values):
            response = clients[identity].get(url)
            if response.status_code != 200 or response.mimetype != "text/html":
                continue
            for form in forms_in(response.get_data(as_text=True), url):
                parts = urlsplit(form.action)
                try:
                    endpoint, _ = adapter.match(parts.path, method=form.method)
                except Exception:  # a form posting elsewhere: nothing to learn
                    continue
                world.forms.setdefault(f"{endpoint} {form.method}", []).append(form)


@dataclass(frozen=True)
class Probe:
    identity: str
    method: str
    path: bytes
    query: bytes
    body: bytes | None
    content_type: str | None

    def __repr__(self) -> str:
        body = None if self.body is None else self.body[:300]
        return (
            f"Probe({self.identity} {self.method} {self.path!r}?{self.query[:200]!r} "
            f"{self.content_type} {body!r} ({len(self.body or b'')} bytes))"
        )


def fuzz_values(world: World, name: str) -> st.SearchStrategy[bytes]:
    known = [value for values in world.values.values() for value in values]
    return st.one_of(
        st.sampled_from(world.values.get(name) or known),
        st.sampled_from(known),
        st.sampled_from(ODD_VALUES),
        st.text(max_size=30).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.binary(max_size=12),
    )


def encode_pairs(pairs: list[tuple[bytes, bytes]], raw: bool = False) -> bytes:
    """application/x-www-form-urlencoded; `raw` leaves the bytes unescaped, as no browser
    would."""
    if raw:
        return b"&".join(name + b"=" + value for name, value in pairs)
    return b"&".join(
        quote_from_bytes(name).encode() + b"=" + quote_from_bytes(value).encode()
        for name, value in pairs
    )


def multipart(pairs: list[tuple[bytes, bytes]], files: set[str]) -> tuple[bytes, str]:
    boundary = b"fuzzboundary7MA4YWxk"
    parts = []
    for name, value in pairs:
        disposition = b'form-data; name="' + name.replace(b'"', b"") + b'"'
        if name.decode("latin-1") in files:
            disposition += b'; filename="upload.txt"'
        parts.append(
            b"--" + boundary + b"\r\nContent-Disposition: " + disposition + b"\r\n\r\n" + value
        )
    body = b"\r\n".join([*parts, b"--" + boundary + b"--\r\n"])
    return body, f"multipart/form-data; boundary={boundary.decode()}"


@st.composite
def probes(draw: st.DrawFn, world: World, rule: Rule, method: str) -> Probe:
    author_route = rule.endpoint.startswith("author.")
    identity = draw(st.sampled_from(("author",) * 4 + IDENTITIES if author_route else IDENTITIES))
    forms = world.forms.get(f"{rule.endpoint} {method}", [])
    use_form = bool(forms) and draw(st.integers(0, 3)) > 0
    form = draw(st.sampled_from(forms)) if use_form else None
    if form is not None and draw(st.booleans()):
        path = urlsplit(form.action).path.encode()
    else:
        arguments = {name: draw(fuzz_values(world, name)) for name in rule.arguments}
        path = re.sub(
            rb"<(?:[^<>:]+:)?([^<>]+)>",
            lambda m: arguments[m.group(1).decode()],
            rule.rule.encode(),
        )
    names = st.sampled_from(world.names).map(str.encode)
    query_pairs = draw(st.lists(st.tuples(names, fuzz_values(world, "")), max_size=3))
    query = encode_pairs(query_pairs)
    if method == "GET":
        return Probe(identity, method, path, query, None, None)
    pairs = [(n.encode(), v.encode()) for n, v in (form.fields if form else [])]
    pairs = [pair for pair in pairs if pair[0] != b"csrf_token"]
    for _ in range(draw(st.integers(0, 4))):
        operation = draw(st.sampled_from(["change", "change", "drop", "twice", "add"]))
        if operation == "add" or not pairs:
            name = draw(names)
            pairs.append((name, draw(fuzz_values(world, name.decode()))))
            continue
        at = draw(st.integers(0, len(pairs) - 1))
        name = pairs[at][0]
        if operation == "change":
            pairs[at] = (name, draw(fuzz_values(world, name.decode())))
        elif operation == "drop":
            del pairs[at]
        else:
            pairs.insert(at, (name, draw(fuzz_values(world, name.decode()))))
    csrf = draw(st.sampled_from(["valid"] * 6 + ["missing", "garbage", "twice"]))
    token = world.csrf[identity].encode()
    if csrf in {"valid", "twice"}:
        pairs.insert(0, (b"csrf_token", token))
    if csrf in {"garbage", "twice"}:
        pairs.append((b"csrf_token", draw(fuzz_values(world, "csrf_token"))))
    huge = draw(st.sampled_from((None,) * 12 + HUGE_SIZES))
    if huge and pairs:
        at = draw(st.integers(0, len(pairs) - 1))
        pairs[at] = (pairs[at][0], b"x" * huge)
    encoding = draw(
        st.sampled_from(
            ["form"] * 6 + ["raw form", "multipart", "multipart", "json", "text", "none"]
        )
    )
    if encoding == "multipart" or (form is not None and form.multipart and encoding == "form"):
        body, content_type = multipart(pairs, form.files if form else set())
        return Probe(identity, method, path, query, body, content_type)
    if encoding == "json":
        document = {n.decode("latin-1"): v.decode("latin-1") for n, v in pairs}
        return Probe(
            identity, method, path, query, json.dumps(document).encode(), "application/json"
        )
    body = encode_pairs(pairs, raw=encoding == "raw form")
    declared = {"text": "text/plain", "none": None}.get(
        encoding, "application/x-www-form-urlencoded"
    )
    return Probe(identity, method, path, query, body, declared)


def send(world: World, probe: Probe) -> int:
    """The request as a WSGI server hands it over: the path percent-decoded (any bytes, as
    latin-1), the query string still escaped."""
    response = world.client(probe.identity).open(
        "/",
        method=probe.method,
        data=probe.body,
        content_type=probe.content_type,
        environ_overrides={
            "PATH_INFO": probe.path.decode("latin-1"),
            "QUERY_STRING": probe.query.decode("ascii"),
        },
    )
    response.close()
    return response.status_code


def routes(app: Flask) -> list[tuple[Rule, str]]:
    found = [
        (rule, method)
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
    ]
    assert len(found) > 30, "the URL map looks too small to be the app's"
    return found


def test_every_route_answers_odd_requests_with_4xx_or_its_page_and_refusals_change_nothing(
    world: World, database_url: str
) -> None:
    engine = sa.create_engine(database_url)
    fuzzed: list[str] = []
    try:
        state = [digest(engine)]
        for rule, method in routes(world.app):

            @settings(
                max_examples=EXAMPLES_PER_ROUTE,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                print_blob=True,
            )
            @given(probe=probes(world, rule, method))
            def one_request(probe: Probe) -> None:
                before = state[0]  # nothing but these requests writes to the database
                status = send(world, probe)
                world.statuses[status] += 1
                assert status < 500, probe
                state[0] = digest(engine)
                if 400 <= status < 500 and status not in COUNTED_REFUSALS:
                    changed = {t for t, s in state[0].items() if before[t] != s}
                    assert not changed, f"{status} but {sorted(changed)} changed: {probe!r}"

            one_request()
            fuzzed.append(f"{method} {rule.rule}")
    finally:
        engine.dispose()
    print(f"fuzzed {len(fuzzed)} routes: {dict(sorted(world.statuses.items()))}")
    assert sum(world.statuses.values()) >= len(fuzzed) * EXAMPLES_PER_ROUTE // 2
    assert {"author.edit_quiz POST", "play.submit POST", "auth.sign_in POST"} <= set(world.forms)
