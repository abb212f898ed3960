"""Failed sign-ins, counted in fixed windows per account and address, and per address.

Only failures count. A request is refused, before its password is checked, while its account
and address together, or its address alone, has used up a window's budget; it is refused until
that window ends, even with the right password. Another account from the same address is not
held up until the address's own, larger budget is spent.

The counts live where every worker and server sees them: the database (one row per key and
window length, bumped by one atomic upsert), or Redis (INCR on a key named after the window).
A check and the count that follows are not one step, so requests already past the check when the
budget runs out still count but are not refused: at most one more per request in flight.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import ipaddress
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from quizapp.accounts.users import authenticate, normalise_email
from quizapp.config import ConfigError, Rate
from quizapp.models import SignInFailures, User

if TYPE_CHECKING:
    from redis import Redis
    from sqlalchemy.engine import CursorResult


@dataclass(frozen=True)
class Window:
    """One key's current window of one rate."""

    key: str
    rate: Rate
    start: int  # in Unix time

    @property
    def ends_at(self) -> int:
        return self.start + self.rate.seconds


class TooManyFailures(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"refused for {retry_after} s")
        self.retry_after = retry_after


class StoreUnavailable(Exception):
    """The store holding the counts did not answer: nobody signs in uncounted."""


class FailureStore(Protocol):
    def counts(self, windows: Sequence[Window]) -> list[int]:
        """Failures counted so far in each window."""

    def add(self, windows: Sequence[Window]) -> None:
        """Count one more failure in each window."""


class DatabaseFailures:
    """Counts in the sign_in_failure table; the caller's transaction commits them."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def counts(self, windows: Sequence[Window]) -> list[int]:
        rows = self.session.execute(
            sa.select(
                SignInFailures.key,
                SignInFailures.seconds,
                SignInFailures.window_start,
                SignInFailures.failures,
            ).where(
                sa.or_(
                    *(
                        sa.and_(
                            SignInFailures.key == w.key,
                            SignInFailures.seconds == w.rate.seconds,
                            SignInFailures.window_start == w.start,
                        )
                        for w in windows
                    )
                )
            )
        )
        found = {(key, seconds, start): failures for key, seconds, start, failures in rows}
        return [found.get((w.key, w.rate.seconds, w.start), 0) for w in windows]

    def add(self, windows: Sequence[Window]) -> None:
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        for w in windows:
            statement = insert(SignInFailures).values(
                key=w.key, seconds=w.rate.seconds, window_start=w.start, failures=1
            )
            # A row left from an earlier window starts again at one; one from a later window
            # (another server's clock running ahead) keeps its window and counts this failure.
            stored, given = SignInFailures.window_start, statement.excluded.window_start
            newer = given > stored
            self.session.execute(
                statement.on_conflict_do_update(
                    index_elements=[SignInFailures.key, SignInFailures.seconds],
                    set_={
                        "failures": sa.case((newer, 1), else_=SignInFailures.failures + 1),
                        "window_start": sa.case((newer, given), else_=stored),
                    },
                )
            )


def forget_expired(session: Session, now: float) -> int:
    """Delete database counts whose window has ended; how many went."""
    ended = SignInFailures.window_start + SignInFailures.seconds <= int(now)
    result = session.execute(
        sa.delete(SignInFailures).where(ended).execution_options(synchronize_session=False)
    )
    return cast("CursorResult[Any]", result).rowcount  # a DELETE's result has a row count


class RedisFailures:
    """Counts in Redis, one key per window, expiring when the window ends."""

    def __init__(self, client: Redis, prefix: str) -> None:
        self.client = client
        self.prefix = prefix

    def name(self, window: Window) -> str:
        return f"{self.prefix}sign-in:{window.key}:{window.rate.seconds}:{window.start}"

    def counts(self, windows: Sequence[Window]) -> list[int]:
        with self.unavailable_as_ours():
            values = self.client.mget([self.name(w) for w in windows])
        return [int(value or 0) for value in values]

    def add(self, windows: Sequence[Window]) -> None:
        with self.unavailable_as_ours(), self.client.pipeline(transaction=True) as pipe:
            for w in windows:
                pipe.incr(self.name(w))
                pipe.expireat(self.name(w), w.ends_at + 1)
            pipe.execute()

    @contextlib.contextmanager
    def unavailable_as_ours(self) -> Iterator[None]:
        from redis.exceptions import RedisError

        try:
            yield
        except RedisError as error:
            raise StoreUnavailable(str(error)) from error


def redis_client(url: str) -> Redis:
    """A client for the counts' Redis (it connects on first use); ConfigError without the
    optional redis package."""
    try:
        import redis
    except ImportError:
        raise ConfigError(
            "RATELIMIT_STORAGE_URI names a Redis server, but the redis package is not "
            "installed: pip install 'quizapp[redis]'"
        ) from None
    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


def window_start(rate: Rate, now: float) -> int:
    """Windows are aligned to the epoch, so every server agrees on them."""
    return int(now) // rate.seconds * rate.seconds


def address_key(address: str) -> str:
    """One address as counted: an IPv6 client holds a whole /64, so the /64 is one address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


@dataclass(frozen=True)
class SignInThrottle:
    """The rule, with its budgets and the secret its keys are made with."""

    pair_rates: tuple[Rate, ...]  # per account and address
    address_rates: tuple[Rate, ...]  # per address, over every account
    secret: bytes

    def key(self, *parts: str) -> str:
        """Keys are keyed hashes: no e-mail (or password typed into the e-mail box) or address
        is stored, and nobody without the secret can tell whose count a row is."""
        message = "\0".join(parts).encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    def windows(self, email: str, address: str, now: float) -> list[Window]:
        where = address_key(address)
        pair = self.key("account-address", normalise_email(email), where)
        alone = self.key("address", where)
        return [Window(pair, r, window_start(r, now)) for r in self.pair_rates] + [
            Window(alone, r, window_start(r, now)) for r in self.address_rates
        ]

    def retry_after(self, store: FailureStore, email: str, address: str, now: float) -> int:
        """Seconds until a sign-in to this account from this address may be tried; 0: now."""
        windows = self.windows(email, address, now)
        used_up = [
            w.ends_at - now
            for w, count in zip(windows, store.counts(windows), strict=True)
            if count >= w.rate.count
        ]
        return max(1, math.ceil(max(used_up))) if used_up else 0

    def record_failure(self, store: FailureStore, email: str, address: str, now: float) -> None:
        store.add(self.windows(email, address, now))

    def authenticate(
        self,
        session: Session,
        store: FailureStore,
        email: str,
        password: str,
        address: str,
        now: float,
    ) -> User | None:
        """The user, or None and the failure counted. While a budget is spent, TooManyFailures
        before the password is checked: a refusal tells nothing and costs no hashing."""
        wait = self.retry_after(store, email, address, now)
        if wait:
            raise TooManyFailures(wait)
        user = authenticate(session, email, password)
        if user is None:
            self.record_failure(store, email, address, now)
        return user
