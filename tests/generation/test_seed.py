"""The extractor and the question generator on the shipped seed article (Mission: Impossible 7).

The names below are the article's own: what a careful reader finds in it.
"""

from __future__ import annotations

import pytest

from quizapp.generation import Fact, generate_questions
from tests.generation.corpus import SEED_NAME, article_text, facts
from tests.generation.matching import (
    character_value_match,
    film_match,
    normalize,
    person_match,
)

FILM = "Mission: Impossible 7"
CAST = (
    "Tom Cruise",
    "Hayley Atwell",
    "Rebecca Ferguson",
    "Ving Rhames",
    "Simon Pegg",
    "Vanessa Kirby",
    "Angela Bassett",
)
EARLIER_INSTALLMENTS = (
    ("Rogue Nation", "Mission: Impossible – Rogue Nation"),
    ("Fallout", "Mission: Impossible – Fallout"),
)
NAME_KINDS = frozenset(
    {
        "film",
        "director",
        "writer",
        "producer",
        "cast",
        "character",
        "known_for",
        "previous_installment",
        "sequel",
        "filming_location",
        "studio",
    }
)
# The seed's sequel, "Mission: Impossible 8" after "Mission: Impossible 7", and its installment
# number, which its title states, are trivia nobody would keep: they are not asked.
QUESTION_KINDS = (
    "director",
    "release_date",
    "cast",
    "character",
    "joined_cast",
    "previous_installment",
    "delay",
)


@pytest.fixture(scope="module")
def seed_facts() -> list[Fact]:
    return facts(SEED_NAME)


def _of_kind(seed_facts: list[Fact], kind: str) -> list[Fact]:
    return [fact for fact in seed_facts if fact.kind == kind]


def _about_the_film(fact: Fact) -> bool:
    return film_match(fact.subject, FILM)


def test_seed_names_christopher_mcquarrie_as_director(seed_facts: list[Fact]) -> None:
    directors = [f for f in _of_kind(seed_facts, "director") if _about_the_film(f)]
    assert any(person_match(f.value, "Christopher McQuarrie") for f in directors), directors


def test_seed_gives_the_release_date_november_19_2021(seed_facts: list[Fact]) -> None:
    dates = [f for f in _of_kind(seed_facts, "release_date") if _about_the_film(f)]
    assert "2021-11-19" in [f.value for f in dates if not f.hedged], dates


@pytest.mark.parametrize("actor", CAST)
def test_seed_lists_every_cast_member(seed_facts: list[Fact], actor: str) -> None:
    cast = [f for f in _of_kind(seed_facts, "cast") if _about_the_film(f)]
    assert any(person_match(f.value, actor) for f in cast), [f.value for f in cast]


def test_seed_finds_no_cast_member_the_article_does_not_name(seed_facts: list[Fact]) -> None:
    cast = [f.value for f in _of_kind(seed_facts, "cast")]
    strangers = [value for value in cast if not any(person_match(value, a) for a in CAST)]
    assert not strangers


def test_seed_knows_tom_cruise_plays_ethan_hunt(seed_facts: list[Fact]) -> None:
    roles = [f for f in _of_kind(seed_facts, "character") if person_match(f.subject, "Tom Cruise")]
    assert any(character_value_match(f.value, "Ethan Hunt") for f in roles), roles


def test_seed_reads_peggy_carter_as_atwells_earlier_role_not_her_character(
    seed_facts: list[Fact],
) -> None:
    known_for = [
        f for f in _of_kind(seed_facts, "known_for") if person_match(f.subject, "Hayley Atwell")
    ]
    assert any(character_value_match(f.value, "Peggy Carter") for f in known_for), known_for
    characters = [
        f for f in _of_kind(seed_facts, "character") if person_match(f.subject, "Hayley Atwell")
    ]
    assert not characters, "the article says her character is not revealed yet"


def test_seed_dates_atwell_joining_the_cast_to_september_2019(seed_facts: list[Fact]) -> None:
    joined = [
        f for f in _of_kind(seed_facts, "joined_cast") if person_match(f.subject, "Hayley Atwell")
    ]
    assert "2019-09" in [f.value for f in joined], joined


@pytest.mark.parametrize(("short", "full"), EARLIER_INSTALLMENTS)
def test_seed_links_both_earlier_installments(
    seed_facts: list[Fact], short: str, full: str
) -> None:
    earlier = [f for f in _of_kind(seed_facts, "previous_installment") if _about_the_film(f)]
    assert any(film_match(f.value, short) or film_match(f.value, full) for f in earlier), earlier


def test_seed_links_the_sequel_mission_impossible_8(seed_facts: list[Fact]) -> None:
    sequels = [f for f in _of_kind(seed_facts, "sequel") if _about_the_film(f)]
    assert any(film_match(f.value, "Mission: Impossible 8") for f in sequels), sequels


def test_seed_reports_the_delay_its_cause_and_its_length(seed_facts: list[Fact]) -> None:
    delays = {f.qualifier: f for f in _of_kind(seed_facts, "delay")}
    assert "cause" in delays and "length" in delays, delays
    assert "covid 19" in normalize(delays["cause"].value)
    assert "four months" in normalize(delays["length"].value)


def test_seed_places_filming_in_rome_only_as_unconfirmed(seed_facts: list[Fact]) -> None:
    rome = [f for f in _of_kind(seed_facts, "filming_location") if normalize(f.value) == "rome"]
    assert rome, _of_kind(seed_facts, "filming_location")
    assert all(f.hedged for f in rome), "the article says the location is not confirmed"


def test_seed_name_facts_point_at_the_name_in_the_text(seed_facts: list[Fact]) -> None:
    text = article_text(SEED_NAME)
    misplaced = [
        (f.kind, f.value, text[f.start : f.end])
        for f in seed_facts
        if f.kind in NAME_KINDS
        and normalize(text[f.start : f.end])
        not in {normalize(f.value), normalize(f.value.split()[-1])}
    ]
    assert not misplaced


def test_seed_yields_at_least_25_distinct_questions_on_every_kind_of_fact(
    seed_facts: list[Fact],
) -> None:
    questions = generate_questions(seed_facts, seed=0)
    assert len(questions) >= 25
    prompts = [q.prompt for q in questions]
    assert len(set(prompts)) == len(prompts), "a prompt is asked twice"
    asked = {q.fact.kind for q in questions}
    assert not set(QUESTION_KINDS) - asked, f"no question on {set(QUESTION_KINDS) - asked}"


def test_the_seed_asks_no_trivial_series_question(seed_facts: list[Fact]) -> None:
    questions = generate_questions(seed_facts, seed=0)
    trivial = [q.prompt for q in questions if q.fact.kind in {"sequel", "film"}]
    assert trivial == []
