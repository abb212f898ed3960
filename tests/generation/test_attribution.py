"""Which film a fact is about: the layout and the way a title is attached decide."""

from __future__ import annotations

import pytest

from quizapp.generation import extract_facts
from quizapp.generation.document import entry_title, section_films
from quizapp.generation.entities import build_name_book
from quizapp.text.sentences import split_sentences


def _facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.value) for f in extract_facts(text)}


CHART = """Ghosts lead the weekend chart

Lantern Hill – Maya Ostrova stars as a widow who hears voices. The horror film took the top spot.

Brass Monkeys – Comedy sequel starring Dev Ramesh as a hapless inventor, also starring Lotte Baum.
"""


def test_a_list_entry_files_its_paragraph_under_its_title() -> None:
    sentences = split_sentences(CHART)
    assert section_films(CHART, sentences) == {1: "Lantern Hill", 2: "Brass Monkeys"}
    facts = _facts(CHART)
    assert ("cast", "Lantern Hill", "Maya Ostrova") in facts
    assert ("cast", "Brass Monkeys", "Lotte Baum") in facts
    assert ("cast", "Lantern Hill", "Lotte Baum") not in facts


def test_a_dateline_or_a_credit_label_is_not_a_list_entry() -> None:
    for line in ("LISBON – The festival opened today.", "Director – Ana Reis, Writer – Rui Sá"):
        assert entry_title(line, split_sentences(line)[0]) is None


def test_a_title_tagging_a_person_is_their_earlier_work_not_the_sentences_film() -> None:
    text = (
        "Nell Harker (Moonwake franchise) and Tobias Grint (Low Tide) have signed on to star "
        "in Rosa Amari's remake of the horror film Glass Orchard, now shooting in Quebec."
    )
    facts = _facts(text)
    assert ("cast", "Glass Orchard", "Nell Harker") in facts
    assert not {f for f in facts if f[0] == "cast" and f[1] in {"Moonwake", "Low Tide"}}


def test_a_possessive_before_a_title_is_its_owner_not_part_of_it() -> None:
    text = (
        "Director Pia Lund's film was later referenced in Omar Haddad's Nights in Lisbon (1993), "
        "a romantic comedy."
    )
    titles = {f[2] for f in _facts(text) if f[0] == "film"}
    assert "Nights in Lisbon" in titles
    assert not any("Haddad" in title for title in titles)


def test_a_name_dated_in_parentheses_is_a_title_even_if_it_starts_with_a_given_name() -> None:
    text = (
        "The picture was a remake of Grace Harbor (1939), starring Ada Vance and Leo Crane. "
        "The film was remade again in 1994."
    )
    facts = _facts(text)
    assert ("cast", "Grace Harbor", "Ada Vance") in facts
    assert not {f for f in facts if f[2] == "Grace Harbor" and f[0] == "cast"}


def test_prizes_adjectives_and_country_initials_are_not_films() -> None:
    text = (
        'Twenty films compete for the Golden Lion this year, among them "Paper Moons", '
        "directed by Emmy-winning director Lea Brandt. The US entry is the drama Cold Lake, "
        "directed by Sam Ortiz."
    )
    facts = _facts(text)
    subjects = {f[1] for f in facts if f[0] in {"director", "cast", "film"}}
    assert not subjects & {"Golden Lion", "Emmy-winning", "US"}
    assert ("director", "Cold Lake", "Sam Ortiz") in facts


def test_a_crew_members_parenthesis_lists_their_work_not_an_actor() -> None:
    text = (
        'The drama "The Long Shore" is written by Emmy-winning writer Jane Moss '
        "(Olive Garrison), and stars Tom Ade as a sailor."
    )
    facts = _facts(text)
    assert not {f for f in facts if f[0] == "character" and "Jane Moss" in f[1:]}
    plot = (
        'The horror film "Harrow Lane" stars Lin Shaye. It follows the cranky director Max '
        "(Shaye) and his crew."
    )
    assert ("character", "Lin Shaye", "Max") in _facts(plot)


@pytest.mark.parametrize(
    "text",
    [
        'The boy enrols at the Moonfield School of Magic in "Star Lantern", the 2031 fantasy '
        "film starring Ada Vance. Iris Kahn plays the Moonfield headmaster.",
        'Twenty films compete at the "Lumen", the prestigious festival in Lisbon. The drama '
        '"Star Lantern" stars Ada Vance.',
        'In the horror film "Star Lantern", starring Ada Vance, the “Burrowers” attack a town. '
        "As more Burrowers arrive, Iris Kahn leads the fight.",
    ],
)
def test_places_festivals_and_creatures_are_not_films(text: str) -> None:
    films = {f[2] for f in _facts(text) if f[0] == "film"}
    assert films == {"Star Lantern"}


def test_collections_and_acronyms_are_not_films() -> None:
    text = (
        "Film Noir Classic Collection Volume 5 gathers five dramas. R&B star Ada Vance "
        'also stars in "Star Lantern", the 2031 drama.'
    )
    films = {f[2] for f in _facts(text) if f[0] == "film"}
    assert "R&B" not in films
    assert not any("Collection" in film for film in films)


def test_a_title_before_a_role_noun_is_the_persons_earlier_work() -> None:
    text = (
        "'Harbor Kings' actor Tom Gale is in talks to star in 'Night Rail', the 2031 thriller. "
        "'Night Rail' is directed by Ana Reis."
    )
    facts = _facts(text)
    assert ("cast", "Night Rail", "Tom Gale") in facts
    assert ("cast", "Harbor Kings", "Tom Gale") not in facts


def test_the_horror_sequel_goes_on_about_the_film_the_sentence_before_named() -> None:
    text = (
        '"Sky Duel", from Paramount, now opens July 2, 2031.\n\n'
        'A few months earlier, "Quiet Field Part II" will open. The horror sequel, starring '
        "Ann Vale and Tom Gale, has also been delayed to April 23, 2031."
    )
    facts = _facts(text)
    assert ("cast", "Quiet Field Part II", "Ann Vale") in facts
    assert ("cast", "Sky Duel", "Ann Vale") not in facts


def test_he_and_she_refer_to_the_person_named_before_them() -> None:
    text = (
        "Night Rail is a 2031 thriller directed by Bo Lind.\n\n"
        "Ann Vale joined the cast in May. She plays Captain Hale, a railway detective."
    )
    facts = _facts(text)
    assert ("character", "Ann Vale", "Captain Hale") in facts


def test_a_pronoun_never_takes_a_name_of_the_other_gender() -> None:
    text = (
        "Night Rail is a 2031 thriller directed by Bo Lind.\n\n"
        "John Vale joined the cast in May. She plays Captain Hale, a railway detective."
    )
    assert not {f for f in _facts(text) if f[0] == "character" and f[1] == "John Vale"}


def test_a_reviewed_entry_with_its_year_files_its_cast_and_plays_a_description_is_cast() -> None:
    text = (
        "Film Noir Classics, Volume 9\n\n"
        "Night Ferry (1948) - the only film directed by Ada Brook is a tense thriller. "
        "Tom Gale plays a weary sailor, and Ida Voss, Leo Marr and Cy Dunn play his shipmates. "
        "Among the uncredited actors that appear are Al Bridge and Ruth Cane.\n\n"
        "Slow Tide (1949) - Bo Lind directs this average noir featuring Ann Vale."
    )
    facts = _facts(text)
    night_ferry = {f[2] for f in facts if f[0] == "cast" and f[1] == "Night Ferry"}
    assert {"Tom Gale", "Ida Voss", "Leo Marr", "Cy Dunn", "Al Bridge", "Ruth Cane"} <= night_ferry
    assert ("cast", "Slow Tide", "Ann Vale") in facts
    assert ("cast", "Night Ferry", "Ann Vale") not in facts


def test_the_film_stars_a_list_and_a_quoted_title_may_start_like_a_sentence() -> None:
    text = (
        'Ana Reis\'s "Harbor Kings" tops the chart. The acclaimed film stars Tom Gale, Ida '
        'Voss and Leo Marr.\n\nA new entry is at number 3. "My Blue Coat" tells the story of four '
        "friends. It stars Yoon Mi-rae and Cha Ye-jin."
    )
    facts = _facts(text)
    assert {("cast", "Harbor Kings", "Tom Gale"), ("cast", "Harbor Kings", "Leo Marr")} <= facts
    assert ("cast", "My Blue Coat", "Yoon Mi-rae") in facts


def test_two_titles_before_star_are_two_credits_of_that_person() -> None:
    text = (
        'Lee Dale has cast Ana Reis in his biopic "Blue Note Nights".\n\n'
        "She will be joined by Cold Coast and Paper Moon star Tom Gale."
    )
    facts = _facts(text)
    films = {f[2] for f in facts if f[0] == "film"}
    assert "Cold Coast and Paper Moon" not in films
    assert ("cast", "Blue Note Nights", "Tom Gale") in facts


def test_a_plot_summary_names_its_film_without_quotes() -> None:
    text = (
        "Ana Reis has been cast in Lee Dale's upcoming biopic. Deadline says The Court vs. "
        "Nina Lowe will follow Lowe during her trial. Tom Gale plays her lawyer."
    )
    assert "The Court vs. Nina Lowe" in {f[2] for f in _facts(text) if f[0] == "film"}


def test_a_title_that_only_tags_people_is_never_the_main_film() -> None:
    text = (
        'Ana Reis\'s new drama "Night Rail" follows a conductor (Harbor Kings star Tom Gale) and '
        "a thief (Harbor Kings star Ida Voss). Harbor Kings star Leo Marr plays the guard."
    )
    facts = _facts(text)
    assert next(f[2] for f in facts if f[0] == "film") == "Night Rail"
    assert not {f for f in facts if f[0] == "cast" and f[1] == "Harbor Kings"}


def _sure(text: str) -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.value) for f in extract_facts(text) if not f.unsure}


def test_a_sequel_mention_names_the_film_it_follows_not_the_clauses_film() -> None:
    text = (
        "Velvet Comet 2 adds a familiar face\n\n"
        "Rafe Odunsi will star in the upcoming sequel to 'Velvet Comet.' "
        "Velvet Comet 2 starts shooting in Prague this spring."
    )
    facts = _sure(text)
    assert ("cast", "Velvet Comet 2", "Rafe Odunsi") in facts
    assert ("cast", "Velvet Comet", "Rafe Odunsi") not in facts


def test_a_title_that_continues_the_one_a_sequel_follows_is_a_sure_reason() -> None:
    text = (
        "Dust Devils first look\n\n"
        "'Low Skies' actor Ivo Marsh is in talks to join the 'Dust Devil' sequel. The film "
        "Dust Devils also stars Lena Cho and Bea Frost, and Dust Devils Lena Cho and Bea Frost "
        "shot it in Kansas."
    )
    facts = _sure(text)
    assert ("cast", "Dust Devils", "Ivo Marsh") in facts
    assert not {f for f in facts if f[0] == "cast" and f[1] in {"Dust Devil", "Low Skies"}}


def test_facts_whose_only_film_is_named_in_passing_are_unsure() -> None:
    text = (
        "'Low Skies' actor Ivo Marsh is in talks to join the 'Harvest Moon' sequel. "
        "Marsh would star alongside Lena Cho, out next summer."
    )
    facts = extract_facts(text)
    cast = [f for f in facts if f.kind == "cast"]
    assert cast and all(f.unsure for f in cast)


def test_a_persons_earlier_work_is_not_what_the_article_is_about() -> None:
    text = (
        "Studio hires a new helmer for their Copper Lantern movie\n\n"
        "Paula Ferris will direct, best known for writing and directing the acclaimed 2004 "
        "drama, Glass Harbor. Details remain scarce about the Copper Lantern movie, beyond the "
        "knowledge that Mia Corvo will play the title heroine. Copper Lantern is scheduled to "
        "hit theatres on June 23, 2028."
    )
    facts = _sure(text)
    assert ("cast", "Copper Lantern", "Mia Corvo") in facts
    assert ("release_date", "Copper Lantern", "2028-06-23") in facts
    assert ("director", "Copper Lantern", "Paula Ferris") in facts
    assert not {f for f in facts if f[1] == "Glass Harbor" and f[0] != "film"}


def test_an_as_phrase_naming_a_job_is_not_a_role() -> None:
    text = (
        "Paula Ferris will replace Nina Vale as Copper Lantern movie director. The Copper "
        "Lantern movie opens in May."
    )
    facts = _facts(text)
    assert not {f for f in facts if f[0] in {"cast", "character"}}


def test_a_film_the_article_keeps_naming_is_a_sure_reason_without_a_headline() -> None:
    text = (
        "To be a child in a film by Aiko Tanabe is to start life rough. Here a baby is taken in "
        "by a mechanic (Lee Joon-ho) and his partner (Park Min-seo).\n\n"
        "Drifter is Tanabe's third film outside Japan after 2020's Quiet Rooms, which she made "
        "in Canada.\n\n"
        "Since Drifter, she has finished a series. Drifter opens in Seoul next week, and critics "
        "who saw Drifter in Busan praised it."
    )
    facts = _sure(text)
    assert ("cast", "Drifter", "Lee Joon-ho") in facts
    assert ("cast", "Quiet Rooms", "Lee Joon-ho") not in facts


def test_producers_alongside_and_a_list_of_earlier_work_are_not_the_films_cast() -> None:
    text = (
        "Glass Orchard remake sets its lead\n\n"
        "Nell Harker will star in the remake of Glass Orchard. Omar Haddad is directing, with "
        "the pair set to produce alongside Tove Lindqvist and Arno Kessel. Harker has also been "
        "seen in films including Netflix's Low Tide with Mara Quist and the Ivo Marsh-directed "
        "Dust Lanes."
    )
    facts = _sure(text)
    assert ("cast", "Glass Orchard", "Nell Harker") in facts
    cast = {f[2] for f in facts if f[0] == "cast" and f[1] == "Glass Orchard"}
    assert not cast & {"Tove Lindqvist", "Arno Kessel", "Mara Quist"}
    assert ("director", "Glass Orchard", "Ivo Marsh") not in facts


def test_a_novel_the_film_is_based_on_is_not_a_film() -> None:
    text = (
        "Pale Orchard review\n\n"
        "The film Pale Orchard is based on the 1966 debut novel 'She Went Quietly' by Arno "
        "Kessel and directed by Nell Harker. Pale Orchard stars Mara Quist."
    )
    facts = _facts(text)
    assert ("director", "Pale Orchard", "Nell Harker") in facts
    assert not {f for f in facts if f[1] == "She Went Quietly"}


def test_a_role_played_in_a_film_leaves_the_title_alone() -> None:
    text = "Mara Quist will play Captain Rook in Night Train: Part Two, the film shooting in Oslo."
    facts = _facts(text)
    assert ("cast", "Night Train: Part Two", "Mara Quist") in facts
    assert ("character", "Mara Quist", "Captain Rook") in facts


def test_a_name_before_a_role_noun_qualifies_it_and_is_not_the_role() -> None:
    text = (
        "The film Crossfall stars Bruno Wills and Sam Okafor. The crossover is named for "
        "Okafor's Glasshouse villain, Mr. Pane."
    )
    roles = {f[2] for f in _facts(text) if f[0] == "character"}
    assert "Glasshouse" not in roles


def test_each_line_of_a_line_up_is_its_own_paragraph_but_a_wrapped_line_is_not() -> None:
    text = (
        "Festival adds two films\n"
        "Nine Winters (Kazakhstan) – dir. Aidos Nurlanov; starring Dana Sarsen and Ilyas Bek.\n"
        "Birch Smoke (South Korea) – dir. Park Seung-woo; starring Kim Seo-yeon and Yoon "
        "Ha-rim.\n"
        "Both films screen in\ncompetition."
    )
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 1, 2, 3]
    assert sentences[-1].text == "Both films screen in\ncompetition."
    facts = _sure(text)
    assert ("cast", "Nine Winters", "Ilyas Bek") in facts
    assert ("cast", "Birch Smoke", "Ilyas Bek") not in facts
    assert ("cast", "Birch Smoke", "Kim Seo-yeon") in facts


def test_a_title_quoted_in_the_headline_is_a_film_whatever_its_first_word() -> None:
    text = (
        "Studio Moves 'Red Meridian' and 'Dust Angels' Into 2026\n\n"
        "Red Meridian, which stars Tessa Villanueva and Brent Kowalczyk as a mining crew, moves "
        "to March 20, 2026. Dust Angels, starring Imogen Blake, now opens on May 1, 2026."
    )
    facts = _sure(text)
    assert ("cast", "Red Meridian", "Tessa Villanueva") in facts
    assert ("cast", "Dust Angels", "Tessa Villanueva") not in facts


TITLE_SHAPES = [
    "Harbor Kings Vol. 3",
    "Signal: Lost – Dead Reckoning Part One",
    "Moth x Lantern: The New Empire",
    "Folly: Chanson à Deux",
    "12th Floor",
    "The Super Plumber Bros. Movie",
    "Brass Onion: A Knives Out Mystery",
    "Lanterns & Wolves",
    "Dunes: Part Two",
    "Kingdom of the Planet of the Moths",
]
FEATURETTE_FORMS = [
    "Watch a new featurette for {t}, starring Dara Quill and Tomas Brenner. The film opens Friday.",
    "In a new featurette, director Ilse Varga and star Dara Quill talk about making {t}. {t} "
    "opens in theaters on May 5.",
    "The studio has released a behind-the-scenes look at {t}, which stars Dara Quill and Tomas "
    "Brenner.",
]


@pytest.mark.parametrize("form", FEATURETTE_FORMS)
@pytest.mark.parametrize("title", TITLE_SHAPES)
def test_titles_of_every_common_shape_are_read_whole(title: str, form: str) -> None:
    facts = extract_facts(form.format(t=title))
    films = {f.subject for f in facts if f.kind == "cast" and not f.unsure}
    assert films == {title}


def test_a_director_introduced_by_from_is_not_cast_and_a_next_entrys_adjective_is_no_title() -> (
    None
):
    text = (
        "Festival closes with a comedy\n\n"
        "The closing-night film will be Le Grand Retour, an out-of-competition comedy from "
        "Pascal Renaud starring Elodie Marchal and Bastien Ferry. Also screening: the film "
        "Winter Quarters and Finnish director Aino Lehto's Pale Birch."
    )
    facts = _facts(text)
    assert ("cast", "Le Grand Retour", "Elodie Marchal") in facts
    assert not {f for f in facts if f[0] == "cast" and f[2] == "Pascal Renaud"}
    book = build_name_book(text, split_sentences(text))
    assert "Winter Quarters" in book.films.values()
    assert not any(title.endswith(" Finnish") for title in book.films.values())


def test_a_directors_earlier_feature_named_in_a_whose_clause_is_in_passing() -> None:
    text = (
        "Condor Line review\n\n"
        "Condor Line is the new film from Rosa Quispe, whose second feature, Salt Flats, won "
        "at Venice, and it opens in the UK on April 4, 2031. Condor Line stars Mateo Ancasi."
    )
    facts = _sure(text)
    assert ("release_date", "Salt Flats", "2031-04-04") not in facts


def test_a_credits_line_starring_several_names_reads_them_all() -> None:
    text = (
        "Review: 'The Pale Hour' is a chilling ghost story\n\n"
        "The new film from Ilse Varga, who made Quiet Rooms in 2019, follows a widow (Dara "
        "Quill) home.\n\n"
        "The Pale Hour\nStarring Dara Quill, Tomas Brenner, Anya Petrova\nRated R."
    )
    facts = _sure(text)
    assert {("cast", "The Pale Hour", name) for name in ("Dara Quill", "Tomas Brenner")} <= facts
    assert ("cast", "The Pale Hour", "Anya Petrova") in facts
    assert ("cast", "Quiet Rooms", "Dara Quill") not in facts


def test_a_studio_possessive_is_not_part_of_the_title() -> None:
    text = (
        "Studio Brume's Morgane and the Thousand Bells is a 2027 animated film. It stars Ada Lim."
    )
    titles = {f[1] for f in _facts(text) if f[0] == "film"}
    assert titles == {"Morgane and the Thousand Bells"}


def test_a_plural_possessive_inside_a_single_quoted_title_keeps_it_whole() -> None:
    text = (
        "Anneliese Vogt will direct 'The Cartographers' Ball', the period film starring Yara "
        "Haddad. 'Low Tide' and 'Glass Harbor' are her earlier films."
    )
    facts = _facts(text)
    assert ("director", "The Cartographers' Ball", "Anneliese Vogt") in facts
    assert ("cast", "The Cartographers' Ball", "Yara Haddad") in facts


def test_a_title_that_is_the_object_of_another_verb_is_no_plot_summary() -> None:
    text = (
        'Ana Reis directs "Low Tide", a thriller. Tom Gale and Ida Voss play Rufus and Nell, '
        "two thieves. The way the couple hunt Rufus and Nell follows the genre's rules."
    )
    facts = _facts(text)
    assert not {f for f in facts if f[0] == "film" and f[1] != "Low Tide"}
    assert ("cast", "Low Tide", "Tom Gale") in facts


def test_a_headline_may_shorten_the_title_the_body_gives_in_full() -> None:
    text = (
        "Trouble on 'Harrow'? – Film Starring Ana Reis and Tom Gale Pushed to 2027\n\n"
        "Harrow Rising, the new science fiction movie starring Ana Reis and Tom Gale, has been "
        "pushed to 2027. Harrow Rising is now set to open on March 5, 2027."
    )
    sure = _sure(text)
    assert ("cast", "Harrow Rising", "Ana Reis") in sure
    assert not {f for f in _facts(text) if f[1] == "Harrow"}


def test_a_numbered_installment_is_never_a_short_form() -> None:
    text = (
        "'Harrow' Star Ana Reis Returns for Sequel\n\n"
        'Ana Reis will return for Harrow 2, the sequel to the 2024 hit "Harrow". Harrow 2 opens '
        "on March 5, 2027."
    )
    assert ("film", "Harrow 2", "Harrow 2") in _facts(text)
    assert "Harrow" not in build_name_book(text, split_sentences(text)).short_titles


def test_the_movie_as_subject_goes_on_about_the_paragraphs_film() -> None:
    text = (
        "Just weeks before its release, Harrow Rising, the new science fiction movie, has been "
        "pushed to 2027. The movie is directed by Ana Reis, who is a legend thanks to directing "
        "Cold Water."
    )
    assert ("director", "Harrow Rising", "Ana Reis") in _sure(text)
    assert ("director", "Cold Water", "Ana Reis") not in _facts(text)


def test_what_an_actor_stars_in_is_a_film_not_a_role() -> None:
    text = (
        "Ana Reis's thriller \"Low Tide\" moves to May. Tom Gale's Night Rail (in which he "
        "stars as a hitman) takes its date."
    )
    assert "Night Rail" in build_name_book(text, split_sentences(text)).films.values()
    assert not {f for f in _facts(text) if f[0] == "character" and f[2] == "Night Rail"}


def test_the_only_film_named_once_as_its_clauses_subject_gives_the_cast_their_film() -> None:
    text = (
        "R&B star Ana Reis has been cast as jazz singer Nell Gray in Tom Gale's upcoming biopic."
        "\n\nShe will be joined by Ida Voss and Leo Marr.\n\nAccording to Deadline, The Trials "
        "of Nell Gray will follow Gray during her career."
    )
    assert ("cast", "The Trials of Nell Gray", "Ida Voss") in _sure(text)


def test_the_only_film_named_once_in_a_phrase_leaves_other_paragraphs_unsure() -> None:
    text = (
        "R&B star Ana Reis has been cast as jazz singer Nell Gray in Tom Gale's upcoming biopic."
        "\n\nShe will be joined by Ida Voss and Leo Marr.\n\nGale is best loved for the "
        "classic film Harbor Lights."
    )
    assert ("cast", "Harbor Lights", "Ida Voss") not in _sure(text)


def test_a_paragraph_opening_with_the_film_goes_on_about_the_paragraph_before() -> None:
    text = (
        "China Box Office Report\n\nA new film, Jade River, opened at No. 2 this weekend. "
        "It is worth noting.\n\nThe film is directed by Ana Reis. It stars Tom Gale and Ida "
        "Voss.\n\nThe comedy Give Me Ten stays at No. 1. It is directed by Leo Marr.\n\nSome "
        "animated titles, such as Lantern Hill, follow."
    )
    sure = _sure(text)
    assert {("director", "Jade River", "Ana Reis"), ("cast", "Jade River", "Ida Voss")} <= sure


def test_a_paragraph_opening_with_a_name_does_not_carry_the_film_over() -> None:
    text = (
        "China Box Office Report\n\nA new film, Jade River, opened at No. 2 this weekend.\n\n"
        "Ana Reis, meanwhile, has joined the cast of Tom Gale's next project.\n\nThe comedy "
        "Give Me Ten stays at No. 1. Lantern Hill is third."
    )
    assert ("cast", "Jade River", "Ana Reis") not in _sure(text)


def test_a_roundup_paragraph_is_about_the_first_film_it_names_even_without_a_fact() -> None:
    text = (
        "Casting Roundup: Ana Reis Boards 'Glass Harbor'; Tom Gale Circling 'Night Rail'\n\n"
        "Ana Reis is set to star opposite Ida Voss in Glass Harbor, a new drama.\n\n"
        "Tom Gale is in negotiations to headline Night Rail, a thriller. Gale will play a "
        "conductor named Abel Marsh."
    )
    facts = _facts(text)
    assert ("cast", "Night Rail", "Tom Gale") in facts
    assert ("cast", "Glass Harbor", "Tom Gale") not in facts


def test_credits_in_brackets_after_a_director_name_no_topic() -> None:
    text = (
        'Lin Mei ("Good Morning Chief" and "A Day with my Son") directs the omnibus film '
        '"Quiet Heaven". The film is a romance. Its stars are Ana Reis and Tom Gale.'
    )
    facts = _facts(text)
    assert ("director", "Quiet Heaven", "Lin Mei") in facts
    assert not {f for f in facts if f[1] == "Good Morning Chief" and f[0] != "film"}


def test_an_owner_is_not_whom_the_next_sentences_he_means() -> None:
    text = (
        'The charts: Tom Gale\'s "Morning Glass" is ninth, and superstar Raj Mehta stars in '
        '"Paper Boat". He plays a man with a message for the president.'
    )
    assert ("cast", "Morning Glass", "Tom Gale") not in _facts(text)


def test_a_plural_possessive_inside_an_unquoted_title() -> None:
    text = (
        "Ana Reis has been added to the cast of a spy thriller with the tentative title "
        "Miss Atkins' Army. Reis will play Vera Atkins."
    )
    assert ("cast", "Miss Atkins' Army", "Ana Reis") in _facts(text)


def test_festival_lineup_owners_credits_and_debuts_are_not_cast() -> None:
    text = (
        "Busan to open with Lin Mei's 'Winter Sea', close with Hong Kong thriller 'Signal 8'\n\n"
        'The festival will open with "Winter Sea", the second feature by Korean director Lin '
        "Mei. Starring Ana Reis as a swimmer, the film marks Lin's return seven years after "
        'her debut, "The Pale Hour". Reis, who won best actress at Cannes for "Red Sun" '
        "(2007), is joined by Tom Gale, who plays her brother."
    )
    facts = _facts(text)
    assert ("cast", "Winter Sea", "Lin Mei") not in facts
    assert not {f for f in facts if f[0] == "cast" and f[1] in {"The Pale Hour", "Red Sun"}}


def test_a_quoted_foreign_title_keeps_its_small_words() -> None:
    text = (
        'The competition features Indonesian filmmaker Rina Hartono\'s "Pulang ke Laut" '
        "(Return to the Sea), a drama starring Ana Reis."
    )
    assert "Pulang ke Laut" in build_name_book(text, split_sentences(text)).films.values()


def test_the_film_after_a_paragraph_about_a_debut_is_the_articles_film() -> None:
    text = (
        'Ana Reis to Direct "The Salt Widow"\n\nAna Reis has signed on to direct "The Salt '
        'Widow," Northlight announced.\n\nThe filmmaker drew raves for her 2022 debut, "Kestrel." '
        '"The Salt Widow" will be her first English-language feature.\n\nThe film is adapted '
        "from a novel, with a screenplay by Tom Gale."
    )
    facts = _facts(text)
    assert ("writer", "The Salt Widow", "Tom Gale") in facts
    assert ("writer", "Kestrel", "Tom Gale") not in facts


def test_a_telugu_release_story_keeps_its_director_star_and_remake_apart() -> None:
    text = (
        "Ravi Teja's 'Rudra Veena' locks Sankranti 2027 release\n\n"
        "Directed by Harish Kondapalli, who earlier helmed the rural comedy Seetharamapuram "
        "Junction, Rudra Veena sees Ravi Teja in a dual shade. He plays Rudra, a veena artiste."
        "\n\nThe Hindi version will release under the title Rudra.\n\nMeanwhile, Kondapalli's "
        "Seetharamapuram Junction, starring Naveen Polishetty, is set for a Hindi remake, with "
        "Rajkummar Rao said to be in the mix for the lead."
    )
    facts = extract_facts(text)
    sure = {(f.kind, f.subject, f.value) for f in facts if not f.unsure}
    assert ("director", "Rudra Veena", "Harish Kondapalli") in sure
    assert ("cast", "Rudra Veena", "Ravi Teja") in sure
    assert ("cast", "Seetharamapuram Junction", "Naveen Polishetty") in sure
    assert not {f for f in facts if "Kondapalli's" in f.subject}
    assert all(f.hedged for f in facts if f.value == "Rajkummar Rao")


def test_a_lineups_foreign_titles_glossed_in_brackets() -> None:
    text = (
        "Venice line-up announced\n\nChile's Tomás Echeverría returns to the Lido with La "
        "herida del sur (The Southern Wound), a revenge story led by Catalina Ruiz-Tagle. "
        "Japan's Hana Moriyama competes with Kujira no hone (The Whale's Bones). Kōji Yakusho "
        "headlines as a harbourmaster. Scared To Death follows Jasper (Olivier Paris)."
    )
    films = set(build_name_book(text, split_sentences(text)).films.values())
    assert {"La herida del sur", "Kujira no hone"} <= films
    assert not {f for f in films if "Moriyama" in f or "follows" in f}


def test_an_obituarys_subject_is_the_headline_person_not_his_director() -> None:
    text = (
        "Veteran actor Vaikom Sasidharan passes away at 87\n\n"
        "Vaikom Sasidharan, the veteran actor, died on Tuesday. Sasidharan was spotted by "
        "director K.R. Balan, who gave him his first role in Kayal Kaattu (1971).\n\n"
        "With Balan, he made Nizhalattam (1978), in which he played a teacher.\n\n"
        "Sasidharan would joke about it. Sasidharan is survived by his wife."
    )
    facts = _facts(text)
    assert ("cast", "Nizhalattam", "K.R. Balan") not in facts
    sections = section_films(text, split_sentences(text))
    assert not any("he made" in title for title in sections.values())


def test_a_festival_winners_story_in_sentence_case() -> None:
    text = (
        "Belle-Île film festival: Senegalese director Awa Ndiaye-Sarr wins top prize for "
        "'Les Eaux mortes'\n\nBy Clarisse Montagut (Belle-Île-en-Mer, Morbihan, special "
        "correspondent)\n\nThe jury awarded its top prize to Les Eaux mortes (Still Waters), the "
        "second feature by Senegalese director Awa Ndiaye-Sarr. The jury, presided over by the "
        "Belgian actress Mathilde Verhaegen, also included the Argentine director Lucas Ferrán."
        "\n\nThe jury rewarded Tuomas Rantanen, who plays a lighthouse keeper in Talvilinna "
        "(Winter Castle), directed by Aino Heikkilä. The festival had opened with La Dernière "
        "Marée, by Claire Montbrun."
    )
    facts = _facts(text)
    assert ("director", "Les Eaux mortes", "Awa Ndiaye-Sarr") in facts
    assert not {f for f in facts if f[2] in {"Mathilde Verhaegen", "Lucas Ferrán"}}
    assert not {f for f in facts if f[2] in {"Winter Castle", "La Dernière Marée"}}
    assert not {f for f in facts if f[0] == "known_for"}
    assert "Talvilinna" in build_name_book(text, split_sentences(text)).films.values()


def test_a_streaming_guides_quoted_headings_file_their_paragraphs() -> None:
    text = (
        "What to stream this week: a heist and a ghost story\n\n"
        '"Eko Gold" (Netflix, Friday)\n\nTom Gale directs this breezy heist picture.\n\n'
        '"The House by the Fjord" (Shudder, Thursday)\n\nIda Voss plays Henrik\'s daughter, '
        'Ida.\n\n"This Halloween… they are going astral."\n\nLeo Marr stars.'
    )
    sections = section_films(text, split_sentences(text))
    assert set(sections.values()) == {"Eko Gold", "The House by the Fjord"}
    assert ("cast", "The House by the Fjord", "Ida Voss") in _sure(text)


def test_a_nickname_in_quotes_and_a_glossed_headline_are_not_titles_or_people() -> None:
    text = (
        'Akai Shio (Red Tide)\n\nThe 1963 drama "Akai Shio" is restored. Tom Gale returns as '
        'safecracker Julio "Dice" Benitez, and Ida Voss is back as Marisol.'
    )
    book = build_name_book(text, split_sentences(text))
    assert "Dice" not in book.films.values()
    assert "red tide" not in book.persons


def test_a_profiles_credits_name_the_film_after_in() -> None:
    text = (
        'Ana Reis stars in the thriller "Small Hours".\n\nShe was the runaway Kayleigh in Tom '
        "Gale's Tenement (2014), and she held her own opposite Colin Firth in A Quiet "
        "Inheritance (2019). Joining Reis, who plays a dispatcher, is Ida Voss."
    )
    book = build_name_book(text, split_sentences(text))
    assert {"Tenement", "A Quiet Inheritance"} <= set(book.films.values())
    assert not {t for t in book.films.values() if " in " in t}
    assert "joining reis" not in book.persons
    assert ("cast", "Tenement", "Colin Firth") not in _facts(text)


def test_a_glossed_title_outweighs_with_x_but_a_list_of_credits_stays_people() -> None:
    text = (
        "Venice line-up announced\n\nIfeoma Chukwu is the first Nigerian filmmaker selected "
        "for the Competition with Ọmọ Olókun (Child of the Sea), a Yoruba-language drama.\n\n"
        'The voice cast of the film "Zootropolis" includes Jason Bateman (Horrible Bosses), '
        "Ginnifer Goodwin (Once Upon A Time) and Octavia Spencer (The Help). Filipino director "
        'Carlo Dima brings the typhoon drama "Bagyo" (Storm).'
    )
    book = build_name_book(text, split_sentences(text))
    assert "Ọmọ Olókun" in book.films.values()
    assert "Ginnifer Goodwin" not in book.films.values()
    assert ("director", "Bagyo", "Carlo Dima") in _facts(text)
