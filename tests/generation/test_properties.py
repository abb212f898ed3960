"""Properties of the extractor and the generator on text nobody wrote by hand.

- extract_facts() either returns facts or raises NotAFilmArticle, whatever the text;
- on generated film articles (director, cast with roles, release date, in any order),
  generate_questions() never offers the answer among the wrong options, nor a choice twice.
"""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.generation import NotAFilmArticle, extract_facts, generate_questions
from tests.generation.matching import strip_accents

FIRST_NAMES = (
    "Anna", "Maria", "David", "James", "Laura", "Peter", "Sofia", "Daniel", "Emma", "Lucas",
    "Nadia", "Oscar", "Helen", "Victor", "Clara", "Hugo", "Ving", "Priya", "Kwame", "José",
)  # fmt: skip
SURNAMES = (
    "Berg", "Lindqvist", "Okafor", "Castellanos", "Marsh", "Ruiz", "Holt", "Varga", "Kessler",
    "Moreau", "Tanaka", "Novak", "Dubois", "Whitfield", "Ashdown", "Carver", "O'Hara",
    "Delacroix-Hale", "Pryce Jr.", "Nwosu",
)  # fmt: skip
TITLE_WORDS = (
    "Night", "Harbor", "Glass", "Tower", "Silent", "River", "Iron", "Crown", "Winter", "Shadow",
    "Ember", "Falcon", "Orchard", "Protocol", "Tide", "Lantern",
)  # fmt: skip
FILM_WORDS = (
    "The", "film", "movie", "directed", "director", "by", "stars", "starring", "as", "and",
    "will", "be", "released", "on", "in", "theaters", "sequel", "to", "the", "cast", "joins",
    "reportedly", "in talks", "has not been confirmed", "Mission:", "Impossible", "7", "8",
    "Tom", "Cruise", "Hayley", "Atwell", "Ethan", "Hunt", "J.T.", "Jr.", "November", "19,",
    "2021", "Sept.", "2019", "(2016)", "Rome", "COVID-19", "four months", "Part", "II",
)  # fmt: skip
PUNCTUATION = (
    ",", ".", ";", ":", "(", ")", "“", "”", '"', "'", "’", "—", " - ", "!", "?", "\n", "\n\n",
)  # fmt: skip

FILM_PHRASES = (
    "“Night Harbor 2”", "Mission: Impossible 7", "Glass Tower – The Final Floor Part One",
    "directed by", "will direct", "will be released on November 19, 2021", "stars", "as",
    "the sequel to", "joined the cast in September 2019", "known for her role as",
    "is reportedly in talks to join", "was delayed due to COVID-19", "moving it back four months",
    "while shooting in Rome", "(2016)", "the third installment", "Rogue Nation and Fallout",
    "returns as", "reprises his role as", "from a screenplay by", "voices",
)  # fmt: skip

film_like_text = st.lists(
    st.one_of(
        st.sampled_from(FILM_PHRASES),
        st.sampled_from(FILM_WORDS),
        st.sampled_from(FIRST_NAMES),
        st.sampled_from(SURNAMES),
        st.sampled_from(PUNCTUATION),
        st.text(max_size=4),
    ),
    min_size=8,
    max_size=80,
).map(" ".join)


def extract_or_refuse(text: str) -> None:
    with contextlib.suppress(NotAFilmArticle):
        extract_facts(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_extract_facts_only_ever_refuses_arbitrary_text_with_not_a_film_article(text: str) -> None:
    extract_or_refuse(text)


@settings(max_examples=200, deadline=None)
@given(film_like_text)
def test_extract_facts_only_ever_refuses_film_like_text_with_not_a_film_article(text: str) -> None:
    extract_or_refuse(text)


@st.composite
def film_articles(draw: st.DrawFn) -> str:
    """A short article from templates: "X directed Y.", "The film stars A as B and C as D.",
    "Y will be released on <date>.", in any order."""
    people = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES)).map(" ".join),
            min_size=9,
            max_size=9,
            unique_by=lambda name: name.split()[-1],
        )
    )
    director, actors, roles = people[0], people[1:5], people[5:9]
    words = draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=3, unique=True))
    number = draw(st.sampled_from(["", " 2", " 3"]))
    title = draw(st.sampled_from(["", "The "])) + " ".join(words) + number
    release = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
    pairs = [f"{actor} as {role}" for actor, role in zip(actors, roles, strict=True)]
    count = draw(st.integers(min_value=2, max_value=4))
    stars = ", ".join(pairs[: count - 1]) + f" and {pairs[count - 1]}"
    sentences = [
        f"{director} directed {title}.",
        f"The film stars {stars}.",
        f"{title} will be released on {release:%B} {release.day}, {release.year}.",
    ]
    return " ".join(draw(st.permutations(sentences)))


def fold(text: str) -> str:
    return " ".join(strip_accents(text).casefold().split())


@settings(max_examples=100, deadline=None)
@given(film_articles(), st.integers(min_value=0, max_value=2**32))
def test_generated_questions_never_offer_the_answer_as_wrong_or_a_choice_twice(
    article: str, seed: int
) -> None:
    for question in generate_questions(extract_facts(article), seed=seed):
        answer = fold(question.answer)
        wrong = [fold(c.text) for c in question.choices if not c.correct]
        assert answer not in wrong, question
        texts = [fold(c.text) for c in question.choices]
        assert len(set(texts)) == len(texts), question
