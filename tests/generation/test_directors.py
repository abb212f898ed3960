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
