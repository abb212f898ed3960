"""Storing an article's text with its facts, questions and a quiz, once per distinct text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp import generation
from quizapp.authoring.gate import apply_gate
from quizapp.authoring.names import names_elsewhere
from quizapp.authoring.quizzes import set_published
from quizapp.authoring.rows import (
    fact_row,
    normalise_text,
    question_row,
    text_checksum,
    unique_slug,
)
from quizapp.generation.assembly import assemble
from quizapp.models import Article, Question, Quiz, QuizQuestion
from quizapp.play.settings import QuizSettings
from quizapp.text.limits import TITLE_MAX


@dataclass(frozen=True)
class IngestResult:
    article: Article
    quiz: Quiz | None
    created: bool


def default_title(text: str) -> str:
    """The article's first non-empty line: news texts start with their headline."""
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    return first_line[:TITLE_MAX]


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
    drafts = generation.generate_questions(
        facts,
        seed=seed,
        published=published,
        text=text,
        extra_names=names_elsewhere(session),
    )
    article = Article(
        title=title or default_title(text),
        source_url=url,
        published_on=published,
        text=text,
        checksum=checksum,
    )
    fact_rows = {fact: fact_row(fact, unsure=fact.unsure) for fact in facts}
    article.facts = list(fact_rows.values())
    status = "published" if publish else "draft"
    article.questions = [question_row(draft, fact_rows, status) for draft in drafts]
    asked = [article.questions[i] for i in assemble(drafts, questions_per_quiz)]
    quiz = quiz_for(session, article, facts, asked, publish=publish) if with_quiz else None
    session.add_all([article, quiz] if quiz else [article])
    session.flush()
    apply_gate(article)
    return IngestResult(article=article, quiz=quiz, created=True)


def quiz_for(
    session: Session,
    article: Article,
    facts: list[generation.Fact],
    questions: list[Question],
    *,
    publish: bool,
) -> Quiz:
    """A quiz asking these questions in this order; publishing it follows the rule every
    published quiz does (QuizError without a question)."""
    title = quiz_title(facts, article.title)
    quiz = Quiz(
        title=title,
        slug=unique_slug(session, title),
        description=f"Questions drawn from the article “{article.title}”.",
        article=article,
        settings=QuizSettings().to_mapping(),
        published=False,
        entries=[
            QuizQuestion(question=question, position=position)
            for position, question in enumerate(questions)
        ],
    )
    set_published(quiz, publish)
    return quiz


def quiz_title(facts: list[generation.Fact], article_title: str) -> str:
    """Named after the article's main film (its first film fact), else after the article."""
    film = next((fact.value for fact in facts if fact.kind == "film"), None)
    return f"{film} quiz"[:TITLE_MAX] if film else article_title
