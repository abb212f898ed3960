"""The shared development set (../shared/devset/): where it is, its scorer, and what the
extractor predicts for an article. Used by the floor test and by benchmarks/devset_report.py."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from quizapp.generation import NotAFilmArticle, extract_facts

DEVSET = Path(__file__).resolve().parents[2].parent / "shared" / "devset"
KINDS = ["director", "cast", "character", "release_date"]


@cache
def scorer() -> ModuleType:
    """The dev set's own score.py, loaded from its folder."""
    spec = importlib.util.spec_from_file_location("devset_score", DEVSET / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(text: str) -> list[dict[str, Any]]:
    """What the generator asserts: an unsure fact is shown to authors, never asked."""
    try:
        return [dict(fact.as_json()) for fact in extract_facts(text) if not fact.unsure]
    except NotAFilmArticle:
        return []
