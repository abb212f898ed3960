"""The command line (`flask --app quizapp COMMAND`): click commands over the domain functions
the views call too. A failing command prints one `Error: ...` line and exits with status 1."""

from __future__ import annotations

from flask import Flask

from quizapp.cli import articles, quizzes, users


def init_app(app: Flask) -> None:
    for command in (
        articles.facts_command,
        articles.questions_command,
        articles.ingest_command,
        articles.seed_command,
        quizzes.quiz_command,
        quizzes.expire_command,
        users.users,
    ):
        app.cli.add_command(command)
