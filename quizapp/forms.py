"""Forms (WTForms through Flask-WTF, so every POST carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length, Regexp


def _strip(value: str | None) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) else value


class StartForm(FlaskForm):
    nickname = StringField(
        "Nickname",
        filters=[_strip],
        validators=[
            DataRequired("Choose a nickname."),
            Length(2, 24, "A nickname has 2 to 24 characters."),
            Regexp(
                r"^[\w -]+$",
                message="Use letters, digits, spaces, - and _ only.",
            ),
        ],
        render_kw={"autocomplete": "nickname", "maxlength": 24},
    )


class AnswerForm(FlaskForm):
    """The answer itself is checked by the play rules, which know the question's options."""

    position = HiddenField()
    answer = StringField("Your answer")


class ActionForm(FlaskForm):
    """A bare POST (give up): only the CSRF token."""
