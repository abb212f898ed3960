"""Reading JSON documents with line numbers for the problems found in them."""

from __future__ import annotations

import json
from typing import Literal, TypeVar, overload

from quizapp.interchange.records import Problem

_T = TypeVar("_T")
_D = TypeVar("_D")


def load_json(text: str) -> tuple[object, Problem | None]:
    """The decoded document, or a problem at the line where the JSON breaks."""
    try:
        return json.loads(text.removeprefix("\ufeff")), None
    except json.JSONDecodeError as error:
        return None, Problem(error.lineno, f"invalid JSON: {error.msg} (column {error.colno})")
    except (RecursionError, ValueError) as error:  # absurd nesting, or a number too long
        return None, Problem(1, f"unreadable JSON: {type(error).__name__}")


def element_lines(text: str, key: str) -> list[int]:
    """The line each element of the top-level array `key` starts on, for text that is valid
    JSON; empty when there is no such array."""
    text, decoder = text.removeprefix("\ufeff"), json.JSONDecoder()

    def skip(pos: int, sep: str = "") -> int:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        return skip(pos + 1) if sep and text.startswith(sep, pos) else pos

    pos = skip(0)
    if not text.startswith("{", pos):
        return []
    pos = skip(pos, "{")
    while pos < len(text) and text[pos] != "}":
        name, pos = decoder.raw_decode(text, pos)
        pos = skip(skip(pos), ":")
        if name == key and text.startswith("[", pos):
            lines, pos = [], skip(pos, "[")
            while text[pos] != "]":
                lines.append(text.count("\n", 0, pos) + 1)
                pos = skip(decoder.raw_decode(text, pos)[1], ",")
            return lines
        pos = skip(decoder.raw_decode(text, pos)[1], ",")
    return []


_REQUIRED = object()
_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    list: "a list",
    dict: "an object",
}


def _json_name(value: object) -> str:
    if value is None:
        return "null"
    return next((name for kind, name in _NAMES.items() if type(value) is kind), "a number")


class Fields:
    """Typed access to the members of a JSON object at `path`; every member of the wrong type
    becomes a problem (at `line`) and reads as an empty value, so that reading can go on."""

    def __init__(self, obj: object, path: str, line: int, problems: list[Problem]) -> None:
        self.path, self.line, self.problems = path, line, problems
        self.is_object = isinstance(obj, dict)
        self.obj: dict[str, object] = obj if isinstance(obj, dict) else {}
        if not self.is_object:
            self.fail("", f"expected an object, got {_json_name(obj)}")

    def fail(self, key: str, message: str) -> None:
        where = ".".join(part for part in (self.path, key) if part)
        self.problems.append(Problem(self.line, f"{where}: {message}" if where else message))

    @overload
    def get(self, key: str, kind: type[_T]) -> _T: ...
    @overload
    def get(
        self, key: str, kind: type[_T], default: _D, nullable: Literal[False] = False
    ) -> _T | _D: ...
    @overload
    def get(
        self, key: str, kind: type[_T], default: _D, nullable: Literal[True]
    ) -> _T | _D | None: ...
    def get(
        self, key: str, kind: type[object], default: object = _REQUIRED, nullable: bool = False
    ) -> object:
        """The member `key` if it is of type `kind` (or null, when nullable), `default` if it is
        missing; a missing required member or one of another type is a problem, read as kind()."""
        if key not in self.obj:
            if default is _REQUIRED:
                self.fail(key, "missing")
                return kind()
            return default
        value = self.obj[key]
        if value is None and nullable:
            return None
        if type(value) is kind:  # not isinstance: true is no integer here
            return value
        null = " or null" if nullable else ""
        self.fail(key, f"expected {_NAMES[kind]}{null}, got {_json_name(value)}")
        return kind()

    def strings(self, key: str, default: list[str] | None = None) -> list[str]:
        values = self.get(key, list) if default is None else self.get(key, list, default)
        if any(type(value) is not str for value in values):
            self.fail(key, "expected a list of strings")
            return []
        return list(values)
