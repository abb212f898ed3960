"""Credits blocks: the labelled lines of reviews, calendars and wiki pages.

"Directed by: Neil Burger", "Starring: A, B, C and D", "Opening on: January 25, 2019",
"Director – X, Screenplay – Y, Producer – Z". In such a block the label says what each name is,
so no sentence pattern is needed: the names are split on commas, "and" and "&", and each must
look like a person's name. A cast entry may carry its role, "Name (Role)" or "Name as Role".

A block belongs to its section's film (a heading such as "The Upside (2019)" right before it);
without one, to the film the surrounding text is about, which the caller decides. Producers,
photographers and other crew are read only to keep them out of the cast.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from quizapp.text.dates import find_dates
from quizapp.text.sentences import Sentence

LABELS: dict[str, str] = {
    "director": r"direct(?:ed|ors?)(?:\s+by)?|co-directed\s+by|(?-i:D)(?=:)",
    "writer": r"writ(?:ten|ers?)(?:\s+by)?|screenplay(?:\s+by)?|script(?:\s+by)?",
    "cast": r"starring|stars|(?:main\s+)?cast(?:\s+and\s+characters)?|voice\s+cast|voices",
    "release_date": r"open(?:ing|s)(?:\s+on)?|release(?:d|\s+date)?(?:\s+on)?"
    r"|in\s+(?:theaters|cinemas)",
    "crew": r"produc(?:ed\s+by|ers?)|photography|cinematography|music|editor|editing"
    r"|production\s+(?:design|company)|effects|[\p{L}/ ]{1,30}\s+effects|pyrotechnics|costumes?",
}
LABEL = regex.compile(
    r"(?P<label>" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in LABELS.items()) + r")"
    r"\s*(?::|\s[–—-])\s*",
    regex.IGNORECASE,
)
# A label alone on its line ("Cast", "Crew", "Cast and characters:") heads the paragraph below.
LABEL_LINE = regex.compile(
    r"\s*(?P<label>"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in LABELS.items())
    + r"|crew)\s*:?\s*$",
    regex.IGNORECASE,
)
NAME_WORD = r"(?:\p{Lu}[\p{Ll}\p{Lu}'’\-]*\.?|\p{Lu}\.|(?:de|da|van|von|der|del|la|le|bin)\b)"
PERSON = regex.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,4}}")
ROLE = regex.compile(
    r"\s*(?:\((?:as\s+)?(?P<paren>[^(),]{1,60})(?:,[^()]*)?\)"
    r"|\s+as\s+(?P<as>[^,;]{1,60})|\s*(?:…|\.{3}|\s[–—-]\s)\s*(?P<dots>[^,;]{1,60}))\s*$"
)
SEPARATOR = regex.compile(r"\s*(?:,|;|&|\band\b|\n)\s*")


@dataclass(frozen=True)
class Credit:
    """One name or date a credits block gives, with its span in the article."""

    kind: str  # director | writer | cast | character | release_date
    film: str | None  # the heading's title, or None for the surrounding text's film
    value: str
    start: int
    end: int
    role: str | None = None  # for cast: the character, when the entry names one
    role_start: int = 0
    role_end: int = 0
    iso: str | None = None  # for release_date


def find_credits(
    text: str, sentences: list[Sentence], sections: dict[int, str]
) -> Iterator[Credit]:
    """Every credit the article's labelled lines give, in text order, each filed under its
    paragraph's section film when it has one (see document.section_films)."""
    blocks = _blocks(text, sentences)
    for sentence in sentences:
        film = sections.get(sentence.paragraph)
        block_kind = blocks.get(sentence.index)
        if block_kind in {"director", "writer", "cast"}:
            yield from _names(text, block_kind, film, sentence.start, sentence.end)
        elif block_kind in {None, "crew"}:
            yield from _sentence_credits(text, sentence, film)


def block_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Where the credits blocks stand: there the labels decide, not the sentence patterns."""
    blocks = _blocks(text, sentences)
    return [(s.start, s.end) for s in sentences if s.index in blocks or LABEL.match(text, s.start)]


def labelled_block_lines(text: str, sentences: list[Sentence]) -> set[int]:
    """The indexes of the sentences under a label alone on its line ("Cast")."""
    return set(_blocks(text, sentences))


# "Marisa Hood … Maeve", "Mary Keller (Kate)", "Tom Kay as Wally", "Ann Lee - Fer": one entry.
ENTRY_LINE = regex.compile(
    rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,4}}\s*(?:…|\.{{3}}|\(|\s[–—-]\s|\s+as\s|,|$)"
)


def _blocks(text: str, sentences: list[Sentence]) -> dict[int, str]:
    """The sentences under a label that stands alone on its line, by index, with the label's
    kind. The block is the paragraph below the label, and the one-entry paragraphs after it."""
    blocks: dict[int, str] = {}
    kind: str | None = None
    label_paragraph = last_paragraph = -1
    for sentence in sentences:
        alone = LABEL_LINE.fullmatch(sentence.text)
        if alone:
            kind = next((k for k in LABELS if alone.group(k)), "crew")
            label_paragraph = last_paragraph = sentence.paragraph
            blocks[sentence.index] = "label"
            continue
        if kind is None:
            continue
        if (
            sentence.paragraph == label_paragraph + 1
            or sentence.paragraph == last_paragraph
            or (sentence.paragraph == last_paragraph + 1 and _is_entry_line(sentence))
        ):
            blocks[sentence.index] = kind
            last_paragraph = sentence.paragraph
        else:
            kind = None
    return blocks


def _is_entry_line(sentence: Sentence) -> bool:
    stripped = sentence.text.strip()
    return len(stripped) <= 100 and bool(ENTRY_LINE.match(stripped))


def _sentence_credits(text: str, sentence: Sentence, film: str | None) -> Iterator[Credit]:
    labels = [
        m
        for m in LABEL.finditer(text, sentence.start, sentence.end)
        if _opens_entry(text, m.start(), sentence.start)
    ]
    for index, label in enumerate(labels):
        following = labels[index + 1] if index + 1 < len(labels) else None
        kind = next(k for k in LABELS if label.group(k))
        stop = following.start() if following else _line_end(text, label.end(), sentence.end)
        if kind == "crew":
            continue
        if kind == "release_date":
            for date in find_dates(text, label.end(), stop)[:1]:
                if date.iso:
                    yield Credit(kind, film, date.iso, date.start, date.end, iso=date.iso)
            continue
        yield from _names(text, kind, film, label.end(), stop)


def _opens_entry(text: str, at: int, sentence_start: int) -> bool:
    before = text[sentence_start:at]
    return not before.strip() or before.rstrip().endswith((",", ";", "\n")) or "\n" in before


def _line_end(text: str, start: int, limit: int) -> int:
    newline = text.find("\n", start, limit)
    return limit if newline < 0 else newline


def _names(text: str, kind: str, film: str | None, start: int, end: int) -> Iterator[Credit]:
    position = start
    for piece in _entries(text[start:end].rstrip(" .")):
        offset = text.find(piece, position, end) if piece else -1
        if offset < 0:
            continue
        position = offset + len(piece)
        role = ROLE.search(piece)
        name = piece[: role.start()] if role else piece
        person = PERSON.fullmatch(name.strip())
        if not person:
            continue
        name_start = offset + piece.index(person.group())
        credit = Credit(kind, film, person.group(), name_start, name_start + len(person.group()))
        if role and kind == "cast":
            group = next(g for g in ("paren", "as", "dots") if role.group(g))
            role_text = role.group(group).strip()
            role_start = offset + role.start(group)
            credit = Credit(
                kind,
                film,
                credit.value,
                credit.start,
                credit.end,
                role=role_text,
                role_start=role_start,
                role_end=role_start + len(role_text),
            )
        yield credit


def _entries(block: str) -> list[str]:
    """The block split at its separators, but never inside parentheses."""
    pieces: list[str] = []
    depth, last = 0, 0
    for index, char in enumerate(block):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            found = SEPARATOR.match(block, index)
            if found and found.end() > index and index >= last:
                pieces.append(block[last:index])
                last = found.end()
    pieces.append(block[last:])
    return [piece for piece in pieces if piece.strip()]
