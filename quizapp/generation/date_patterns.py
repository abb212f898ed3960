"""Patterns for what happens to a film over masked sentences: release dates and their moves,
its place in a series, filming, delays, studio, running time and rating. patterns.py holds
those for people (cast, directors, writers) and the placeholders both use."""

from __future__ import annotations

import regex

from quizapp.generation.patterns import D, F

RELEASE_VERB = (
    r"(?:release|released|releases|releasing|open|opens|opening|debut|debuts|premiere|"
    r"premieres|hit\s+theaters|hits\s+theaters|hit\s+theatres|hits\s+theatres|hit\s+cinemas|"
    r"in\s+theaters|in\s+theatres|in\s+cinemas|arrive|arrives|bow|bows|out|land|lands|"
    r"com(?:e|es|ing)\s+to\s+(?:theaters|theatres|cinemas)|"
    r"added\s+to\s+the\s+(?:release\s+)?(?:calendar|schedule|slate))"
)
RELEASE_ON = regex.compile(
    rf"\b(?i:{RELEASE_VERB})\b(?:\s+(?:in|on)\s+(?:the\s+)?(?:\p{{Lu}}[\p{{L}}.]*\s+){{0,3}}?"
    r"(?:theaters|theatres|cinemas|screens|big\s+screen)?)?"
    r"(?:\s+in\s+(?:limited|wide|select)\s+(?:release|theaters|theatres|cinemas))?"
    rf"\s*,?\s*(?:(?:on|in|for|by|this|next|until)\s+)?(?:next\s+year,?\s+(?:on\s+)?)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?P<d>{D})(?:\s+and\s+(?P<d2>{D}))?"
)
# "which was already set for a June 19, 2015 release", "announced for a March 3, 2017 release".
DATED_FOR_RELEASE = regex.compile(
    r"\b(?:set|slated|scheduled|dated|due|announced|pencil+ed\s+in|earmarked)\s+for\s+"
    rf"(?:an?\s+|its\s+)?(?P<d>{D})\s+(?:release|opening|debut|bow)\b"
)
# "has a new release date of March 5, 2021", "is now Jan. 15, 2021", "is moving to Oct. 23".
NEW_DATE = regex.compile(
    r"\b(?:(?:has\s+)?a\s+new\s+(?:release\s+)?date\s+of|is\s+now(?:\s+(?:scheduled|set|slated|"
    r"dated|due)\s+(?:for|to\s+open\s+on|to\s+open))?|(?:is\s+)?moving\s+to|moves\s+to|"
    r"(?:was\s+|has\s+been\s+)?(?:moved|pushed|bumped|shifted|postponed|delayed|brought\s+forward)"
    r"\s+(?:back\s+|up\s+)?(?:to|until)|"
    r"(?:remains|is|stays)\s+(?:on\s+track|set|scheduled|slated|dated)\s+for|"
    r"(?:hold|holds|holding|keep|keeps|keeping|stick|sticks|sticking)\s+(?:on\s+)?(?:to\s+)?its|"
    r"(?:is\s+)?(?:now\s+)?(?:scheduled|slated|dated)\s+for)\s+(?:on\s+)?"
    rf"(?:[\p{{Lu}}][\p{{L}}’']*\s+Day,\s+)?(?P<d>{D})"
)
MOVED_FROM_TO = regex.compile(
    rf"\bfrom\s+(?:its\s+|the\s+)?(?P<old>{D})(?:\s+release\s+date)?,?\s+to\s+(?P<d>{D})"
)
FILM_YEAR = regex.compile(
    # Not "The Evil Dead (1981)-styled gore": a title used as an adjective states nothing.
    rf"(?P<f>{F})[”\"’']?\s+\((?P<d>{D})\)(?![-–]\p{{Ll}})"
    rf"|(?P<f2>{F})\s+is\s+an?\s+(?P<d2>{D})\s+(?:[\p{{L}}-]+\s+){{0,7}}?(?:film|movie)"
)
ORIGINALLY = regex.compile(
    r"\b(?:originally|previously|initially)\b|\bwas\s+(?:supposed|scheduled|set|slated|due)\b"
    r"|\bhad\s+been\b|\bpushed\s+(?:its|from)|\b(?:its|the)\s+$",
    regex.IGNORECASE,
)

PREVIOUS_INSTALLMENTS = regex.compile(
    r"\b(?:previous|last|earlier|prior|first|past|preceding)\s+(?:\w+\s+)?"
    rf"(?:installments?|instalments?|films?|movies?|entries|chapters?|sequels?)[,:]?\s+"
    rf"(?P<list>{F}(?:(?:,\s+|,?\s+and\s+){F})*)"
)
SEQUEL_TO = regex.compile(rf"\b(?:sequel|follow-up|followup|successor)\s+to\s+(?P<f>{F})")
SEQUEL_NAMED = regex.compile(
    rf"\b(?:sequel|follow-up|next\s+installment|next\s+chapter|next\s+film)[,:]?\s+(?P<f>{F})"
)

PLACE = r"\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){0,2}"
FILMING_IN = regex.compile(
    r"\b(?:filming|filmed|film\s+in|shooting|shot|shoot|shoots|lensing|lensed|on\s+location)\b"
    r"[^.;⟦]{0,60}?\b(?:in|around|across|throughout|at)\s+"
    rf"(?P<list>{PLACE}(?:(?:,\s+(?:and\s+)?|\s+and\s+){PLACE})*)"
)
DELAY_CAUSE = regex.compile(
    r"\b(?:delay|delays|delayed|postponed|postponement|pushed\s+back|halted|shut\s+down|paused|"
    r"setback|hiatus)\b[^.;]{0,60}?\b(?:due\s+to|because\s+of|owing\s+to|amid|caused\s+by)\s+"
    r"(?P<cause>(?:the\s+|a\s+|an\s+)?[\p{L}\d'’-]+(?:\s+(?!and\b|but\b|which\b|that\b|as\b|"
    r"with\b|after\b|before\b)[\p{L}\d'’-]+){0,4})"
)
DELAY_LENGTH = regex.compile(
    r"\b(?:back|by|for|delayed|pushed|postponed|moved|setback\s+of)\s+"
    r"(?P<length>(?:(?:roughly|about|around|nearly|almost|approximately|another|an\s+extra)\s+)?"
    r"(?:a\s+(?:whole\s+|full\s+)?|one\s+|two\s+|three\s+|four\s+|five\s+|six\s+|seven\s+|"
    r"eight\s+|nine\s+|ten\s+|eleven\s+|twelve\s+|\d+\s+|several\s+|a\s+few\s+)"
    r"(?:days?|weeks?|months?|years?))"
)
DELAY_CONTEXT = regex.compile(
    r"\b(?:delay\w*|postpon\w+|push\w*|mov\w+\s+back|setback)\b", regex.IGNORECASE
)
STUDIO = regex.compile(
    r"\b(?:from|by|at|for)\s+(?P<s>(?:\p{Lu}[\p{L}.&'-]*\s){0,3}(?:Pictures|Studios|Films|"
    r"Entertainment|Animation\s+Studios|Animation|Productions|Bros\.|Features)"
    # "Sony Pictures Classics" is not Sony Pictures: the studio's name runs on.
    r"(?:\s(?:Classics|International|Releasing|Group|Worldwide|Distribution|Animation))?)"
    r"(?!\s\p{Lu}\p{Ll})"
    r"|(?P<s2>\p{Lu}[\p{L}.&'-]+(?:\s\p{Lu}[\p{L}.&'-]+){0,2})\s+(?:--|—|–|,)\s+the\s+studio\s+behind"
)
RUNTIME = regex.compile(
    r"\b(?P<n>[6-9]\d|1\d\d|2[0-4]\d)\s+minutes\b(?!\s+(?:of|into|later|before|after))"
)
RATING = regex.compile(r"\b[Rr]ated\s+(?P<r>G|PG|PG-13|R|NC-17)\b")
ORDINAL_INSTALLMENT = regex.compile(
    r"\b(?P<n>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+"
    r"(?:installment|instalment|film|movie|entry|chapter)\b",
    regex.IGNORECASE,
)
ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
CLAUSE_CUT = regex.compile(r".*(?:\bbut\b|;|\band\s+(?:will|is|has)\b)", regex.DOTALL)
