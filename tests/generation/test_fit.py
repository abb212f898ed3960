"""Questions fit the article: tense and "as of" follow its date; wrong options match the answer's
kind, gender and era, the article's own names coming first."""

from __future__ import annotations

import re
from datetime import date

import pytest

from quizapp.generation import Fact, QuestionDraft, extract_facts, generate_questions
from quizapp.generation import distractors as dx
from quizapp.generation.gender import GenderBook
from quizapp.generation.lexicon import name_region
from quizapp.generation.region import article_region
from quizapp.generation.specs import FactIndex
from quizapp.text.folding import match_key
from tests.generation.corpus import ARTICLE_NAMES, SEED_NAME, article_text, facts

NAMES = [SEED_NAME, *ARTICLE_NAMES]
PERSON_FACTS = {"cast", "director", "writer", "producer"}


def fact(kind: str, subject: str, value: str, sentence: str, qualifier: str | None = None) -> Fact:
    start = max(sentence.find(value), 0)
    return Fact(kind, subject, value, 0, sentence, start, start + len(value), qualifier=qualifier)


def prompts(drafts: list[QuestionDraft], kind: str) -> list[str]:
    return [d.prompt for d in drafts if d.fact.kind == kind]


# ---- tense and time ---------------------------------------------------------------------------

RELEASE = "Skyline Drift opens in theaters on March 5, 2021."


def release_questions(published: date | None, sentence: str = RELEASE) -> list[str]:
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("release_date", "Skyline Drift", "2021-03-05", sentence),
    ]
    drafts = generate_questions(facts_, seed=1, published=published)
    return [d.prompt for d in drafts if d.fact.kind == "release_date" and d.kind != "true_false"]


def test_a_release_after_the_articles_date_is_set_for_release_as_of_its_month() -> None:
    asked = release_questions(date(2020, 11, 2))
    assert asked
    assert all(p.startswith("As of November 2020, ") and "set for release" in p for p in asked)


@pytest.mark.parametrize("published", [date(2021, 6, 1), date(2024, 1, 9)])
def test_a_release_before_the_articles_date_was_released(published: date) -> None:
    asked = release_questions(published, "Skyline Drift was released on March 5, 2021.")
    assert asked
    assert all(re.search(r"\bwas\b.* released", p) for p in asked)
    assert not any("set for" in p or "As of" in p for p in asked)


def test_the_articles_date_wins_over_the_sentences_tense() -> None:
    asked = release_questions(date(2022, 2, 1))  # "opens" in the text, but it has opened since
    assert all(re.search(r"\bwas\b.* released", p) for p in asked)


def test_without_a_date_a_future_release_is_what_the_article_says() -> None:
    asked = release_questions(None)
    assert asked
    assert all(p.startswith("According to the article, ") for p in asked)


def test_without_a_date_or_a_tense_the_wording_is_neutral() -> None:
    asked = release_questions(None, "Skyline Drift: March 5, 2021.")
    assert asked
    assert all("was released" not in p and "is set" not in p for p in asked)
    assert all("release date" in p for p in asked)


def test_a_delay_is_asked_as_of_the_articles_month() -> None:
    sentence = "Skyline Drift has been delayed by six months."
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("delay", "Skyline Drift", "six months", sentence, qualifier="length"),
    ]
    dated = generate_questions(facts_, seed=0, published=date(2020, 4, 30))
    undated = generate_questions(facts_, seed=0)
    asked = [p.removeprefix("True or false: ") for p in prompts(dated, "delay")]
    assert asked
    assert all(p.startswith("As of April 2020, ") for p in asked)
    assert not any("As of" in p for p in prompts(undated, "delay"))


def test_a_return_the_sentence_does_not_state_is_asked_as_plain_cast() -> None:
    sentence = "Dana Oakes returns home to star in Skyline Drift."
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("cast", "Skyline Drift", "Dana Oakes", sentence, qualifier="returning"),
    ]
    asked = prompts(generate_questions(facts_, seed=0), "cast")
    assert asked
    assert not any("return" in p for p in asked)


# ---- gender -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Kit Marlow posted a photo of herself on set.", "Kit Marlow", "f"),
        ("Marlow, known for his role as the Count, joined the cast.", "Kit Marlow", "m"),
        ("Kit Marlow joined the cast. She plays a pilot.", "Kit Marlow", "f"),
        ("Kit Marlow joined the cast. Critics loved his audition.", "Kit Marlow", "m"),
    ],
)
def test_a_pronoun_after_a_persons_mention_tells_their_gender(
    text: str, name: str, gender: str
) -> None:
    book = GenderBook(text, ["Kit Marlow", "Robin Vale"])
    assert book.from_article(name) == gender


def test_a_pronoun_after_two_people_tells_nothing() -> None:
    book = GenderBook(
        "Kit Marlow joked that Robin Vale was her driving instructor.",
        [
            "Kit Marlow",
            "Robin Vale",
        ],
    )
    assert book.from_article("Robin Vale") is None
    assert book.from_article("Kit Marlow") is None


def test_without_pronouns_the_pools_record_then_the_given_name_decides() -> None:
    book = GenderBook("Nothing here.", ["Zendaya", "Margaret Quill"], dx.recorded_genders())
    assert book.of("Zendaya") == "f"  # recorded in the actors pool
    assert book.of("Margaret Quill") == "f"  # the given-name dictionary
    assert book.of("Xq Zzyzx") is None


def _gender_book(name: str) -> GenderBook:
    idx = FactIndex(facts(name))
    names = idx.people() + idx.values("character") + idx.values("known_for")
    return GenderBook(article_text(name), names, dx.recorded_genders())


def _person_questions(name: str) -> list[QuestionDraft]:
    drafts = generate_questions(facts(name), seed=0, text=article_text(name))
    return [
        d
        for d in drafts
        if d.kind == "multiple_choice"
        and (
            d.fact.kind in PERSON_FACTS
            or (d.fact.kind == "character" and d.answer == d.fact.subject)
        )
    ]


@pytest.mark.parametrize("name", NAMES)
def test_a_person_answer_is_never_the_only_option_of_its_gender(name: str) -> None:
    book = _gender_book(name)
    bad = []
    for draft in _person_questions(name):
        genders = [book.of(choice.text) for choice in draft.choices]
        answer = book.of(draft.answer)
        if answer is not None and None not in genders and genders.count(answer) == 1:
            bad.append(f"{draft.prompt} {[c.text for c in draft.choices]}")
    assert not bad


def test_the_seed_offers_women_against_hayley_atwell_and_men_for_ethan_hunt() -> None:
    book = _gender_book(SEED_NAME)
    assert book.from_article("Hayley Atwell") == "f"  # "a photo of herself", "her role"
    for draft in _person_questions(SEED_NAME):
        want = book.of(draft.answer)
        assert want is not None
        assert all(book.of(c.text) in (want, None) for c in draft.choices), draft.prompt


# ---- kind and era -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_a_role_is_never_offered_a_film_title_or_a_person(name: str) -> None:
    idx = FactIndex(facts(name))
    not_roles = {match_key(n) for n in idx.people() + idx.titles()} | dx.pooled_titles_and_people()
    bad = [
        f"{d.prompt}: {c.text}"
        for d in generate_questions(facts(name), seed=0, text=article_text(name))
        if d.kind == "multiple_choice"
        and d.fact.kind in {"character", "known_for"}
        and d.answer == d.fact.value
        for c in d.choices
        if not c.correct and match_key(c.text) in not_roles
    ]
    assert not bad


@pytest.mark.parametrize("year", [1931, 1966, 1995, 2021])
def test_pool_names_are_active_near_the_films_year(year: int) -> None:
    sentence = (
        f"Skyline Drift, directed by Ona Pell and starring Kit Marlow, opened on May 2, {year}."
    )
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("director", "Skyline Drift", "Ona Pell", sentence),
        fact("cast", "Skyline Drift", "Kit Marlow", sentence),
        fact("release_date", "Skyline Drift", f"{year}-05-02", sentence),
    ]
    pools = {"director": "directors", "cast": "actors"}
    offered = [
        (pools[d.fact.kind], c.text)
        for seed in range(8)
        for d in generate_questions(facts_, seed=seed)
        if d.kind == "multiple_choice" and d.fact.kind in pools
        for c in d.choices
        if not c.correct
    ]
    assert offered
    entries = {(pool, e.name): e for pool in pools.values() for e in dx.pool_entries(pool)}
    out_of_era = [n for n in offered if n in entries and not entries[n].active_near(year)]
    assert not out_of_era


def test_the_pools_record_active_years_and_gender_for_every_person() -> None:
    for pool in ("actors", "directors"):
        for entry in dx.pool_entries(pool):
            assert entry.gender in {"f", "m"}, entry
            assert entry.active is not None and entry.active[0] is not None, entry
            first, last = entry.active
            assert 1900 < first <= (last or 2100), entry


def test_names_from_other_articles_come_before_the_pools() -> None:
    sentence = "Kit Marlow stars in Skyline Drift."
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("cast", "Skyline Drift", "Kit Marlow", sentence),
    ]
    elsewhere = [dx.PoolEntry(n, "m", (2019, 2019)) for n in ("Ode Farr", "Ib Quist", "Lon Vey")]
    drafts = generate_questions(
        facts_, seed=0, published=date(2020, 1, 1), extra_names={"actors": elsewhere}
    )
    question = next(d for d in drafts if d.kind == "multiple_choice")
    assert {c.text for c in question.choices if not c.correct} == {e.name for e in elsewhere}


def test_names_from_other_articles_outside_the_era_are_left_out() -> None:
    sentence = "Kit Marlow stars in Skyline Drift."
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("cast", "Skyline Drift", "Kit Marlow", sentence),
    ]
    old = [dx.PoolEntry(n, "m", (1940, 1940)) for n in ("Ode Farr", "Ib Quist", "Lon Vey")]
    drafts = generate_questions(
        facts_, seed=0, published=date(2020, 1, 1), extra_names={"actors": old}
    )
    offered = {c.text for d in drafts if d.kind == "multiple_choice" for c in d.choices}
    assert offered and not offered & {e.name for e in old}


@pytest.mark.parametrize(
    ("name", "region"),
    [("Song Kang-ho", "kr"), ("Ranbir Kapoor", "in"), ("Kenji Sato", "jp"), ("Tom Hanks", None)],
)
def test_a_given_name_used_in_one_industry_tells_its_region(name: str, region: str | None) -> None:
    assert name_region(name) == region


def test_an_article_is_placed_in_an_industry_only_by_several_clear_cues() -> None:
    assert article_region("The Telugu star's Sankranti release beat every Hindi film.") == "in"
    assert article_region("The Korean box office: The King's Speech, a British film.") is None


def test_a_studio_name_runs_on() -> None:
    text = 'The drama "Mothers" opens soon. In the film for Sony Pictures Classics, Ana Reis plays.'
    studios = {f.value for f in extract_facts(text) if f.kind == "studio"}
    assert studios == {"Sony Pictures Classics"}


def test_every_pooled_person_records_an_industry() -> None:
    allowed = {"us", "in", "kr", "jp", "cn", "fr", "es", "ng", "eu", "other"}
    for pool in ("actors", "directors"):
        assert all(entry.region in allowed for entry in dx.pool_entries(pool))


@pytest.mark.parametrize(
    ("actor", "region"), [("Song Min-ho", "kr"), ("Ranbir Mehra", "in"), ("Kit Marlow", "us")]
)
def test_pool_names_come_from_the_answers_film_industry(actor: str, region: str) -> None:
    sentence = f"{actor} stars in Skyline Drift, which opened on May 2, 2019."
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("cast", "Skyline Drift", actor, sentence),
        fact("release_date", "Skyline Drift", "2019-05-02", sentence),
    ]
    entries = {e.name: e for e in dx.pool_entries("actors")}
    offered = {
        c.text
        for seed in range(6)
        for d in generate_questions(facts_, seed=seed, text=sentence)
        if d.kind == "multiple_choice" and d.fact.kind == "cast"
        for c in d.choices
        if not c.correct
    }
    assert offered
    assert {entries[n].region for n in offered if n in entries} == {region}


def test_a_roles_wrong_options_are_the_same_films_other_parts_never_a_franchise_icon() -> None:
    sentence = "In Skyline Drift, Kit Marlow plays Jo Reyes and Ana Reis plays Bea Lund."
    other = "In Cold Harbor, Tom Gale plays Abel Crane."
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("cast", "Skyline Drift", "Kit Marlow", sentence),
        fact("character", "Kit Marlow", "Jo Reyes", sentence),
        fact("cast", "Skyline Drift", "Ana Reis", sentence),
        fact("character", "Ana Reis", "Bea Lund", sentence),
        fact("film", "Cold Harbor", "Cold Harbor", other),
        fact("cast", "Cold Harbor", "Tom Gale", other),
        fact("character", "Tom Gale", "Abel Crane", other),
    ]
    pooled = {e.name for e in dx.pool_entries("characters")}
    for seed in range(6):
        for draft in generate_questions(facts_, seed=seed):
            if draft.fact.kind == "character" and draft.kind != "typed":
                wrong = {c.text for c in draft.choices if not c.correct}
                assert not wrong & pooled and "Abel Crane" not in wrong, draft.prompt


@pytest.mark.parametrize(
    ("active", "year", "fits"),
    [((1950, 2017), 2022, False), ((2021, None), 1995, False), ((1990, None), 2022, True)],
)
def test_a_pool_name_fits_a_film_made_while_they_worked(
    active: tuple[int, int | None], year: int, fits: bool
) -> None:
    assert dx.PoolEntry("Kit Marlow", "m", active).active_near(year) is fits


def test_a_year_without_a_tense_is_asked_as_a_year() -> None:
    sentence = "Skyline Drift (2019) stars Kit Marlow."
    facts_ = [
        fact("film", "Skyline Drift", "Skyline Drift", sentence),
        fact("release_date", "Skyline Drift", "2019", sentence),
    ]
    prompts_ = {d.prompt for d in generate_questions(facts_) if d.fact.kind == "release_date"}
    assert prompts_ and all("date" not in p for p in prompts_ if not p.startswith("True"))
