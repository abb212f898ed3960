"""Open Trivia DB import: entity decoding, the other encodings, and bad entries with lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.interchange import QuestionRecord, parse_opentdb

DATA = Path(__file__).parent.parent / "data" / "interchange"
FILM = "Entertainment: Film"


def read(name: str) -> list[QuestionRecord]:
    result = parse_opentdb((DATA / name).read_text(encoding="utf-8"))
    assert result.ok, result.problems
    return result.records


def entry(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "type": "multiple",
        "difficulty": "easy",
        "category": "Film",
        "question": "Good?",
        "correct_answer": "Yes",
        "incorrect_answers": ["No", "Maybe", "Never"],
    }
    return {**base, **changes}


def response(results: list[object], code: int = 0) -> str:
    """A response with result i on line i + 2."""
    lines = ",\n".join(json.dumps(result) for result in results)
    return f'{{"response_code": {code}, "results": [\n{lines}\n]}}'


def messages(text: str) -> list[str]:
    return [str(problem) for problem in parse_opentdb(text).problems]


def test_default_encoding_decodes_html_entities() -> None:
    records = read("opentdb.json")
    assert [record.prompt for record in records] == [
        'Who directed the 1975 film "Jaws"?',
        '"Amélie" is set in Paris & was released in 2001.',
        "Which actor said 'I'll be back' in <i>The Terminator</i>?",
        'The film "Se7en" was directed by Ridley Scott.',
    ]
    assert [record.kind for record in records] == [
        "multiple_choice",
        "true_false",
        "multiple_choice",
        "true_false",
    ]
    assert [record.difficulty for record in records] == [2, 1, 3, 2]
    assert {record.category for record in records} == {FILM}
    assert [record.line for record in records] == [4, 12, 20, 28]
    first = records[0]
    assert first.answer == "Steven Spielberg"
    assert sorted(text for text, _ in first.choices) == sorted(
        ["Steven Spielberg", "George Lucas", "Martin Scorsese", "Francis Ford Coppola"]
    )
    assert records[1].choices == (("True", True), ("False", False))
    assert records[3].choices == (("True", False), ("False", True))


def test_right_answer_position_is_stable_and_varies() -> None:
    records = read("opentdb.json")
    assert records == read("opentdb.json")
    positions = set()
    for prompt in ("A?", "B?", "C?", "D?", "E?", "F?", "G?", "H?"):
        document = {"response_code": 0, "results": [entry(question=prompt)]}
        (record,) = parse_opentdb(json.dumps(document)).records
        positions.add([text for text, _ in record.choices].index("Yes"))
    assert len(positions) > 1


@pytest.mark.parametrize("name", ["opentdb_url3986.json", "opentdb_base64.json"])
def test_other_encodings_give_the_same_questions(name: str) -> None:
    expected = read("opentdb.json")
    assert read(name) == expected


def test_invalid_json_is_one_problem_at_its_line() -> None:
    result = parse_opentdb('{\n  "response_code": 0,\n  "results": [\n    {"type": }\n  ]\n}')
    assert [str(problem) for problem in result.problems] == [
        "line 4: invalid JSON: Expecting value (column 14)"
    ]
    assert result.records == []


def test_response_code_is_reported() -> None:
    assert messages(response([], 1)) == ["line 1: response_code 1: no results"]
    assert messages(response([], 5)) == ["line 1: response_code 5: rate limit exceeded"]


def test_not_a_response() -> None:
    assert messages("[1, 2]") == ["line 1: expected an object, got a list"]
    assert messages('{"response_code": 0}') == ["line 1: results: missing"]


def test_every_bad_entry_is_reported_with_its_place() -> None:
    text = response(
        [
            entry(),
            entry(type="text"),
            entry(difficulty="extreme"),
            entry(type="boolean", correct_answer="Yes", incorrect_answers=["No"]),
            entry(correct_answer="A", incorrect_answers=["a", "B", "C"]),
            entry(question=42, incorrect_answers="B"),
            "not an object",
            entry(incorrect_answers=[]),
        ]
    )
    result = parse_opentdb(text)
    assert [str(problem) for problem in result.problems] == [
        'line 3: results[1].type: expected "multiple" or "boolean"',
        'line 4: results[2].difficulty: expected "easy", "medium" or "hard"',
        'line 5: results[3].correct_answer: expected "True" or "False"',
        "line 6: results[4]: two options are the same",
        "line 7: results[5].question: expected a string, got an integer",
        "line 7: results[5].incorrect_answers: expected a list, got a string",
        "line 8: results[6]: expected an object, got a string",
        "line 9: results[7]: a multiple-choice question needs 2 to 6 options, this one has 1",
    ]
    assert [record.prompt for record in result.records] == ["Good?"]


def test_byte_order_mark_is_accepted() -> None:
    result = parse_opentdb("\ufeff" + response([entry(), entry(question="Other?")]))
    assert result.ok
    assert [record.line for record in result.records] == [2, 3]


def test_bad_base64_is_reported() -> None:
    bad = {
        "type": "bXVsdGlwbGU=",
        "difficulty": "ZWFzeQ==",
        "question": "not base64!",
        "correct_answer": "WWVz",
        "incorrect_answers": ["Tm8=", "TWF5YmU="],
    }
    assert messages(response([bad])) == ["line 2: results[0].question: cannot be decoded"]


def test_percent_signs_in_default_encoding_are_left_alone() -> None:
    (record,) = parse_opentdb(
        response([entry(question="Is 50%25 of &quot;x&quot; a lot?")])
    ).records
    assert record.prompt == 'Is 50%25 of "x" a lot?'
