"""Import and export between files and the database; the formats live in quizapp.interchange.

An import is all-or-nothing: the caller commits only when the outcome has no problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp import interchange
from quizapp.authoring.questions import log
from quizapp.authoring.rows import fact_row, normalise_text, text_checksum, unique_slug
from quizapp.kinds import kind_of
from quizapp.models import Article, Fact, Question, Quiz, QuizQuestion, User, make_choices, utcnow
from quizapp.play.settings import QuizSettings
from quizapp.text.limits import (
    ANSWER_MAX,
    FACT_TEXT_MAX,
    QUALIFIER_MAX,
    SENTENCE_INDEX_MAX,
    TITLE_MAX,
    URL_MAX,
)

MIMETYPES = {"gift": "text/plain", "json": "application/json"}


@dataclass
class ImportOutcome:
    quiz: Quiz | None = None
    count: int = 0
    problems: list[interchange.Problem] = field(default_factory=list)


def export_questions(questions: list[Question], category: str | None = None) -> str:
    records = [interchange.record_from_question(question) for question in questions]
    return interchange.export_gift(records, category=category)


def export_quiz(quiz: Quiz, fmt: str) -> tuple[str, str]:
    if fmt == "gift":
        return export_questions(quiz.questions, category=quiz.title), MIMETYPES[fmt]
    return interchange.export_quiz_json(interchange.document_from_quiz(quiz)), MIMETYPES[fmt]


def question_from(record: interchange.QuestionRecord, status: str, origin: str) -> Question:
    return Question(
        kind=record.kind,
        prompt=record.prompt,
        explanation=record.explanation,
        difficulty=record.difficulty,
        status=status,
        origin=origin if origin in ("generated", "authored") else "authored",
        accepted_answers=(
            list(record.accepted_answers) if kind_of(record.kind).accepts_spellings else []
        ),
        choices=make_choices(list(record.choices)),
        edited=True,
    )


def import_file(session: Session, fmt: str, text: str, user: User | None) -> ImportOutcome:
    """Parse and store questions (GIFT, Open Trivia DB) or a whole quiz (our JSON)."""
    if fmt == "json":
        return _import_quiz(session, text, user)
    parsed = interchange.parse_gift(text) if fmt == "gift" else interchange.parse_opentdb(text)
    if parsed.problems:
        return ImportOutcome(problems=parsed.problems)
    if not parsed.records:
        return ImportOutcome(problems=[interchange.Problem(1, "The file holds no questions.")])
    label = "GIFT" if fmt == "gift" else "Open Trivia DB"
    title = f"Imported from {label}, {utcnow():%Y-%m-%d %H:%M}"
    questions = [question_from(record, "draft", "authored") for record in parsed.records]
    quiz = _quiz(session, title, "", QuizSettings().to_mapping(), False, None, questions)
    for question in questions:
        log(session, question, user, "imported", f"from a {label} file")
    return ImportOutcome(quiz=quiz, count=len(questions))


def _quiz(
    session: Session,
    title: str,
    description: str,
    settings: dict[str, object],
    published: bool,
    article: Article | None,
    questions: list[Question],
    slug: str | None = None,
) -> Quiz:
    session.add_all(questions)
    quiz = Quiz(
        title=title,
        # Re-made from the given slug (or title): a file's slug may be taken, or not a slug.
        slug=unique_slug(session, slug or title),
        description=description,
        settings=settings,
        published=published,
        article=article,
        entries=[QuizQuestion(question=q, position=i) for i, q in enumerate(questions)],
    )
    session.add(quiz)
    session.flush()
    return quiz


def fits(document: interchange.QuizDocument) -> list[str]:
    """Problems that would stop the document from being stored as it is: a value longer than
    its column is reported, not cut or left to fail in the database."""
    found = []
    if len(document.title) > TITLE_MAX:
        found.append(f"title: longer than {TITLE_MAX} characters")
    article = document.article
    if article is not None:
        if len(article.title) > TITLE_MAX:
            found.append(f"article.title: longer than {TITLE_MAX} characters")
        if article.url and (
            not article.url.startswith(("http://", "https://")) or len(article.url) > URL_MAX
        ):
            found.append("article.url: must be an http:// or https:// address")
        if normalise_text(article.text) != article.text:
            found.append("article.text: not in the stored form (trimmed, LF line ends)")
    for i, fact in enumerate(document.facts):
        long = [f for f in ("subject", "value") if len(getattr(fact, f)) > FACT_TEXT_MAX]
        if long or len(fact.qualifier or "") > QUALIFIER_MAX:
            found.append(f"facts[{i}]: a field is too long")
        if fact.sentence_index > SENTENCE_INDEX_MAX:
            found.append(f"facts[{i}].sentence_index: too large")
    for i, question in enumerate(document.questions):
        if any(len(text) > ANSWER_MAX for text, _ in question.record.choices):
            found.append(f"questions[{i}].choices: an option is longer than {ANSWER_MAX}")
    return found


def _import_quiz(session: Session, text: str, user: User | None) -> ImportOutcome:
    document, problems = interchange.parse_quiz_json(text)
    if document is not None and not problems:
        problems = [interchange.Problem(1, message) for message in fits(document)]
    if problems or document is None:
        return ImportOutcome(problems=problems)
    article = None
    facts: list[Fact] = []
    if document.article is not None:
        data = document.article
        article = session.scalar(
            sa.select(Article).where(Article.checksum == text_checksum(data.text))
        )
        if article is None:
            article = Article(
                title=data.title,
                source_url=data.url,
                published_on=date.fromisoformat(data.published_on) if data.published_on else None,
                text=data.text,
                checksum=text_checksum(data.text),
            )
            session.add(article)
        known = {(f.kind, f.subject, f.value, f.start, f.end): f for f in article.facts}
        with session.no_autoflush:
            for f in document.facts:
                key = (f.kind, f.subject, f.value, f.start, f.end)
                if key not in known:
                    known[key] = fact_row(f)
                    session.add(known[key])
                    article.facts.append(known[key])
                facts.append(known[key])
    questions = []
    for item in document.questions:
        question = question_from(item.record, item.status, item.origin)
        question.article = article
        question.evidence_start, question.evidence_end = item.evidence_start, item.evidence_end
        question.fact = facts[item.fact] if item.fact is not None else None
        questions.append(question)
    quiz = _quiz(
        session,
        document.title,
        document.description,
        # Read tolerantly (and bounded) by QuizSettings when played; a key the file lacks reads
        # as a new quiz's default.
        document.settings,
        document.published,
        article,
        questions,
        slug=document.slug,
    )
    for question in questions:
        log(session, question, user, "imported", "from a quizapp JSON file")
    return ImportOutcome(quiz=quiz, count=len(questions))
