"""Configuration layers: defaults, then instance/config.py, then the environment; each setting
converted to its type once, here, so the rest of the app reads typed values."""

import contextlib
import os
import re
import secrets
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import click

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
SEED_DIR = Path(__file__).resolve().parent / "data" / "seed"


TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


class ConfigError(click.ClickException):
    """A setting that cannot be read as its type; the message names it. A ClickException, so
    that `flask` commands report it as one `Error:` line, like every other CLI failure."""


def whole_number(name: str, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from None


def switch(name: str, value: object) -> bool:
    """On for 1, true, yes or on (any case), as environment variables spell it; else off."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in TRUE_WORDS


def text(name: str, value: object) -> str:
    return str(value)


@dataclass(frozen=True)
class Rate:
    """At most `count` events in each fixed window of `seconds`."""

    count: int
    seconds: int


UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86_400}
RATE = re.compile(r"(\d+)\s*(?:per|/)\s*(\d*)\s*(second|minute|hour|day)s?", re.IGNORECASE)


def rates(name: str, value: object) -> tuple[Rate, ...]:
    """Rates as people write them, separated by semicolons: "5 per minute; 30 per hour"
    (also "5/minute" and "10 per 5 minutes"). ConfigError for anything else."""
    if isinstance(value, tuple) and all(isinstance(rate, Rate) for rate in value):
        return value
    found = []
    for part in str(value).split(";"):
        match = RATE.fullmatch(part.strip())
        count, units = (int(match[1]), int(match[2] or 1)) if match else (0, 0)
        if match is None or count < 1 or units < 1:
            raise ConfigError(f"{name} must read like '5 per minute; 30 per hour', got {value!r}")
        found.append(Rate(count, units * UNIT_SECONDS[match[3].lower()]))
    if len({rate.seconds for rate in found}) < len(found):
        raise ConfigError(f"{name} gives two rates over the same length of time: {value!r}")
    return tuple(found)


REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
DATABASE_STORES = ("", "memory://")  # memory:// was the per-worker default before the database


def failure_store(name: str, value: object) -> str:
    """Where sign-in failures are counted: a Redis URL, or empty for the database."""
    url = str(value or "").strip()
    if url.startswith(REDIS_SCHEMES):
        return url
    if url in DATABASE_STORES:
        return ""
    raise ConfigError(f"{name} must be a redis:// URL, or empty for the database, got {url!r}")


# Every QUIZAPP_* setting the app reads (and RATELIMIT_STORAGE_URI, named before the app counted
# failures itself), with the type it is read as.
SETTING_TYPES: dict[str, Callable[[str, object], object]] = {
    "QUIZAPP_QUESTIONS_PER_QUIZ": whole_number,
    "QUIZAPP_GENERATION_SEED": whole_number,
    "QUIZAPP_ALLOW_PRIVATE_URLS": switch,
    "QUIZAPP_SIGN_IN_LIMIT": rates,
    "QUIZAPP_SIGN_IN_ADDRESS_LIMIT": rates,
    "RATELIMIT_STORAGE_URI": failure_store,
    "QUIZAPP_REDIS_PREFIX": text,
    "QUIZAPP_PROXIES": whole_number,
}


def convert_settings(config: MutableMapping[str, object]) -> None:
    """Give each QUIZAPP_* setting its type, whichever layer set it; ConfigError if it cannot."""
    for name, convert in SETTING_TYPES.items():
        if name in config:
            config[name] = convert(name, config[name])


# Values that are no secret: empty, or what tutorials and templates put there.
WEAK_SECRET_KEYS = frozenset({"", "dev", "development", "secret", "changeme", "change-me", "test"})


def check_secret_key(config: MutableMapping[str, object]) -> None:
    """Refuse to serve with a secret key anyone could guess (tests and debug runs excepted)."""
    key = str(config.get("SECRET_KEY") or "").strip()
    if key.casefold() in WEAK_SECRET_KEYS and not (config.get("TESTING") or config.get("DEBUG")):
        raise ConfigError(
            "SECRET_KEY is empty or a well-known default: set a long random value, or unset it "
            "to use the one kept in instance/secret_key"
        )


def normalise_database_url(url: str) -> str:
    """Accept the postgres:// URLs Heroku-style hosts give out, and still use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def settings_from_environment(instance_path: str) -> dict[str, Any]:
    """Read DATABASE_URL, SECRET_KEY and every QUIZAPP_* variable."""
    settings: dict[str, Any] = {}
    default_db = "sqlite:///" + str(Path(instance_path) / "quizapp.sqlite")
    settings["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        os.environ.get("DATABASE_URL", default_db)
    )
    if "SECRET_KEY" in os.environ:
        settings["SECRET_KEY"] = os.environ["SECRET_KEY"]
    else:
        settings["SECRET_KEY"] = instance_secret_key(Path(instance_path))
    if "RATELIMIT_STORAGE_URI" in os.environ:
        settings["RATELIMIT_STORAGE_URI"] = os.environ["RATELIMIT_STORAGE_URI"]
    for name, value in os.environ.items():
        if name.startswith("QUIZAPP_"):
            settings[name] = value
    return settings


def instance_secret(path: Path, nbytes: int = 48) -> str:
    """A random value kept in a file, made once: every worker of the server reads the same one."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        draft.write_text(secrets.token_urlsafe(nbytes), encoding="utf-8")
        draft.chmod(0o600)
        with contextlib.suppress(FileExistsError):  # another worker made it first
            os.link(draft, path)
        draft.unlink()
    return path.read_text(encoding="utf-8").strip()


def instance_secret_key(instance_path: Path) -> str:
    """Kept in the instance folder, so sessions survive restarts and every worker signs alike."""
    return instance_secret(instance_path / "secret_key")


DEFAULTS: dict[str, Any] = {
    "PERMANENT_SESSION_LIFETIME": timedelta(days=365),
    # Empty: sign-in failures are counted in the database, which every worker and server shares.
    "RATELIMIT_STORAGE_URI": "",
    "QUIZAPP_REDIS_PREFIX": "quizapp:",
    # A question page may rightly stay open for a long timed quiz; the token is still tied to
    # the session, which is what stops forgery.
    "WTF_CSRF_TIME_LIMIT": None,
    # Failed sign-ins to one account from one address, and from one address to any account.
    "QUIZAPP_SIGN_IN_LIMIT": "5 per minute;30 per hour",
    "QUIZAPP_SIGN_IN_ADDRESS_LIMIT": "20 per minute;100 per hour",
    "QUIZAPP_ALLOW_PRIVATE_URLS": False,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    # The largest request body: a saved page (2 MB) with its form fields; more gets a 413.
    "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "QUIZAPP_QUESTIONS_PER_QUIZ": 30,
    "QUIZAPP_GENERATION_SEED": 0,
    # How many reverse proxies (nginx, a load balancer) stand in front of the app: their
    # X-Forwarded-For/-Proto/-Host headers are trusted that many hops deep, no more.
    "QUIZAPP_PROXIES": 0,
}
