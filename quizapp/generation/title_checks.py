"""After collection: titles the text shows to be something else, and a title's short forms.

A prize, a festival or an institution named after a run, a plural creature, a work that is not
a film (a novel, a TV series) is dropped; a name followed by a year is a title whatever its
first word; "Ghostbusters" stands for "Ghostbusters: Afterlife", and a headline's "'Jupiter'"
for the body's "Jupiter Ascending".
"""

from __future__ import annotations

from collections import Counter

import regex

from quizapp.generation.lexicon import NON_NAME_WORDS
from quizapp.generation.namebook import NameBook
from quizapp.generation.title_contexts import TITLE, TITLE_NOISE
from quizapp.text.folding import match_key

# What a place, an institution, an event or a creature is called right after its name.
NON_FILM_AFTER = regex.compile(
    r"[”\"’']?(?:\s+(?:School|Academy|University|College|Hospital|Cathedral|Castle|Hall|Street|"
    r"Hotel|Festival|headmaster|Prize|Award)\b|,\s+the\s+(?:[\p{Ll}-]+\s+){0,3}(?:festival|prize|"
    r"award|school|show|series|band|company|studio|network|magazine|newspaper|city|town|village|"
    r"country|island|creatures?|monsters?|novel|book|play|album|song)\b)"
)
# "the 1966 debut novel 'She Let Him Continue'": a work that is not a film. An adaptation may
# share its title, so the title is dropped only when the text never names it otherwise.
NON_FILM_WORK_BEFORE = regex.compile(
    r"\b(?:novel|novella|book|memoir|play|stage\s+musical|song|single|album|comic|graphic\s+novel|"
    r"poem|short\s+story|podcast|(?:TV|television|Netflix|HBO|streaming)\s+(?:series|show)|sitcom|"
    r"miniseries|video\s+game)\s+(?:by\s+[^,.;]{1,40}\s+)?[“\"‘']?$",
    regex.IGNORECASE,
)
PLURAL_NOUN_BEFORE = regex.compile(r"\b(?:more|many|several|these|those|giant|two|three|four)\s+$")


def drop_non_films(book: NameBook) -> None:
    """Titles that the text itself shows to be something else: "the Hogwarts School", "the
    “Mostra”, the prestigious festival", "more Graboids threaten" (a plural common noun)."""
    for key, title in list(book.films.items()):
        for found in regex.finditer(
            rf"(?<![\p{{L}}\d]){regex.escape(title)}(?![\p{{L}}\d])", book.text
        ):
            after = book.text[found.end() : found.end() + 60]
            before = book.text[max(0, found.start() - 12) : found.start()]
            plural = " " not in title and title.endswith("s") and PLURAL_NOUN_BEFORE.search(before)
            if NON_FILM_AFTER.match(after) or plural:
                del book.films[key]
                break
        else:
            mentions = [
                book.text[max(0, found.start() - 40) : found.start()]
                for found in regex.finditer(
                    rf"(?<![\p{{L}}\d]){regex.escape(title)}(?![\p{{L}}\d])", book.text
                )
            ]
            if mentions and all(NON_FILM_WORK_BEFORE.search(before) for before in mentions):
                del book.films[key]


DATED_TITLE = regex.compile(rf"(?P<t>{TITLE})\s+\((?:18|19|20)\d\d\)")


def drop_dated_titles(book: NameBook) -> None:
    """ "Love Affair (1939)": a name followed by a year in parentheses is a title, whatever
    its first word looks like in the given-name dictionary."""
    for match in DATED_TITLE.finditer(book.text):
        title = match.group("t")
        lead = TITLE_NOISE.match(title)
        book.persons.pop(match_key(title[lead.end() :] if lead else title), None)


def index_short_titles(book: NameBook, headline_end: int = 0) -> None:
    """A title before its colon stands for the whole title when the article writes it alone,
    no other film starts with it, and it is not a person or a common word ("Ghostbusters" is
    "Ghostbusters: Afterlife" in an article that names that film)."""
    prefixes: Counter[str] = Counter(
        title.split(":", 1)[0].strip() for title in book.films.values() if ":" in title
    )
    for title in list(book.films.values()):
        short = title.split(":", 1)[0].strip()
        key = match_key(short)
        if (
            ":" not in title
            or prefixes[short] != 1
            or key in book.persons
            or any(word.casefold() in NON_NAME_WORDS for word in short.split())
        ):
            continue
        alone = rf"(?<![\p{{L}}\d]){regex.escape(short)}(?![\p{{L}}\d]|\s*:)"
        if regex.search(alone, book.text):
            book.short_titles[short] = title
            book.films.pop(key, None)  # the short form is this film, not another one
    if headline_end:
        _index_headline_short_forms(book, headline_end)


# What may follow a title to make another film of the same name: "Toy Story 4", "Scream VI",
# "Dune Part Two", "Alien: Romulus" (the colon case is handled above).
INSTALLMENT_TAIL = regex.compile(
    r"^(?:\d+|[IVX]+|(?:Part|Chapter|Vol\.?|Volume|Episode|Returns|Reloaded|Begins)\b)"
)


def continues_as_installment(tail: str) -> bool:
    """What follows a title makes another film of it: " 2", ": Part Two", ": Afterlife"."""
    return tail.startswith(":") or (
        tail[:1].isspace() and bool(INSTALLMENT_TAIL.match(tail.lstrip()))
    )


def _index_headline_short_forms(book: NameBook, headline_end: int) -> None:
    """ "Trouble on 'Jupiter'?" over a body about Jupiter Ascending: a headline shortens the
    title the body gives in full. A title the text names alone only in its headline, and that
    starts exactly one longer title (not a numbered or subtitled installment), is that film."""
    for key, short in list(book.films.items()):
        longer = [
            title
            for title in book.films.values()
            if title.startswith(short + " ") and ":" not in title[: len(short) + 1]
        ]
        if len(longer) != 1 or INSTALLMENT_TAIL.match(longer[0][len(short) + 1 :]):
            continue
        alone = rf"(?<![\p{{L}}\d]){regex.escape(short)}(?!\s+{regex.escape(longer[0][len(short) + 1 :])})(?![\p{{L}}\d])"
        if all(found.start() < headline_end for found in regex.finditer(alone, book.text)):
            book.short_titles[short] = longer[0]
            del book.films[key]
