"""Questions on a film's place in its series: earlier installments, sequels, its number.

None is asked when the title already answers it: an installment number the title states
("Mission: Impossible 7"), or a sequel that is the same title with the next number.
"""

from __future__ import annotations

import regex

from quizapp.generation.specs import FactIndex, Spec
from quizapp.generation.types import Fact
from quizapp.text.folding import match_key

ORDINAL_WORDS = {
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
    11: "eleventh",
    12: "twelfth",
}


NUMBERED = regex.compile(r"^(?P<stem>.+?)\s+(?:Part\s+)?(?P<n>\d{1,2}|[IVX]{1,4})$")


def _states_its_number(title: str, number: int) -> bool:
    """ "Mission: Impossible 7" is the seventh installment: asking that gives nothing to play."""
    found = NUMBERED.match(title)
    return found is not None and found.group("n") in {str(number), _roman(number)}


def _roman(number: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out, number = out + numeral, number - value
    return out


def _same_series_by_number(one: str, other: str) -> bool:
    """ "X 7" and "X 8": the sequel's title is the earlier one's with the next number."""
    first, second = NUMBERED.match(one), NUMBERED.match(other)
    stems = [first.group("stem") if first else one, second.group("stem") if second else other]
    return (first is not None or second is not None) and match_key(stems[0]) == match_key(stems[1])


def previous_spec(f: Fact, idx: FactIndex, _: str) -> Spec | None:
    if _same_series_by_number(f.subject, f.value):
        return None
    return Spec(
        f.value,
        "title",
        f"Which of these films came before {f.subject} in its series?",
        f"{{x}} came before {f.subject} in its series.",
        None,
        2,
        candidates=idx.values("sequel"),
        pool="films",
        forbidden=[*idx.values("previous_installment", f.subject), f.subject],
    )


def sequel_spec(f: Fact, idx: FactIndex, _: str) -> Spec | None:
    if _same_series_by_number(f.subject, f.value):
        return None
    return Spec(
        f.value,
        "title",
        f"Which film does the article name as the sequel to {f.subject}?",
        f"{{x}} is the sequel to {f.subject}.",
        f"What is the title of the sequel to {f.subject}?",
        2,
        candidates=idx.values("previous_installment"),
        pool="films",
        forbidden=[*idx.values("sequel", f.subject), f.subject],
    )


def installment_spec(f: Fact, idx: FactIndex, _: str) -> Spec | None:
    if not f.qualifier or not f.qualifier.isdigit() or int(f.qualifier) not in ORDINAL_WORDS:
        return None
    number = int(f.qualifier)
    if _states_its_number(f.subject, number):
        return None
    answer = f"The {ORDINAL_WORDS[number]}"
    wrong = [f"The {ORDINAL_WORDS[n]}" for n in sorted(ORDINAL_WORDS) if n != number]
    return Spec(
        answer,
        "other",
        f"Which installment of its series is {f.subject}?",
        f"{f.subject} is {{x}} installment of its series.",
        None,
        1,
        variants=sorted(wrong, key=lambda w: abs(int(ORDINAL_NUMBERS[w]) - number)),
    )


ORDINAL_NUMBERS = {f"The {word}": n for n, word in ORDINAL_WORDS.items()}
