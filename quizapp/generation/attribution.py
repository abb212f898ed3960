"""Why a fact names its film, and which facts name it on too weak a reason to be asked.

A director, writer, cast member or release date is stated of a film for one of these reasons,
strongest first:
- "clause": the sentence names the film;
- "sequel": the film it names is one this film's title continues ("join the 'Twister' sequel"
  of Twisters);
- "section": the layout files the paragraph under it (a heading or a list entry);
- "paragraph": the paragraph names it, or opens with "The film" after a paragraph that named
  it last;
- "only": it is the only film the article names, in two sentences or more, or in one as the
  subject of its clause;
- "headline": the headline (or, without one, the opening sentence) names it;
- "dominant": the article keeps coming back to it (three sentences or more) and to no other
  film half as often.
A title a sentence names only in passing (a person's credit, the film a sequel follows, a list
of someone's earlier work) gives no reason. A fact with none of these reasons got its film by
default: it is marked unsure. The generator asks no question on an unsure fact; an author sees
it and may confirm it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import regex

from quizapp.generation.context import EARLIER_WORK_MARK, FILM_NOUN_SUBJECT, RELATIVE_NOUN
from quizapp.generation.types import Fact
from quizapp.text.folding import match_key
from quizapp.text.sentences import Sentence

SUBJECT_VERB = (
    r"(?:is|was|will|has|had|stars|starred|opens|opened|follows|tells|centers|centres|"
    r"chronicles|premieres|premiered|arrives|hits|debuts)\b"
)
FILM_SUBJECT_KINDS = frozenset({"director", "writer", "cast", "release_date"})


class _Keys:
    """The match keys of each sentence and paragraph, folded once, and which sentences name a
    title only in passing (a person's credit, the film a sequel follows)."""

    def __init__(
        self,
        sentences: list[Sentence],
        in_passing: set[tuple[int, str]],
        short_titles: dict[str, str] | None = None,
    ) -> None:
        self.sentence = {s.index: f" {match_key(s.text)} " for s in sentences}
        self.paragraph_of = {s.index: s.paragraph for s in sentences}
        self.in_paragraph: dict[int, list[int]] = {}
        for s in sentences:
            self.in_paragraph.setdefault(s.paragraph, []).append(s.index)
        # The headline, or in an article without one its lede: what the article is about.
        self.headline = sentences[0].index if sentences else -1
        self.start = {s.index: s.start for s in sentences}
        self.text = {s.index: s.text for s in sentences}
        self.titles: set[str] = set()
        self._carried: dict[int, str | None] = {}
        self.in_passing = in_passing
        # "Jupiter" in a headline over a body about "Jupiter Ascending": the forms of a title.
        self.forms: dict[str, list[str]] = {}
        for short, title in (short_titles or {}).items():
            self.forms.setdefault(title, []).append(f" {match_key(short)} ")

    def names(self, title: str, index: int) -> bool:
        """Sentence `index` names `title` as something it is about."""
        key = self.sentence.get(index)
        if key is None or (index, title) in self.in_passing:
            return False
        return any(form in key for form in [f" {match_key(title)} ", *self.forms.get(title, [])])

    def is_subject(self, title: str, index: int) -> bool:
        """Sentence `index` makes `title` the subject of a clause: "X will follow ..."."""
        return bool(
            regex.search(
                rf"(?<![\p{{L}}\d]){regex.escape(title)}(?=[”\"’']?\s+{SUBJECT_VERB})",
                self.text[index],
            )
        )

    def paragraph_names(self, title: str, paragraph: int) -> bool:
        if any(self.names(title, index) for index in self.in_paragraph[paragraph]):
            return True
        return self.carried_over(paragraph) == title

    def carried_over(self, paragraph: int) -> str | None:
        if paragraph not in self._carried:
            self._carried[paragraph] = self._film_carried_over(paragraph)
        return self._carried[paragraph]

    def _film_carried_over(self, paragraph: int) -> str | None:
        """ "The film is co-directed by ...": a paragraph that opens with "The film" is about
        the film the paragraph before it named last."""
        indexes = self.in_paragraph[paragraph]
        earlier = [p for p in self.in_paragraph if p < paragraph]
        if not earlier or not FILM_NOUN_SUBJECT.match(self.text[indexes[0]]):
            return None
        for index in reversed(self.in_paragraph[max(earlier)]):
            named = sorted(
                (self.sentence[index].index(f" {match_key(title)} "), title)
                for title in self.titles
                if self.names(title, index)
            )
            if named:
                return named[-1][1]
        return None

    def dominant(self, titles: set[str]) -> str | None:
        """The title named in at least three sentences and twice as often as any other."""
        named = Counter(
            title for title in titles for index in self.sentence if self.names(title, index)
        ).most_common(2)
        if not named or named[0][1] < 3:
            return None
        if len(named) > 1 and named[0][1] < 2 * named[1][1]:
            return None
        return named[0][0]


def _relative_mention(title: str) -> regex.Pattern[str]:
    quoted = regex.escape(title)
    return regex.compile(
        rf"(?<![\p{{L}}\d]){quoted}[”\"’']?\s+{RELATIVE_NOUN}"
        rf"|{RELATIVE_NOUN}\s+(?:to|of)\s+(?:\S+\s+){{0,4}}[“\"‘']?{quoted}(?![\p{{L}}\d])",
        regex.IGNORECASE,
    )


def continues_a_named_title(fact: Fact) -> bool:
    """The sentence names a film as the one this film follows ("the 'Twister' sequel", "the
    sequel to The Amazing Spider-Man"), and this film's title carries that title on."""
    if not RELATIVE_WORD.search(fact.sentence):
        return False
    return any(
        _relative_mention(fact.subject[:end].rstrip()).search(fact.sentence)
        for end in range(len(fact.subject) - 1, 2, -1)
    )


RELATIVE_WORD = regex.compile(RELATIVE_NOUN, regex.IGNORECASE)


LIST_ENDS = regex.compile(r",\s+(?!(?:and|or|as\s+well\s+as|plus|with|including)\b)\p{Ll}")


def _among_earlier_work(fact: Fact, sentence_start: int) -> bool:
    """ "She has been seen in films including Low Tide with Mara Quist": a statement inside a
    list of someone's earlier work is about that work, unless a new clause about its film
    starts after the list ("..., best known for his adaptations, All Is True is a ...")."""
    at = fact.start - sentence_start
    mark = EARLIER_WORK_MARK.search(fact.sentence, 0, max(at, 0))
    if mark is None:
        return False
    # "The film from X, who made Quiet Rooms in 2019, follows a widow (Dara Quill)": the aside
    # ends where the main clause goes on.
    if LIST_ENDS.search(fact.sentence, mark.end(), max(at, mark.end())):
        return False
    # "Hot on the heels of his breakout role in X, Noah Jupe has joined ...": the person is
    # the subject of the main clause.
    if regex.match(
        r"\s+(?:has|have|is|was|will|joins|joined|stars)\b",
        fact.sentence[fact.end - sentence_start :],
    ):
        return False
    subject = regex.compile(rf"{regex.escape(fact.subject)}[”\"’']?\s+(?:is|was|will|has|stars)\b")
    return not subject.search(fact.sentence, mark.end())


def basis(
    fact: Fact, keys: _Keys, sections: dict[int, str], titles: set[str], dominant: str | None
) -> str:
    """The reason `fact` names its film (see the module docstring), or "unsure"."""
    paragraph = keys.paragraph_of[fact.sentence_index]
    if fact.qualifier == "named":
        return "clause"  # the rule bound the film in the clause ("X's previous film, F")
    if _among_earlier_work(fact, keys.start[fact.sentence_index]):
        return "unsure"
    if keys.names(fact.subject, fact.sentence_index):
        return "clause"
    if continues_a_named_title(fact):
        return "sequel"
    if sections.get(paragraph) == fact.subject:
        return "section"
    if keys.paragraph_names(fact.subject, paragraph):
        return "paragraph"
    if len(titles) == 1:
        # Named in two sentences, or in one as the subject of its clause ("The United States
        # vs. Billie Holiday will follow Holiday"), not merely in a phrase ("the classic X").
        naming = [index for index in keys.sentence if keys.names(fact.subject, index)]
        if len(naming) >= 2 or any(keys.is_subject(fact.subject, i) for i in naming):
            return "only"
    if keys.names(fact.subject, keys.headline) and (len(titles) <= 2 or fact.subject == dominant):
        return "headline"
    if fact.subject == dominant:
        return "dominant"
    return "unsure"


def mark_unsure(
    facts: list[Fact],
    sentences: list[Sentence],
    sections: dict[int, str],
    in_passing: set[tuple[int, str]],
    short_titles: dict[str, str] | None = None,
) -> list[Fact]:
    """The facts, those whose film is a default guess marked unsure; a character goes with
    its actor's cast facts (unsure when every one of them is). `in_passing` holds the
    (sentence index, title) pairs where a sentence names a title only in passing;
    `short_titles` maps a title's short forms to it."""
    titles = {fact.subject for fact in facts if fact.kind == "film"}
    keys = _Keys(sentences, in_passing, short_titles)
    keys.titles = titles
    dominant = keys.dominant(titles)
    marked = [
        dataclasses.replace(fact, unsure=True)
        if fact.kind in FILM_SUBJECT_KINDS
        and basis(fact, keys, sections, titles, dominant) == "unsure"
        else fact
        for fact in facts
    ]
    cast = [fact for fact in marked if fact.kind == "cast"]
    doubtful = {
        match_key(fact.value)
        for fact in cast
        if all(other.unsure for other in cast if match_key(other.value) == match_key(fact.value))
    }
    return [
        dataclasses.replace(fact, unsure=True)
        if fact.kind == "character" and match_key(fact.subject) in doubtful
        else fact
        for fact in marked
    ]
