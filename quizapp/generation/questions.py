"""generate_questions(): facts → multiple-choice, true/false and typed question drafts."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from quizapp.generation import distractors as dx
from quizapp.generation.drafting import draft_questions
from quizapp.generation.gender import Gender, GenderBook
from quizapp.generation.kind_specs import DATE_BUILDERS, actor_of_character, spec_for
from quizapp.generation.lexicon import name_region
from quizapp.generation.region import article_region
from quizapp.generation.specs import FactIndex, Spec
from quizapp.generation.types import Fact, QuestionDraft
from quizapp.text.folding import match_key

PEOPLE_POOLS = {"actors", "directors"}
FILM_SUBJECT_KINDS = {"director", "writer", "producer", "cast", "release_date", "film"}


def generate_questions(
    facts: list[Fact],
    *,
    seed: int = 0,
    limit: int | None = None,
    published: date | None = None,
    text: str | None = None,
    extra_names: Mapping[str, Sequence[dx.PoolEntry]] | None = None,
) -> list[QuestionDraft]:
    """Questions about the facts that are neither hedged nor unsure, deterministic for a given
    seed.

    `published` (the article's date) sets the tense of time-bound questions and, with the
    film's year, the era of pool names offered as wrong options. `text` (the article) lets its
    pronouns tell each person's gender; without it, only the facts' sentences are read.
    `extra_names` are names from other articles by pool ("actors", "directors", ...), with
    the year of their film where known, offered after the article's own and before the pools'.
    """
    rng = random.Random(seed)
    idx = FactIndex(facts, published)
    films = [f for f in facts if f.kind == "film"]
    main_film = films[0].value if films else ""
    book = _gender_book(facts, text)
    region = (article_region(text) if text else None) or people_region(facts)
    specs: list[tuple[Fact, Spec]] = []
    # "Which of these actors is in the cast?" is trivial next to asking whom they play.
    with_roles = {
        match_key(f.subject) for f in facts if f.kind == "character" and not (f.hedged or f.unsure)
    }
    for fact in facts:
        if fact.hedged or fact.unsure:
            continue
        if fact.kind == "cast" and fact.qualifier is None and match_key(fact.value) in with_roles:
            continue
        spec: Spec | None
        if fact.kind in DATE_BUILDERS:
            spec = DATE_BUILDERS[fact.kind](fact, idx, main_film, rng)
        else:
            spec = spec_for(fact, idx, main_film)
        found = [spec] if spec is not None else []
        if fact.kind == "character":
            found.append(actor_of_character(fact, idx, main_film))
        for each in found:
            film = (
                fact.subject
                if fact.kind in FILM_SUBJECT_KINDS
                else idx.film_of_actor(fact.subject, main_film)
            )
            each.fit = _fit(each, idx, book, idx.year_of(film), region)
            each.elsewhere = tuple((extra_names or {}).get(each.pool or "", ()))
            specs.append((fact, each))
    questions = draft_questions(specs, rng)
    return questions[:limit] if limit is not None else questions


def people_region(facts: list[Fact]) -> str | None:
    """The industry most of the article's cast and directors belong to by their given names
    (two or more of them, and no other industry as often), else None."""
    people = {f.value for f in facts if f.kind in {"cast", "director"}}
    regions = Counter(region for name in people if (region := name_region(name)))
    ranked = regions.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _gender_book(facts: list[Fact], text: str | None) -> GenderBook:
    """The genders the article's pronouns give its people and roles (read from the facts'
    sentences when the text is not given)."""
    if text is None:
        sentences = {f.sentence_index: f.sentence for f in facts}
        text = "\n\n".join(sentences[i] for i in sorted(sentences))
    idx = FactIndex(facts)
    names = idx.people() + idx.values("character") + idx.values("known_for")
    return GenderBook(text, names, dx.recorded_genders())


def _fit(
    spec: Spec, idx: FactIndex, book: GenderBook, year: int | None, region: str | None
) -> dx.Fit:
    if spec.answer_type == "person":
        return dx.Fit(
            book.of(spec.answer),
            book.of,
            year if spec.pool in PEOPLE_POOLS else None,
            region=(name_region(spec.answer) or region) if spec.pool in PEOPLE_POOLS else None,
        )
    if spec.answer_type == "character":

        def role_gender(role: str) -> Gender | None:
            actor = idx.actor_of_role(role)
            return (book.of(actor) if actor else None) or book.of(role)

        not_roles = {match_key(name) for name in idx.people() + idx.titles()}
        actor = idx.actor_of_role(spec.answer)
        return dx.Fit(
            role_gender(spec.answer),
            role_gender,
            other_kind=frozenset(not_roles) | dx.pooled_titles_and_people(),
            region=(name_region(actor) if actor else None) or region,
        )
    if spec.answer_type == "title":
        return dx.Fit(year=year)
    return dx.Fit()
