"""GIFT export: its text, its escapes, and parse_gift(export_gift(records)) == records."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.interchange import QuestionRecord, export_gift, parse_gift
from tests.interchange.strategies import records

DATA = Path(__file__).parent.parent / "data" / "interchange"

MC = QuestionRecord(
    "multiple_choice",
    "Which {film} costs ~5 = 10 #1: really?",
    (("A~B", False), ("C=D", True), ("#E {F}", False), ("G: H \\ I", False)),
    explanation="Because: {reasons} ~ = #.\nSee also ::this::.",
    title="Costs: a {title}",
    category="Films/Money",
    difficulty=3,
)
TF = QuestionRecord(
    "true_false", "Éric Rohmer directed «Pauline à la plage»?", (("True", True), ("False", False))
)
TYPED = QuestionRecord(
    "typed", "Who wrote \\n?", (("Ann ~ Lee", True),), ("Ann ~ Lee", "Lee", "ann=lee"), "Ñ#1"
)


def roundtrip(records: list[QuestionRecord]) -> list[QuestionRecord]:
    result = parse_gift(export_gift(records))
    assert result.ok, result.problems
    return result.records


def test_export_text() -> None:
    assert export_gift([MC, TF, TYPED]) == (
        "$CATEGORY: Films/Money\n"
        "\n"
        "// difficulty: 3\n"
        r"::Costs\: a \{title\}::Which \{film\} costs \~5 \= 10 \#1\: really? {"
        "\n"
        "\t~A\\~B\n"
        "\t=C\\=D\n"
        "\t~\\#E \\{F\\}\n"
        "\t~G\\: H \\\\ I\n"
        r"	####Because\: \{reasons\} \~ \= \#.\nSee also \:\:this\:\:."
        "\n"
        "}\n"
        "\n"
        "$CATEGORY:\n"
        "\n"
        "Éric Rohmer directed «Pauline à la plage»? {TRUE}\n"
        "\n"
        r"Who wrote \\n? {=Ann \~ Lee =Lee =ann\=lee####Ñ\#1}"
        "\n"
    )


def test_round_trip_with_special_characters_and_accents() -> None:
    assert roundtrip([MC, TF, TYPED]) == [MC, TF, TYPED]


def test_round_trip_of_the_features_file() -> None:
    imported = parse_gift((DATA / "features.gift").read_text(encoding="utf-8")).records
    assert roundtrip(imported) == imported


@pytest.mark.parametrize(
    "text",
    ["// not a comment", "[html]<b>not html</b>", "%50% not a weight", "$CATEGORY: not one", "::x"],
)
def test_text_gift_would_misread_is_protected(text: str) -> None:
    record = QuestionRecord(
        "multiple_choice", text, ((text, True), ("other", False)), explanation=text
    )
    exported = export_gift([record])
    assert roundtrip([record]) == [record]
    if not text.startswith(("$", "::")):
        assert exported.startswith("[moodle]")


def test_category_argument_overrides_the_records_categories() -> None:
    exported = export_gift([MC, TF], category="Export")
    assert exported.count("$CATEGORY") == 1
    assert [record.category for record in parse_gift(exported).records] == ["Export", "Export"]


def test_export_refuses_invalid_records() -> None:
    broken = QuestionRecord("multiple_choice", "Q", (("a", True), ("b", True)))
    with pytest.raises(ValueError, match="exactly one right answer"):
        export_gift([MC, broken])


def test_empty_export() -> None:
    assert export_gift([]) == ""
    assert parse_gift(export_gift([])).records == []


def test_typed_answers_with_an_arrow_read_as_matching() -> None:
    # GIFT has no escape for "->": Moodle reads such a block as a matching question too.
    record = QuestionRecord("typed", "Q", (("a->b", True),), ("a->b",))
    result = parse_gift(export_gift([record]))
    assert [str(problem) for problem in result.problems] == [
        "line 1: matching questions are not supported"
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(), min_size=1, max_size=5))
def test_round_trip_property(generated: list[QuestionRecord]) -> None:
    assert roundtrip(generated) == generated
