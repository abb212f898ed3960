"""Film titles named in an article, typed by evidence: quotes, a year, a film noun, the layout.

A capitalised run is a title when the text gives a reason (`"Deep Field"`, `Love Affair
(1939)`, `the film X`, `X stars`, `X is a 2018 drama`), and is not one when the text shows it to
be something else: a prize, a festival or an institution named after it, a plural creature, a
collection, an acronym, a possessive owner before it ("Nora Ephron's Sleepless in Seattle").
"""

from __future__ import annotations

from collections import Counter

import regex

from quizapp.generation.lexicon import AWARDS, NON_NAME_WORDS, gender_of, is_given_name
from quizapp.generation.namebook import NameBook
from quizapp.text.dates import MONTHS, find_dates
from quizapp.text.folding import match_key
from quizapp.text.sentences import Sentence

# Lower-case words a title may hold: English and foreign articles and prepositions, and the
# "x" of a crossover ("Godzilla x Kong").
CONNECTOR = (
    r"(?:of|the|a|an|in|on|for|and|&|to|at|from|with|by|or|vs\.?|de|la|le|du|des|del|di|da|"
    r"à|y|et|und|der|die|das|x)"
)
# A capitalised word (with "Vol." or "Bros." kept whole), a number or ordinal ("12th"), or a
# Roman numeral.
TITLE_WORD = (
    r"(?:(?:Vol|Bros|Pt|Mr|Mrs|Dr|St|Jr)\.|\p{Lu}[\p{L}\d'’&.-]*[\p{L}\d](?:(?<=s)['’](?=\s\p{Lu}))?|\p{Lu}|"
    r"\d+(?:st|nd|rd|th)?|[IVX]+)"
)
TITLE_RUN = rf"{TITLE_WORD}(?:\s(?:{CONNECTOR}\s)*{TITLE_WORD})*"
# "Top Gun: Maverick"; after a colon a spaced dash may open a further subtitle, "Mission:
# Impossible – Dead Reckoning Part One" (without one it is the sentence's dash).
TITLE = rf"{TITLE_RUN}(?::\s{TITLE_RUN}(?:\s[–—]\s{TITLE_RUN})?)?"
QUOTED = regex.compile(
    r"(?:“([^”\n]{2,90}?)[,.]?”|\"([^\"\n]{2,90}?)[,.]?\"|(?<![\p{L}\d])[‘']((?:[^’'\n]|(?<=s)['’](?=\s\p{Lu})){2,80}?)[,.]?"
    # a plural possessive inside ("'The Cartographers' Ball'") does not close the quote
    r"(?!(?<=s)[’']\s\p{Lu}[^’'\n]{0,40}[’'](?![\p{L}\d]))[’'](?![\p{L}\d]))"
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
    r"|^[BZ]-(?:movie|movies|film|films|picture|pictures)$"
    r"|-language$"  # "Malayalam-language"
    r"|^(?:Channel|BBC|ITV|HBO|Netflix|Hulu|Prime\s+Video|Disney\+?)(?:\s+\d+)?$"  # broadcasters
)
GENRE_WORDS = frozenset(GENRE_NOUNS.replace("|", " ").split())
MONTH_WORDS = "|".join(sorted((m.capitalize() + r"\.?" for m in MONTHS), key=len, reverse=True))
# "Give Me Five, a Chinese film about ...": capitalised adjectives that may describe a film.
NATIONALITY = r"\p{Lu}\p{Ll}+(?:an|ian|ese|ish|ch|ic|i)|Oscar-winning|Oscar-nominated"
PLURAL_LIST_MARK = "(?#list)"
NUMBERED_TITLE = regex.compile(
    rf"(?P<t>{TITLE_WORD}(?:\s(?:{CONNECTOR}\s)*{TITLE_WORD})*(?::\s{TITLE_WORD}(?:\s{TITLE_WORD})*)?\s\d{{1,2}})"
    r"(?![\d,.]?\d)(?![-\d])(?!\s*(?:million|billion|minutes|years|percent|%))"
    rf"(?!\s+(?:{MONTH_WORDS})\b)"  # "Released 14 March 2025" is a date
)
# Contexts that only a film fits: they make a title of a name that only looked like a person's
# by its first word ("the film Dust Devils", "Grace Harbor (1939)", "Drifter is Tanabe's third
# film").
TYPING_CONTEXTS = [
    regex.compile(rf"(?P<t>{TITLE})\s+\((?:19|20)\d\d\)"),
    regex.compile(rf"\b(?i:the)\s+(?:film|movie)\s+(?P<t>{TITLE})"),
    # A definition: "Margaret Stone is a 2023 British biographical drama film", "Broker is
    # Kore-eda's second film outside Japan".
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:is|was)\s+(?:a|an|the|\p{{Lu}}[\p{{L}}.-]*(?:\s\p{{Lu}}[\p{{L}}.-]*)?['’]s?)"
        rf"\s+(?:(?:19|20)\d\d\s+)?(?:[\p{{L}}-]+\s+){{0,6}}(?:{GENRE_NOUNS})\b"
    ),
]
FILM_CONTEXTS = [
    regex.compile(
        rf"{PLURAL_LIST_MARK}\b(?:installments|instalments|films|movies|sequels|entries|chapters)[,:]?\s+(?P<t>{TITLE}(?:,\s+(?:and\s+)?{TITLE})*)"
    ),
    regex.compile(
        rf"\b(?:{FILM_NOUNS}),?\s+(?:called\s+|titled\s+|entitled\s+|named\s+)?(?P<t>{TITLE})"
    ),
    regex.compile(
        rf"(?P<t>{TITLE})(?:,|\s[—–-])\s+(?:the|a|an)\s+(?:(?:\p{{Ll}}[\p{{L}}-]*|{NATIONALITY})\s+){{0,4}}"
        rf"(?:{FILM_NOUNS})\b"
    ),
    # "Polish director Tomasz Wierzbicki's Cold Harbour".
    regex.compile(
        r"\b(?i:director|filmmaker|helmer|auteur)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}?"
        rf"\p{{Lu}}[\p{{L}}'’-]*[’']s\s+(?P<t>{TITLE})"
    ),
    # "the Jamie-Lee Parrish-led Wildwater".
    regex.compile(rf"[-–](?:led|fronted|helmed|directed)\s+(?P<t>{TITLE})"),
    regex.compile(rf"(?P<t>{TITLE})(?:\s+voice)?\s+cast\b(?!\s+(?:her|him|them|me|us|you|it)\b)"),
    # Plot summaries: "The United States vs. Billie Holiday will follow Holiday during ...".
    # The title opens its clause ("Deadline says The Court vs. Nina Lowe will follow"): in
    # "the couple torture Mickey and Jules follows ..." it is the object of another verb.
    regex.compile(
        r"(?:(?<!\p{Ll}\s)|(?<=\b(?:says|said|reports|reported|writes|wrote|notes|that|while|"
        r"when|because|where|whereas)\s))"
        rf"(?P<t>{TITLE})\s+(?:will\s+)?(?:follows?|tells\s+the\s+story|centers\s+on|centres\s+on|"
        rf"chronicles|revolves\s+around)\b"
    ),
    regex.compile(rf"[-–]starrer\s+(?P<t>{TITLE})"),
    # "Liam Neeson's Run All Night (in which he stars as a hitman)": what one stars in.
    regex.compile(
        rf"(?P<t>{TITLE}),?\s+\(?in\s+which\s+(?:\p{{Ll}}+\s+){{1,2}}(?:stars?|starred|plays?|"
        r"played|appears?|appeared)\b"
    ),
    # "the remake of Glass Orchard", "the sequel to 'Velvet Comet'": only a film is remade.
    regex.compile(
        r"\b(?i:remake|reboot|sequel|prequel|follow-up|spin-?off)\s+(?:of|to)\s+"
        rf"(?:(?:the|its|his|her|their)\s+)?(?:(?:19|20)\d\d\s+)?[“\"‘']?(?P<t>{TITLE})"
    ),
    # "to play Beverly Marsh in It: Chapter Two": a role, then the film it is played in.
    regex.compile(
        r"\b(?:play|plays|playing|portray|portrays|portraying)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}"
        rf"in\s+(?P<t>{TITLE})"
    ),
    # Release calendars: "the release dates of A, B and C", "Morbius is now March 19".
    regex.compile(
        rf"{PLURAL_LIST_MARK}\brelease\s+dates?\s+(?:of|for)\s+(?P<t>{TITLE}(?:,\s+(?:and\s+)?{TITLE})*)"
    ),
    regex.compile(
        rf"(?P<t>{TITLE})(?:,[^,]{{1,80}},)?\s+(?:has\s+a\s+new\s+release\s+date|is\s+moving\s+to|"
        rf"is\s+now\s+(?:scheduled\s+for\s+|set\s+for\s+|dated\s+for\s+)?(?:{MONTH_WORDS})\b)"
    ),
    regex.compile(rf"(?P<t>{TITLE}),?\s+(?:starring|featuring|which\s+stars|which\s+starred)\s"),
    # "Nils Hjort's Western Copperline", "Ana Reis's werewolf thriller Wolf Hill".
    regex.compile(
        r"[’']s\s+(?:[\p{Ll}-]+\s+){0,3}(?i:western|drama|comedy|thriller|horror|musical|"
        rf"documentary|biopic|romance|epic|noir|satire|chiller)\s+(?P<t>{TITLE})"
    ),
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:is\s+(?:now\s+)?streaming|streams|arrives\s+on|lands\s+on)\b"
    ),
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:will|is\s+set\s+to|is\s+due\s+to)\s+(?:only\s+)?(?:be\s+out|make\s+its\s+(?:\w+\s+)?debut|be\s+the\s+(?:project|film|movie))"
    ),
    *TYPING_CONTEXTS,
    # A review's headline: "Weather for Ghosts review – grief, rain and a kettle", "Review:
    # Weather for Ghosts".
    regex.compile(
        rf"^[“\"‘']?(?P<t>{TITLE})[”\"’']?\s+(?i:review|film\s+review)\b", regex.MULTILINE
    ),
    regex.compile(rf"^(?i:review|film\s+review):\s+[“\"‘']?(?P<t>{TITLE})", regex.MULTILINE),
    # "their Wonder Woman movie": one film, called by its title (plural "films" is a
    # franchise); never a person's biopic, "the Elvis Presley movie".
    regex.compile(
        rf"\b(?i:the|their|its|his|her|a|an|new|upcoming)\s+(?P<t>{TITLE})\s+(?:movie|film)\b"
        r"(?!s|\s+(?:series|franchise|universe|saga))"
    ),
    regex.compile(rf"\b(?:19|20)\d\d[’']s\s+(?P<t>{TITLE})"),
    # Someone's earlier work, named as a film: "Vale's previous picture for the studio, Cold
    # Open", "who made the 2023 original, Cold Reckoning", "co-directed the stop-motion short
    # Hopscotch", "Deadwater, Roland Pryce's 1989 remake".
    regex.compile(
        r"[’']s\s+(?:previous|last|latest|earlier|first|second|third|debut|breakout)\s+"
        r"(?:feature|film|picture|movie|outing)(?:\s+for\s+[^,]{1,30})?,\s+(?:the\s+[^,]{1,40}?\s+)?"
        rf"(?P<t>{TITLE})"
    ),
    regex.compile(
        r"\bwho\s+(?:made|directed|helmed|co-directed)\s+the\s+(?:(?:19|20)\d\d\s+)?"
        rf"(?:original|first\s+film|first\s+one),\s+(?P<t>{TITLE})"
    ),
    regex.compile(
        r"\b(?:directed|co-directed|made|helmed)\s+the\s+(?:[\p{Ll}-]+\s+){0,3}(?:short|feature|"
        rf"documentary|film)\s+(?P<t>{TITLE})"
    ),
    regex.compile(
        rf"(?P<t>{TITLE}),\s+(?:\p{{Lu}}[\p{{L}}.-]*\s+){{1,3}}?\p{{Lu}}[\p{{L}}-]*[’']s\s+(?:(?:19|20)\d\d\s+)?"
        r"(?:remake|debut|last\s+film|first\s+film|final\s+film)\b"
    ),
    # "The Fantastic Four, which was already set for a June 19, 2015 release".
    regex.compile(
        rf"(?P<t>{TITLE}),?\s+which\s+(?:was|is|had\s+been|has\s+been|will\s+be)\s+"
        r"(?:already\s+|originally\s+|previously\s+|now\s+|also\s+)?(?:set|slated|scheduled|dated|"
        r"due)\s+(?:for|to)\b"
    ),
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:is|was|will|has|had)\s+(?:now\s+|also\s+)?(?:(?:set|scheduled|due|slated)\s+to\s+|be\s+)?(?:release|released|open|opens|debut|premiere|hit\s+theaters|arrive|pushed|delayed|moved|bumped)\b"
    ),
    regex.compile(
        rf"\b(?:behind[- ]the[- ]scenes|set|cast|production|filming|shooting|premiere|trailer|director|sequel|stars?|featurette|clip|teaser|poster|footage|look)\s+(?:of|for|on|at|from)\s+(?P<t>{TITLE})"
    ),
    regex.compile(rf"\b(?:the\s+)?making\s+(?:of\s+)?(?P<t>{TITLE})"),
    # "Dune: Part Two opens in theaters on May 5".
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:opens|hits\s+(?:theaters|theatres|cinemas)|premieres|debuts|"
        r"arrives\s+in\s+(?:theaters|theatres|cinemas))\b"
    ),
    regex.compile(
        rf"\b(?:star|stars|starring|starred|co-star|appears?|appearing|role|roles|cast)\s+in\s+(?P<t>{TITLE})"
    ),
    regex.compile(rf"\b(?:direct|directing|helm|helming|board)\s+(?P<t>{TITLE})"),
    # "Bird Box and Moonlight star Trevante Rhodes": a person's credits, one title each.
    # Not "Nigerian star Tems Adekunle", "South Korean director Park Ji-hoon".
    regex.compile(
        rf"{PLURAL_LIST_MARK}(?!(?:(?:North|South|East|West|New)\s)?{NATIONALITY}\s)"
        rf"(?P<t>{TITLE})\s+(?:director|star|writer|producer)\b"
    ),
    # Not "director Park Ji-hoon cast her": there "cast" is a verb.
    regex.compile(
        rf"(?P<t>{TITLE})\s+(?:cast|franchise|series|sequel|trailer)\b"
        r"(?!\s+(?:her|him|them|me|us|you|it)\b)"
    ),
    regex.compile(rf"\bthe\s+(?P<t>{TITLE})\s+(?:films|movies|installments)\b"),
]
TITLE_NOISE = regex.compile(
    r"^(?:(?:In|On|At|For|From|With|After|Before|Now|While|When|Director|Filmmaker|Actor|"
    r"Actress|Star|Writer|Producer|Both|Including|Like|Unlike|As|But|And|Or|Then|So)\s)+"
)
LEADING_NOISE = regex.compile(
    r"^(?:(?:The|A|An|In|On|At|For|From|With|After|Before|Now|While|When|Director|Filmmaker|"
    r"Actor|Actress|Star|Starring|Featuring|Writer|Producer|Screenwriter|Oscar-winner|Sir|Dame|"
    r"Both|Joining|Including|Alongside|Opposite|Meanwhile|Also)\s)+"
)


STUDIO_WORDS = frozenset(
    """pictures studios entertainment animation productions media films features bros bros.""".split()
)
NEVER_STARTS_TITLE = frozenset(
    """he she they we you i his her their our my your its it this these those who which what when
    where while as if but and or so then also both each every many most some""".split()
)


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
