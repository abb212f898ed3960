"""Film titles named in an article, typed by evidence: quotes, a year, a film noun, the layout.

A capitalised run is a title when the text gives a reason (`"Deep Field"`, `Love Affair
(1939)`, `the film X`, `X stars`, `X is a 2018 drama`), and is not one when the text shows it to
be something else: a prize, a festival or an institution named after it, a plural creature, a
collection, an acronym, a possessive owner before it ("Nora Ephron's Sleepless in Seattle").
"""

from __future__ import annotations

import regex

from quizapp.generation.lexicon import AWARDS, NON_NAME_WORDS, gender_of, is_given_name
from quizapp.generation.namebook import NameBook
from quizapp.generation.title_contexts import (
    CONNECTOR,
    FILM_CONTEXTS,
    GENRE_NOUNS,
    GENRE_WORDS,
    LEADING_NOISE,
    MONTH_WORDS,
    NEVER_STARTS_TITLE,
    NOT_A_TITLE,
    NUMBERED_TITLE,
    PLURAL_LIST_MARK,
    QUOTED,
    STUDIO_WORDS,
    TITLE_NOISE,
    TYPING_CONTEXTS,
)
from quizapp.text.dates import find_dates
from quizapp.text.folding import match_key
from quizapp.text.sentences import Sentence

# Small words of other languages that a quoted title leaves in lower case ("Pulang ke Laut",
# "Natsu no Owari ni", "Los Años de Plomo").
FOREIGN_SMALL_WORDS = frozenset(
    """ke di dan yang no ni wa ga wo to en el los las con por sin un una do dos das em il lo gli
    della dei nel im vom zum und oder vor les au aux sur dans sous pour sa ng mga""".split()
)


def _title_case(words: list[str]) -> bool:
    content = [
        w for w in words if not regex.fullmatch(CONNECTOR, w) and w not in FOREIGN_SMALL_WORDS
    ]
    if not content or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    # "'99" in "Summer of '99" counts like a number.
    capitalised = sum(1 for w in content if w[:1].isupper() or w.lstrip("'’")[:1].isdigit())
    return capitalised / len(content) >= 0.75 and len(words) <= 10


NATIONALITY_ADJECTIVE = r"(?:\p{Lu}\p{Ll}+(?:ian|ese|ish|i)|French|Dutch|Czech|Greek|Thai|Swiss)"


def _clean_title(raw: str) -> str:
    title = raw.strip(" ,.;:!?’'\"“”‘")
    title = regex.sub(r"[’']s$", "", title)
    # "The Hollow Hour 2 for Oct. 9": a date after the title is not part of it.
    title = regex.sub(rf"\s+(?:for|on|in|to|from)\s+(?:{MONTH_WORDS})$", "", title)
    # "Winter Quarters and Finnish director ...": the next entry's adjective is not the title's.
    return regex.sub(rf"\s+(?:and|&)\s+{NATIONALITY_ADJECTIVE}$", "", title)


def _add_film(book: NameBook, title: str, *, quoted: bool = False, typed: bool = False) -> None:
    """Register a title, unless it reads as something else. Quotes vouch for a title that
    starts like a sentence ("My Black Mini Dress"); a context only a film fits (`typed`)
    outweighs a first name in the dictionary."""
    title = _without_owner(book, _split_role_in_title(book, _clean_title(title)))
    owned = OWNER.match(title)
    if owned and match_key(owned.group("rest")) in book.persons:
        return  # "Taiwan's Anna Lin": a person with her country, not a title
    key = match_key(title)
    if typed and key in book.persons and key not in book.confirmed:
        del book.persons[key]
    if not key or key in book.persons or len(title) < 2:
        return
    words = title.split()
    if len(words) == 1 and words[0].casefold() in NON_NAME_WORDS | GENRE_WORDS:
        return
    if all(word.casefold() in NON_NAME_WORDS for word in words):  # "The Japanese"
        return
    if words[-1].casefold() in STUDIO_WORDS:
        return
    if find_dates(title) or (words[0].casefold() in NEVER_STARTS_TITLE and not quoted):
        return
    if NOT_A_TITLE.search(title) or match_key(title) in AWARDS:
        return
    if any(match_key(name.split()[-1]) == key for name in book.persons.values()):
        return
    book.films.setdefault(key, title)


OWNER = regex.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>\p{Lu}.*)$")


ROLE_IN_TITLE = regex.compile(
    r"^(?P<left>.+?)\s+in\s+(?P<right>(?:The|A|An)\s.+|(?:[^\s]+\s){0,2}[^\s]+[’']s\s.+)$"
)


def _split_role_in_title(book: NameBook, title: str) -> str:
    """ "She was Kayleigh in Amina Rauf's Tenement (2014)", "Colin Firth in A Quiet
    Inheritance (2019)": a name, then "in" and a title that opens with an article (which a
    title's own "in" never capitalises) or a possessive, is someone in that title."""
    found = ROLE_IN_TITLE.match(title)
    if not found:
        return title
    left = found.group("left")
    if len(left.split()) == 1 or match_key(left) in book.persons:
        return found.group("right")
    return title


def _a_known_surname(book: NameBook, word: str) -> bool:
    """ "Kondapalli's Seetharamapuram Junction": the owner is Harish Kondapalli, named before."""
    key = match_key(word)
    return " " not in key and any(name.split()[-1] == key for name in book.persons if " " in name)


def _without_owner(book: NameBook, title: str) -> str:
    """ "Nora Ephron's Sleepless in Seattle" is Sleepless in Seattle, by its director: a
    person's possessive is never part of the title."""
    found = OWNER.match(title)
    if found and (
        book.person(found.group("owner")) or _a_known_surname(book, found.group("owner"))
    ):
        return found.group("rest")
    # "Studio Brume's Morgane", "Focus Features' Pale Birch": a studio owns, it is not the title.
    if found and any(
        word.casefold().strip(".") in STUDIO_WORDS | {"studio"}
        for word in found.group("owner").split()
    ):
        return found.group("rest")
    return title


# An encyclopedia's lead sentence: "La casa de los ciegos (English: ...) is a 1998 Argentine
# psychological thriller film": whatever its casing, what it defines is a film.
LEAD_DEFINITION = regex.compile(
    r"(?P<t>\p{Lu}[\p{L}\d'’:,&!?.\- ]{0,80}?)(?:\s+\([^()\n]{1,80}\))?\s+(?:is|was)\s+an?\s+"
    rf"(?:(?:18|19|20)\d\d\s+)(?:[\p{{L}}-]+\s+){{0,6}}(?:{GENRE_NOUNS})\b"
)


# A festival line-up's foreign title with its English title in brackets: "presents Le dernier
# hiver de Madeleine (Madeleine's Last Winter)", "Chile's X returns with La herida del sur
# (The Southern Wound)".
ENGLISH_WORD = (
    r"(?:with|and|the|is|are|was|were|has|have|competes|presents|director|filmmaker|star|stars|"
    r"starring|film|feature|drama|comedy|debut|follows|plays|as|in|of|by|for|to|at|on)"
)
GLOSSED_TITLE = regex.compile(
    r"(?:(?<=\b(?:with|presents|present|screens|brings|opens|premieres|unveils|of|is|are|and|to|"
    r"for|in)\s)"
    r"|(?<=[’']s\s)|(?<=[,:]\s))"
    r"(?P<t>\p{Lu}(?![\p{L}-]*[’']s\b)[\p{L}’'-]*"
    rf"(?:\s(?!{ENGLISH_WORD}\b)(?![\p{{L}}-]*[’']s\b)[\p{{L}}’'-]+){{0,6}}?)"
    r"\s+\((?P<en>[^()\n]{3,60})\)"
)


ROLE_HONORIFIC = regex.compile(
    r"^(?:Lt|Dr|Mr|Mrs|Ms|Sgt|Capt|Det|Prof|Sir|Dame|Lady|Lord|Chief|Officer|Agent|Detective|"
    r"Captain|Doctor|Aunt|Uncle|King|Queen|Prince|Princess)\.?$"
)


def _reads_like_a_role(words: list[str]) -> bool:
    if ROLE_HONORIFIC.match(words[0]):
        return True
    connectors = {w for w in words if regex.fullmatch(CONNECTOR, w.casefold())}
    return len(words) <= 3 and not connectors and is_given_name(words[0])


CREDIT_LIST_BEFORE = regex.compile(r"\),\s+(?:and\s+)?$")
CREDIT_LIST_AFTER = regex.compile(r",\s+(?:and\s+)?\p{Lu}[^()\n]{0,40}\(")


def _is_glossed_title(book: NameBook, title: str, gloss: str) -> bool:
    """The bracket holds a title-cased title of two words or more, and what it glosses is not
    a person ("Actor (Credit)") nor a place."""
    words, gloss_words = title.split(), gloss.split()
    if len(gloss_words) < 2 or not _title_case(gloss_words) or gloss_words[0][:1].isdigit():
        return False
    if NOT_A_TITLE.search(title):
        return False
    # A name the text already takes for a person is an actor when the bracket reads like a
    # role ("Ginnifer Goodwin (Lt. Judy Hopps)"), a title when it reads like one ("Ọmọ Olókun
    # (Child of the Sea)").
    person_like = 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
    if (person_like or match_key(title) in book.persons) and _reads_like_a_role(gloss_words):
        return False
    if any(w.casefold() in NON_NAME_WORDS for w in words[:1]) or match_key(gloss) in book.persons:
        return False
    has_small_words = any(w[:1].islower() for w in words[1:])
    return has_small_words or gender_of(words[0]) == "unknown"


NICKNAME = regex.compile(r"\p{Lu}\p{Ll}+\s$")
NICKNAME_AFTER = regex.compile(r"\s\p{Lu}\p{Ll}+")


def collect_films(book: NameBook, sentence: Sentence, *, headline: bool = False) -> None:
    text = book.text
    lead = LEAD_DEFINITION.match(text, sentence.start, sentence.end)
    if lead and sentence.index <= 2:
        _add_film(book, lead.group("t"), quoted=True, typed=True)
    for match in QUOTED.finditer(text, sentence.start, sentence.end):
        inner = next(g for g in match.groups() if g is not None)
        if NICKNAME.search(
            text, max(0, match.start() - 30), match.start()
        ) and NICKNAME_AFTER.match(text, match.end()):
            continue  # 'safecracker Julio "Dice" Benitez': a nickname inside a name
        words = inner.split()
        if not words:
            continue
        title_like = _title_case(words) or (headline and words[0][:1].isupper())
        if title_like and not inner.rstrip().endswith(("!", "?")) and len(words) <= 8:
            # A headline quotes titles, never people: "'Red Meridian' and 'Dust Angels' move".
            if headline or match_key(inner) not in book.persons:
                _add_film(book, inner, quoted=True, typed=headline)
    for match in GLOSSED_TITLE.finditer(text, sentence.start, sentence.end):
        title, gloss = match.group("t"), match.group("en")
        in_a_list = CREDIT_LIST_BEFORE.search(text, max(0, match.start() - 4), match.start()) or (
            CREDIT_LIST_AFTER.match(text, match.end())
        )
        if in_a_list:
            continue  # "Jason Bateman (Horrible Bosses), Ginnifer Goodwin (Once Upon A Time)"
        if _is_glossed_title(book, title, gloss):
            # Stronger than "with X" or a first name's look: "with Ọmọ Olókun (Child of the Sea)".
            book.persons.pop(match_key(title), None)
            book.confirmed.discard(match_key(title))
            _add_film(book, title, quoted=True, typed=True)
    for pattern in FILM_CONTEXTS:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            title = match.group("t")
            lead = TITLE_NOISE.match(title)
            if lead:
                title = title[lead.end() :]
            parts = [title]
            if pattern.pattern.startswith(PLURAL_LIST_MARK):
                parts = regex.split(r",\s+(?:and\s+)?|\s+and\s+", title)
            typed = pattern in TYPING_CONTEXTS
            for part in parts:
                if part and (typed or match_key(part) not in book.persons):
                    _add_film(book, part, typed=typed)
    for match in NUMBERED_TITLE.finditer(text, sentence.start, sentence.end):
        title = match.group("t")
        lead = TITLE_NOISE.match(title) or LEADING_NOISE.match(title)
        if lead and not title.startswith(("The ", "A ")):
            title = title[lead.end() :]
        if len(title.split()) >= 2 and match_key(title) not in book.persons:
            _add_film(book, title)
