"""Open Trivia DB API results, in the default (HTML entities), url3986 or base64 encoding."""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from quizapp.interchange.jsontext import Fields, element_lines, load_json
from quizapp.interchange.records import ImportResult, Problem, QuestionRecord, check_record
from quizapp.kinds import KINDS as QUESTION_KINDS

DIFFICULTIES = {"easy": 1, "medium": 2, "hard": 3}
KINDS = {kind.opentdb_type: kind for kind in QUESTION_KINDS.values() if kind.opentdb_type}
RESPONSE_CODES = {
    1: "no results",
    2: "invalid parameter",
    3: "session token not found",
    4: "session token has returned every question",
    5: "rate limit exceeded",
}
_BASE64_KINDS = {"bXVsdGlwbGU=", "Ym9vbGVhbg=="}  # "multiple", "boolean"
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_TEXT_FIELDS = ("question", "correct_answer", "category")

Decoder = Callable[[str], str]


def _from_base64(value: str) -> str:
    return base64.b64decode(value, validate=True).decode("utf-8")


def _texts(entry: Any) -> list[str]:
    if not isinstance(entry, dict):
        return []
    wrong = entry.get("incorrect_answers")
    values = [entry.get(key) for key in _TEXT_FIELDS] + (wrong if isinstance(wrong, list) else [])
    return [value for value in values if isinstance(value, str)]


def _decoder(results: list[Any]) -> Decoder:
    """The encoding the whole response was requested in, told from its values."""
    kinds = [entry.get("type") for entry in results if isinstance(entry, dict)]
    if kinds and all(isinstance(kind, str) and kind in _BASE64_KINDS for kind in kinds):
        return _from_base64
    texts = [text for entry in results for text in _texts(entry)]
    # url3986 leaves no space unencoded, and questions have spaces.
    if not any(" " in text for text in texts) and any(_PERCENT.search(t) for t in texts):
        return unquote
    return html.unescape


def parse_opentdb(text: str) -> ImportResult:
    """The questions of an Open Trivia DB response, and every problem found in it."""
    data, problem = load_json(text)
    if problem is not None:
        return ImportResult(problems=[problem])
    result = ImportResult()
    top = Fields(data, "", 1, result.problems)
    if not top.is_object:
        return result
    code = top.get("response_code", int, 0)
    if code != 0:
        reason = RESPONSE_CODES.get(code, "unknown error")
        result.problems.append(Problem(1, f"response_code {code}: {reason}"))
    results = top.get("results", list)
    decode = _decoder(results)
    lines = element_lines(text, "results")
    for index, entry in enumerate(results):
        line = lines[index] if index < len(lines) else index + 1
        record = _record(Fields(entry, f"results[{index}]", line, result.problems), decode)
        if record is not None:
            result.records.append(record)
    return result


def _record(fields: Fields, decode: Decoder) -> QuestionRecord | None:
    if not fields.is_object:
        return None
    before = len(fields.problems)

    def text(key: str, required: bool = True) -> str:
        value = fields.get(key, str) if required else fields.get(key, str, "")
        try:
            return decode(value).strip()
        except ValueError:
            fields.fail(key, "cannot be decoded")
            return ""

    kind = KINDS.get(text("type"))
    if kind is None:
        fields.fail("type", 'expected "multiple" or "boolean"')
    difficulty = DIFFICULTIES.get(text("difficulty"))
    if difficulty is None:
        fields.fail("difficulty", 'expected "easy", "medium" or "hard"')
    category = text("category", required=False) or None
    prompt, answer = text("question"), text("correct_answer")
    wrong = []
    for value in fields.strings("incorrect_answers"):
        try:
            wrong.append(decode(value).strip())
        except ValueError:
            fields.fail("incorrect_answers", "cannot be decoded")
    if kind is None:
        return None
    try:
        choices = kind.opentdb_choices(answer, wrong, prompt)
    except ValueError as error:
        fields.fail("correct_answer", str(error))
        return None
    if len(fields.problems) > before or difficulty is None:
        return None
    record = QuestionRecord(
        kind.name, prompt, choices, category=category, line=fields.line, difficulty=difficulty
    )
    for message in check_record(record):
        fields.fail("", message)
    return None if len(fields.problems) > before else record
