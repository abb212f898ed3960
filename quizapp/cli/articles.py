"""`flask facts`, `questions`, `ingest` and `seed`: preview an article's facts and questions,
store articles, seed the demo."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext
from tqdm import tqdm

from quizapp import config, generation
from quizapp.authoring.quizzes import QuizError
from quizapp.authoring.rows import normalise_text
from quizapp.extensions import db
from quizapp.generation.assembly import assemble
from quizapp.ingest.articles import IngestResult, ingest_article
from quizapp.ingest.files import ArticleFileError, load_article_file
from quizapp.kinds import kind_of
from quizapp.models import Quiz
from quizapp.text.limits import TITLE_MAX, URL_MAX


@click.command("facts")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--with-unsure", is_flag=True, help="Also print the facts whose film is only a guess."
)
def facts_command(path: Path, with_unsure: bool) -> None:
    """Print the facts an article states, as JSON.

    Offsets index the text as it is stored: trimmed, with Windows line ends made Unix ones.
    """
    facts = [fact.as_json() for fact in extract_from_file(path) if with_unsure or not fact.unsure]
    click.echo(json.dumps(facts, indent=2, ensure_ascii=False))


@click.command("questions")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--seed", type=int, help="Generation seed [default: QUIZAPP_GENERATION_SEED].")
@click.option("--limit", type=click.IntRange(min=1), help="Keep at most this many questions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--published", metavar="YYYY-MM-DD", help="The article's publication date.")
@click.option("--quiz", "as_quiz", is_flag=True, help="Only the quiz: each fact once, in order.")
@with_appcontext
def questions_command(
    path: Path,
    seed: int | None,
    limit: int | None,
    as_json: bool,
    published: str | None,
    as_quiz: bool,
) -> None:
    """Print the questions an article would give, as text or JSON.

    With --published, tense and "as of" follow the article's date, as they do on ingest. With
    --quiz, only the questions its quiz would ask (each fact once), in the quiz's order.
    """
    if seed is None:
        seed = current_app.config["QUIZAPP_GENERATION_SEED"]
    text = normalise_text(read_article(path))
    drafts = generation.generate_questions(
        extract_text(path, text),
        seed=seed,
        limit=None if as_quiz else limit,
        published=parse_date(published),
        text=text,
    )
    if as_quiz:
        # As ingest picks them: from the whole bank, as many as a quiz holds.
        size = limit or current_app.config["QUIZAPP_QUESTIONS_PER_QUIZ"]
        drafts = [drafts[i] for i in assemble(drafts, size)]
    if as_json:
        payload = [draft.as_json() for draft in drafts]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(describe_draft(n, draft) for n, draft in enumerate(drafts, 1)))


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Article title [default: its first line]. One article only.")
@click.option("--url", help="Where the article was published. One article only.")
@click.option("--published", metavar="YYYY-MM-DD", help="The article's publication date.")
@click.option("--publish", is_flag=True, help="Publish the quiz and its questions at once.")
@with_appcontext
def ingest_command(
    paths: tuple[Path, ...],
    title: str | None,
    url: str | None,
    published: str | None,
    publish: bool,
) -> None:
    """Store articles with their questions, a quiz each.

    PATHS are article files or folders, whose .txt files are taken in name order.
    """
    files = article_files(paths)
    if (title is not None or url is not None) and len(files) > 1:
        raise click.ClickException(f"--title and --url describe one article; got {len(files)}")
    ingest_files(
        files,
        title=checked_length("--title", title, TITLE_MAX),
        url=checked_length("--url", url, URL_MAX),
        published=parse_date(published),
        publish=publish,
    )


@click.command("seed")
@with_appcontext
def seed_command() -> None:
    """Publish the demo quiz, if the database has no quiz yet."""
    if db.session.scalar(sa.select(Quiz.id).limit(1)) is not None:
        click.echo("the database already has quizzes: nothing seeded")
        return
    ingest_files(sorted(config.SEED_DIR.glob("*.txt")), publish=True)


def ingest_files(
    files: list[Path],
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    publish: bool = False,
) -> None:
    """Ingest each file and commit it on its own, so an error keeps the articles before it.

    Every file is read first: an unreadable one stops the run before anything is stored.
    """
    texts = [(file, read_article(file)) for file in files]
    seed = current_app.config["QUIZAPP_GENERATION_SEED"]
    per_quiz = current_app.config["QUIZAPP_QUESTIONS_PER_QUIZ"]
    bar = tqdm(texts, desc="ingesting", unit="article", file=sys.stderr, disable=len(texts) < 2)
    for file, text in bar:
        try:
            result = ingest_article(
                db.session(),
                text,
                title=title,
                url=url,
                published=published,
                publish=publish,
                seed=seed,
                questions_per_quiz=per_quiz,
            )
        except generation.NotAFilmArticle as error:
            db.session.rollback()
            raise click.ClickException(f"{file}: not a film article ({error})") from error
        except QuizError as error:
            db.session.rollback()
            raise click.ClickException(f"{file}: {error}") from error
        db.session.commit()
        tqdm.write(describe_result(result), file=sys.stdout)


def describe_result(result: IngestResult) -> str:
    quiz = result.quiz
    if not result.created or quiz is None:
        return f"already ingested: {result.article.title}"
    return f"created quiz {quiz.slug} with {len(quiz.entries)} questions"


def describe_draft(number: int, draft: generation.QuestionDraft) -> str:
    """A question as an author reads it: the correct option starred, then why and where."""
    kind = draft.kind.replace("_", " ")
    lines = [f"{number}. {draft.prompt} ({kind}, difficulty {draft.difficulty})"]
    choices = tuple((choice.text, choice.correct) for choice in draft.choices)
    lines += kind_of(draft.kind).describe(choices, draft.accepted_answers)
    lines.append(f"    Explanation: {draft.explanation}")
    lines.append(f"    Evidence: {draft.fact.sentence}")
    return "\n".join(lines)


def extract_from_file(path: Path) -> list[generation.Fact]:
    return extract_text(path, normalise_text(read_article(path)))


def extract_text(path: Path, text: str) -> list[generation.Fact]:
    try:
        return generation.extract_facts(text)
    except generation.NotAFilmArticle as error:
        raise click.ClickException(f"{path}: not a film article ({error})") from error


def read_article(path: Path) -> str:
    try:
        return load_article_file(path)
    except ArticleFileError as error:
        raise click.ClickException(str(error)) from error


def article_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, with each folder replaced by its .txt files in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise click.ClickException(f"{path}: folder has no .txt files")
            files.extend(found)
        else:
            files.append(path)
    return files


def parse_date(value: str | None) -> date | None:
    """Only the YYYY-MM-DD form: fromisoformat alone would also take 20211119 or 2021-W46-5."""
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        message = f"--published must be a real date as YYYY-MM-DD, got {value!r}"
        raise click.ClickException(message) from None


def checked_length(option: str, value: str | None, limit: int | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise click.ClickException(f"{option} cannot be blank")
    if limit is not None and len(value) > limit:
        raise click.ClickException(
            f"{option} is {len(value)} characters long; the limit is {limit}"
        )
    return value
