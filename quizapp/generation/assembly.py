"""A quiz from a bank of drafts: each fact asked once, in an order that gives nothing away.

The bank keeps every draft (multiple choice, true/false and typed, and a character asked both
ways), so authors can choose. A quiz asks each fact once, taking the kinds in turn so the quiz
mixes them. Then it is ordered so that no question shows, in its prompt, its options or the
feedback after it (the explanation and the article's sentence), the answer to a later one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from quizapp.generation.types import QuestionDraft
from quizapp.kinds import draft_order
from quizapp.text.folding import match_key

FactKey = tuple[str, str, str]


def fact_key(draft: QuestionDraft) -> FactKey:
    fact = draft.fact
    return (fact.kind, match_key(fact.subject), match_key(fact.value))


def assemble(drafts: Sequence[QuestionDraft], limit: int) -> list[int]:
    """The indices into `drafts` of the quiz's questions, in the order they are asked."""
    return order_without_giveaways(drafts, one_per_fact(drafts, limit))


def one_per_fact(drafts: Sequence[QuestionDraft], limit: int) -> list[int]:
    """One draft per fact, facts in the order the bank first asks them, kinds taken in turn
    (the kind used least so far, ties in the registry's order). A multiple choice whose wrong
    options come from the pools rather than the article is taken last: graded by the rubric,
    such options were the quizzes' commonest flaw (an era or franchise outlier)."""
    by_fact: dict[FactKey, list[int]] = {}
    for index, draft in enumerate(drafts):
        by_fact.setdefault(fact_key(draft), []).append(index)
    rank = {kind.name: position for position, kind in enumerate(draft_order())}
    used: Counter[str] = Counter()
    chosen: list[int] = []
    for indices in by_fact.values():
        if len(chosen) == limit:
            break
        best = min(
            indices,
            key=lambda i: (
                drafts[i].pooled_options > 0,
                used[drafts[i].kind],
                rank.get(drafts[i].kind, 99),
            ),
        )
        used[drafts[best].kind] += 1
        chosen.append(best)
    return chosen


def _shown(draft: QuestionDraft) -> str:
    """Everything a player sees of a question, up to and including its feedback."""
    parts = [draft.prompt, draft.explanation, draft.fact.sentence]
    parts += [choice.text for choice in draft.choices]
    return f" {match_key(' '.join(parts))} "


def _hidden(draft: QuestionDraft) -> str:
    """What a player must not have seen before this question: its answer."""
    answer = draft.fact.value if draft.kind == "true_false" else draft.answer
    return f" {match_key(answer)} "


def gives_away(earlier: QuestionDraft, later: QuestionDraft) -> bool:
    hidden = _hidden(later)
    return hidden.strip() != "" and hidden in _shown(earlier)


def order_without_giveaways(drafts: Sequence[QuestionDraft], chosen: list[int]) -> list[int]:
    """The order, of a few candidates, that gives away the fewest answers before they are
    asked. Each greedy step asks a question that gives away none of those still to come
    (the first in bank order); when every one would, the one that gives away the fewest, or
    the one that gives away the fewest more than it has answers given away by the rest.
    Finding the best order is a feedback arc set problem; these cover quiz-sized banks."""
    shown = {i: _shown(drafts[i]) for i in chosen}
    hidden = {i: _hidden(drafts[i]) for i in chosen}
    spoils = {
        i: {j for j in chosen if j != i and hidden[j].strip() and hidden[j] in shown[i]}
        for i in chosen
    }
    spoiled_by = {j: {i for i in chosen if j in spoils[i]} for j in chosen}

    def greedy(balance: bool) -> list[int]:
        remaining = list(chosen)
        ordered: list[int] = []
        while remaining:
            left = set(remaining)
            pick = min(
                remaining,
                key=lambda i: len(spoils[i] & left) - (len(spoiled_by[i] & left) if balance else 0),
            )
            remaining.remove(pick)
            ordered.append(pick)
        return ordered

    def cost(order: list[int]) -> int:
        seen = {index: position for position, index in enumerate(order)}
        return sum(1 for i in order for j in spoils[i] if seen[j] > seen[i])

    return min((greedy(False), greedy(True), list(chosen)), key=cost)
