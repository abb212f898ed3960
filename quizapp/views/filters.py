"""Template filters for numbers the pages show often, the question kinds (whose `input` picks
the answer input a page renders) and the text limits the pages state."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from markupsafe import Markup

from quizapp.kinds import kind_of
from quizapp.text import limits


def duration(milliseconds: int | None) -> str:
    """1:05.3 for a minute and five seconds; 42.0 s under a minute."""
    if milliseconds is None:
        return "–"
    seconds = milliseconds / 1000
    minutes, rest = divmod(seconds, 60)
    if minutes >= 60:
        hours, minutes = divmod(int(minutes), 60)
        return f"{hours}:{minutes:02d}:{int(rest):02d}"
    if minutes:
        return f"{int(minutes)}:{rest:04.1f}"
    return f"{rest:.1f} s"


def points(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def when(moment: datetime | None) -> str:
    """2026-11-26 18:05 UTC (the stored times are naive UTC). isoformat is a fifth of the cost
    of strftime, and a board page shows twenty."""
    return "" if moment is None else f"{moment.isoformat(' ', 'minutes')} UTC"


def time_tag(moment: datetime) -> Markup:
    """The moment as a <time> element: machine-readable in UTC, and as `when` writes it. One
    call instead of a method call, a filter and two escapes for each of a board's rows."""
    return Markup(f'<time datetime="{moment.isoformat()}Z">{when(moment)}</time>')


def register(app: Flask) -> None:
    app.add_template_filter(duration)
    app.add_template_filter(points)
    app.add_template_filter(when)
    app.add_template_filter(time_tag)
    app.add_template_filter(kind_of, "question_kind")
    app.jinja_env.globals["limits"] = limits
