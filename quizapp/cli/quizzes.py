"""`flask quiz` and `flask expire`: a quiz's rules and publication, and the cron job that closes
overdue games and forgets sign-in failure counts whose window has ended."""

from __future__ import annotations

import json
import time

import click
import sqlalchemy as sa
from flask.cli import with_appcontext

from quizapp.accounts.throttle import forget_expired
from quizapp.authoring.quizzes import QuizError, set_published
from quizapp.extensions import db
from quizapp.models import Quiz, utcnow
from quizapp.play.attempts import expire_overdue
from quizapp.play.settings import FEEDBACK_MODES, TIME_LIMIT_MAX, TIME_LIMIT_MIN, QuizSettings


@click.command("quiz")
@click.argument("slug")
@click.option(
    "--time-limit",
    type=click.IntRange(min=TIME_LIMIT_MIN, max=TIME_LIMIT_MAX),
    help="Seconds for the quiz.",
)
@click.option("--untimed", is_flag=True, help="Remove the time limit.")
@click.option(
    "--speed-bonus/--no-speed-bonus", default=None, help="Faster right answers score more."
)
@click.option("--shuffle-questions/--no-shuffle-questions", default=None)
@click.option("--shuffle-options/--no-shuffle-options", default=None)
@click.option(
    "--first-game-counts/--best-game-counts",
    default=None,
    help="Which of a player's games the leaderboards keep.",
)
@click.option(
    "--feedback", type=click.Choice(FEEDBACK_MODES), help="After each question or at the end."
)
@click.option("--publish/--unpublish", default=None)
@with_appcontext
def quiz_command(slug: str, time_limit: int | None, untimed: bool, **changes: object) -> None:
    """Show a quiz's rules, or change them; new attempts play under the new rules."""
    quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug))
    if quiz is None:
        raise click.ClickException(f"no quiz with slug {slug!r}")
    if time_limit is not None and untimed:
        raise click.ClickException("give either --time-limit or --untimed, not both")
    publish = changes.pop("publish")
    if isinstance(publish, bool):
        try:
            set_published(quiz, publish)
        except QuizError as error:
            db.session.rollback()
            raise click.ClickException(str(error)) from None
    settings = QuizSettings.from_mapping(quiz.settings).to_mapping()
    settings.update({key: value for key, value in changes.items() if value is not None})
    if time_limit is not None or untimed:
        settings["time_limit_seconds"] = time_limit
    quiz.settings = QuizSettings.from_mapping(settings).to_mapping()
    db.session.commit()
    state = "published" if quiz.published else "unpublished"
    click.echo(f"{quiz.slug} ({state}): {json.dumps(quiz.settings, sort_keys=True)}")


@click.command("expire")
@with_appcontext
def expire_command() -> None:
    """Close timed attempts whose deadline passed, so they reach the leaderboards, and forget
    ended sign-in failure counts (cron it)."""
    closed = expire_overdue(db.session(), utcnow())
    forgotten = forget_expired(db.session(), time.time())
    db.session.commit()
    click.echo(f"closed {closed} overdue attempts")
    click.echo(f"forgot {forgotten} ended sign-in failure counts")
