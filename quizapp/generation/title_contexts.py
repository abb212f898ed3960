"""What a film title looks like, and the contexts that make a capitalised run one.

The vocabulary of a title (its words, connectors and subtitle), the phrases that only a film
fits (`TYPING_CONTEXTS`: "the film X", "X (1939)", "X is a 2018 drama") and those that usually
name one (`FILM_CONTEXTS`: "X stars", "the sequel to X", "X opens in theaters"), and the words
that are never a title's. titles.py collects titles with them.
"""

from __future__ import annotations

import regex

from quizapp.text.dates import MONTHS

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
