"""Hypothesis strategies for valid question records full of GIFT's special characters."""

from __future__ import annotations

from hypothesis import strategies as st

from quizapp.interchange import QuestionRecord

SPECIALS = "~=#{}:\\/%->$[]_\n\t "
ALPHABET = st.one_of(
    st.sampled_from(SPECIALS),
    st.sampled_from("abcXYZ019éèñüçßøÅ漢字"),
    st.characters(categories=("L", "N", "P", "S")),
)


def texts(max_size: int = 20) -> st.SearchStrategy[str]:
    """Text a record can hold: not empty, no surrounding whitespace, no carriage return."""
    return st.text(ALPHABET, min_size=1, max_size=max_size).map(str.strip).filter(bool)


def _distinct(values: list[str]) -> bool:
    keys = [value.casefold() for value in values]
    return len(set(keys)) == len(keys)


@st.composite
def records(draw: st.DrawFn) -> QuestionRecord:
    kind = draw(st.sampled_from(["multiple_choice", "true_false", "typed"]))
    accepted: tuple[str, ...] = ()
    if kind == "multiple_choice":
        options = draw(st.lists(texts(), min_size=2, max_size=6).filter(_distinct))
        right = draw(st.integers(0, len(options) - 1))
        choices = tuple((option, index == right) for index, option in enumerate(options))
    elif kind == "true_false":
        truth = draw(st.booleans())
        choices = (("True", truth), ("False", not truth))
    else:
        # GIFT reads `{=a->b}` as a matching question: no way to write such an answer.
        accepted = tuple(draw(st.lists(texts().filter(lambda t: "->" not in t), min_size=1)))
        choices = ((accepted[0], True),)
    return QuestionRecord(
        kind=kind,
        prompt=draw(texts(40)),
        choices=choices,
        accepted_answers=accepted,
        explanation=draw(st.one_of(st.just(""), texts(40))),
        title=draw(st.one_of(st.none(), texts())),
        category=draw(st.one_of(st.none(), st.sampled_from(["Films", "Films/Sequels", "Ciné"]))),
        difficulty=draw(st.integers(1, 3)),
    )
