"""The articles the generation tests read, each extracted once per test session."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from quizapp.generation import Fact, extract_facts
from tests.conftest import ARTICLES_DIR, SEED_ARTICLE

ARTICLE_PATHS = sorted(ARTICLES_DIR.glob("[0-9][0-9]-*.txt"))
ARTICLE_NAMES = [path.stem for path in ARTICLE_PATHS]
SEED_NAME = "seed"


def article_path(name: str) -> Path:
    return SEED_ARTICLE if name == SEED_NAME else ARTICLES_DIR / f"{name}.txt"


@cache
def article_text(name: str) -> str:
    """The text of a test article by its stem ("01-night-runner-2-casting"), or of the seed."""
    return article_path(name).read_text(encoding="utf-8")


@cache
def gold(name: str) -> dict[str, Any]:
    """The gold file next to a test article: films, facts, optional and must_not."""
    return json.loads((ARTICLES_DIR / f"{name}.json").read_text(encoding="utf-8"))


@cache
def _facts(name: str) -> tuple[Fact, ...]:
    return tuple(extract_facts(article_text(name)))


def facts(name: str) -> list[Fact]:
    """The extractor's facts for an article (computed once; a fresh list each call)."""
    return list(_facts(name))
