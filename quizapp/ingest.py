"""Turning an article's text into stored facts, questions and a quiz, once per distinct text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp import generation
from quizapp.authoring.gate import apply_gate
from quizapp.models import Article, Fact, Question, Quiz, QuizQuestion, make_choices

TITLE_MAX = 300
SLUG_MAX = 100
QUIZ_SETTINGS = {"shuffle_questions": False, "shuffle_options": False, "time_limit_seconds": None}


class ArticleFileError(ValueError):
    """An article file that cannot be read as text; the message names the file and the reason."""


@dataclass(frozen=True)
class IngestResult:
    article: Article
    quiz: Quiz | None
    created: bool


def load_article_file(path: str | Path) -> str:
    """Read an article as UTF-8 text, refusing anything that would make a meaningless quiz."""
    path = Path(path)
    if not path.exists():
        raise ArticleFileError(f"{path}: no such file")
    if path.is_dir():
        raise ArticleFileError(f"{path}: is a folder, not an article file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleFileError(f"{path}: cannot be read ({error.strerror})") from error
    if b"\0" in data:
        raise ArticleFileError(f"{path}: looks like a binary file, not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleFileError(
            f"{path}: is not UTF-8 text (undecodable byte at offset {error.start})"
        ) from error
    if not text.strip():
        raise ArticleFileError(f"{path}: is empty")
    return text


def normalise_text(text: str) -> str:
    """The form that is stored, checksummed and indexed by every fact's offsets."""
    return text.replace("\r\n", "\n").strip()


def text_checksum(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def default_title(text: str) -> str:
    """The article's first non-empty line: news texts start with their headline."""
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    return first_line[:TITLE_MAX]


def slugify(title: str) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word boundary; "quiz" when empty."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug or "quiz"


def unique_slug(session: Session, title: str) -> str:
    """The title's slug, or the first of slug-2, slug-3, ... that no quiz uses yet."""
    base = slugify(title)
    taken = set(
        session.scalars(
            sa.select(Quiz.slug).where(sa.or_(Quiz.slug == base, Quiz.slug.startswith(base + "-")))
        )
    )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def ingest_article(
    session: Session,
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    publish: bool = False,
    seed: int = 0,
    questions_per_quiz: int = 30,
    with_quiz: bool = True,
) -> IngestResult:
    """Store the article with its facts, questions and quiz, or find it if its text is known.

    Idempotent on the normalised text: a second call with the same text creates nothing.
    Flushes but does not commit; raises generation.NotAFilmArticle for other texts.
    """
    text = normalise_text(text)
    checksum = text_checksum(text)
    existing = session.scalar(sa.select(Article).where(Article.checksum == checksum))
    if existing is not None:
        first_quiz = session.scalar(
            sa.select(Quiz).where(Quiz.article_id == existing.id).order_by(Quiz.id)
        )
        return IngestResult(article=existing, quiz=first_quiz, created=False)

    facts = generation.extract_facts(text)
    drafts = generation.generate_questions(facts, seed=seed, limit=questions_per_quiz)
    article = Article(
        title=title or default_title(text),
        source_url=url,
        published_on=published,
        text=text,
        checksum=checksum,
    )
    fact_rows = {fact: fact_row(fact) for fact in facts}
    article.facts = list(fact_rows.values())
    status = "published" if publish else "draft"
    article.questions = [question_row(draft, fact_rows, status) for draft in drafts]
    quiz = quiz_for(session, article, facts, publish=publish) if with_quiz else None
    session.add_all([article, quiz] if quiz else [article])
    session.flush()
    apply_gate(article)
    return IngestResult(article=article, quiz=quiz, created=True)


def quiz_for(
    session: Session, article: Article, facts: list[generation.Fact], *, publish: bool
) -> Quiz:
    """A quiz asking all the article's questions in the order they were generated."""
    title = quiz_title(facts, article.title)
    return Quiz(
        title=title,
        slug=unique_slug(session, title),
        description=f"Questions drawn from the article “{article.title}”.",
        article=article,
        settings=dict(QUIZ_SETTINGS),
        published=publish,
        entries=[
            QuizQuestion(question=question, position=position)
            for position, question in enumerate(article.questions)
        ],
    )


def quiz_title(facts: list[generation.Fact], article_title: str) -> str:
    """Named after the article's main film (its first film fact), else after the article."""
    film = next((fact.value for fact in facts if fact.kind == "film"), None)
    return f"{film} quiz"[:TITLE_MAX] if film else article_title


def fact_row(fact: generation.Fact | Any) -> Fact:
    """A stored fact from anything with a fact's fields (a generated fact, an imported one)."""
    return Fact(
        kind=fact.kind,
        subject=fact.subject,
        value=fact.value,
        qualifier=fact.qualifier,
        sentence_index=fact.sentence_index,
        start=fact.start,
        end=fact.end,
        hedged=fact.hedged,
    )


def question_row(
    draft: generation.QuestionDraft, fact_rows: dict[generation.Fact, Fact], status: str
) -> Question:
    return Question(
        fact=fact_rows.get(draft.fact),
        kind=draft.kind,
        prompt=draft.prompt,
        explanation=draft.explanation,
        difficulty=draft.difficulty,
        status=status,
        origin="generated",
        evidence_start=draft.evidence_start,
        evidence_end=draft.evidence_end,
        accepted_answers=list(draft.accepted_answers),
        choices=make_choices([(choice.text, choice.correct) for choice in draft.choices]),
    )
