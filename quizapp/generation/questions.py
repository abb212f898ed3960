"""generate_questions(): facts → multiple-choice, true/false and typed question drafts."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from quizapp.generation import distractors as dx
from quizapp.generation.drafting import draft_questions
from quizapp.generation.gender import Gender, GenderBook
from quizapp.generation.lexicon import name_region
from quizapp.generation.premises import as_of, release_tense, states_return
from quizapp.generation.region import article_region
from quizapp.generation.series import installment_spec, previous_spec, sequel_spec
from quizapp.generation.specs import FactIndex, Spec
from quizapp.generation.types import Fact, QuestionDraft
from quizapp.text.dates import spoken
from quizapp.text.folding import match_key


def _spec_for(fact: Fact, idx: FactIndex, main_film: str) -> Spec | None:
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


def _actor_of_character(f: Fact, idx: FactIndex, main: str) -> Spec:
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
            spec = _spec_for(fact, idx, main_film)
        found = [spec] if spec is not None else []
        if fact.kind == "character":
            found.append(_actor_of_character(fact, idx, main_film))
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
