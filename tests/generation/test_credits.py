"""Credits blocks: labels, not phrasings, say who directed, wrote and starred."""

from __future__ import annotations

from quizapp.generation import extract_facts
from quizapp.generation.credits import find_credits
from quizapp.generation.document import heading_title
from quizapp.text.sentences import split_sentences

CALENDAR = """Our most awaited films of the winter

February

Harbour Lights (2031)

Directed by: Odile Marchetti

Starring: Tomas Revel, Greta Lindqvist and Samuel K. Oduya

Opening on: February 7, 2031

A slow-burning thriller about a lighthouse keeper. The film was shot on the coast.

Night Orchard (2031)

Directed by: Bruno Azevedo

Starring: Ines Carvalho (Marta), Paulo Nunes as the gardener

Opening on: February 21, 2031

A family drama in the Douro valley. The movie has been a festival favourite.
"""

REVIEW_CREDITS = """The Salt Road review: a patient film about the sea

The Salt Road is a quiet film about two fishermen and their boat.

Director – Hanna Kowal, Screenplay – Hanna Kowal & Piotr Lis, Producer – Adam Nowak, \
Photography – Ewa Zielinska.
"""


def _facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.value) for f in extract_facts(text)}


def test_headings_name_the_film_of_the_credits_below_them() -> None:
    facts = _facts(CALENDAR)
    assert {
        ("director", "Harbour Lights", "Odile Marchetti"),
        ("cast", "Harbour Lights", "Tomas Revel"),
        ("cast", "Harbour Lights", "Greta Lindqvist"),
        ("cast", "Harbour Lights", "Samuel K. Oduya"),
        ("release_date", "Harbour Lights", "2031-02-07"),
        ("director", "Night Orchard", "Bruno Azevedo"),
        ("cast", "Night Orchard", "Ines Carvalho"),
        ("release_date", "Night Orchard", "2031-02-21"),
    } <= facts
    assert ("director", "Night Orchard", "Odile Marchetti") not in facts
    assert ("cast", "Harbour Lights", "Ines Carvalho") not in facts


def test_a_cast_entry_can_carry_its_role_in_parentheses_or_after_as() -> None:
    facts = _facts(CALENDAR)
    assert ("character", "Ines Carvalho", "Marta") in facts
    assert ("character", "Paulo Nunes", "the gardener") in facts


def test_dash_labelled_runs_give_director_and_writers_and_keep_crew_out_of_the_cast() -> None:
    facts = _facts(REVIEW_CREDITS)
    assert ("director", "The Salt Road", "Hanna Kowal") in facts
    assert {
        ("writer", "The Salt Road", "Piotr Lis"),
        ("writer", "The Salt Road", "Hanna Kowal"),
    } <= facts
    assert not {f for f in facts if f[2] in {"Adam Nowak", "Ewa Zielinska"}}


def test_prose_with_a_colon_is_not_a_credit() -> None:
    text = "The director said it plainly: Anna Berg was the only choice for the part."
    assert list(find_credits(text, split_sentences(text), {})) == []


def test_a_heading_is_a_short_title_line_with_its_year() -> None:
    assert heading_title("The Upside Down (1999)", 0, 22) == "The Upside Down"
    text = "A long sentence that ends in a full stop. (1999)"
    assert heading_title(text, 0, len(text)) is None


def test_a_title_defined_between_commas_is_found_without_quotes() -> None:
    text = (
        "Directed by seasoned stage director Marta Quill, Winter Bees Return is a patiently "
        "acted and handsomely shot period drama about a beekeeper. The film opens in 1870."
    )
    assert ("director", "Winter Bees Return", "Marta Quill") in _facts(text)


WIKI_CAST = """Fog Over Tallinn (1987)

Crew

Director – Karl Saar, Screenplay – Karl Saar & Liis Mets, Producer – Toomas Kask.

Cast

Mari Kuusk (Anna Rebane), Jaan Tamm (Peeter Rebane, her brother), Rein Oja (Detective Lepp)

Plot

Anna Rebane (Mari Kuusk) returns to her home town and finds her brother gone.
"""


def test_a_cast_block_under_its_own_label_line_reads_actor_then_role() -> None:
    facts = _facts(WIKI_CAST)
    assert {
        ("cast", "Fog Over Tallinn", "Mari Kuusk"),
        ("character", "Mari Kuusk", "Anna Rebane"),
        ("character", "Jaan Tamm", "Peeter Rebane"),
        ("character", "Rein Oja", "Detective Lepp"),
        ("director", "Fog Over Tallinn", "Karl Saar"),
    } <= facts
    assert not {f for f in facts if f[0] == "cast" and f[2] in {"Anna Rebane", "Toomas Kask"}}
    assert ("character", "Anna Rebane", "Mari Kuusk") not in facts


def test_a_cast_list_of_one_entry_paragraphs_runs_until_the_prose_resumes() -> None:
    text = (
        "Moon Dogs of Ohio is a 2019 American comedy horror film.\n\n"
        "Cast and characters:\n\nAda Brill … Joan Keel\n\nTom Marr … Uncle Vic\n\n"
        "Lia Fenn as Dot\n\nThe film was shot in Dayton by Ben Cole, who plays Vic's neighbour."
    )
    facts = _facts(text)
    assert {
        ("cast", "Moon Dogs of Ohio", "Ada Brill"),
        ("character", "Ada Brill", "Joan Keel"),
        ("character", "Tom Marr", "Uncle Vic"),
        ("character", "Lia Fenn", "Dot"),
    } <= facts
    assert not {f for f in facts if f[0] == "character" and f[1] == "The film"}


def test_actor_dash_role_lines_under_a_cast_label_are_credits_not_list_entries() -> None:
    text = (
        "Casa Lenta (English: The Slow House) is a 1998 Argentine thriller film directed by "
        "Rafael Ortiz.\n"
        "Cast\n"
        "Valeria Quiroga – Inés Ferrater\n"
        "Andrés Pizarro – Julián Ferrater\n"
        "Production\n"
        "Filming took place in 1997."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text)}
    assert ("cast", "Casa Lenta", "Andrés Pizarro") in facts
    assert ("character", "Valeria Quiroga", "Inés Ferrater") in facts
    assert not {f for f in facts if f[0] == "film" and f[1] == "Valeria Quiroga"}


def test_an_encyclopedia_lead_defines_a_film_whatever_its_casing() -> None:
    text = (
        "La casa de los ciegos is a 1998 Argentine psychological thriller film directed by "
        "Ramiro Echeverría and starring Valeria Quiroga and Andrés Pizarro. It was his third "
        "feature, after Mañana, Teresa (1994)."
    )
    facts = {(f.kind, f.subject, f.value) for f in extract_facts(text) if not f.unsure}
    assert ("director", "La casa de los ciegos", "Ramiro Echeverría") in facts
    assert ("cast", "La casa de los ciegos", "Valeria Quiroga") in facts
