"""QuestionRecord checks, record_from_question() and the package's independence from Flask."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from quizapp.interchange import ImportResult, Problem, QuestionRecord, check_record
from quizapp.interchange import records as records_module
from quizapp.interchange.records import record_from_question
from quizapp.models import content
from quizapp.models.content import Choice, Question

PACKAGE = Path(records_module.__file__).parent

MC = QuestionRecord("multiple_choice", "Who?", (("Ann", True), ("Bob", False), ("Cy", False)))
TF = QuestionRecord("true_false", "Is it?", (("True", False), ("False", True)))
TYPED = QuestionRecord("typed", "Who?", (("Ann Lee", True),), ("Ann Lee", "Lee"))


@pytest.mark.parametrize("record", [MC, TF, TYPED])
def test_valid_records_have_no_problems(record: QuestionRecord) -> None:
    assert check_record(record) == []
    assert record.problems() == []


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (replace(MC, kind="essay"), "unknown question kind 'essay'"),
        (replace(MC, prompt="  "), "the question text is empty"),
        (replace(MC, difficulty=4), "difficulty must be 1, 2 or 3, not 4"),
        (replace(MC, title=""), "the title is empty"),
        (replace(MC, category="a\nb"), "the category must be one non-empty line"),
        (replace(MC, choices=(("Ann", True),)), "needs 2 to 6 options, this one has 1"),
        (replace(MC, choices=tuple((str(n), n == 0) for n in range(7))), "this one has 7"),
        (replace(MC, choices=(("Ann", False), ("Bob", False))), "exactly one right answer"),
        (replace(MC, choices=(("Ann", True), ("Bob", True))), "this one has 2"),
        (replace(MC, choices=(("Ann", True), (" ", False))), "an option is empty"),
        (replace(MC, choices=(("Ann", True), (" ann ", False))), "two options are the same"),
        (replace(MC, accepted_answers=("Ann",)), "only typed questions have accepted answers"),
        (replace(TF, choices=(("Yes", True), ("No", False))), 'options "True" and "False"'),
        (replace(TF, choices=(("False", True), ("True", False))), 'options "True" and "False"'),
        (replace(TF, choices=(("True", True), ("False", True))), "exactly one right answer"),
        (replace(TYPED, accepted_answers=()), "at least one accepted answer"),
        (replace(TYPED, accepted_answers=("Ann Lee", "")), "an accepted answer is empty"),
        (replace(TYPED, choices=(("Lee", True),)), "first accepted answer"),
        (replace(TYPED, choices=()), "first accepted answer"),
    ],
)
def test_invalid_records_are_reported(record: QuestionRecord, expected: str) -> None:
    problems = check_record(record)
    assert any(expected in problem for problem in problems), problems


def test_line_is_not_part_of_equality() -> None:
    assert replace(MC, line=12) == MC
    assert replace(MC, difficulty=3) != MC


def test_import_result_and_problem() -> None:
    assert ImportResult([MC]).ok
    assert not ImportResult([MC], [Problem(3, "bad")]).ok
    assert str(Problem(12, "matching questions are not supported")) == (
        "line 12: matching questions are not supported"
    )


def test_record_from_model_objects() -> None:
    typed = Question(
        kind="typed",
        prompt="Who directed Dune?",
        explanation="See the second paragraph.",
        difficulty=3,
        accepted_answers=["Villeneuve", "Denis Villeneuve"],
        choices=[Choice(text="Denis Villeneuve", is_correct=True, position=0)],
    )
    record = record_from_question(typed)
    # The answer moves first among the accepted answers; nothing else changes.
    assert record == QuestionRecord(
        "typed",
        "Who directed Dune?",
        (("Denis Villeneuve", True),),
        ("Denis Villeneuve", "Villeneuve"),
        "See the second paragraph.",
        difficulty=3,
    )
    assert check_record(record) == []


def test_record_from_duck_typed_objects_orders_choices() -> None:
    def choice(text: str, correct: bool, position: int) -> SimpleNamespace:
        return SimpleNamespace(text=text, is_correct=correct, position=position)

    mc = SimpleNamespace(
        kind="multiple_choice",
        prompt="Who?",
        explanation=None,
        difficulty=1,
        accepted_answers=["stray"],
        choices=[choice("Bob", False, 1), choice("Ann", True, 0)],
    )
    assert record_from_question(mc) == QuestionRecord(
        "multiple_choice", "Who?", (("Ann", True), ("Bob", False)), difficulty=1
    )
    tf = SimpleNamespace(
        kind="true_false",
        prompt="Is it?",
        explanation="",
        difficulty=2,
        accepted_answers=[],
        choices=[choice("False", True, 0), choice("True", False, 1)],
    )
    assert record_from_question(tf).choices == (("True", False), ("False", True))
    legacy_typed = SimpleNamespace(
        kind="typed",
        prompt="Who?",
        explanation="",
        difficulty=2,
        accepted_answers=None,
        choices=[choice("Ann", True, 0)],
    )
    assert record_from_question(legacy_typed).accepted_answers == ("Ann",)


def test_constants_match_the_models() -> None:
    assert records_module.QUESTION_KINDS == content.QUESTION_KINDS
    assert records_module.QUESTION_STATUSES == content.QUESTION_STATUSES
    assert records_module.QUESTION_ORIGINS == content.QUESTION_ORIGINS


# Packages the interchange code may lean on: they are as free of Flask and the database.
FLASK_FREE = ("quizapp.interchange", "quizapp.kinds", "quizapp.text")
FLASK_FREE_MODULES = sorted(
    path for name in FLASK_FREE for path in (PACKAGE.parent / name.split(".")[1]).glob("*.py")
)


@pytest.mark.parametrize(
    "module", FLASK_FREE_MODULES, ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_package_imports_neither_flask_nor_the_database(module: Path) -> None:
    imported = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    outside = {name for name in imported if name.startswith("quizapp.")}
    assert all(name.startswith(FLASK_FREE) for name in outside), outside
    assert not {name.split(".")[0] for name in imported} & {"flask", "sqlalchemy", "flask_wtf"}
