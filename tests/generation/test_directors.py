"""Director constructions that name no title in the clause, or name the director after it."""

from __future__ import annotations

import pytest

from quizapp.generation import extract_facts


def _directors(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.value) for f in extract_facts(text) if f.kind == "director"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harbour Nights (1949) - Walter Brandt directs this taut noir featuring Ruth Keel.",
            ("Harbour Nights", "Walter Brandt"),
        ),
        (
            'Critics loved "Small Fires", a patient family drama set in 1970s Lisbon by '
            "Portugal's Rita Vale.",
            ("Small Fires", "Rita Vale"),
        ),
        (
            'Jon Berg ("Dust") and Kai Olsen ("Salt"), the writers and directors of "Villa Nova", '
            "spoke to us.",
            ("Villa Nova", "Kai Olsen"),
        ),
        (
            "The No. 1 film this weekend is Blue Kite Summer, a Chinese film about a boy. "
            "It is directed by Zhang Wei and stars Li Na.",
            ("Blue Kite Summer", "Zhang Wei"),
        ),
    ],
)
def test_director_constructions(text: str, expected: tuple[str, str]) -> None:
    assert expected in _directors(text)


def test_the_author_of_a_book_is_not_a_films_director() -> None:
    text = '"The Fox Lamp" is an animated film based on the picture book by Ottilie Brand.'
    assert not {d for d in _directors(text) if d[1] == "Ottilie Brand"}


def test_who_replaces_a_director_directs_and_is_not_cast() -> None:
    text = (
        "Studio Nine wasted no time finding a new helmer for its Harbor Lights movie, after "
        "director Ana Reis left the project. Reis has already been replaced by Tom Gale, best "
        "known for the drama Cold Water."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text)}
    assert ("director", "Harbor Lights", "Tom Gale") in facts
    assert not {f for f in facts if f[0] == "cast"}


def test_an_actor_replaced_by_another_is_still_cast() -> None:
    text = 'Ana Reis stars in the film "Harbor Lights". Actor Leo Marr was replaced by Tom Gale.'
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text)}
    assert ("cast", "Harbor Lights", "Tom Gale") in facts
    assert ("director", "Harbor Lights", "Tom Gale") not in facts


def test_a_fellow_director_directs_nothing_here() -> None:
    text = (
        'Ana Reis will direct the film "Harbor Lights". Her partner, fellow director Tom Gale, '
        "shared his own Harbor Lights poster."
    )
    assert ("Harbor Lights", "Tom Gale") not in _directors(text)


def test_who_helms_the_sequel_of_a_film_directs_the_sequel() -> None:
    text = (
        "Studio Nine has tapped Ana Reis to helm the sequel of its 2019 hit Harbor Lights. "
        "Tom Gale directed the first film.\n\nGive us a Harbor Lights 2 trailer already!"
    )
    directors = _directors(text)
    assert ("Harbor Lights 2", "Ana Reis") in directors
    assert ("Harbor Lights", "Ana Reis") not in directors


@pytest.mark.parametrize(
    "phrase",
    [
        "co-directed by three women – Ana Reis, Ida Voss, and Lin Mei",
        "directed by Ana Reis, Ida Voss and Lin Mei",
    ],
)
def test_a_list_of_directors(phrase: str) -> None:
    text = f'The new film "Her Story" opened in China. It is {phrase}.'
    directors = _directors(text)
    assert {("Her Story", n) for n in ("Ana Reis", "Ida Voss", "Lin Mei")} <= directors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Venice line-up announced.\n\nChile's Tomás Echeverría returns to the Lido with "
            '"The Southern Wound", a revenge drama.',
            ("The Southern Wound", "Tomás Echeverría"),
        ),
        (
            'Venice line-up announced.\n\nFrance\'s Claire Aubertin presents "Last Winter", '
            "a drama.",
            ("Last Winter", "Claire Aubertin"),
        ),
        (
            'Orizzonti will open with "Night Ferry", the second feature from Taiwan\'s Anna '
            "Lin, a drama.",
            ("Night Ferry", "Anna Lin"),
        ),
    ],
)
def test_a_lineups_director_idioms(text: str, expected: tuple[str, str]) -> None:
    assert expected in _directors(text)


def test_an_actor_returning_with_a_film_is_not_its_director() -> None:
    text = 'Tom Gale returns with the thriller "Night Ferry", a drama directed by Ana Reis.'
    assert ("Night Ferry", "Tom Gale") not in _directors(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Director Ana Reis's thriller \"Wolf Hill\" moves to October. Reis's previous "
            "picture for the studio, Cold Open, was a 2021 sleeper.",
            ("Cold Open", "Ana Reis"),
        ),
        (
            'Erik Sand directs the sequel "Cold Reckoning 2", taking over from Tom Gale, who '
            "made the 2023 original, Cold Reckoning.",
            ("Cold Reckoning", "Tom Gale"),
        ),
        (
            'The film "Lantern Fox" is co-directed by Ana Reis. Reis previously co-directed the '
            "stop-motion short Hopscotch.",
            ("Hopscotch", "Ana Reis"),
        ),
    ],
)
def test_a_directors_earlier_work_named_as_such(text: str, expected: tuple[str, str]) -> None:
    facts = extract_facts(text)
    assert expected in {
        (f.subject, f.value) for f in facts if f.kind == "director" and not f.unsure
    }


def test_the_director_then_he_is_the_director_just_named() -> None:
    text = (
        'Paramount delayed "Night Harbor 2". Tom Gale, who also produces the sequel, had been '
        "meeting with directors, but he was zeroing in on Leo Marr. While the director was "
        "hesitant about the project, he entered talks to direct."
    )
    assert ("Night Harbor 2", "Tom Gale") not in _directors(text)


def test_who_remade_a_film_directed_the_remake() -> None:
    text = (
        'Akai Shio (Red Tide)\n\nSato Ken\'s 1963 drama "Akai Shio" is restored. In 2004 the '
        'Australian director Rhys Callaghan remade the film in English as "Low Water," with '
        "Kelly Macintyre as the widow."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text)}
    assert ("director", "Low Water", "Rhys Callaghan") in facts
    assert ("director", "Akai Shio", "Rhys Callaghan") not in facts
    assert ("cast", "Akai Shio", "Kelly Macintyre") not in facts


def test_a_film_named_as_later_work_and_an_original_series_director_direct_nothing_here() -> None:
    text = (
        'Reeling Backward: "Harbor Inn" (1939)\n\n"Harbor Inn" is a forgotten film. Ana Reis '
        'and Tom Gale would next go on to star together in "The Bell Tower".\n\nThe film was the '
        "last British production for director Leo Marr.\n\nGhostbusters, from Ida Voss, son of "
        "original series director Ivan Voss, opens March 5, 2021."
    )
    directors = _directors(text)
    assert ("Harbor Inn", "Leo Marr") in directors
    assert ("The Bell Tower", "Leo Marr") not in directors
    assert not {d for d in directors if d[1] == "Ivan Voss"}
