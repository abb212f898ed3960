"""The player's forms: starting a game under a nickname, answering a question."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length, Regexp

from quizapp.forms.base import squeeze_spaces
from quizapp.text.limits import NICKNAME_MAX, NICKNAME_MIN


class StartForm(FlaskForm):
    nickname = StringField(
        "Nickname",
        filters=[squeeze_spaces],
        validators=[
            DataRequired("Choose a nickname."),
            Length(
                NICKNAME_MIN,
                NICKNAME_MAX,
                f"A nickname has {NICKNAME_MIN} to {NICKNAME_MAX} characters.",
            ),
            Regexp(
                r"^[\w -]+$",
                message="Use letters, digits, spaces, - and _ only.",
            ),
        ],
        render_kw={"autocomplete": "nickname", "maxlength": NICKNAME_MAX},
    )


class AnswerForm(FlaskForm):
    """The answer itself is checked by the play rules, which know the question's options.

    Its CSRF token is checked before the view runs, as for every POST (CSRFProtect); the
    question page writes it out, so the form reads the fields and makes no token of its own.
    """

    class Meta:
        csrf = False

    position = HiddenField()
    answer = StringField("Your answer")
