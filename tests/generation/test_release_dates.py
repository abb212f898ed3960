"""Release calendars: new dates in their many phrasings, titles that are never quoted."""

from __future__ import annotations

from quizapp.generation import extract_facts

CALENDAR = (
    "Studio Nine has pushed back the release dates of Harbor Kings: Tides, Morrow, Uncharted "
    "Skies and Paper Moon 2.\n\n"
    "Harbor Kings, from Ana Reis, has a new release date of March 5, 2031, while Morrow is now "
    "March 19, 2031. Uncharted Skies is now scheduled for Oct. 8, 2031. Paper Moon 2 had "
    "originally been dated for Jan. 15, 2031, but is moving to Oct. 23, 2031."
)


def _dates() -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.value) for f in extract_facts(CALENDAR) if "date" in f.kind}


def test_new_dates_in_a_calendar_go_to_the_film_they_follow() -> None:
    dates = _dates()
    assert {
        ("release_date", "Harbor Kings: Tides", "2031-03-05"),
        ("release_date", "Morrow", "2031-03-19"),
        ("release_date", "Uncharted Skies", "2031-10-08"),
        ("release_date", "Paper Moon 2", "2031-10-23"),
    } <= dates


def test_an_original_date_is_the_previous_one() -> None:
    dates = _dates()
    assert ("release_date", "Paper Moon 2", "2031-01-15") not in dates
    assert ("previous_release_date", "Paper Moon 2", "2031-01-15") in dates


def test_postponed_kept_and_on_track_dates() -> None:
    text = (
        "Studio shuffles its slate\n\n"
        "The film Sultan Road has been postponed to January 23, 2031. The film Kite remains on "
        "track for June 6, 2031. The drama Lantern Bay will hold on to its December 19, 2031 "
        "date."
    )
    dates = {(f.subject, f.value) for f in extract_facts(text) if f.kind == "release_date"}
    assert {
        ("Sultan Road", "2031-01-23"),
        ("Kite", "2031-06-06"),
        ("Lantern Bay", "2031-12-19"),
    } <= dates


def test_a_film_set_for_a_dated_release_and_one_coming_to_theaters() -> None:
    text = (
        "Studio Nine dated several upcoming movies at once.\n\nFirst we have Ana Reis's Harbor "
        "Kings, which was already set for a June 19, 2031 release, but they have also dated "
        "Harbor Kings 2 coming to theaters on July 14, 2033."
    )
    dates = {(f.subject, f.value) for f in extract_facts(text) if f.kind == "release_date"}
    assert {("Harbor Kings", "2031-06-19"), ("Harbor Kings 2", "2033-07-14")} <= dates


def test_a_date_shuffles_phrasings() -> None:
    text = (
        "Universal Reshuffles: 'Wolf Hill' Heads To October, 'Pocket Dragons 2' Jumps\n\nAna "
        "Reis's werewolf thriller Wolf Hill slides to October 2, 2026.\n\nPocket Dragons 2 moves "
        "up. Tom Gale and Ida Voss are back voicing Pip and Grum. Returning helmer Lin Mei "
        "co-directs with Leo Marr.\n\n"
        "Gridiron Saints, the drama from director Kay Boateng, now opens Wednesday, November 25, "
        "2026. Dee Randolph co-stars as the principal.\n\nThe drama Harvest, starring Hiam "
        "Abbass, will debut in limited release October 23, 2026."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text)}
    assert {
        ("director", "Wolf Hill", "Ana Reis"),
        ("character", "Tom Gale", "Pip"),
        ("character", "Ida Voss", "Grum"),
        ("director", "Pocket Dragons 2", "Lin Mei"),
        ("director", "Pocket Dragons 2", "Leo Marr"),
        ("release_date", "Gridiron Saints", "2026-11-25"),
        ("cast", "Gridiron Saints", "Dee Randolph"),
        ("release_date", "Harvest", "2026-10-23"),
    } <= facts


def test_a_stars_possessive_vehicle_is_not_directed_by_the_star() -> None:
    text = (
        'Tom Gale stars as a preacher. Tom Gale\'s Western "Dust Choir" has rounded out its '
        "cast, with Ida Voss."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text)}
    assert ("director", "Dust Choir", "Tom Gale") not in facts


def test_two_years_for_one_title_are_two_films_and_the_first_is_the_articles() -> None:
    text = (
        "Night Harbor (1987)\n\nThis is an obscure horror film. It is not to be confused with "
        "the comedy Night Harbor (1953). It has some The Evil Dead (1981)-styled gore."
    )
    dates = {(f.subject, f.value) for f in extract_facts(text) if f.kind == "release_date"}
    assert dates == {("Night Harbor", "1987")}


def test_a_possessive_genre_title_and_which_stars() -> None:
    text = (
        "Sovereign has reshuffled its calendar, pushing Ana Reis's Western Copperline back.\n\n"
        "Copperline, which stars Tom Gale and Ida Voss as siblings, had been set for March 13, "
        "2026. It will now open October 2, 2026."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text) if not f.unsure}
    assert {
        ("director", "Copperline", "Ana Reis"),
        ("cast", "Copperline", "Tom Gale"),
        ("release_date", "Copperline", "2026-10-02"),
    } <= facts


def test_a_reviews_headline_names_its_film_and_its_credits_lines_date_it() -> None:
    text = (
        "Harbor Ghosts review – grief, rain and a kettle nobody switches off\n\n"
        "Directed by Ana Reis\nStarring Tom Gale, Ida Voss\nReleased 14 March 2025\n\n"
        "Gale, best known from the Channel 4 series Brackwater, is fine."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text) if not f.unsure}
    assert {
        ("director", "Harbor Ghosts", "Ana Reis"),
        ("cast", "Harbor Ghosts", "Ida Voss"),
        ("release_date", "Harbor Ghosts", "2025-03-14"),
    } <= facts
    assert not {f for f in facts if f[1] in {"Channel 4", "Released 14"}}


def test_a_delay_belongs_to_the_film_pushed_and_a_language_is_no_location() -> None:
    text = (
        "Sovereign has reshuffled its calendar, pushing Ana Reis's Western Copperline back "
        "nearly seven months and moving the drama The Last Good Summer into its slot.\n\n"
        "The drama Still Waters, shot in Wolof and French in Kayar, won the top prize."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text)}
    assert ("delay", "Copperline", "nearly seven months") in facts
    assert not {f for f in facts if f[0] == "delay" and f[1] == "The Last Good Summer"}
    assert not {f for f in facts if f[0] == "filming_location" and f[2] in {"Wolof", "French"}}
