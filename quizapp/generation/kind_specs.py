"""What to ask about each kind of fact: its prompt, statement and typed prompt, the answer's
kind, and where its wrong options come from (the spec drafting.py turns into questions)."""

from __future__ import annotations

import random
from collections.abc import Callable

from quizapp.generation import distractors as dx
from quizapp.generation.premises import as_of, release_tense, states_return
from quizapp.generation.series import installment_spec, previous_spec, sequel_spec
from quizapp.generation.specs import FactIndex, Spec
from quizapp.generation.types import Fact
from quizapp.text.dates import spoken


def spec_for(fact: Fact, idx: FactIndex, main_film: str) -> Spec | None:
    builder = SPEC_BUILDERS.get(fact.kind)
    return builder(fact, idx, main_film) if builder else None


def _director(f: Fact, idx: FactIndex, _: str) -> Spec:
    return Spec(
        f.value,
        "person",
        f"Who directed {f.subject}?",
        f"{{x}} directed {f.subject}.",
        f"Who directed {f.subject}? (a surname is enough)",
        1,
        candidates=idx.values("director") + idx.values("writer") + idx.values("producer"),
        pool="directors",
        forbidden=idx.values("director", f.subject),
        also_right=idx.values("director", f.subject),
    )


def _writer(f: Fact, idx: FactIndex, _: str) -> Spec:
    return Spec(
        f.value,
        "person",
        f"Who wrote {f.subject}?",
        f"{{x}} wrote {f.subject}.",
        f"Who wrote {f.subject}? (a surname is enough)",
        2,
        candidates=idx.values("writer") + idx.values("director") + idx.values("producer"),
        pool="directors",
        forbidden=idx.values("writer", f.subject),
        also_right=idx.values("writer", f.subject),
    )


def _cast(f: Fact, idx: FactIndex, _: str) -> Spec:
    if f.qualifier == "returning" and states_return(f.sentence):
        prompt = f"Which of these actors returns to the cast of {f.subject}?"
        typed = f"Name an actor who returns to the cast of {f.subject}."
    elif f.qualifier == "new":
        prompt = f"Which of these actors is new to the cast of {f.subject}?"
        typed = f"Name an actor who is new to the cast of {f.subject}."
    else:
        prompt = f"Which of these actors is in the cast of {f.subject}?"
        # Typed, any cast member the article names would be right, and the extractor may have
        # missed some: asked only where the article lists a group (who returns, who is new).
        typed = None
    # Typed, any actor of the same group is right: the question names no one in particular.
    group = [
        c.value
        for c in idx.facts
        if c.kind == "cast"
        and c.subject == f.subject
        and (c.qualifier == f.qualifier or f.qualifier not in {"returning", "new"})
        and not (c.hedged or c.unsure)
    ]
    return Spec(
        f.value,
        "person",
        prompt,
        f"{{x}} is in the cast of {f.subject}.",
        typed,
        2,
        also_right=group,
        # Only actors: the article's directors and writers are crew, never offered as cast.
        candidates=[],
        pool="actors",
        forbidden=idx.values("cast", f.subject) + idx.values("cast") + idx.people(),
    )


def _character(f: Fact, idx: FactIndex, main: str) -> Spec:
    film = idx.film_of_actor(f.subject, main)
    return Spec(
        f.value,
        "character",
        f"Which character does {f.subject} play in {film}?",
        f"In {film}, {f.subject} plays {{x}}.",
        f"Which character does {f.subject} play in {film}? (give the name)",
        2,
        # The film's other parts only: a famous role from another franchise, or a part in
        # another film of a box-office roundup, gives the answer away (rubric grading).
        candidates=[
            role
            for actor in idx.values("cast", film)
            if actor != f.subject
            for role in idx.characters_of(actor)
        ],
        forbidden=idx.characters_of(f.subject) + idx.people(),
    )


def actor_of_character(f: Fact, idx: FactIndex, main: str) -> Spec:
    film = idx.film_of_actor(f.subject, main)
    return Spec(
        f.subject,
        "person",
        f"Who plays {f.value} in {film}?",
        "",
        f"Who plays {f.value} in {film}? (a surname is enough)",
        2,
        candidates=idx.values("cast", film),
        pool="actors",
        forbidden=[a for a in idx.values("cast") if f.value in idx.characters_of(a)] + [f.value],
    )


def _known_for(f: Fact, idx: FactIndex, main: str) -> Spec:
    film = idx.film_of_actor(f.subject, main)
    return Spec(
        f.value,
        "character",
        f"Outside {film}, {f.subject} is known for which role?",
        f"Outside {film}, {f.subject} is known for {{x}}.",
        f"Outside {film}, which role is {f.subject} known for? (give the name)",
        3,
        candidates=idx.values("character"),
        pool="characters",
        forbidden=idx.values("known_for", f.subject) + idx.people(),
    )


def _date_spec(
    f: Fact, prompt: str, statement: str, typed: str, rng: random.Random, idx: FactIndex
) -> Spec:
    other_dates = [
        spoken(v)
        for v in idx.values("release_date") + idx.values("joined_cast")
        if len(v) == len(f.value) and v != f.value
    ]
    return Spec(
        spoken(f.value),
        "date",
        prompt,
        statement,
        typed,
        2 if len(f.value) > 4 else 1,
        variants=other_dates + dx.date_variants(f.value, rng),
    )


def _release(f: Fact, idx: FactIndex, _: str, rng: random.Random) -> Spec:
    """Worded for the article's date: "was released" before it, "is set for release" (as of
    its month) after it; without a date, by the sentence's own tense, else neutrally."""
    when = "On what date" if len(f.value) == 10 else "When"
    on = "on" if len(f.value) == 10 else "in"
    tense = release_tense(f.value, idx.published, f.sentence)
    if tense == "past":
        prompt = f"{when} was {f.subject} released?"
        statement = f"{f.subject} was released {on} {{x}}."
    elif tense == "future":
        since = as_of(idx.published) or "According to the article, "
        prompt = f"{since}{when[0].lower()}{when[1:]} is {f.subject} set for release?"
        statement = f"{since}{f.subject} is set for release {on} {{x}}."
    elif len(f.value) == 4:
        # "What release date ... ? 2019" reads wrong when only a year is known (rubric).
        prompt = f"Which release year does the article give for {f.subject}?"
        statement = f"The article gives {{x}} as the release year of {f.subject}."
    else:
        prompt = f"What release date does the article give for {f.subject}?"
        statement = f"The article gives {{x}} as the release date of {f.subject}."
    precision = {4: "the year", 7: "the month and year"}.get(len(f.value), "the date")
    return _date_spec(f, prompt, statement, f"{prompt} (give {precision})", rng, idx)


def _joined(f: Fact, idx: FactIndex, main: str, rng: random.Random) -> Spec:
    film = idx.film_of_actor(f.subject, main)
    spec = _date_spec(
        f,
        f"When did {f.subject} join the cast of {film}?",
        f"{f.subject} joined the cast of {film} in {{x}}.",
        f"When did {f.subject} join the cast of {film}? (month and year)",
        rng,
        idx,
    )
    spec.difficulty = 3
    return spec


def _location(f: Fact, idx: FactIndex, _: str) -> Spec:
    return Spec(
        f.value,
        "place",
        f"Where was {f.subject} filmed, according to the article?",
        f"{f.subject} was filmed in {{x}}.",
        None,
        2,
        pool="places",
        forbidden=idx.values("filming_location", f.subject),
    )


def _delay(f: Fact, idx: FactIndex, _: str) -> Spec:
    if f.qualifier == "length":
        since = as_of(idx.published)
        asked = f"by how much has {f.subject} been delayed?" if since else ""
        return Spec(
            f.value,
            "other",
            f"{since}{asked}" if since else f"By how much was {f.subject} delayed?",
            f"{since}{f.subject} has been delayed by {{x}}."
            if since
            else f"{f.subject} was delayed by {{x}}.",
            None,
            3,
            extra=dx.DELAY_LENGTHS,
            forbidden=idx.values("delay", f.subject),
        )
    return Spec(
        f.value,
        "other",
        f"What caused the delays on {f.subject}?",
        f"{f.subject} was delayed because of {{x}}.",
        f"What caused the delays on {f.subject}?",
        2,
        extra=dx.DELAY_CAUSES,
        forbidden=idx.values("delay", f.subject),
    )


def _studio(f: Fact, idx: FactIndex, _: str) -> Spec:
    return Spec(
        f.value,
        "other",
        f"Which studio is behind {f.subject}?",
        f"{{x}} is the studio behind {f.subject}.",
        None,
        2,
        pool="studios",
        forbidden=idx.values("studio", f.subject),
    )


def _runtime(f: Fact, idx: FactIndex, _: str) -> Spec:
    return Spec(
        f.value,
        "other",
        f"How long does {f.subject} run?",
        f"{f.subject} runs {{x}}.",
        None,
        3,
        variants=dx.runtime_variants(f.value),
    )


def _rating(f: Fact, idx: FactIndex, _: str) -> Spec:
    return Spec(
        f.value,
        "other",
        f"What rating did {f.subject} receive?",
        f"{f.subject} is rated {{x}}.",
        None,
        2,
        variants=[r for r in dx.RATINGS if r != f.value],
    )


SPEC_BUILDERS: dict[str, Callable[..., Spec | None]] = {
    "director": _director,
    "writer": _writer,
    "cast": _cast,
    "character": _character,
    "known_for": _known_for,
    "previous_installment": previous_spec,
    "sequel": sequel_spec,
    "filming_location": _location,
    "delay": _delay,
    "studio": _studio,
    "runtime": _runtime,
    "rating": _rating,
    "film": installment_spec,
}
DATE_BUILDERS = {"release_date": _release, "joined_cast": _joined}
