"""Thin request handlers: parse the request, call the domain, render a template."""

from __future__ import annotations

from typing import Any

from werkzeug.routing import IntegerConverter, Map

ID_MAX = 2**31 - 1  # what an INTEGER column holds on PostgreSQL; larger ids cannot exist


def small_int(raw: object) -> int | None:
    """A non-negative whole number a database column can hold, or None for anything else."""
    text = str(raw).strip() if raw is not None else ""
    if not (text.isascii() and text.isdecimal()) or len(text) > 10:
        return None
    value = int(text)
    return value if value <= ID_MAX else None


class BoundedInt(IntegerConverter):
    """`<int:...>` in routes, refusing (404) numbers too large to be an id."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", ID_MAX)
        super().__init__(url_map, *args, **kwargs)
