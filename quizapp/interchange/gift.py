"""Moodle GIFT: multiple-choice, true/false and short-answer questions, in and out.

Difficulty, which GIFT has no place for, travels in a `// difficulty: N` comment that Moodle
ignores. Text that GIFT would misread (a leading `//`, `%50%` or `[html]`) is exported behind a
`[moodle]` format marker, which Moodle and this parser both strip.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise

from quizapp.interchange.records import ImportResult, Problem, QuestionRecord, check_record
from quizapp.kinds import kind_of

_FORMAT = re.compile(r"\[(moodle|html|plain|markdown)\]")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
_SPECIAL = re.compile(r"([\\~=#{}:])")
_ESCAPE = re.compile(r"\\([\\~=#{}:n])")
_DIFFICULTY = re.compile(r"//\s*difficulty:\s*([123])\s*$")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_BLANK = "_____"
_UNSUPPORTED = "questions are not supported"

Lines = list[tuple[int, str]]


def _scan(text: str, target: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Where `target` occurs in text[start:end], skipping backslash escapes."""
    end = len(text) if end is None else end
    i = start
    while i < end:
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i, end):
            yield i
        i += 1


def _find(text: str, target: str, start: int = 0, end: int | None = None) -> int:
    return next(_scan(text, target, start, end), -1)


def _text(raw: str, formatted: bool = True) -> str:
    """Decoded text: the lines of a multi-line question are joined with a space."""
    raw = re.sub(r"\s*\n\s*", " ", raw).strip()
    is_html = False
    if formatted and (marker := _FORMAT.match(raw)):
        raw, is_html = raw[marker.end() :].strip(), marker[1] == "html"
    text = _ESCAPE.sub(lambda m: "\n" if m[1] == "n" else m[1], raw)
    if is_html:
        text = re.sub(r"<br\s*/?>|</p>\s*<p[^>]*>", "\n", text, flags=re.IGNORECASE)
        text = html.unescape(re.sub(r"<[^>]*>", "", text)).strip()
    return text


def _blocks(text: str) -> Iterator[Lines]:
    block: Lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def parse_gift(text: str) -> ImportResult:
    """Every supported question of a GIFT file, and every problem with its line."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    result = ImportResult()
    category: str | None = None
    for block in _blocks(text):
        difficulty = 2
        content: Lines = []
        for number, line in block:
            if line.strip().startswith("//"):
                if found := _DIFFICULTY.match(line.strip()):
                    difficulty = int(found[1])
                line = ""  # kept empty so that offsets still map to line numbers
            if content or line:
                content.append((number, line))
        if content and content[0][1].lstrip().startswith("$CATEGORY:"):
            category = content[0][1].split(":", 1)[1].strip() or None
            content = content[1:]
        while content and not content[0][1].strip():
            content.pop(0)
        if not content:
            continue
        record, problems = _question(content, category, difficulty)
        result.problems += problems
        if record is not None:
            result.records.append(record)
    return result


def _question(
    content: Lines, category: str | None, difficulty: int
) -> tuple[QuestionRecord | None, list[Problem]]:
    first = content[0][0]
    text = "\n".join(line for _, line in content).rstrip()

    def line_at(pos: int) -> int:
        return first + text.count("\n", 0, pos)

    start, title = len(text) - len(text.lstrip()), None
    if text.startswith("::", start):
        end = _find(text, "::", start + 2)
        if end < 0:
            return None, [Problem(first, "the title has no closing ::")]
        title, start = _text(text[start + 2 : end], formatted=False) or None, end + 2
    opening, closing = _find(text, "{", start), _find(text, "}", start)
    if opening < 0 and closing < 0:
        return None, [Problem(first, "descriptions (text without answers) are not supported")]
    if 0 <= closing < opening or opening < 0:
        return None, [Problem(line_at(closing), "'}' without '{' (write \\} for a brace)")]
    if closing < 0:
        return None, [Problem(line_at(opening), "'{' is never closed")]
    if (nested := _find(text, "{", opening + 1, closing)) >= 0:
        return None, [Problem(line_at(nested), "'{' inside the answers (write \\{ for a brace)")]
    extra = [pos for pos in (_find(text, "{", closing), _find(text, "}", closing + 1)) if pos >= 0]
    if extra:
        message = "a second answer block: separate questions with a blank line"
        return None, [Problem(line_at(min(extra)), message)]
    before, after = text[start:opening], text[closing + 1 :]
    prompt = _text(before + _BLANK + after if after.strip() else before)
    problems: list[Problem] = []

    def report(pos: int | None, message: str) -> None:
        problems.append(Problem(first if pos is None else line_at(opening + 1 + pos), message))

    answers = _answers(text[opening + 1 : closing], report)
    if answers is None or problems:
        return None, list(dict.fromkeys(problems))
    kind, choices, accepted, explanation = answers
    record = QuestionRecord(
        kind, prompt, choices, accepted, explanation, title, category, first, difficulty
    )
    problems = [Problem(first, message) for message in check_record(record)]
    return (None if problems else record), problems


Answers = tuple[str, tuple[tuple[str, bool], ...], tuple[str, ...], str]
Report = Callable[[int | None, str], None]


def _answers(body: str, report: Report) -> Answers | None:
    general = ""
    if marks := list(_scan(body, "####")):
        body, general = body[: marks[-1]], _text(body[marks[-1] + 4 :])
    stripped = body.strip()
    if not stripped:
        report(None, f"essay {_UNSUPPORTED}")
        return None
    if stripped.startswith("#"):
        report(None, f"numerical {_UNSUPPORTED}")
        return None
    if _find(body, "~") >= 0:
        return _multiple_choice(body, general, report)
    if _find(body, "=") >= 0 and _find(body, "->") >= 0:
        report(None, f"matching {_UNSUPPORTED}")
        return None
    hashes = list(_scan(body, "#"))[:2]
    head = body[: hashes[0]] if hashes else body
    if head.strip().upper() in _TRUE_FALSE:
        value = _TRUE_FALSE[head.strip().upper()]
        bounds = [*hashes, len(body)]
        # Moodle reads {T#feedback if wrong#feedback if right}: prefer the second.
        feedback = [_text(body[a + 1 : b]) for a, b in pairwise(bounds)]
        explanation = general or next((note for note in reversed(feedback) if note), "")
        return "true_false", (("True", value), ("False", not value)), (), explanation
    if stripped.startswith("="):
        items = _items(body, report)
        texts = tuple(text for text, _, _ in items)
        notes = [note for _, _, note in items if note]
        explanation = general or (notes[0] if notes else "")
        return "typed", ((texts[0], True),) if texts else (), texts, explanation
    report(0, "answers must start with = (right) or ~ (wrong), or be T or F")
    return None


def _multiple_choice(body: str, general: str, report: Report) -> Answers | None:
    items = _items(body, report)
    right = [(text, note) for text, correct, note in items if correct]
    partial = any(correct is None for _, correct, _ in items)  # already reported
    if not right and not partial:
        report(None, "no right answer: mark it with =")
    elif len(right) > 1:
        report(None, f"{len(right)} right answers: a multiple-choice question has one")
    explanation = general or (right[0][1] if right else "")
    choices = tuple((text, bool(correct)) for text, correct, _ in items)
    return "multiple_choice", choices, (), explanation


def _items(body: str, report: Report) -> list[tuple[str, bool | None, str]]:
    """(text, right, feedback) of each `=` or `~` answer; right is None for partial credit."""
    cuts = sorted({*_scan(body, "="), *_scan(body, "~")})
    if body[: cuts[0]].strip():
        report(0, "text before the first answer: answers start with = or ~")
    items: list[tuple[str, bool | None, str]] = []
    for cut, end in zip(cuts, [*cuts[1:], len(body)], strict=True):
        correct: bool | None
        raw, correct = body[cut + 1 : end].lstrip(), body[cut] == "="
        if weight := _WEIGHT.match(raw):
            raw, percent = raw[weight.end() :], float(weight[1])
            correct = True if percent == 100 else False if percent == 0 else None
            if correct is None:
                report(cut, f"partial-credit weights like %{weight[1]}% are not supported")
        hash_ = _find(raw, "#")
        answer = _text(raw if hash_ < 0 else raw[:hash_])
        items.append((answer, correct, "" if hash_ < 0 else _text(raw[hash_ + 1 :])))
    return items


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")


def _protect(text: str) -> str:
    escaped = _escape(text)
    if escaped.startswith("//") or _FORMAT.match(escaped) or _WEIGHT.match(escaped):
        return "[moodle]" + escaped
    return escaped


def _export_question(record: QuestionRecord) -> str:
    lines = [f"// difficulty: {record.difficulty}"] if record.difficulty != 2 else []
    title = f"::{_escape(record.title)}::" if record.title is not None else ""
    prompt = title + _protect(record.prompt)
    general = f"####{_protect(record.explanation)}" if record.explanation else ""
    kind = kind_of(record.kind)
    answers = kind.gift_answers(record.choices, record.accepted_answers, _protect)
    if kind.gift_multiline:
        lines.append(f"{prompt} {{")
        lines += [f"\t{answer}" for answer in answers]
        lines += [f"\t{general}"] if general else []
        lines.append("}")
    else:
        lines.append(f"{prompt} {{{' '.join(answers)}{general}}}")
    return "\n".join(lines)


def export_gift(records: Iterable[QuestionRecord], category: str | None = None) -> str:
    """GIFT text for the records: all under `category` if given, else under their own.

    Raises ValueError for a record that check_record() rejects.
    """
    parts = [f"$CATEGORY: {category}"] if category is not None else []
    current = None
    for record in records:
        if problems := check_record(record):
            raise ValueError(f"cannot export {record.prompt!r}: {'; '.join(problems)}")
        if category is None and record.category != current:
            parts.append(f"$CATEGORY: {record.category or ''}".rstrip())
            current = record.category
        parts.append(_export_question(record))
    return "\n\n".join(parts) + "\n" if parts else ""
