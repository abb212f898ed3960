"""The article's layout: which film each paragraph is filed under.

Release calendars, box-office charts and "most anticipated" lists give each film a heading
("The Upside (2019)") or open each entry with its title ("Venom – Tom Hardy stars as ...").
Everything under such a heading, or in such an entry, is about that film unless a sentence
names another: that is the section film, a stronger reason than "the film last mentioned".

A heading's section runs until the next heading or the next short line that is not one (a
month, a category); an entry's section is its own paragraph.
"""

from __future__ import annotations

import regex

from quizapp.generation.credits import LABEL, labelled_block_lines
from quizapp.text.sentences import Sentence

# "The Upside (2019)", or with credits after it: "An Affair to Remember (1957), 115 minutes, D: X".
HEADING = regex.compile(r"(?P<title>[^\n.!?:]{1,80}?)\s*\((?:18|19|20)\d\d\)(?:,[^\n]{0,200})?\s*$")
TITLE_WORD = r"(?:\p{Lu}[\p{L}\d'’&.:-]*|\d+)"
CONNECTOR = r"(?:of|the|a|an|in|on|for|and|to|at|from|with|is|are|be|or|vs\.?)"
# "Venom – Tom Hardy stars ...", "Desperate (1947) - the only film ...", "Nine Winters
# (Kazakhstan) – dir. ...": a title (with its year or country), a spaced dash, then the entry.
ENTRY = regex.compile(
    rf"(?P<title>{TITLE_WORD}(?:\s(?:{CONNECTOR}\s)*{TITLE_WORD}){{0,7}})"
    rf"(?:\s[–—-]\s+\p{{Lu}}|\s+\([^()\n]{{1,40}}\)\s+[–—-]\s+\p{{L}})"
)
DATELINE = regex.compile(r"^\p{Lu}[\p{Lu}\s.,-]+$")


# A streaming guide's or a list's heading: a quoted title alone on its line, perhaps with
# where and when it shows: '"Eko Gold" (Netflix, Friday)'.
QUOTED_HEADING = regex.compile(
    r"[“\"‘'](?P<title>[^“”\"\n]{1,80}?)[”\"’']\s*(?:\([^()\n]{1,60}\))?\s*$"
)


def heading_title(text: str, start: int, end: int) -> str | None:
    """The title a heading line names: "The Upside (2019)" -> "The Upside"."""
    quoted = QUOTED_HEADING.match(text, start, end)
    if quoted and (end == len(text) or text[end : end + 1] == "\n"):
        title = quoted.group("title").strip()
        words = title.split()
        capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        # A quoted tagline ("This Halloween… they are going astral.") is no heading.
        if words and not title.endswith((".", "!", "?", "…")) and capitalised * 2 >= len(words):
            return title
    found = HEADING.match(text, start, end)
    if not found:
        return None
    title = found.group("title").strip(" “”\"'‘’")
    if regex.search(r",\s+\p{Ll}", title):
        return None  # "With Balan, he made Nizhalattam (1978), in which ...": a sentence
    words = [w for w in title.split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return title if words and words[0][:1].isupper() and capitalised / len(words) >= 0.6 else None


def entry_title(text: str, sentence: Sentence) -> str | None:
    """The title that opens a list entry's paragraph, "Venom – Tom Hardy stars as ..."."""
    if sentence.start > 0 and text[sentence.start - 1] != "\n":
        return None
    found = ENTRY.match(text, sentence.start, sentence.end)
    if not found or DATELINE.match(found.group("title")) or LABEL.match(text, sentence.start):
        return None
    return found.group("title")


def _is_short_line(sentence: Sentence) -> bool:
    """A line such as "February" or "Competition": not a sentence, not a labelled line."""
    stripped = sentence.text.strip()
    if any(mark in stripped for mark in (":", " – ", " — ", " - ")):
        return False
    return len(stripped.split()) <= 6 and not stripped.endswith((".", "!", "?", "”", '"'))


def section_films(text: str, sentences: list[Sentence]) -> dict[int, str]:
    """The film each paragraph is filed under, for the paragraphs that have one."""
    sections: dict[int, str] = {}
    heading: str | None = None
    # "Valeria Quiroga – Inés Ferrater" under "Cast" is an actor and a role, not an entry.
    in_blocks = labelled_block_lines(text, sentences)
    for sentence in sentences:
        starts_paragraph = sentence.start == 0 or text[sentence.start - 1] == "\n"
        if not starts_paragraph:
            continue
        title = heading_title(text, sentence.start, sentence.end)
        if title:
            heading = title
        elif _is_short_line(sentence):
            heading = None
        entry = None if sentence.index in in_blocks else entry_title(text, sentence)
        if entry:
            sections[sentence.paragraph] = entry
        elif heading:
            sections[sentence.paragraph] = heading
    return sections
