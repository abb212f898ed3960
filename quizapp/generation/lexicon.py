"""Word lists the rules lean on: given names, role nouns, words that never start a name."""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

# Capitalised words that start sentences or headlines but are not part of a name.
NON_NAME_WORDS = frozenset(
    """a an the this that these those it its in on at of for from with by to and or but as if
    after before while when where since during despite though although however meanwhile now
    then so yet still also even just only both all each every some many most more other
    another here there why how what who which whose whom he she they we you i his her their
    our my your new old first last next latest upcoming former current young late early recent
    director directors filmmaker filmmakers actor actors actress actresses star stars writer
    writers producer producers screenwriter composer co-star costar newcomer veteran legend
    emmy academy golden globe award awards winner nominee nominated studio studios
    pictures films film movie movies entertainment animation productions company media news
    times post reporter variety deadline magazine journal tribune guardian daily weekly review
    reviews festival cinematic universe franchise series season episode part chapter volume
    trailer teaser sequel prequel spin-off remake reboot adaptation instagram twitter facebook
    youtube tiktok netflix hulu disney amazon apple hbo marvel dc warner paramount universal
    sony lionsgate monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december sept jan feb mar apr
    jun jul aug oct nov dec christmas halloween thanksgiving covid covid-19 coronavirus
    pandemic world war american british english french german italian japanese chinese korean
    indian spanish european canadian australian irish scottish norwegian hollywood bollywood
    broadway london paris rome new york los angeles city county state street road university
    college school center centre institute museum hotel theater theatre cinema unfortunately
    fortunately surprisingly interestingly according source sources via upon within without
    between among against about above below under over into onto out off mr mrs ms dr sir dame
    lord lady king queen prince princess president senator general captain colonel major
    lieutenant detective agent officer sergeant chief mayor professor doctor uncle aunt will
    would could should may might must can shall did does do has have had was were is are be
    been being not no yes""".split()
)

# Prizes that are written like titles ("in competition for the Golden Lion"), as match keys.
AWARDS = frozenset(
    {
        "oscar",
        "oscars",
        "academy award",
        "academy awards",
        "emmy",
        "emmys",
        "golden globe",
        "golden globes",
        "bafta",
        "baftas",
        "golden lion",
        "silver lion",
        "golden bear",
        "silver bear",
        "palme dor",
        "palme d or",
        "grand prix",
        "cesar",
        "goya",
        "grand jury prize",
        "jury prize",
        "camera dor",
        "golden leopard",
        "independent spirit award",
        "tony",
        "grammy",
    }
)

ROLE_NOUNS = "actor|actress|star|co-star|costar|newcomer|comedian|singer|rapper|performer|lead"
DIRECTOR_NOUNS = r"director|filmmaker|helmer|auteur|dir\."
HONORIFICS = frozenset({"sir", "dame", "lord", "lady"})

# Words that mark a capitalised run as an organisation, place or work rather than a person.
NOT_PERSON_WORDS = frozenset(
    """pictures studios studio films film entertainment animation productions production company
    media news times post reporter magazine journal festival awards award universe cinematic
    street city university college school center centre institute museum hotel theater theatre
    cinema county state island islands mountains river valley park square records music
    channel network television tv radio group inc ltd llc corp bros brothers part chapter
    volume season episode series franchise saga trilogy collection edition movie movies show
    day night war wars man men woman women boy girl kid kids
    north south east west korea africa america asia europe kingdom republic emirates zealand
    arabia lanka states coast""".split()
)


@cache
def _detector() -> Any:
    """gender-guesser's multinational given-name dictionary, loaded once per process."""
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@cache
def given_names() -> frozenset[str]:
    """Casefolded first names known to gender-guesser's multinational name dictionary."""
    return frozenset(name for name in _detector().names if len(name) > 1)


def gender_of(given_name: str) -> str:
    """ "male", "female" or "unknown", from the given-name dictionary ("mostly" counts)."""
    guess = str(_detector().get_gender(given_name)).removeprefix("mostly_")
    return guess if guess in {"male", "female"} else "unknown"


def is_given_name(word: str) -> bool:
    if regex.search(r"-(?:winning|winner|nominated|nominee|worthy|based|born|led|award)", word):
        return False  # "Oscar-winning", "Emmy-nominated": adjectives
    word = word.casefold()
    if word in NON_NAME_WORDS:
        return False
    if regex.fullmatch(r"(?:\p{L}\.\s?)+", word):  # initials such as "J.K." or "J. J."
        return True
    if len(word) < 3 and word not in {"al", "ed", "jo", "bo", "cy", "ty"}:
        return False
    return word in given_names() or word.split("-")[0] in given_names()


# gender-guesser's countries of the industries whose names give an option away.
NAME_COUNTRY_REGIONS = {"china": "cn", "india": "in", "japan": "jp", "korea": "kr"}


@cache
def _region_columns() -> dict[int, str]:
    """Which of the dictionary's country columns belong to which industry, found once."""
    countries = _detector().COUNTRIES
    return {countries.index(country): region for country, region in NAME_COUNTRY_REGIONS.items()}


def name_region(name: str) -> str | None:
    """The film industry ("cn", "in", "jp", "kr") a person's given name belongs to, when the
    dictionary knows it in that country alone ("Ranbir", "Seung-min", "Kenji"), else None."""
    detector = _detector()
    columns = _region_columns()
    for word in name.split():
        entry = detector.names.get(word.casefold())
        if not entry:
            continue
        used = {i for frequencies in entry.values() for i, c in enumerate(frequencies) if c.strip()}
        regions = {columns.get(i) for i in used}
        if len(regions) == 1 and None not in regions:
            return regions.pop()
    return None
