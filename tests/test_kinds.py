"""The question-kind registry: each kind asks, judges and edits its own questions."""

from __future__ import annotations

import random

import pytest

from quizapp.kinds import KINDS, QUESTION_KINDS, AskedAs, UnknownKind, kind_of

# A stored question of each kind: choice texts, the correct one, the accepted spellings.
STORED = {
    "multiple_choice": (["Ann Lee", "Bob Hart", "Cy Moss"], 1, []),
    "true_false": (["True", "False"], 0, []),
    "typed": (["Ann Lee"], 0, ["Ann Lee", "Lee"]),
}


def right_answer(asked: AskedAs) -> str:
    """What a player sends for the right answer: the option's number, or a typed spelling."""
    return str(asked.correct_option) if asked.options else asked.accepted_answers[-1]


def test_every_registered_kind_has_a_stored_example() -> None:
    assert set(STORED) == set(QUESTION_KINDS)


@pytest.mark.parametrize("name", QUESTION_KINDS)
def test_every_kind_judges_its_right_answer_right_however_it_is_asked(name: str) -> None:
    kind = KINDS[name]
    texts, correct, accepted = STORED[name]
    for seed in range(5):
        asked = kind.ask(texts, correct, accepted, random.Random(seed))
        verdict = kind.judge(asked, right_answer(asked))
        assert verdict is not None and verdict.correct, asked


@pytest.mark.parametrize("name", ["multiple_choice", "true_false"])
@pytest.mark.parametrize("raw", ["7", "-1", "one", "00001"])
def test_a_pick_one_kind_refuses_an_option_it_did_not_offer(name: str, raw: str) -> None:
    kind = KINDS[name]
    asked = kind.ask(*STORED[name], None)
    assert kind.judge(asked, raw) is None


@pytest.mark.parametrize("name", QUESTION_KINDS)
def test_every_kind_stores_what_its_editor_shows_unchanged(name: str) -> None:
    kind = KINDS[name]
    texts, correct, accepted = STORED[name]
    entry = kind.to_editor(texts, correct, accepted)
    assert kind.editor_problems(entry) == {}
    options, marked = kind.from_editor(entry)
    choices, spellings = kind.stored(options, marked, entry.accepted)
    assert choices == tuple((text, i == correct) for i, text in enumerate(texts))
    assert spellings == accepted


def test_an_unknown_kind_is_named_in_the_error() -> None:
    with pytest.raises(UnknownKind, match="'numerical'"):
        kind_of("numerical")
