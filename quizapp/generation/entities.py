"""People and film titles named in an article: where each is mentioned and what it is called."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from quizapp.generation.credits import Credit
from quizapp.generation.lexicon import (
    AWARDS,
    DIRECTOR_NOUNS,
    HONORIFICS,
    NON_NAME_WORDS,
    NOT_PERSON_WORDS,
    ROLE_NOUNS,
    is_given_name,
)
from quizapp.text.dates import MONTHS, find_dates
from quizapp.text.folding import match_key
from quizapp.text.sentences import Sentence

NAME_WORD = r"(?:\p{Lu}\.(?:\s?\p{Lu}\.)*|\p{Lu}[\p{Ll}\p{Lu}'’]*\p{Ll}(?:-\p{Lu}?[\p{Ll}']+)*|\p{Lu}\p{Ll}?)"
PARTICLE = r"(?:de|du|del|della|der|van|von|da|di|le|la|bin|al|dos|das|ter|ten)"
SUFFIX = r"(?:,?\s(?:Jr|Sr)\.?|\s(?:II|III|IV))"
CAP_RUN = regex.compile(
    rf"(?<![\p{{L}}\d'’-]){NAME_WORD}(?:\s(?:{PARTICLE}\s)?{NAME_WORD})*{SUFFIX}?(?![\p{{L}}\d])"
)

CONNECTOR = r"(?:of|the|a|an|in|on|for|and|to|at|from|with|by|or|vs\.?|de|la|le|du)"
TITLE_WORD = r"(?:\p{Lu}[\p{L}\d'’&.-]*[\p{L}\d]|\p{Lu}|\d+|[IVX]+)"
TITLE = (
    rf"{TITLE_WORD}(?:\s(?:{CONNECTOR}\s)*{TITLE_WORD})*"
    rf"(?::\s{TITLE_WORD}(?:\s(?:{CONNECTOR}\s)*{TITLE_WORD})*)?"
)
QUOTED = regex.compile(
    r"(?:“([^”\n]{2,90}?)[,.]?”|\"([^\"\n]{2,90}?)[,.]?\"|(?<![\p{L}\d])[‘']([^’'\n]{2,80}?)[,.]?[’'](?![\p{L}\d]))"
)
FILM_NOUNS = (
    r"film|movie|sequel|prequel|follow-up|installment|instalment|remake|reboot|adaptation|"
    r"biopic|thriller|comedy|drama|epic|feature|picture|blockbuster|musical|flick|project|"
    r"documentary|horror|western|romance|tentpole|franchise|chapter|spinoff|spin-off|"
    r"title|version|classic|release|entry"
)
# What a film is called in a definition: "X is a 2018 American science fiction comedy".
GENRE_NOUNS = (
    r"film|movie|drama|comedy|thriller|documentary|horror|western|romance|musical|biopic|"
    r"melodrama|noir|satire|fantasy|remake|sequel|prequel|adaptation|tearjerker"
)
# "Emmy-winning", "Oscar-nominated": adjectives, never titles; and a country's initials.
NOT_A_TITLE = regex.compile(
    r"-(?:winning|nominated|starring|starrer|led|backed|based|directed|produced)\b"
    r"|^[\p{Lu}&]{2,4}$"  # "US", "R&B"
    r"|^\d+\s+(?:to|and|of|in|on|at|for|from|with|or)\s"  # "2 to Toy" from "chapter 2 to Toy Story"
    r"|\b(?:Collection|Volume|Box\s+Set|Season|Festival)\b"
)
GENRE_WORDS = frozenset(GENRE_NOUNS.replace("|", " ").split())
MONTH_WORDS = "|".join(sorted((m.capitalize() + r"\.?" for m in MONTHS), key=len, reverse=True))
# "Give Me Five, a Chinese film about ...": capitalised adjectives that may describe a film.
NATIONALITY = r"\p{Lu}\p{Ll}+(?:an|ian|ese|ish|ch|ic|i)|Oscar-winning|Oscar-nominated"
PLURAL_LIST_MARK = "(?#list)"
NUMBERED_TITLE = regex.compile(
    rf"(?P<t>{TITLE_WORD}(?:\s(?:{CONNECTOR}\s)*{TITLE_WORD})*(?::\s{TITLE_WORD}(?:\s{TITLE_WORD})*)?\s\d{{1,2}})"
    r"(?![\d,.]?\d)(?![-\d])(?!\s*(?:million|billion|minutes|years|percent|%))"
)
FILM_CONTEXTS = [
    regex.compile(
        rf"{PLURAL_LIST_MARK}\b(?:installments|instalments|films|movies|sequels|entries|chapters)[,:]?\s+(?P<t>{TITLE}(?:,\s+(?:and\s+)?{TITLE})*)"
    ),
    regex.compile(
        rf"\b(?:{FILM_NOUNS}),?\s+(?:called\s+|titled\s+|entitled\s+|named\s+)?(?P<t>{TITLE})"
    ),
    regex.compile(
        rf"(?P<t>{TITLE}),\s+(?:the|a|an)\s+(?:(?:\p{{Ll}}[\p{{L}}-]*|{NATIONALITY})\s+){{0,4}}"
        rf"(?:{FILM_NOUNS})\b"
    ),
    regex.compile(rf"(?P<t>{TITLE})(?:\s+voice)?\s+cast\b"),
    # Plot summaries: "The United States vs. Billie Holiday will follow Holiday during ...".
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:will\s+)?(?:follows?|tells\s+the\s+story|centers\s+on|centres\s+on|"
        rf"chronicles|revolves\s+around)\b"
    ),
    regex.compile(rf"[-–]starrer\s+(?P<t>{TITLE})"),
    # Release calendars: "the release dates of A, B and C", "Morbius is now March 19".
    regex.compile(
        rf"{PLURAL_LIST_MARK}\brelease\s+dates?\s+(?:of|for)\s+(?P<t>{TITLE}(?:,\s+(?:and\s+)?{TITLE})*)"
    ),
    regex.compile(
        rf"(?P<t>{TITLE})(?:,[^,]{{1,80}},)?\s+(?:has\s+a\s+new\s+release\s+date|is\s+moving\s+to|"
        rf"is\s+now\s+(?:scheduled\s+for\s+|set\s+for\s+|dated\s+for\s+)?(?:{MONTH_WORDS})\b)"
    ),
    regex.compile(rf"(?P<t>{TITLE}),?\s+(?:starring|featuring)\s"),
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:will|is\s+set\s+to|is\s+due\s+to)\s+(?:only\s+)?(?:be\s+out|make\s+its\s+(?:\w+\s+)?debut|be\s+the\s+(?:project|film|movie))"
    ),
    regex.compile(rf"(?P<t>{TITLE})\s+\((?:19|20)\d\d\)"),
    regex.compile(rf"\b(?:19|20)\d\d[’']s\s+(?P<t>{TITLE})"),
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:is|was)\s+(?:a|an|the)\s+(?:(?:19|20)\d\d\s+)?"
        rf"(?:[\p{{L}}-]+\s+){{0,6}}(?:{GENRE_NOUNS})\b"
    ),
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:is|was|will|has|had)\s+(?:now\s+|also\s+)?(?:(?:set|scheduled|due|slated)\s+to\s+|be\s+)?(?:release|released|open|opens|debut|premiere|hit\s+theaters|arrive|pushed|delayed|moved|bumped)\b"
    ),
    regex.compile(
        rf"\b(?:behind[- ]the[- ]scenes|set|cast|production|filming|shooting|premiere|trailer|director|sequel|stars?)\s+(?:of|for|on)\s+(?P<t>{TITLE})"
    ),
    regex.compile(
        rf"\b(?:star|stars|starring|starred|co-star|appears?|appearing|role|roles|cast)\s+in\s+(?P<t>{TITLE})"
    ),
    regex.compile(rf"\b(?:direct|directing|helm|helming|board)\s+(?P<t>{TITLE})"),
    # "Bird Box and Moonlight star Trevante Rhodes": a person's credits, one title each.
    regex.compile(rf"{PLURAL_LIST_MARK}(?P<t>{TITLE})\s+(?:director|star|writer|producer)\b"),
    regex.compile(rf"(?P<t>{TITLE})\s+(?:cast|franchise|series|sequel|trailer)\b"),
    regex.compile(rf"\bthe\s+(?P<t>{TITLE})\s+(?:films|movies|installments)\b"),
]
TITLE_NOISE = regex.compile(
    r"^(?:(?:In|On|At|For|From|With|After|Before|Now|While|When|Director|Filmmaker|Actor|"
    r"Actress|Star|Writer|Producer|Both|Including|Like|Unlike|As|But|And|Or|Then|So)\s)+"
)
LEADING_NOISE = regex.compile(
    r"^(?:(?:The|A|An|In|On|At|For|From|With|After|Before|Now|While|When|Director|Filmmaker|"
    r"Actor|Actress|Star|Writer|Producer|Screenwriter|Oscar-winner|Sir|Dame|Both)\s)+"
)


STUDIO_WORDS = frozenset(
    """pictures studios entertainment animation productions media films features bros bros.""".split()
)
NEVER_STARTS_TITLE = frozenset(
    """he she they we you i his her their our my your its it this these those who which what when
    where while as if but and or so then also both each every many most some""".split()
)


@dataclass
class Mention:
    kind: str  # "person" | "film"
    name: str  # canonical: the full name, the film's title
    start: int
    end: int


@dataclass
class NameBook:
    """What an article names, built once from all its sentences."""

    text: str
    persons: dict[str, str] = field(default_factory=dict)  # match key -> full name
    films: dict[str, str] = field(default_factory=dict)  # match key -> title
    surnames: dict[str, str] = field(default_factory=dict)  # key of one word -> full name
    # "Ghostbusters" for "Ghostbusters: Afterlife": a title's short form -> the title.
    short_titles: dict[str, str] = field(default_factory=dict)
    film_counts: Counter[str] = field(default_factory=Counter)

    def person(self, name: str) -> str | None:
        key = match_key(name)
        return self.persons.get(key) or self.surnames.get(key)

    def film(self, title: str) -> str | None:
        return self.films.get(match_key(title))


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if not regex.fullmatch(CONNECTOR, w)]
    if not content or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    # "'99" in "Summer of '99" counts like a number.
    capitalised = sum(1 for w in content if w[:1].isupper() or w.lstrip("'’")[:1].isdigit())
    return capitalised / len(content) >= 0.75 and len(words) <= 10


def _clean_title(raw: str) -> str:
    title = raw.strip(" ,.;:!?’'\"“”‘")
    title = regex.sub(r"[’']s$", "", title)
    return title


def _add_film(book: NameBook, title: str, *, quoted: bool = False) -> None:
    """Register a title, unless it reads as something else. Quotes vouch for a title that
    starts like a sentence ("My Black Mini Dress")."""
    title = _without_owner(book, _clean_title(title))
    key = match_key(title)
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
    if any(name.split()[-1].casefold() == key for name in book.persons.values()):
        return
    book.films.setdefault(key, title)


OWNER = regex.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>\p{Lu}.*)$")


def _without_owner(book: NameBook, title: str) -> str:
    """ "Nora Ephron's Sleepless in Seattle" is Sleepless in Seattle, by its director: a
    person's possessive is never part of the title."""
    found = OWNER.match(title)
    if found and book.person(found.group("owner")):
        return found.group("rest")
    return title


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
    if owner and not is_given_name(owner.group("owner")):
        # "Italy's Emanuele Crialese", "Minari's Lee Isaac Chung": the owner is a place or a
        # work; the person follows it.
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
    """A title-cased line without a full stop: names in it are confirmed by the body."""
    words = [w for w in sentence.text.split() if w[:1].isalpha()]
    if sentence.text.rstrip().endswith((".", "”", '"')) or len(words) < 3:
        return False
    return sum(1 for w in words if w[:1].isupper()) / len(words) > 0.6


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
    _complete_name_lists(book, sentences)
    _drop_quoted_only(book)
    _drop_dated_titles(book)
    headlines = [s for s in sentences if is_headline(s)]
    for sentence in [s for s in sentences if s not in headlines] + headlines:
        _collect_films(book, sentence)
    _drop_non_films(book)
    _index_short_titles(book)
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
    rf"|(?P<n4>{NAME_WORD}\s{NAME_WORD})(?:,[^,]{{1,60}},)?\s+(?:will|is\s+set\s+to|has\s+signed\s+on\s+to|"
    r"is\s+to)\s+(?:direct|helm|star|play|voice)\b"
    rf"|(?P<n5>{NAME_WORD}\s{NAME_WORD})\s+(?:directed|helmed)\s+[“\"‘']?\p{{Lu}}"
    rf"|\p{{Lu}}[\p{{L}}.]*\s+\((?!The\s|A\s)(?P<n3>{NAME_WORD}\s{NAME_WORD})\)"
    r"(?!,?\s+(?:and\s+)?\p{Lu}[\p{L}.]*\s+\p{Lu}\p{L}*\s+\()"
)


def _add_context_persons(book: NameBook, sentences: list[Sentence]) -> None:
    """People whose first name the dictionary lacks but whose role the sentence gives."""
    for sentence in sentences:
        for match in CONTEXT_PERSON.finditer(book.text, sentence.start, sentence.end):
            if match.group("n3"):
                name = match.group("n3")
                if any(w.casefold() in NOT_PERSON_WORDS for w in name.split()):
                    continue
                book.persons.setdefault(match_key(name), name)
                continue
            name = strip_possessive(
                match.group("n") or match.group("n2") or match.group("n4") or match.group("n5")
            )
            words = name.split()
            if len(words) < 2:
                continue
            if any(w.casefold() in NON_NAME_WORDS | NOT_PERSON_WORDS for w in words):
                continue
            book.persons.setdefault(match_key(name), name)


NAME_LIST_ITEM = rf"{NAME_WORD}(?:\s{NAME_WORD}){{1,2}}"
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
                if len(words) >= 2 and not any(
                    w.casefold() in NON_NAME_WORDS | NOT_PERSON_WORDS for w in words
                ):
                    book.persons.setdefault(match_key(item), item)


def _collect_films(book: NameBook, sentence: Sentence) -> None:
    text = book.text
    for match in QUOTED.finditer(text, sentence.start, sentence.end):
        inner = next(g for g in match.groups() if g is not None)
        words = inner.split()
        if _title_case(words) and not inner.rstrip().endswith(("!", "?")) and len(words) <= 8:
            if match_key(inner) not in book.persons:
                _add_film(book, inner, quoted=True)
    for pattern in FILM_CONTEXTS:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            title = match.group("t")
            lead = TITLE_NOISE.match(title)
            if lead:
                title = title[lead.end() :]
            parts = [title]
            if pattern.pattern.startswith(PLURAL_LIST_MARK):
                parts = regex.split(r",\s+(?:and\s+)?|\s+and\s+", title)
            for part in parts:
                if part and match_key(part) not in book.persons:
                    _add_film(book, part)
    for match in NUMBERED_TITLE.finditer(text, sentence.start, sentence.end):
        title = match.group("t")
        lead = TITLE_NOISE.match(title) or LEADING_NOISE.match(title)
        if lead and not title.startswith(("The ", "A ")):
            title = title[lead.end() :]
        if len(title.split()) >= 2 and match_key(title) not in book.persons:
            _add_film(book, title)


# What a place, an institution, an event or a creature is called right after its name.
NON_FILM_AFTER = regex.compile(
    r"[”\"’']?(?:\s+(?:School|Academy|University|College|Hospital|Cathedral|Castle|Hall|Street|"
    r"Hotel|Festival|headmaster|Prize|Award)\b|,\s+the\s+(?:[\p{Ll}-]+\s+){0,3}(?:festival|prize|"
    r"award|school|show|series|band|company|studio|network|magazine|newspaper|city|town|village|"
    r"country|island|creatures?|monsters?|novel|book|play|album|song)\b)"
)
PLURAL_NOUN_BEFORE = regex.compile(r"\b(?:more|many|several|these|those|giant|two|three|four)\s+$")


def _drop_non_films(book: NameBook) -> None:
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


DATED_TITLE = regex.compile(rf"(?P<t>{TITLE})\s+\((?:18|19|20)\d\d\)")


def _drop_dated_titles(book: NameBook) -> None:
    """ "Love Affair (1939)": a name followed by a year in parentheses is a title, whatever
    its first word looks like in the given-name dictionary."""
    for match in DATED_TITLE.finditer(book.text):
        title = match.group("t")
        lead = TITLE_NOISE.match(title)
        book.persons.pop(match_key(title[lead.end() :] if lead else title), None)


def _drop_quoted_only(book: NameBook) -> None:
    """A "name" the article only ever writes inside quotes is (part of) a title ("Deep Field",
    "The Long Shore"), not a person whose first name happens to be in the dictionary."""
    quoted = [match.span() for match in QUOTED.finditer(book.text)]
    for key, name in list(book.persons.items()):
        spots = [m.span() for m in regex.finditer(regex.escape(name), book.text)]
        if spots and all(any(a < start and end < b for a, b in quoted) for start, end in spots):
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


def _index_short_titles(book: NameBook) -> None:
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
