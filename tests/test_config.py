"""Settings are read once, at start-up, and the app sees them typed, whichever layer set them."""

from __future__ import annotations

import pytest

from quizapp import create_app
from quizapp.config import ConfigError


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
