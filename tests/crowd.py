"""A crowd of browsers playing over HTTP, for the load and fault tests: what each meant to
answer, answers sent at once (double clicks, racing tabs), and a tally of every reply and
dropped connection. Right answers are read from the database (test setup only)."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Attempt, AttemptAnswer
from quizapp.play.settings import POINTS_PER_QUESTION
from tests.playing import right_value, wrong_value
from tests.visitors import RESETS, Reply, Visitor

RETRIES = 3  # a browser's reloads after the server dropped the connection
PATIENCE = 0.2  # seconds before trying again after a 503
CLIENT_TIMEOUT = 120.0


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
    assert rows, token
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
        questions = asked_in(self.engine, token)
        for question in questions:
            right = self.rng.random() < 0.5
            value = right_value(question) if right else wrong_value(question)
            plan.append((value, right))
            # A copy reaching the server after the last answer finished the game is sent to
            # the results: the attempt is over.
            shown = {f"/play/{token}/answers/{question.position}"}
            if question.position + 1 == len(questions):
                shown.add(f"/results/{token}")
            for reply in self.answer(token, question.position, value, copies):
                assert reply.status == 303, (reply.status, reply.text[:300])
                assert reply.location in shown

    def race_give_up(self, slug: str) -> None:
        """Three different answers to one question and a give-up, all at once."""
        token = self.start(slug)
        questions = asked_in(self.engine, token)
        played = self.rng.randrange(len(questions))
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
            if played + 1 == len(answers):
                outcomes.add(("finished", played + 1))
            if (attempt.status, len(locked)) not in outcomes:
                problems.append(f"race {token}: {attempt.status} with {len(locked)} answers")
            if raced.answered and raced.given_answer not in sent:
                problems.append(f"race {token}: locked {raced.given_answer!r}, sent {sent}")
        return problems


def players(base_url: str, engine: sa.Engine, traffic: Traffic, count: int) -> list[Player]:
    """`count` browsers, each with its own nickname and its own seeded choices."""
    return [
        Player(Visitor(base_url), traffic, engine, random.Random(i), f"Load {i}")
        for i in range(count)
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


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        time.sleep(0.02)
