"""GIFT import: every supported feature, every refused kind and malformed input, with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.interchange import ImportResult, Problem, QuestionRecord, parse_gift

DATA = Path(__file__).parent.parent / "data" / "interchange"


def read(name: str) -> ImportResult:
    return parse_gift((DATA / name).read_text(encoding="utf-8"))


def one(text: str) -> QuestionRecord:
    result = parse_gift(text)
    assert result.ok, result.problems
    assert len(result.records) == 1
    return result.records[0]


def problems(text: str) -> list[str]:
    result = parse_gift(text)
    assert result.records == []
    return [str(problem) for problem in result.problems]


def test_every_supported_feature() -> None:
    result = read("features.gift")
    assert result.ok, result.problems
    classics, escapes = "Films/Classics", "Films/Escapes"
    expected = [
        QuestionRecord(
            "multiple_choice",
            'Who directed "Jaws"?',
            (("Steven Spielberg", True), ("George Lucas", False), ("Ridley Scott", False)),
            explanation="Right: it was his second feature.",
            title="Director",
            category=classics,
        ),
        QuestionRecord(
            "true_false",
            '"Jaws" came out in 1975.',
            (("True", True), ("False", False)),
            category=classics,
            difficulty=1,
        ),
        QuestionRecord(
            "true_false",
            '"Alien" came out in 1989.',
            (("True", False), ("False", True)),
            explanation="It came out in 1979.",
            category=classics,
        ),
        QuestionRecord(
            "true_false",
            'Is "Psycho" in colour?',
            (("True", False), ("False", True)),
            explanation="Right: it is in black and white.",
            category=classics,
        ),
        QuestionRecord(
            "typed",
            'The shark in "Jaws" is nicknamed _____.',
            (("Bruce", True),),
            ("Bruce", "Bruce the shark"),
            explanation="The crew named it after a lawyer.",
            category=classics,
        ),
        QuestionRecord(
            "typed",
            'Which studio released "Jaws"?',
            (("Universal", True),),
            ("Universal", "Universal Pictures"),
            explanation="Universal released it in June 1975.",
            title="Typed",
            category=classics,
        ),
        QuestionRecord(
            "multiple_choice",
            "Which of these is written a~b = c #1 {x}?",
            (("a~b = c #1 {x}", True), ("a->b", False), ("a \\ b", False)),
            explanation="Escapes keep ~ = # { } : literal.\nSecond line.",
            title="Escapes: all of them",
            category=escapes,
            difficulty=3,
        ),
        QuestionRecord(
            "multiple_choice",
            "This question spans three lines before its answers.",
            (("Yes", True), ("No", False)),
            category=escapes,
        ),
        QuestionRecord(
            "true_false",
            "Café, naïve, Ægir: accents are fine?",
            (("True", True), ("False", False)),
            category=escapes,
        ),
        QuestionRecord(
            "multiple_choice",
            'Who played Ripley in "Alien"?',
            (("Sigourney Weaver", True), ("Jamie Lee Curtis", False)),
            title="Moodle export",
            category=escapes,
        ),
        QuestionRecord(
            "multiple_choice",
            "Pick the 1982 film.",
            (("Alien", False), ("Blade Runner", True), ("Jaws", False)),
            category=escapes,
        ),
    ]
    assert result.records == expected
    assert [record.line for record in result.records] == [5, 12, 14, 16, 18, 20, 25, 32, 40, 42, 47]


def test_unsupported_kinds_are_reported_and_skipped_whole() -> None:
    result = read("unsupported.gift")
    assert [str(problem) for problem in result.problems] == [
        "line 2: matching questions are not supported",
        "line 7: numerical questions are not supported",
        "line 9: essay questions are not supported",
        "line 11: descriptions (text without answers) are not supported",
        "line 14: partial-credit weights like %50% are not supported",
        "line 15: partial-credit weights like %50% are not supported",
        "line 16: partial-credit weights like %-100% are not supported",
        "line 19: partial-credit weights like %50% are not supported",
        "line 21: numerical questions are not supported",
    ]
    assert not result.ok
    assert [record.prompt for record in result.records] == ["Which film has a shark?"]


def test_malformed_questions_are_all_reported_with_their_line() -> None:
    result = read("broken.gift")
    assert [str(problem) for problem in result.problems] == [
        "line 1: '{' is never closed",
        "line 5: no right answer: mark it with =",
        "line 7: 2 right answers: a multiple-choice question has one",
        "line 9: '}' without '{' (write \\} for a brace)",
        "line 11: a second answer block: separate questions with a blank line",
        "line 13: the title has no closing ::",
        "line 15: two options are the same",
        "line 17: a multiple-choice question needs 2 to 6 options, this one has 7",
        "line 19: the question text is empty",
        "line 21: answers must start with = (right) or ~ (wrong), or be T or F",
        "line 23: '{' inside the answers (write \\{ for a brace)",
        "line 28: a second answer block: separate questions with a blank line",
    ]
    assert [record.prompt for record in result.records] == ["A good one."]


@pytest.mark.parametrize(
    ("answers", "truth"),
    [("T", True), ("TRUE", True), ("F", False), ("FALSE", False), ("true", True), (" F ", False)],
)
def test_true_false_spellings(answers: str, truth: bool) -> None:
    record = one(f"Is it? {{{answers}}}")
    assert record.choices == (("True", truth), ("False", not truth))


@pytest.mark.parametrize(
    ("answers", "explanation"),
    [
        ("T#wrong", "wrong"),
        ("T#wrong#right", "right"),
        ("T##right", "right"),
        ("T#wrong#right####general", "general"),
        ("=a#right ~b#wrong", "right"),
        ("~b#wrong =a", ""),
        ("=a#right ~b####general", "general"),
        ("=a =b#second", "second"),
    ],
)
def test_explanation_is_general_feedback_else_the_right_answers(
    answers: str, explanation: str
) -> None:
    assert one(f"Q? {{{answers}}}").explanation == explanation


def test_missing_word_question() -> None:
    record = one("Moodle costs {~lots of money =nothing ~a small amount} to download.")
    assert record.prompt == "Moodle costs _____ to download."
    assert record.answer == "nothing"


def test_category_applies_until_the_next_one() -> None:
    text = "Q1 {T}\n\n$CATEGORY: A/B\n\nQ2 {T}\n\nQ3 {F}\n\n$CATEGORY: C\nQ4 {T}"
    text += "\n\n$CATEGORY:\n\nQ5 {T}"
    result = parse_gift(text)
    assert result.ok
    assert [record.category for record in result.records] == [None, "A/B", "A/B", "C", None]


def test_difficulty_comment_belongs_to_its_question_only() -> None:
    result = parse_gift("// difficulty: 3\nQ1 {T}\n\nQ2 {T}\n\n// difficulty: 7\nQ3 {T}")
    assert [record.difficulty for record in result.records] == [3, 2, 2]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (r"a\~b", "a~b"),
        (r"a\=b", "a=b"),
        (r"a\#b", "a#b"),
        (r"a\{b\}", "a{b}"),
        (r"a\:b", "a:b"),
        (r"a\nb", "a\nb"),
        (r"a\\b", "a\\b"),
        (r"a\\nb", "a\\nb"),
        (r"a\qb", r"a\qb"),
        ("::not a title", "::not a title"),
    ],
)
def test_escapes(written: str, read: str) -> None:
    written = written.replace("::", r"\:\:")
    record = one(f"::{written}::{written} {{={written} ~other####{written}}}")
    assert record.title == record.prompt == record.answer == record.explanation == read


def test_windows_line_endings_and_byte_order_mark() -> None:
    result = parse_gift("\ufeff// c\r\nQ1 {\r\n=a\r\n~b\r\n}\r\n\r\nQ2 {T}\r\n")
    assert result.ok
    assert [(record.prompt, record.line) for record in result.records] == [("Q1", 2), ("Q2", 7)]


def test_nothing_but_comments_and_blank_lines() -> None:
    assert parse_gift("// one\n\n   \n// two\n") == ImportResult()
    assert parse_gift("") == ImportResult()


def test_a_question_with_one_bad_answer_is_not_half_imported() -> None:
    result = parse_gift("Good {=a ~b}\n\nBad {=a ~%25%b ~c}\n\nAlso good {=x ~y}")
    assert [record.prompt for record in result.records] == ["Good", "Also good"]
    assert result.problems == [Problem(3, "partial-credit weights like %25% are not supported")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q {=a -> b}", "line 1: matching questions are not supported"),
        ("Q {#5}", "line 1: numerical questions are not supported"),
        ("Q {####just feedback}", "line 1: essay questions are not supported"),
        ("\n\n::T::Just text", "line 3: descriptions (text without answers) are not supported"),
        ("Q {\n=a\n~b\n", "line 1: '{' is never closed"),
        ("Q {\n=a\n~b\n}}", "line 4: a second answer block: separate questions with a blank line"),
        ("Q {=a ~b ~a}", "line 1: two options are the same"),
        ("Q {\n=a\n~%50%b\n}", "line 3: partial-credit weights like %50% are not supported"),
        ("Q {x =a ~b}", "line 1: text before the first answer: answers start with = or ~"),
    ],
)
def test_problem_lines(text: str, message: str) -> None:
    assert problems(text) == [message]
