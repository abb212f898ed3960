"""A generated quiz asks each fact once, mixes the kinds, and no question spoils a later one."""

from __future__ import annotations

from collections import Counter

import pytest

from quizapp.generation import ChoiceDraft, Fact, QuestionDraft, generate_questions
from quizapp.generation.assembly import assemble, fact_key, gives_away, one_per_fact
from tests.generation.corpus import ARTICLE_NAMES, SEED_NAME, facts

NAMES = [SEED_NAME, *ARTICLE_NAMES]


@pytest.mark.parametrize("name", NAMES)
def test_a_quiz_asks_each_fact_once(name: str) -> None:
    drafts = generate_questions(facts(name), seed=0)
    asked = [drafts[i] for i in assemble(drafts, 30)]
    keys = [fact_key(draft) for draft in asked]
    assert len(keys) == len(set(keys)), "a fact is asked twice"
    assert {fact_key(d) for d in drafts} == set(keys) or len(asked) == 30


def _spoiled_pairs(asked: list[QuestionDraft]) -> int:
    return sum(
        gives_away(earlier, later)
        for position, earlier in enumerate(asked)
        for later in asked[position + 1 :]
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_order_spoils_fewer_answers_than_the_bank_order(name: str) -> None:
    drafts = generate_questions(facts(name), seed=0)
    chosen = one_per_fact(drafts, 30)
    ordered = assemble(drafts, 30)
    assert sorted(ordered) == sorted(chosen)
    before = _spoiled_pairs([drafts[i] for i in chosen])
    after = _spoiled_pairs([drafts[i] for i in ordered])
    assert after <= before
    if _acyclic([drafts[i] for i in chosen]):
        assert after == 0


def _acyclic(asked: list[QuestionDraft]) -> bool:
    """Whether some order lets no question give away a later one's answer."""
    remaining = list(range(len(asked)))
    while remaining:
        free = [
            i
            for i in remaining
            if not any(gives_away(asked[i], asked[j]) for j in remaining if j != i)
        ]
        if not free:
            return False
        remaining.remove(free[0])
    return True


def test_the_seed_quiz_mixes_the_kinds() -> None:
    drafts = generate_questions(facts(SEED_NAME), seed=0)
    kinds = Counter(drafts[i].kind for i in assemble(drafts, 30))
    assert set(kinds) == {"multiple_choice", "true_false", "typed"}


def _draft(kind: str, value: str, sentence: str, prompt: str) -> QuestionDraft:
    fact = Fact("director", "Film", value, 0, sentence, 0, len(value))
    return QuestionDraft(
        kind, prompt, [ChoiceDraft(value, True)], f"{value} directed Film.", 2, fact, 0, 1
    )


def test_a_question_whose_feedback_names_another_answer_comes_after_it() -> None:
    spoiler = _draft("typed", "Ann Lee", "Ann Lee and Bo Sun made Film.", "Who directed Film?")
    spoiled = _draft("typed", "Bo Sun", "Bo Sun co-directed.", "Who co-directed Film?")
    assert assemble([spoiler, spoiled], 10) == [1, 0]


def test_a_multiple_choice_with_pooled_options_gives_way_to_another_kind() -> None:
    pooled = _draft("multiple_choice", "Ann Lee", "Ann Lee directed Film.", "Who directed Film?")
    pooled = QuestionDraft(**{**pooled.__dict__, "pooled_options": 3})
    typed = _draft("typed", "Ann Lee", "Ann Lee directed Film.", "Who directed Film? (a surname)")
    assert one_per_fact([pooled, typed], 10) == [1]
    article_only = QuestionDraft(**{**pooled.__dict__, "pooled_options": 0})
    assert one_per_fact([article_only, typed], 10) == [0]
