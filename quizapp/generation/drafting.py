"""Turning a question spec into its multiple-choice, true/false and typed drafts."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from quizapp.generation import distractors as dx
from quizapp.generation.answers import accepted_variants
from quizapp.generation.types import ChoiceDraft, Fact, QuestionDraft
from quizapp.text.folding import match_key

if TYPE_CHECKING:
    from quizapp.generation.questions import Spec


def _wrong_options(spec: Spec, count: int, rng: random.Random) -> list[str]:
    return dx.pick(
        spec.answer, spec.candidates, spec.pool, spec.forbidden, count, rng, extra=spec.extra
    )


def _ordered_pick(spec: Spec, count: int) -> list[str]:
    """Precomputed variants keep their order: nearest (most plausible) first."""
    chosen: list[str] = []
    for variant in spec.variants or []:
        if len(chosen) == count:
            break
        if not dx.clashes(variant, [spec.answer, *spec.forbidden, *chosen]):
            chosen.append(variant)
    return chosen


def _gives_answer_away(spec: Spec, prompt: str) -> bool:
    return f" {match_key(spec.answer)} " in f" {match_key(prompt)} "


def fill(spec: Spec, value: str) -> str:
    """The spec's statement with `value` in place, as a sentence."""
    if spec.answer_type == "other" and not spec.statement.startswith("{x}"):
        value = (
            value[0].lower() + value[1:] if value[:1].isupper() and value[1:2].islower() else value
        )
    statement = spec.statement.replace("{x}", value)
    return statement[0].upper() + statement[1:]


def _explanation(spec: Spec) -> str:
    """The fact in one sentence; the article's own sentence travels as the evidence."""
    return fill(spec, spec.answer) if spec.statement else f"The answer is {spec.answer}."


def draft_questions(specs: list[tuple[Fact, Spec]], rng: random.Random) -> list[QuestionDraft]:
    """Multiple choice first, then typed, then true/false; no prompt twice."""
    by_kind: dict[str, list[QuestionDraft]] = {"multiple_choice": [], "typed": [], "true_false": []}
    for fact, spec in specs:
        for draft in _drafts(fact, spec, rng):
            by_kind[draft.kind].append(draft)
    seen: set[str] = set()
    ordered: list[QuestionDraft] = []
    for kind in ("multiple_choice", "typed", "true_false"):
        for draft in by_kind[kind]:
            if draft.prompt not in seen:
                seen.add(draft.prompt)
                ordered.append(draft)
    return ordered


def _drafts(fact: Fact, spec: Spec, rng: random.Random) -> list[QuestionDraft]:
    common = {
        "explanation": _explanation(spec),
        "fact": fact,
        "evidence_start": fact.start,
        "evidence_end": fact.end,
    }
    drafts: list[QuestionDraft] = []
    wrong = _ordered_pick(spec, 3) if spec.variants is not None else _wrong_options(spec, 3, rng)
    if len(wrong) == 3 and not _gives_answer_away(spec, spec.mc_prompt):
        options = [*wrong, spec.answer]
        rng.shuffle(options)
        choices = [ChoiceDraft(o, o == spec.answer) for o in options]
        drafts.append(
            QuestionDraft(
                "multiple_choice", spec.mc_prompt, choices, difficulty=spec.difficulty, **common
            )
        )
    if wrong and spec.statement:
        truthful = rng.random() < 0.5
        shown = spec.answer if truthful else wrong[0]
        prompt = f"True or false: {fill(spec, shown)}"
        choices = [ChoiceDraft("True", truthful), ChoiceDraft("False", not truthful)]
        drafts.append(
            QuestionDraft(
                "true_false", prompt, choices, difficulty=max(1, spec.difficulty - 1), **common
            )
        )
    if spec.typed_prompt and not _gives_answer_away(spec, spec.typed_prompt):
        iso = fact.value if spec.answer_type == "date" else None
        accepted = accepted_variants(spec.answer, spec.answer_type, iso)
        for other in spec.also_right:  # "Who wrote X?" is rightly answered by any co-writer
            if other != spec.answer:
                accepted += accepted_variants(other, spec.answer_type)
        drafts.append(
            QuestionDraft(
                "typed",
                spec.typed_prompt,
                [ChoiceDraft(spec.answer, True)],
                difficulty=min(3, spec.difficulty + 1),
                accepted_answers=accepted,
                **common,
            )
        )
    return drafts
