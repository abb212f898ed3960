"""The quality gate: may a generated question be published without an author's look?

It passes when its answer stands word for word in the article, its options are all of the
answer's kind (all dates, all names; no film title among people or roles), no two options are
the same, no wrong option is true by the article's own facts, the prompt does not give the
answer away, a person's answer is not the only option of its gender, the article states the
premise (that an actor returns, that films come in an order), and the fact is not hedged.
Each failed check is one note the author reads.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from quizapp.authoring.options import option_notes, premise_notes
from quizapp.kinds import kind_of
from quizapp.models import Article, Fact, Question
from quizapp.text.dates import find_dates
from quizapp.text.folding import fold, match_key

ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
}  # fmt: skip


@lru_cache(maxsize=1024)
def shape(text: str) -> str:
    """What kind of thing an option is: a date, a number (or an ordinal), or words.

    Names and titles are both "words": "Fallout" and "Mission: Impossible 8" are both titles.
    """
    stripped = text.strip()
    dates = find_dates(stripped)
    if len(dates) == 1 and dates[0].end - dates[0].start >= len(stripped) - 1:
        return "date"
    words = stripped.casefold().split()
    if regex.fullmatch(r"[\d.,:\s]+(?:minutes?|mins?|hours?|h|m)?", stripped.casefold()) or (
        words and words[-1] in ORDINALS
    ):
        return "number"
    return "words"


@lru_cache(maxsize=16)
def _folded(text: str) -> str:
    return fold(text).casefold()


def _appears(needle: str, haystack: str) -> bool:
    return bool(needle.strip()) and _folded(needle) in _folded(haystack)


def check_question(question: Question, facts: list[Fact], article_text: str) -> list[str]:
    """The reasons this question needs an author's look; none means it passed the gate."""
    notes: list[str] = []
    fact = question.fact
    if fact is not None and fact.hedged:
        notes.append("The article only hedges this fact.")
    if fact is not None and fact.status != "active":
        notes.append("The fact behind it was dropped.")
    correct = next((c for c in question.choices if c.is_correct), None)
    if correct is None:
        return [*notes, "It has no correct answer."]
    kind = kind_of(question.kind)
    # A true/false question's answer is a verdict; what must stand in the article is the value.
    answer = fact.value if kind.answers_with_truth and fact is not None else correct.text
    if fact is not None and fact.kind.endswith("date"):
        # Dates are asked in one spelling; the article may use another for the same day.
        span = article_text[fact.start : fact.end]
        answer_found = any(found.iso == fact.value for found in find_dates(span))
    else:
        answer_found = _appears(answer, article_text)
    if not kind.answers_with_truth and not answer_found:
        notes.append(f"The answer “{answer}” is not word for word in the article.")
    if kind.has_distractors:
        wanted = shape(correct.text)
        odd = [c.text for c in question.choices if shape(c.text) != wanted]
        if odd:
            notes.append(f"Options not of the answer's kind ({wanted}): {', '.join(odd)}.")
    if fact is None:
        return notes
    notes += _true_wrong_options(question, fact, facts, correct.text)
    if not kind.answers_with_truth and _gives_away(question.prompt, correct.text, fact):
        notes.append(f"The prompt gives the answer away: “{correct.text}” is in it.")
    texts = [c.text for c in question.choices]
    if kind.has_distractors:
        notes += option_notes(texts, correct.text, fact, facts, article_text)
    notes += premise_notes(question.prompt, fact, article_text)
    return notes


def _true_wrong_options(
    question: Question, fact: Fact, facts: list[Fact], answer: str
) -> list[str]:
    """Wrong options the article's other facts make true: values of the same kind and subject,
    or, for "Who plays <role>?", other actors of that role. A true/false statement marked false
    is checked for a true value in it."""
    active = [f for f in facts if f.status == "active" and f.id != fact.id and f.kind == fact.kind]
    asks_subject = match_key(answer) == match_key(fact.subject) != match_key(fact.value)
    true_values = {
        _folded(f.subject if asks_subject else f.value)
        for f in active
        if (f.value if asks_subject else f.subject)
        == (fact.value if asks_subject else fact.subject)
    }
    kind = kind_of(question.kind)
    if kind.answers_with_truth:
        if answer != "False":
            return []
        shown = f" {match_key(question.prompt)} "
        clashing = [v for v in true_values if f" {match_key(v)} " in shown]
        if clashing:
            return [
                f"It is marked false, but the article says this is true: {', '.join(clashing)}."
            ]
        return []
    wrong = [c.text for c in question.choices if not c.is_correct]
    clashing = [text for text in wrong if _folded(text) in true_values]
    if kind.has_distractors and clashing:
        return [f"Wrong options that the article says are true: {', '.join(clashing)}."]
    return []


def _gives_away(prompt: str, answer: str, fact: Fact) -> bool:
    """The answer (or, for a person, their surname) stands in the prompt."""
    shown = f" {match_key(prompt)} "
    key = match_key(answer)
    forms = {key}
    if fact.kind in {"cast", "director", "writer", "producer"} and len(key.split()) > 1:
        forms.add(key.split()[-1])
    return any(form and f" {form} " in shown for form in forms)


def apply_gate(article: Article) -> None:
    """Mark each generated question of the article as passed, or with what needs a look."""
    for question in article.questions:
        if question.origin == "generated":
            notes = check_question(question, article.facts, article.text)
            question.gate_passed, question.gate_notes = not notes, notes
