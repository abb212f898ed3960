"""Settings are read once, at start-up, and the app sees them typed, whichever layer set them."""

from __future__ import annotations

import pytest

from quizapp import create_app
from quizapp.config import ConfigError, Rate, failure_store, rates


def test_settings_from_the_environment_are_typed(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setenv("QUIZAPP_GENERATION_SEED", " 7 ")
    monkeypatch.setenv("QUIZAPP_QUESTIONS_PER_QUIZ", "12")
    monkeypatch.setenv("QUIZAPP_ALLOW_PRIVATE_URLS", "Yes")

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})

    assert app.config["QUIZAPP_GENERATION_SEED"] == 7
    assert app.config["QUIZAPP_QUESTIONS_PER_QUIZ"] == 12
    assert app.config["QUIZAPP_ALLOW_PRIVATE_URLS"] is True


@pytest.mark.parametrize("value", ["0", "off", "no", ""])
def test_private_urls_stay_refused_unless_the_setting_says_on(
    monkeypatch: pytest.MonkeyPatch, database_url: str, value: str
) -> None:
    monkeypatch.setenv("QUIZAPP_ALLOW_PRIVATE_URLS", value)
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    assert app.config["QUIZAPP_ALLOW_PRIVATE_URLS"] is False


def test_a_setting_that_is_not_a_number_stops_the_app_at_start_up(database_url: str) -> None:
    with pytest.raises(ConfigError, match="QUIZAPP_GENERATION_SEED must be a whole number"):
        create_app({"SQLALCHEMY_DATABASE_URI": database_url, "QUIZAPP_GENERATION_SEED": "many"})


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("5 per minute;30 per hour", (Rate(5, 60), Rate(30, 3600))),
        (" 5/minute ; 100 per day ", (Rate(5, 60), Rate(100, 86_400))),
        ("10 per 5 minutes", (Rate(10, 300),)),
        ("3 per 90 Seconds", (Rate(3, 90),)),
    ],
)
def test_sign_in_limits_are_read_as_rates(written: str, read: tuple[Rate, ...]) -> None:
    assert rates("QUIZAPP_SIGN_IN_LIMIT", written) == read


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("five a minute", "must read like '5 per minute; 30 per hour'"),
        ("0 per minute", "must read like"),
        ("5 per 0 minutes", "must read like"),
        ("", "must read like"),
        ("5 per minute; 10 per 60 seconds", "gives two rates over the same length"),
    ],
)
def test_a_sign_in_limit_that_cannot_be_read_stops_the_app(
    database_url: str, written: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=f"QUIZAPP_SIGN_IN_ADDRESS_LIMIT {message}"):
        create_app(
            {"SQLALCHEMY_DATABASE_URI": database_url, "QUIZAPP_SIGN_IN_ADDRESS_LIMIT": written}
        )


@pytest.mark.parametrize(
    ("written", "read"),
    [("", ""), ("memory://", ""), ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0")],
)
def test_sign_in_failures_are_counted_in_the_database_unless_redis_is_named(
    written: str, read: str
) -> None:
    assert failure_store("RATELIMIT_STORAGE_URI", written) == read


def test_an_unknown_failure_store_stops_the_app(database_url: str) -> None:
    with pytest.raises(ConfigError, match="RATELIMIT_STORAGE_URI must be a redis:// URL"):
        create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_STORAGE_URI": "redi://x"})
