"""What the forms share: the bare POST form for buttons, and the filters that tidy input."""

from __future__ import annotations

from flask_wtf import FlaskForm


def strip(value: str | None) -> str | None:
    """Leading and trailing spaces never count."""
    return value.strip() if isinstance(value, str) else value


def squeeze_spaces(value: str | None) -> str | None:
    """Runs of spaces read as one (nicknames, emails): "Ann  Lee " is "Ann Lee"."""
    return " ".join(value.split()) if isinstance(value, str) else value


class ActionForm(FlaskForm):
    """A bare POST (give up, approve, archive...): only the CSRF token."""
