"""Sentence splitting with character offsets into the text, so evidence can be pointed at."""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Words that end with a period without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt lt col gen capt sgt cpl maj adm gov sen rep rev fr vs etc
    inc ltd co corp bros no vol ed approx dept est fig jan feb mar apr jun jul aug sep sept
    oct nov dec dir dirs prod""".split()
)

SENTENCE_END = regex.compile(r"""[.!?]+['"’”)\]]*(?=\s+|$)""")
NEXT_STARTS_SENTENCE = regex.compile(r"""\s+(?=['"‘“(\[]?[\p{Lu}\d])""")
# A blank line ends a paragraph, and so does a single line break (extracted web pages and
# list-like lines "Nine Winters (Kazakhstan) – dir. ..." come that way), unless the next line
# goes on in lower case: a hard-wrapped sentence.
PARAGRAPH_BREAK = regex.compile(r"\n\s*\n|\n(?![ \t]*\p{Ll})")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


LAST_WORD = regex.compile(r"([\p{L}.]+)$")
INITIALS = regex.compile(r"(?:\p{Lu}\.)*\p{Lu}")


def _ends_sentence(text: str, dot_at: int, match_end: int) -> bool:
    if text[dot_at] != ".":
        return True
    # Only the word before the dot matters: look at a short window, not the whole text.
    word = LAST_WORD.search(text[max(0, dot_at - 40) : dot_at])
    if not word:
        return True
    token = word.group(1)
    if token.casefold().rstrip(".") in ABBREVIATIONS:
        return False
    if INITIALS.fullmatch(token):  # initials: "J.K", "U.S", "A"
        return False
    following = text[match_end:].lstrip()
    return not following[:1].islower()


def split_sentences(text: str) -> list[Sentence]:
    """Split into sentences, never across paragraphs, keeping offsets into `text`."""
    sentences: list[Sentence] = []
    paragraph_start = 0
    paragraph = 0
    breaks = [m.span() for m in PARAGRAPH_BREAK.finditer(text)] + [(len(text), len(text))]
    for brk_start, brk_end in breaks:
        _split_paragraph(text, paragraph_start, brk_start, paragraph, sentences)
        paragraph += 1
        paragraph_start = brk_end
    return sentences


def _split_paragraph(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    chunk_start = start
    for match in SENTENCE_END.finditer(text, start, end):
        dot_at = match.start()
        following = NEXT_STARTS_SENTENCE.match(text, match.end(), end)
        at_end = match.end() >= end or not text[match.end() : end].strip()
        if not at_end and (not following or not _ends_sentence(text, dot_at, match.end())):
            continue
        _add(text, chunk_start, match.end(), paragraph, out)
        chunk_start = match.end()
    _add(text, chunk_start, end, paragraph, out)


def _add(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))
