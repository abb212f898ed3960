"""Our own JSON format for a whole quiz: its article, the article's facts and its questions."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Protocol

from quizapp.interchange.jsontext import Fields, element_lines, load_json
from quizapp.interchange.records import (
    QUESTION_ORIGINS,
    QUESTION_STATUSES,
    FactFields,
    Problem,
    QuestionLike,
    QuestionRecord,
    check_record,
    record_from_question,
)
from quizapp.kinds import KINDS

FORMAT, VERSION = "quizapp-quiz", 1


@dataclass
class ArticleData:
    title: str
    url: str | None
    published_on: str | None  # ISO date
    text: str


@dataclass
class FactData:
    kind: str
    subject: str
    value: str
    qualifier: str | None
    sentence_index: int
    start: int
    end: int
    hedged: bool = False


@dataclass
class QuestionData:
    """A question of the quiz; `fact` is the index of its fact in QuizDocument.facts."""

    record: QuestionRecord
    evidence_start: int | None = None
    evidence_end: int | None = None
    status: str = "draft"
    origin: str = "generated"
    fact: int | None = None


@dataclass
class QuizDocument:
    title: str
    slug: str
    description: str = ""
    settings: dict[str, object] = field(default_factory=dict)
    published: bool = False
    article: ArticleData | None = None
    facts: list[FactData] = field(default_factory=list)
    questions: list[QuestionData] = field(default_factory=list)


def _question_json(question: QuestionData) -> dict[str, Any]:
    record = question.record
    return {
        "kind": record.kind,
        "title": record.title,
        "category": record.category,
        "prompt": record.prompt,
        "choices": [{"text": text, "correct": correct} for text, correct in record.choices],
        "accepted_answers": list(record.accepted_answers),
        "explanation": record.explanation,
        "difficulty": record.difficulty,
        "status": question.status,
        "origin": question.origin,
        "evidence_start": question.evidence_start,
        "evidence_end": question.evidence_end,
        "fact": question.fact,
    }


def export_quiz_json(data: QuizDocument) -> str:
    """The document as JSON text that parse_quiz_json() reads back unchanged."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "title": data.title,
        "slug": data.slug,
        "description": data.description,
        "settings": data.settings,
        "published": data.published,
        "article": asdict(data.article) if data.article is not None else None,
        "facts": [asdict(fact) for fact in data.facts],
        "questions": [_question_json(question) for question in data.questions],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def parse_quiz_json(text: str) -> tuple[QuizDocument | None, list[Problem]]:
    """The document, or None and every problem found, each with its JSON path."""
    data, problem = load_json(text)
    if problem is not None:
        return None, [problem]
    problems: list[Problem] = []
    top = Fields(data, "", 1, problems)
    if problems or top.obj.get("format") != FORMAT:
        return None, problems or [Problem(1, f'format: expected "{FORMAT}"')]
    if top.obj.get("version") != VERSION:
        return None, [Problem(1, f"version: only version {VERSION} can be read")]
    doc = QuizDocument(
        title=top.get("title", str),
        slug=top.get("slug", str),
        description=top.get("description", str, ""),
        settings=top.get("settings", dict, {}),
        published=top.get("published", bool, False),
    )
    raw_article = top.get("article", dict, None, nullable=True)
    if isinstance(top.obj.get("article"), dict):
        doc.article = _article(Fields(raw_article, "article", 1, problems))
    article_text = doc.article.text if doc.article is not None else None
    facts, lines = top.get("facts", list, []), element_lines(text, "facts")
    for index, raw in enumerate(facts):
        fields = Fields(raw, f"facts[{index}]", _line(lines, index), problems)
        if fields.is_object:
            doc.facts.append(_fact(fields, article_text))
    lines = element_lines(text, "questions")
    for index, raw in enumerate(top.get("questions", list, [])):
        fields = Fields(raw, f"questions[{index}]", _line(lines, index), problems)
        if fields.is_object:
            doc.questions.append(_question(fields, article_text, len(facts)))
    return (None if problems else doc), problems


def _line(lines: list[int], index: int) -> int:
    return lines[index] if index < len(lines) else 1


def _article(fields: Fields) -> ArticleData:
    published = fields.get("published_on", str, None, nullable=True)
    if published is not None:
        try:
            valid = date.fromisoformat(published).isoformat() == published
        except ValueError:
            valid = False
        if not valid:
            fields.fail("published_on", "expected a date as YYYY-MM-DD")
    return ArticleData(
        title=fields.get("title", str),
        url=fields.get("url", str, None, nullable=True),
        published_on=published,
        text=fields.get("text", str),
    )


def _check_span(
    fields: Fields, keys: tuple[str, str], span: tuple[int | None, int | None], text: str | None
) -> None:
    start, end = span
    if start is None and end is None:
        return
    if start is None or end is None:
        fields.fail(keys[0], f"{keys[0]} and {keys[1]} are both null or both set")
    elif text is None:
        fields.fail(keys[0], "a span needs an article")
    elif not 0 <= start <= end <= len(text):
        fields.fail(keys[0], f"span {start}..{end} is not within the article (0..{len(text)})")


def _fact(fields: Fields, article_text: str | None) -> FactData:
    fact = FactData(
        kind=fields.get("kind", str),
        subject=fields.get("subject", str),
        value=fields.get("value", str),
        qualifier=fields.get("qualifier", str, None, nullable=True),
        sentence_index=fields.get("sentence_index", int),
        start=fields.get("start", int),
        end=fields.get("end", int),
        hedged=fields.get("hedged", bool, False),
    )
    if fact.sentence_index < 0:
        fields.fail("sentence_index", "must not be negative")
    _check_span(fields, ("start", "end"), (fact.start, fact.end), article_text)
    return fact


def _choices(fields: Fields) -> tuple[tuple[str, bool], ...]:
    choices = []
    for index, raw in enumerate(fields.get("choices", list, [])):
        choice = Fields(raw, f"{fields.path}.choices[{index}]", fields.line, fields.problems)
        if choice.is_object:
            choices.append((choice.get("text", str), choice.get("correct", bool)))
    return tuple(choices)


def _question(fields: Fields, article_text: str | None, fact_count: int) -> QuestionData:
    kind = fields.get("kind", str)
    accepted = tuple(fields.strings("accepted_answers", []))
    choices = _choices(fields)
    if kind in KINDS and KINDS[kind].accepts_spellings and not choices and accepted:
        choices = ((accepted[0], True),)  # the answer is its first accepted spelling
    record = QuestionRecord(
        kind=kind,
        prompt=fields.get("prompt", str),
        choices=choices,
        accepted_answers=accepted,
        explanation=fields.get("explanation", str, ""),
        title=fields.get("title", str, None, nullable=True),
        category=fields.get("category", str, None, nullable=True),
        line=fields.line,
        difficulty=fields.get("difficulty", int, 2),
    )
    for message in check_record(record):
        fields.fail("", message)
    question = QuestionData(
        record=record,
        evidence_start=fields.get("evidence_start", int, None, nullable=True),
        evidence_end=fields.get("evidence_end", int, None, nullable=True),
        status=fields.get("status", str, "draft"),
        origin=fields.get("origin", str, "authored"),
        fact=fields.get("fact", int, None, nullable=True),
    )
    if question.status not in QUESTION_STATUSES:
        fields.fail("status", f"expected one of {', '.join(QUESTION_STATUSES)}")
    if question.origin not in QUESTION_ORIGINS:
        fields.fail("origin", f"expected one of {', '.join(QUESTION_ORIGINS)}")
    span = (question.evidence_start, question.evidence_end)
    _check_span(fields, ("evidence_start", "evidence_end"), span, article_text)
    if question.fact is not None and not 0 <= question.fact < fact_count:
        fields.fail("fact", f"no fact {question.fact} (there are {fact_count})")
    return question


class ArticleLike(Protocol):
    """What document_from_quiz reads of a stored article (the Article model)."""

    @property
    def title(self) -> str: ...
    @property
    def source_url(self) -> str | None: ...
    @property
    def published_on(self) -> date | None: ...
    @property
    def text(self) -> str: ...
    @property
    def facts(self) -> Sequence[FactFields]: ...


class QuizQuestionLike(QuestionLike, Protocol):
    """What document_from_quiz reads of a quiz's question (the Question model)."""

    @property
    def evidence_start(self) -> int | None: ...
    @property
    def evidence_end(self) -> int | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def origin(self) -> str | None: ...
    @property
    def fact(self) -> FactFields | None: ...


class EntryLike(Protocol):
    """A question's place in a quiz (the QuizQuestion model)."""

    @property
    def question(self) -> QuizQuestionLike: ...


class QuizLike(Protocol):
    """What document_from_quiz reads of a stored quiz (the Quiz model)."""

    @property
    def title(self) -> str: ...
    @property
    def slug(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def settings(self) -> Mapping[str, object] | None: ...
    @property
    def published(self) -> bool | None: ...
    @property
    def article(self) -> ArticleLike | None: ...
    @property
    def entries(self) -> Sequence[EntryLike]: ...


def document_from_quiz(quiz: QuizLike) -> QuizDocument:
    """The document for a stored quiz (anything with the Quiz model's attributes)."""
    article = quiz.article
    facts = list(article.facts) if article is not None else []
    fact_index = {id(fact): index for index, fact in enumerate(facts)}
    doc = QuizDocument(
        title=quiz.title,
        slug=quiz.slug,
        description=quiz.description or "",
        settings=copy.deepcopy(dict(quiz.settings or {})),
        published=bool(quiz.published),
    )
    if article is not None:
        published = article.published_on.isoformat() if article.published_on else None
        doc.article = ArticleData(article.title, article.source_url, published, article.text)
    doc.facts = [
        FactData(
            fact.kind,
            fact.subject,
            fact.value,
            fact.qualifier,
            fact.sentence_index,
            fact.start,
            fact.end,
            bool(fact.hedged),
        )
        for fact in facts
    ]
    for entry in quiz.entries:
        question = entry.question
        doc.questions.append(
            QuestionData(
                record=record_from_question(question),
                evidence_start=question.evidence_start,
                evidence_end=question.evidence_end,
                status=question.status or "draft",
                origin=question.origin or "generated",
                fact=fact_index.get(id(question.fact)) if question.fact is not None else None,
            )
        )
    return doc
