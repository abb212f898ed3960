"""Proof under load and faults, over HTTP against gunicorn on loopback with the deploy settings.

Eight browsers play at once, each answer sent three times simultaneously; three different
answers and a give-up race on one attempt, 30 times; a worker is killed mid-load; on PostgreSQL
the database is cut off through a TCP relay and comes back. Afterwards every answer a player
locked in is stored once, as given, every attempt agrees with its answers, and the leaderboards
equal a recomputation from the attempts (tests/consistency.py).
"""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from quizapp import accounts
from quizapp.ingest.articles import ingest_article
from quizapp.models import Attempt, AttemptAnswer, BoardEntry
from quizapp.play.settings import POINTS_PER_QUESTION
from tests.conftest import ARTICLES_DIR, SEED_ARTICLE
from tests.consistency import problems_in
from tests.loopback import Gunicorn, TcpProxy, gunicorn_server
from tests.playing import play_all, right_value, start, wrong_value
from tests.visitors import RESETS, Reply, Visitor

QUESTIONS = 6  # per quiz: enough positions to race on, few enough to keep the suite quick
CLIENTS = 8
COPIES = 3
RACES = 30
WORKERS = 3
RETRIES = 3  # a browser's reloads after the server dropped the connection
PATIENCE = 0.2  # seconds before trying again after a 503
KILLS = 2
GAMES_UNDER_FAULT = 2  # per client
OUTAGE_SECONDS = 3.0
CLIENT_TIMEOUT = 120.0
ARTICLES = [SEED_ARTICLE, ARTICLES_DIR / "03-saltwater-widow-director.txt"]


@pytest.fixture
def slugs(session: Session) -> list[str]:
    """Two published, untimed quizzes of a few questions, options shuffled, where each
    player's best game counts (so the boards' expected rows are well defined)."""
    found = []
    for path in ARTICLES:
        result = ingest_article(
            session, path.read_text(encoding="utf-8"), publish=True, questions_per_quiz=QUESTIONS
        )
        assert result.quiz is not None and len(result.quiz.entries) == QUESTIONS
        result.quiz.settings = {
            **result.quiz.settings,
            "shuffle_options": True,
            "first_game_counts": False,
            "time_limit_seconds": None,
        }
        found.append(result.quiz.slug)
    session.commit()
    return found


@pytest.fixture
def reader(database_url: str) -> Iterator[sa.Engine]:
    """The test's own view of the database the server uses."""
    engine = sa.create_engine(database_url, poolclass=NullPool)
    yield engine
    engine.dispose()


@dataclass
class Traffic:
    """Every reply the clients got, by status, and each connection the server dropped.

    A patient client, told the site is unavailable (503), tries again shortly, as the page
    asks; the start time of every such request is kept.
    """

    patient: bool = False
    statuses: Counter[int] = field(default_factory=Counter)
    resets: int = 0
    requests: int = 0
    unavailable: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def send(
        self, visitor: Visitor, method: str, path: str, form: dict[str, str] | None = None
    ) -> Reply:
        """Send, and send again (as a person reloads) when the connection was dropped."""
        drops = 0
        deadline = time.monotonic() + CLIENT_TIMEOUT / 2
        while True:
            began = time.monotonic()
            with self.lock:
                self.requests += 1
            try:
                reply = visitor.request(method, path, form)
            except RESETS:
                with self.lock:
                    self.resets += 1
                drops += 1
                assert drops <= RETRIES, f"{method} {path}: the connection dropped {drops} times"
                continue
            with self.lock:
                self.statuses[reply.status] += 1
                if reply.status == 503:
                    self.unavailable.append(began)
            if reply.status == 503 and self.patient and time.monotonic() < deadline:
                time.sleep(PATIENCE)
                continue
            return reply

    def server_errors(self) -> dict[int, int]:
        return {status: n for status, n in self.statuses.items() if status >= 500}


def at_once(calls: list[Callable[[], Reply]]) -> list[Reply]:
    """Run the calls in threads released together, as a double click or a racing tab does."""
    barrier = threading.Barrier(len(calls))
    replies: list[Reply | BaseException | None] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait(timeout=CLIENT_TIMEOUT)
        try:
            replies[index] = calls[index]()
        except BaseException as error:  # re-raised below, in the calling thread
            replies[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=CLIENT_TIMEOUT)
    for reply in replies:
        if not isinstance(reply, Reply):
            raise AssertionError(f"a racing request did not finish: {reply!r}")
    return [reply for reply in replies if isinstance(reply, Reply)]


def asked_in(engine: sa.Engine, token: str) -> list[AttemptAnswer]:
    """The attempt's questions as stored, with their right answers (test setup only)."""
    with Session(engine) as session:
        rows = list(
            session.scalars(
                sa.select(AttemptAnswer)
                .join(Attempt)
                .where(Attempt.token == token)
                .order_by(AttemptAnswer.position)
            )
        )
        session.expunge_all()
    assert len(rows) == QUESTIONS, token
    return rows


def attempt_with_answers(engine: sa.Engine, token: str) -> tuple[Attempt, list[AttemptAnswer]]:
    with Session(engine) as session:
        attempt = session.scalars(sa.select(Attempt).where(Attempt.token == token)).one()
        answers = list(attempt.answers)
        session.expunge_all()
    return attempt, answers


@dataclass
class Player:
    """One browser playing over HTTP, with what it meant to answer in each game."""

    visitor: Visitor
    traffic: Traffic
    engine: sa.Engine
    rng: random.Random
    nickname: str
    planned: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    races: list[tuple[str, int, list[str]]] = field(default_factory=list)

    def start(self, slug: str) -> str:
        page = self.traffic.send(self.visitor, "GET", f"/quizzes/{slug}")
        assert page.status == 200, page.status
        self.visitor.keep_csrf_token(page)
        reply = self.traffic.send(
            self.visitor,
            "POST",
            f"/quizzes/{slug}/start",
            {"nickname": self.nickname, "csrf_token": self.visitor.csrf_token},
        )
        assert reply.status == 303 and reply.location.startswith("/play/"), reply.status
        return reply.location.rsplit("/", 1)[1]

    def answer(self, token: str, position: int, value: str, copies: int = 1) -> list[Reply]:
        form = {"position": str(position), "answer": value, "csrf_token": self.visitor.csrf_token}
        tabs = [self.visitor.tab() for _ in range(copies)]
        return at_once(
            [partial(self.traffic.send, tab, "POST", f"/play/{token}", form) for tab in tabs]
        )

    def play(self, slug: str, copies: int) -> None:
        """A whole game, right or wrong at random, each answer sent `copies` times at once."""
        token = self.start(slug)
        plan = self.planned[token] = []
        for question in asked_in(self.engine, token):
            right = self.rng.random() < 0.5
            value = right_value(question) if right else wrong_value(question)
            plan.append((value, right))
            # A copy reaching the server after the last answer finished the game is sent to
            # the results: the attempt is over.
            shown = {f"/play/{token}/answers/{question.position}"}
            if question.position + 1 == QUESTIONS:
                shown.add(f"/results/{token}")
            for reply in self.answer(token, question.position, value, copies):
                assert reply.status == 303, (reply.status, reply.text[:300])
                assert reply.location in shown

    def race_give_up(self, slug: str) -> None:
        """Three different answers to one question and a give-up, all at once."""
        token = self.start(slug)
        questions = asked_in(self.engine, token)
        played = self.rng.randrange(QUESTIONS)
        for question in questions[:played]:
            (reply,) = self.answer(token, question.position, right_value(question))
            assert reply.status == 303
        target = questions[played]
        if target.kind == "typed":
            values = [right_value(target), "not this one", "nor this one"]
        else:
            values = [str(i % len(target.options)) for i in range(3)]
        self.races.append((token, played, values))
        form = {"position": str(played), "csrf_token": self.visitor.csrf_token}
        tabs = [self.visitor.tab() for _ in range(4)]
        send = self.traffic.send
        replies = at_once(
            [
                *(
                    partial(send, tab, "POST", f"/play/{token}", {**form, "answer": value})
                    for tab, value in zip(tabs, values, strict=False)
                ),
                partial(send, tabs[3], "POST", f"/play/{token}/give-up", form),
            ]
        )
        assert [reply.status for reply in replies] == [303] * 4, [r.text[:200] for r in replies]
        assert replies[3].location == f"/results/{token}"

    def check(self) -> list[str]:
        """What the server lost or counted twice of this player's answers."""
        problems = []
        for token, plan in self.planned.items():
            attempt, answers = attempt_with_answers(self.engine, token)
            given = [answer.given_answer for answer in answers]
            meant = [
                q.options[int(value)] if q.kind != "typed" else value
                for q, (value, _) in zip(answers, plan, strict=True)
            ]
            rights = sum(right for _, right in plan)
            if attempt.status != "finished" or given != meant:
                problems.append(f"{token}: {attempt.status}, gave {given}, meant {meant}")
            if (attempt.correct_count, attempt.points) != (rights, rights * POINTS_PER_QUESTION):
                problems.append(f"{token}: {attempt.correct_count} right, {rights} meant")
        for token, played, values in self.races:
            attempt, answers = attempt_with_answers(self.engine, token)
            locked = [answer for answer in answers if answer.answered]
            raced = answers[played]
            sent = [raced.options[int(v)] if raced.kind != "typed" else v for v in values]
            outcomes = {("gave_up", played), ("gave_up", played + 1)}
            if played + 1 == QUESTIONS:
                outcomes.add(("finished", played + 1))
            if (attempt.status, len(locked)) not in outcomes:
                problems.append(f"race {token}: {attempt.status} with {len(locked)} answers")
            if raced.answered and raced.given_answer not in sent:
                problems.append(f"race {token}: locked {raced.given_answer!r}, sent {sent}")
        return problems


def players(server: Gunicorn, engine: sa.Engine, traffic: Traffic) -> list[Player]:
    return [
        Player(Visitor(server.base_url), traffic, engine, random.Random(i), f"Load {i}")
        for i in range(CLIENTS)
    ]


def run_all(work: list[Callable[[], None]], meanwhile: Callable[[], None] | None = None) -> None:
    """Run each client's work in its own thread, and `meanwhile` in this one; any failure
    fails the test."""
    with ThreadPoolExecutor(max_workers=len(work)) as pool:
        futures = [pool.submit(job) for job in work]
        deadline = time.monotonic() + CLIENT_TIMEOUT
        try:
            if meanwhile is not None:
                meanwhile()
        finally:
            for future in futures:
                future.result(timeout=max(1.0, deadline - time.monotonic()))


def report(name: str, traffic: Traffic, **figures: object) -> None:
    """One line of figures in the test output (shown with -rA or on failure)."""
    extra = " ".join(
        f"{key}={value:.2f}" if isinstance(value, float) else f"{key}={value}"
        for key, value in figures.items()
    )
    print(
        f"{name}: {traffic.requests} requests {dict(sorted(traffic.statuses.items()))} "
        f"resets={traffic.resets} {extra}"
    )


@pytest.mark.both_databases
def test_simultaneous_copies_and_racing_give_ups_lose_nothing_and_count_once(
    database_url: str, slugs: list[str], reader: sa.Engine, tmp_path: Path
) -> None:
    traffic = Traffic()
    with gunicorn_server(database_url, tmp_path, WORKERS) as server:
        clients = players(server, reader, traffic)

        def work(index: int) -> None:
            client = clients[index]
            for slug in slugs:
                client.play(slug, copies=COPIES)
            for race in range(index, RACES, CLIENTS):
                client.race_give_up(slugs[race % len(slugs)])

        started = time.monotonic()
        run_all([partial(work, i) for i in range(CLIENTS)])
        report("concurrency", traffic, seconds=time.monotonic() - started)
    assert traffic.server_errors() == {}
    assert traffic.resets == 0
    assert sum(len(c.planned) for c in clients) == CLIENTS * len(slugs)
    assert sum(len(c.races) for c in clients) == RACES
    assert [p for c in clients for p in c.check()] == []
    assert problems_in(reader) == []


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        time.sleep(0.02)


@pytest.mark.both_databases
def test_a_worker_killed_mid_load_drops_only_its_connection_and_corrupts_nothing(
    database_url: str, slugs: list[str], reader: sa.Engine, tmp_path: Path
) -> None:
    traffic = Traffic()
    killed: list[int] = []
    expected_requests = CLIENTS * GAMES_UNDER_FAULT * (2 + QUESTIONS * COPIES)
    with gunicorn_server(database_url, tmp_path, WORKERS) as server:
        clients = players(server, reader, traffic)

        def work(index: int) -> None:
            for game in range(GAMES_UNDER_FAULT):
                clients[index].play(slugs[(index + game) % len(slugs)], copies=COPIES)

        def loaded(share: float) -> bool:
            return traffic.requests >= expected_requests * share

        def replaced(victim: int) -> bool:
            pids = server.worker_pids()
            return victim not in pids and len(pids) == WORKERS

        def kill_workers() -> None:
            """SIGKILL one worker a third of the way in and another at two thirds; gunicorn
            replaces each."""
            for kill in range(1, KILLS + 1):
                wait_for(partial(loaded, kill / (KILLS + 1)), CLIENT_TIMEOUT / 2, "the load")
                victim = server.worker_pids()[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)
                wait_for(partial(replaced, victim), CLIENT_TIMEOUT / 2, "a new worker")

        run_all([partial(work, i) for i in range(CLIENTS)], meanwhile=kill_workers)
        assert Visitor(server.base_url).get("/").status == 200
    report("worker killed", traffic, kills=len(killed))
    assert len(killed) == KILLS
    assert traffic.server_errors() == {}
    # A sync worker serves one connection at a time: each kill can drop one request at most.
    assert traffic.resets <= KILLS
    assert [p for c in clients for p in c.check()] == []
    assert problems_in(reader) == []


def make_author(session: Session) -> tuple[str, str]:
    email, password = "outage@example.org", "correct horse battery"
    accounts.create_user(session, email, password, "author")
    session.commit()
    return email, password


def assert_unavailable(reply: Reply) -> None:
    """The templated 503 page, with Retry-After: no raw server error."""
    assert reply.status == 503, (reply.status, reply.text[:300])
    assert reply.headers["Retry-After"]
    assert "The database is not answering" in reply.text or "unavailable" in reply.text


@pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_database_outage_answers_503_then_recovers_with_nothing_half_written(
    database_url: str, slugs: list[str], reader: sa.Engine, session: Session, tmp_path: Path
) -> None:
    email, password = make_author(session)
    url = sa.make_url(database_url)
    traffic, probe = Traffic(patient=True), Traffic()
    with TcpProxy((url.host or "127.0.0.1", url.port or 5432)) as proxy:
        relayed = url.set(host="127.0.0.1", port=proxy.port).render_as_string(False)
        with gunicorn_server(relayed, tmp_path, workers=2) as server:
            author = Visitor(server.base_url)
            author.open_form("/sign-in")
            assert author.post("/sign-in", {"email": email, "password": password}).status == 303
            witness = Player(Visitor(server.base_url), probe, reader, random.Random(99), "Witness")
            token = witness.start(slugs[0])
            first, second = asked_in(reader, token)[:2]
            (reply,) = witness.answer(token, 0, right_value(first))
            assert reply.status == 303
            clients = players(server, reader, traffic)[:4]
            timings: dict[str, float] = {}

            def work(index: int) -> None:
                for game in range(GAMES_UNDER_FAULT):
                    clients[index].play(slugs[(index + game) % len(slugs)], copies=1)

            def outage() -> None:
                wait_for(lambda: traffic.requests >= 20, CLIENT_TIMEOUT / 2, "the load")
                proxy.cut()
                cut_at = time.monotonic()
                try:
                    for path in (
                        "/",
                        "/healthz",
                        f"/quizzes/{slugs[0]}",
                        f"/leaderboard/{slugs[1]}",
                    ):
                        assert_unavailable(probe.send(witness.visitor, "GET", path))
                    assert_unavailable(probe.send(author, "GET", "/author/"))
                    (refused,) = witness.answer(token, 1, right_value(second))
                    assert_unavailable(refused)
                    time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - cut_at)))
                finally:
                    proxy.restore()  # so the clients finish, whatever failed above
                timings["restored"] = restored_at = time.monotonic()
                timings["outage"] = restored_at - cut_at
                # Recovered on the first request, without a restart.
                assert probe.send(witness.visitor, "GET", "/healthz").status == 200
                timings["recovery"] = time.monotonic() - restored_at

            run_all([partial(work, i) for i in range(len(clients))], meanwhile=outage)
            for path in ("/", f"/quizzes/{slugs[0]}", f"/leaderboard/{slugs[1]}"):
                assert probe.send(witness.visitor, "GET", path).status == 200, path
            assert probe.send(author, "GET", "/author/").status == 200
            with Session(reader) as check:
                attempt = check.scalars(sa.select(Attempt).where(Attempt.token == token)).one()
                assert (attempt.current_position, attempt.points) == (1, POINTS_PER_QUESTION)
                assert [answer.answered for answer in attempt.answers[:2]] == [True, False]
            (reply,) = witness.answer(token, 1, right_value(second))
            assert reply.status == 303
            assert "Retry-After" not in reply.headers
    late = [began for began in traffic.unavailable if began > timings["restored"]]
    report(
        "outage",
        traffic,
        refused_connections=proxy.refused,
        outage=timings["outage"],
        recovery=timings["recovery"],
        late_503=len(late),
    )
    assert traffic.server_errors().keys() <= {503}
    assert traffic.unavailable, "the load never met the outage"
    assert late == []
    assert [p for c in clients for p in c.check()] == []
    assert problems_in(reader) == []


@pytest.mark.both_databases
def test_the_consistency_check_notices_lost_and_double_counted_answers(
    client: FlaskClient, session: Session, slugs: list[str], database_url: str
) -> None:
    """The checks above can fail: a doubled score, a lost answer and a stale board are found."""
    engine = sa.create_engine(database_url, poolclass=NullPool)
    token = start(client, slugs[0])
    play_all(client, session, token, right=True)
    assert problems_in(engine) == []
    with Session(engine) as writer:
        attempt = writer.scalars(sa.select(Attempt).where(Attempt.token == token)).one()
        attempt.points += POINTS_PER_QUESTION
        attempt.answers[2].answered_at = None
        writer.execute(sa.update(BoardEntry).where(BoardEntry.period == "week").values(points=1))
        writer.commit()
    found = " | ".join(problems_in(engine))
    engine.dispose()
    assert "points" in found and "answered out of order" in found
    assert "not the best" in found and "differs from its attempt" in found
