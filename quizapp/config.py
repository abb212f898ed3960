"""Configuration layers: defaults, then instance/config.py, then the environment."""

import os
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
SEED_DIR = Path(__file__).resolve().parent / "data" / "seed"


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
    for name, value in os.environ.items():
        if name.startswith("QUIZAPP_"):
            settings[name] = value
    return settings


DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": "dev-only-change-me",
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "QUIZAPP_QUESTIONS_PER_QUIZ": 30,
    "QUIZAPP_GENERATION_SEED": 0,
}
