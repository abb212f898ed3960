"""Turning a question spec into drafts: the material every kind needs, then each kind's own."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from quizapp.generation import distractors as dx
from quizapp.generation.answers import accepted_variants
from quizapp.generation.types import ChoiceDraft, Fact, QuestionDraft
from quizapp.kinds import KINDS, DraftMaterial, draft_order
from quizapp.text.folding import match_key

if TYPE_CHECKING:
    from quizapp.generation.specs import Spec

WRONG_VALUES = 3  # wrong values drawn per fact: enough for a multiple-choice question


def _wrong_options(spec: Spec, count: int, rng: random.Random) -> list[str]:
    return dx.pick(
        spec.answer,
        spec.candidates,
        spec.pool,
        spec.forbidden,
        count,
        rng,
        extra=spec.extra,
        fit=spec.fit,
        elsewhere=spec.elsewhere,
    )


def _ordered_pick(spec: Spec, count: int) -> list[str]:
    """Precomputed variants keep their order: nearest (most plausible) first. They are values,
    not names: "March 5, 2020" differs from "March 5, 2021" though both end alike."""
    chosen: list[str] = []
    for variant in spec.variants or []:
        if len(chosen) == count:
            break
        taken = {match_key(v) for v in [spec.answer, *spec.forbidden, *chosen]}
        if match_key(variant) and match_key(variant) not in taken:
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
    """Every kind's draft for each fact, listed kind by kind in draft order; no prompt twice."""
    by_kind: dict[str, list[QuestionDraft]] = {name: [] for name in KINDS}
    for fact, spec in specs:
        for draft in _drafts(fact, spec, rng):
            by_kind[draft.kind].append(draft)
    seen: set[str] = set()
    ordered: list[QuestionDraft] = []
    for kind in draft_order():
        for draft in by_kind[kind.name]:
            if draft.prompt not in seen:
                seen.add(draft.prompt)
                ordered.append(draft)
    return ordered


def _material(fact: Fact, spec: Spec, rng: random.Random) -> DraftMaterial:
    """What every kind drafts from: the wrong values are drawn here, once per fact."""
    wrong = (
        _ordered_pick(spec, WRONG_VALUES)
        if spec.variants is not None
        else _wrong_options(spec, WRONG_VALUES, rng)
    )
    typed_prompt = spec.typed_prompt
    if typed_prompt and _gives_answer_away(spec, typed_prompt):
        typed_prompt = None
    accepted: list[str] = []
    if typed_prompt:
        iso = fact.value if spec.answer_type == "date" else None
        accepted = accepted_variants(spec.answer, spec.answer_type, iso)
        for other in spec.also_right:  # "Who wrote X?" is rightly answered by any co-writer
            if other != spec.answer:
                accepted += accepted_variants(other, spec.answer_type)
    # Plausible wrong values: the article's own names, and the curated lists of a fact's kind
    # (dates and numbers near the answer, causes and lengths of delays), never a pool of names.
    named = {match_key(value) for value in [*spec.candidates, *(spec.variants or []), *spec.extra]}
    return DraftMaterial(
        answer=spec.answer,
        wrong=tuple(wrong),
        difficulty=spec.difficulty,
        choice_prompt=None if _gives_answer_away(spec, spec.mc_prompt) else spec.mc_prompt,
        typed_prompt=typed_prompt or None,
        statement=(lambda value: fill(spec, value)) if spec.statement else None,
        accepted=tuple(accepted),
        named_wrong=tuple(w for w in wrong if match_key(w) in named),
    )


def _drafts(fact: Fact, spec: Spec, rng: random.Random) -> list[QuestionDraft]:
    material = _material(fact, spec, rng)
    pooled = len(material.wrong) - len(material.named_wrong)
    drafts: list[QuestionDraft] = []
    for kind in KINDS.values():
        draft = kind.draft(material, rng)
        if draft is None:
            continue
        drafts.append(
            QuestionDraft(
                kind.name,
                draft.prompt,
                [ChoiceDraft(text, correct) for text, correct in draft.choices],
                explanation=_explanation(spec),
                difficulty=draft.difficulty,
                fact=fact,
                evidence_start=fact.start,
                evidence_end=fact.end,
                accepted_answers=list(draft.accepted_answers),
                pooled_options=pooled if kind.name == "multiple_choice" else 0,
            )
        )
    return drafts
