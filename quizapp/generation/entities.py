"""People and film titles named in an article: where each is mentioned and what it is called."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from quizapp.generation.credits import Credit
from quizapp.generation.lexicon import (
    DIRECTOR_NOUNS,
    HONORIFICS,
    NON_NAME_WORDS,
    NOT_PERSON_WORDS,
    ROLE_NOUNS,
    is_given_name,
)
from quizapp.generation.namebook import Mention, NameBook
from quizapp.generation.title_checks import drop_dated_titles, drop_non_films, index_short_titles
from quizapp.generation.title_contexts import LEADING_NOISE, QUOTED
from quizapp.generation.titles import collect_films
from quizapp.text.folding import match_key
from quizapp.text.sentences import Sentence

NAME_WORD = r"(?:\p{Lu}\.(?:\s?\p{Lu}\.)*|\p{Lu}[\p{Ll}\p{Lu}'’]*\p{Ll}(?:-\p{Lu}?[\p{Ll}']+)*|\p{Lu}\p{Ll}?)"
PARTICLE = r"(?:de|du|del|della|der|van|von|da|di|le|la|bin|al|dos|das|ter|ten)"
SUFFIX = r"(?:,?\s(?:Jr|Sr)\.?|\s(?:II|III|IV))"
CAP_RUN = regex.compile(
    rf"(?<![\p{{L}}\d'’-]){NAME_WORD}(?:\s(?:{PARTICLE}\s)?{NAME_WORD})*{SUFFIX}?(?![\p{{L}}\d])"
)


def _person_candidate(
    text: str, start: int, end: int, sentence_start: int
) -> tuple[int, str] | None:
    """Trim a capitalised run to the person name it may be, or None."""
    run = text[start:end]
    lead = LEADING_NOISE.match(run)
    if lead:
        start += lead.end()
        run = run[lead.end() :]
    owner = OWNER_PREFIX.match(run)
    rest = run[owner.end() :].split() if owner else []
    if owner and (
        not is_given_name(owner.group("owner")) or (len(rest) >= 2 and is_given_name(rest[0]))
    ):
        # "Italy's Emanuele Crialese", "Minari's Lee Isaac Chung", "France's Claire Aubertin":
        # the owner is a place or a work; the person follows it.
        start += owner.end()
        run = run[owner.end() :]
    run = strip_possessive(run)
    words = run.split()
    if len(words) < 2 or len(words) > 4:
        return None
    if any(w.casefold().strip(".,") in NOT_PERSON_WORDS for w in words):
        return None
    first = words[0]
    at_sentence_start = start == sentence_start
    if first.casefold() in HONORIFICS:
        return None
    if not is_given_name(first) and not (
        not at_sentence_start and first.casefold() in {"will", "may"}
    ):
        return None
    if words[-1].casefold() in NON_NAME_WORDS:
        return None
    return start, run


OWNER_PREFIX = regex.compile(r"(?P<owner>[\p{L}-]+)[’']s\s+(?=\p{Lu})")


def strip_possessive(run: str) -> str:
    """'J.D. Salinger’s The Catcher' → 'J.D. Salinger'; 'Mangold-directed' → 'Mangold'."""
    possessive = regex.search(r"[’']s(?=\s|$)", run)
    if possessive:
        run = run[: possessive.start()]
    return regex.sub(
        r"-(?:directed|helmed|led|starring|starrer|produced|penned|written|fronted)\b.*$", "", run
    )


def is_headline(sentence: Sentence) -> bool:
    """The article's first line, without a full stop, in title case or in sentence case
    ("Belle-Île film festival: Senegalese director wins top prize for 'Les Eaux mortes'"):
    names in it are confirmed by the body. (A later title-cased line is a heading or a
    credits line, "Starring A, B".)"""
    if sentence.index != 0:
        return False
    words = [w for w in sentence.text.split() if w[:1].isalpha()]
    if sentence.text.rstrip().endswith((".", "!", "”", '"')) or not 3 <= len(words) <= 30:
        return False
    return "\n" not in sentence.text.strip()  # a hard-wrapped sentence is no line of its own


def build_name_book(text: str, sentences: list[Sentence]) -> NameBook:
    """Find the people (by their first names and roles) and the films (by quotes and context)."""
    book = NameBook(text)
    for sentence in sentences:
        if is_headline(sentence):
            continue
        for match in CAP_RUN.finditer(text, sentence.start, sentence.end):
            found = _person_candidate(text, *match.span(), sentence.start)
            if found:
                _, name = found
                book.persons.setdefault(match_key(name), name)
    _add_context_persons(book, sentences)
    _add_recurring_surnames(book, sentences)
    _complete_name_lists(book, sentences)
    _drop_quoted_only(book)
    drop_dated_titles(book)
    headlines = [s for s in sentences if is_headline(s)]
    for sentence in [s for s in sentences if s not in headlines] + headlines:
        collect_films(book, sentence, headline=sentence in headlines)
    drop_non_films(book)
    index_short_titles(book, headlines[0].end if headlines else 0)
    for key in list(book.persons):
        if key in book.films:
            del book.persons[key]
    _index_surnames(book)
    return book


CONTEXT_PERSON = regex.compile(
    rf"\b(?i:{ROLE_NOUNS}|{DIRECTOR_NOUNS}|directed\s+by|starring|stars|with)\s+(?P<n>{NAME_WORD}(?:\s{NAME_WORD}){{1,2}})"
    rf"|(?P<n2>{NAME_WORD}(?:\s{NAME_WORD}){{1,2}})\s+(?:\((?:as\s)?[^)]{{1,60}}\)\s+)?"
    r"(?:(?:returns|is\s+back|is\s+also\s+back|plays|will\s+play|stars|voices|reprises\s+\w+\s+role|"
    r"has\s+(?:also\s+)?joined\s+the\s+cast)\s+)?as\s+\p{Lu}"
    rf"|(?P<n4>{NAME_WORD}\s{NAME_WORD})(?:,[^,]{{1,60}},)?\s+(?:(?:will|is\s+set\s+to|has\s+signed\s+on\s+to|"
    r"is\s+to)\s+(?:direct|helm|star|play|voice)\b|(?:has\s+been|was|is\s+being)\s+"
    r"(?:cast|tapped|hired|chosen|picked)\s+(?:as|to|for|in)\b)"
    rf"|(?P<n5>{NAME_WORD}\s{NAME_WORD})\s+(?:directed|helmed)\s+[“\"‘']?\p{{Lu}}"
    # "Nnamdi Achebe-Ross, who plays the Methodist preacher Lowen Hocking".
    rf"|(?P<n6>{NAME_WORD}\s{NAME_WORD}),\s+who\s+(?:plays|played|portrays|voices|stars\s+as)\s"
    # "Ciarán Hinds turns up as the magistrate".
    rf"|(?P<n7>{NAME_WORD}\s{NAME_WORD})\s+(?:turns\s+up|shows\s+up|appears|co-stars)\s+as\s"
    # "Kate (Mary Keller)"; not "in Talvilinna (Winter Castle)", a title and its gloss.
    rf"|(?<!\b(?:in|for|to)\s)\p{{Lu}}[\p{{L}}.]*\s+\((?!The\s|A\s)(?P<n3>{NAME_WORD}\s{NAME_WORD})\)"
    r"(?!,?\s+(?:and\s+)?\p{Lu}[\p{L}.]*\s+\p{Lu}\p{L}*\s+\()"
)


# "Holt says", "Holt's first feature", "Holt is married to": a surname that acts.
SURNAME_ACTS = (
    r"(?:[’']s\s|\s+(?:says|said|is|was|has|had|plays|played|stars|starred|told|tells|adds|added|"
    r"explains|recalls|remembers|learned|learnt|admits|admitted|who|would|will)\b)"
)


def _add_recurring_surnames(book: NameBook, sentences: list[Sentence]) -> None:
    """ "When Mereana Holt walked the red carpet ... Holt says ...": a name the dictionary
    lacks is a person's when its last word comes back alone, twice or more, as the one who
    speaks, acts or owns."""
    for sentence in sentences:
        if is_headline(sentence):
            continue
        for match in CAP_RUN.finditer(book.text, sentence.start, sentence.end):
            words = strip_possessive(match.group()).split()
            while words and words[0].casefold() in NON_NAME_WORDS:
                words = words[1:]  # "When Mereana Holt walked"
            name = " ".join(words)
            if len(words) not in (2, 3) or match_key(name) in book.persons:
                continue
            if any(w.casefold() in NON_NAME_WORDS | NOT_PERSON_WORDS for w in words):
                continue
            alone = regex.compile(
                rf"(?<!{regex.escape(words[-2])}\s)(?<![\p{{L}}\d])"
                rf"{regex.escape(words[-1])}{SURNAME_ACTS}"
            )
            if len(alone.findall(book.text)) >= 2:
                book.persons.setdefault(match_key(name), name)


FOREIGN_ARTICLES = frozenset("la le les el los las il lo gli die der das des du".split())


def _add_context_persons(book: NameBook, sentences: list[Sentence]) -> None:
    """People whose first name the dictionary lacks but whose role the sentence gives."""
    for sentence in sentences:
        for match in CONTEXT_PERSON.finditer(book.text, sentence.start, sentence.end):
            if match.group("n3"):
                name = match.group("n3")
                if is_headline(sentence):
                    continue  # "Akai Shio (Red Tide)": a headline's title and its gloss
                if any(w.casefold() in NOT_PERSON_WORDS for w in name.split()):
                    continue
                book.persons.setdefault(match_key(name), name)
                book.confirmed.add(match_key(name))
                continue
            group = next(g for g in ("n", "n2", "n4", "n5", "n6", "n7") if match.group(g))
            name = match.group(group)
            if group in ("n6", "n7"):
                name = LEADING_NOISE.sub("", name)  # "Joining Hawke, who plays ..."
            name = strip_possessive(name)
            words = name.split()
            if len(words) < 2:
                continue
            # A surname may be a common word ("Andra Day", "Noel Black"); a first name may not,
            # nor a foreign article ("with La Dernière Marée").
            if words[0].casefold() in NON_NAME_WORDS | FOREIGN_ARTICLES or any(
                w.casefold() in NOT_PERSON_WORDS for w in words[:-1]
            ):
                continue
            book.persons.setdefault(match_key(name), name)
            book.confirmed.add(match_key(name))


# An item of one word is a mononym ("Zendaya") when enough of its neighbours are known people.
NAME_LIST_ITEM = rf"{NAME_WORD}(?:\s{NAME_WORD}){{0,2}}"
NAME_LIST = regex.compile(
    rf"{NAME_LIST_ITEM}(?:\s+\([^)]{{1,60}}\))?(?:(?:,\s+(?:and\s+)?|\s+and\s+){NAME_LIST_ITEM}"
    r"(?:\s+\([^)]{1,60}\))?){2,}"
)


PLAYED_BY_PAIR = regex.compile(
    rf"\b(?:played|portrayed|voiced|starring|stars)\s+(?:by\s+)?"
    rf"(?P<a>{NAME_WORD}(?:\s{NAME_WORD}){{1,2}})\s+and\s+(?P<b>{NAME_WORD}(?:\s{NAME_WORD}){{1,2}})"
)


def _complete_name_lists(book: NameBook, sentences: list[Sentence]) -> None:
    """In a list of three or more names, most of them people, the others are people too; so is
    the other of two actors named together ("played by Anya Rao and Vik Sen")."""
    for match in PLAYED_BY_PAIR.finditer(book.text):
        pair = [match.group("a"), match.group("b")]
        if any(match_key(name) in book.persons for name in pair):
            for name in pair:
                if not any(w.casefold() in NON_NAME_WORDS | NOT_PERSON_WORDS for w in name.split()):
                    book.persons.setdefault(match_key(name), name)
                    book.confirmed.add(match_key(name))
    for sentence in sentences:
        for match in NAME_LIST.finditer(book.text, sentence.start, sentence.end):
            items = [
                m.group()
                for m in regex.finditer(NAME_LIST_ITEM, regex.sub(r"\([^)]*\)", "", match.group()))
            ]
            items = [LEADING_NOISE.sub("", item) for item in items]
            known = [item for item in items if match_key(item) in book.persons]
            if len(known) * 2 < len(items) or len(known) < 2:
                continue
            for item in items:
                words = item.split()
                if any(w.casefold() in NON_NAME_WORDS | NOT_PERSON_WORDS for w in words):
                    continue
                if len(words) >= 2 or (len(known) >= 3 and _may_be_mononym(book, item)):
                    book.persons.setdefault(match_key(item), item)
                    book.confirmed.add(match_key(item))


def _may_be_mononym(book: NameBook, word: str) -> bool:
    """ "James Corden, Zendaya and Danny DeVito": a lone capitalised word among people, not an
    acronym, a known title or a word the text also writes in lower case."""
    if len(word) < 3 or word.isupper() or match_key(word) in book.films:
        return False
    return not regex.search(
        rf"(?<![\p{{L}}]){regex.escape(word.casefold())}(?![\p{{L}}])", book.text
    )


def _drop_quoted_only(book: NameBook) -> None:
    """A "name" the article only ever writes inside quotes is (part of) a title ("Deep Field",
    "The Long Shore"), not a person whose first name happens to be in the dictionary."""
    quoted = [match.span() for match in QUOTED.finditer(book.text)]
    # A headline may leave a title unquoted ("Akai Shio (Red Tide)"): the body decides.
    first_line = book.text.find("\n")
    for key, name in list(book.persons.items()):
        spots = [m.span() for m in regex.finditer(regex.escape(name), book.text)]
        body = [spot for spot in spots if spot[0] > first_line >= 0] or spots
        if body and all(any(a < start and end < b for a, b in quoted) for start, end in body):
            del book.persons[key]


def add_known_names(book: NameBook, credits: Iterable[Credit], sections: Iterable[str]) -> None:
    """Names the layout vouches for: a credits block's people are persons, and the titles of
    headings and list entries are films."""
    for credit in credits:
        if credit.kind in {"director", "writer", "cast"}:
            book.persons.setdefault(match_key(credit.value), credit.value)
    for title in sections:
        book.persons.pop(match_key(title), None)
        book.films.setdefault(match_key(title), title)
    book.surnames.clear()
    _index_surnames(book)


def _index_surnames(book: NameBook) -> None:
    seen: Counter[str] = Counter()
    for name in book.persons.values():
        words = regex.sub(SUFFIX, "", name).split()
        seen[match_key(words[-1])] += 1
    for name in book.persons.values():
        words = regex.sub(SUFFIX, "", name).split()
        last = match_key(words[-1])
        if seen[last] == 1 and last not in book.films:
            book.surnames[last] = name


__all__ = ["Mention", "NameBook", "add_known_names", "build_name_book", "is_headline"]
