"""Constructions that pair actors and roles without a verb between them."""

from __future__ import annotations

import pytest

from quizapp.generation import extract_facts


def _facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.value) for f in extract_facts(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The teaser for "Astra Part One" introduces Mira and Dev, played by Anya Rao and '
            "Vik Sen respectively.",
            {("character", "Anya Rao", "Mira"), ("character", "Vik Sen", "Dev")},
        ),
        (
            'In the drama "Late Spring Rain", older daughter Hanako (Emi Sato, another Ono '
            "regular) comes home.",
            {("character", "Emi Sato", "Hanako")},
        ),
        (
            'Marta Lind stars in the film "Cold Coast". Marta Lind\'s Captain Ross steals it.',
            {("character", "Marta Lind", "Captain Ross")},
        ),
        (
            'Nora Vance is the agent played by Ruth Cole in "Cold Coast", the 2031 thriller.',
            {("character", "Ruth Cole", "Nora Vance")},
        ),
        (
            "The release of the Raj Mehta-starrer Paper Boat has moved to 2031. The film is "
            "directed by Anil Rao.",
            {("cast", "Paper Boat", "Raj Mehta")},
        ),
    ],
)
def test_roles_paired_without_a_verb(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= _facts(text)


def test_a_directors_possessive_before_a_title_is_not_a_role() -> None:
    text = 'Ana Reis directed the film "Cold Coast". Ana Reis\'s Cold Coast opens in May 2031.'
    assert not {f for f in _facts(text) if f[0] == "character"}


def test_played_by_before_respectively_pairs_in_order_not_with_the_nearest() -> None:
    text = (
        'The teaser for the film "Astra" introduces Isha and Shiva, played by Anya Rao and '
        "Vik Sen respectively."
    )
    facts = _facts(text)
    assert ("character", "Anya Rao", "Shiva") not in facts
    assert ("character", "Vik Sen", "Shiva") in facts


def test_a_character_played_by_a_described_actor_is_not_cast() -> None:
    text = (
        'In the drama "All True Now", the famous playwright Tom Shaw, played by Oscar-nominated '
        "British actor Ken Brand, returns home."
    )
    facts = _facts(text)
    assert ("character", "Ken Brand", "Tom Shaw") in facts
    assert ("cast", "All True Now", "Tom Shaw") not in facts


def test_said_to_have_been_cast_is_hedged_and_an_artistic_director_directs_no_film() -> None:
    text = (
        'The fantasy film "Moon Lantern" has found its lead. Earlier, Tom Gale and Ian Roe were '
        "said to have been cast in the role. Artistic Director Ana Reis presented it in Venice."
    )
    facts = {(f.kind, f.value, f.hedged) for f in extract_facts(text)}
    assert ("cast", "Tom Gale", False) not in facts
    assert not {f for f in facts if f[0] == "director" and f[1] == "Ana Reis"}


def test_an_age_and_a_description_in_apposition_around_the_role() -> None:
    text = (
        "The three young leads of the film 'Wand Street' are set. Rupert Grint, 11, will play "
        "Harry's best friend, Ron Weasley, and Emma Watson, 10, will play their bookish friend, "
        "Hermione Granger."
    )
    facts = _facts(text)
    assert ("character", "Rupert Grint", "Ron Weasley") in facts
    assert ("character", "Emma Watson", "Hermione Granger") in facts
    assert ("cast", "Wand Street", "Emma Watson") in facts


def test_cast_as_makes_a_person_even_when_the_surname_is_a_common_word() -> None:
    text = (
        "Soul singer Andra Day has been cast as legendary jazz singer Bessie Holloway in the "
        'biopic "Blue Hour".'
    )
    facts = _facts(text)
    assert ("cast", "Blue Hour", "Andra Day") in facts
    assert ("character", "Andra Day", "Bessie Holloway") in facts


def test_as_a_description_then_the_name_in_apposition() -> None:
    text = (
        "The film Quay stars Greta Albescu as the harbor master, Mrs. Vance, and Flor Mamani as "
        "the grandmother, Rosa, also starring Lotte Baum."
    )
    facts = _facts(text)
    assert ("character", "Greta Albescu", "Mrs. Vance") in facts
    assert ("character", "Flor Mamani", "Rosa") in facts
    assert ("cast", "Quay", "Lotte Baum") in facts


@pytest.mark.parametrize(
    "text",
    [
        'In the film "Low Tide", Tom Gale ("Cold Water") and Ida Voss play Rufus and Nell.',
        'In the film "Low Tide", Tom Gale, Ida Voss and Leo Marr will play Rufus, Nell and Abe.',
    ],
)
def test_actors_and_roles_coordinated_are_paired_in_order(text: str) -> None:
    facts = _facts(text)
    assert {("character", "Tom Gale", "Rufus"), ("character", "Ida Voss", "Nell")} <= facts
    assert ("character", "Ida Voss", "Rufus") not in facts
    assert ("cast", "Low Tide", "Ida Voss") in facts


def test_unequal_coordinations_pair_nothing() -> None:
    text = 'In the film "Low Tide", Tom Gale and Ida Voss play Rufus, Nell and Abe, three thieves.'
    assert not {f for f in _facts(text) if f[0] == "character"}


def test_a_mononym_among_known_people_in_a_cast_list_is_cast() -> None:
    text = (
        'The animated comedy "Bigfeet" has a great voice cast including Tom Gale (as the Yeti), '
        "Ida Voss, Zenobia and Leo Marr."
    )
    assert ("cast", "Bigfeet", "Zenobia") in _facts(text)


def test_a_lone_word_in_a_short_list_is_not_a_person() -> None:
    text = 'The comedy "Bigfeet" was shot in Tom Gale\'s Oslo studio with Ida Voss and Snowbird.'
    assert not {f for f in _facts(text) if f[2] == "Snowbird"}


@pytest.mark.parametrize("verb", ["excels as", "is terrific as", "shines as"])
def test_a_reviews_praise_names_the_part(verb: str) -> None:
    text = f'In the drama "First Light", Ida Voss {verb} Neil\'s stoic wife, Janet.'
    facts = _facts(text)
    assert {("cast", "First Light", "Ida Voss"), ("character", "Ida Voss", "Janet")} <= facts


def test_a_featurettes_ensemble_in_its_many_phrasings() -> None:
    text = (
        'Variety has a first look at the film "The Ninth Tide". Tamsin Roe, the Bristol-born '
        'actor who carried "Slack Water," returns to the fold as Kerensa Trevail. Nnamdi '
        "Achebe-Ross, who plays the Methodist preacher Lowen Hocking, gets a sermon. Ciarán "
        "Hinds turns up as the magistrate Sir Hugh Basset. Elba produces with Delaney's "
        "longtime cinematographer Rasmus Holm."
    )
    facts = _facts(text)
    assert {
        ("character", "Tamsin Roe", "Kerensa Trevail"),
        ("character", "Ciarán Hinds", "Sir Hugh Basset"),
    } <= facts
    assert ("character", "Nnamdi Achebe-Ross", "Methodist") not in facts
    assert not {f for f in facts if f[0] == "cast" and f[2] in {"Delaney", "Slack Water"}}
    assert ("cast", "Slack Water", "Tamsin Roe") not in facts


def test_a_classic_reviews_cast_in_prose() -> None:
    text = (
        'Tom Gale\'s thriller "Cry of the Gulls" (1954) is restored. Kenyon Hale is Ray '
        "Coulter, a salvage man. Ilse Marlow, the Viennese actress Gale had spotted in a Berlin "
        "stage production, plays Greta Lind, the widow: we never know whether she is the bait."
    )
    facts = extract_facts(text)
    plain = {(f.kind, f.subject, f.value) for f in facts}
    assert {
        ("character", "Kenyon Hale", "Ray Coulter"),
        ("character", "Ilse Marlow", "Greta Lind"),
    } <= plain
    assert ("cast", "Cry of the Gulls", "Tom Gale") not in plain
    assert not any(f.hedged for f in facts if f.value == "Greta Lind")


def test_a_career_profile_knows_its_subject_by_her_surname_and_her_pronoun() -> None:
    text = (
        "When Mereana Holt walked the red carpet in May, few knew her.\n\n"
        "Dry Creek Summer (2004)\n\n"
        "Holt's first feature was Gail Wentworth's coming-of-age drama, in which she played "
        "15-year-old Kirra Watts. Holt says it is still the film people stop her about.\n\n"
        "Lowlight (2017)\n\n"
        "South Korean director Park Jin cast her as Hana Reid, an interpreter. Holt learned "
        "Korean for the role."
    )
    facts = _facts(text)
    assert ("character", "Mereana Holt", "Kirra Watts") in facts
    assert ("cast", "Dry Creek Summer", "Mereana Holt") in facts
    assert not {f for f in facts if f[0] == "film" and f[1] in {"South Korean", "Park Jin"}}
