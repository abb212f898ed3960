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
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from quizapp import accounts
from quizapp.ingest.articles import ingest_article
from quizapp.models import Attempt, BoardEntry
from quizapp.play.settings import POINTS_PER_QUESTION
from tests.conftest import ARTICLES_DIR, SEED_ARTICLE
from tests.consistency import problems_in
from tests.crowd import (
    CLIENT_TIMEOUT,
    Player,
    Traffic,
    asked_in,
    players,
    report,
    run_all,
    wait_for,
)
from tests.loopback import TcpProxy, gunicorn_server
from tests.playing import play_all, right_value, start
from tests.visitors import Reply, Visitor

QUESTIONS = 6  # per quiz: enough positions to race on, few enough to keep the suite quick
CLIENTS = 8
COPIES = 3
RACES = 30
WORKERS = 3
KILLS = 2
GAMES_UNDER_FAULT = 2  # per client
OUTAGE_SECONDS = 3.0
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


@pytest.mark.both_databases
def test_simultaneous_copies_and_racing_give_ups_lose_nothing_and_count_once(
    database_url: str, slugs: list[str], reader: sa.Engine, tmp_path: Path
) -> None:
    traffic = Traffic()
    with gunicorn_server(database_url, tmp_path, WORKERS) as server:
        clients = players(server.base_url, reader, traffic, CLIENTS)

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


@pytest.mark.both_databases
def test_a_worker_killed_mid_load_drops_only_its_connection_and_corrupts_nothing(
    database_url: str, slugs: list[str], reader: sa.Engine, tmp_path: Path
) -> None:
    traffic = Traffic()
    killed: list[int] = []
    expected_requests = CLIENTS * GAMES_UNDER_FAULT * (2 + QUESTIONS * COPIES)
    with gunicorn_server(database_url, tmp_path, WORKERS) as server:
        clients = players(server.base_url, reader, traffic, CLIENTS)

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
            clients = players(server.base_url, reader, traffic, 4)
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
