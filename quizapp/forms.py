"""Forms (WTForms through Flask-WTF, so every POST carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from quizapp.accounts import EMAIL
from quizapp.text.limits import NICKNAME_MAX, NICKNAME_MIN, PASSWORD_MIN


def _strip(value: str | None) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) else value


class StartForm(FlaskForm):
    nickname = StringField(
        "Nickname",
        filters=[_strip],
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
    """The answer itself is checked by the play rules, which know the question's options."""

    position = HiddenField()
    answer = StringField("Your answer")


class ActionForm(FlaskForm):
    """A bare POST (give up): only the CSRF token."""


class SignInForm(FlaskForm):
    email = EmailField("Email", filters=[_strip], validators=[DataRequired("Enter your email.")])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me signed in on this device")


class SetupForm(FlaskForm):
    token = HiddenField(validators=[DataRequired("The setup token is missing.")])
    email = EmailField(
        "Admin email",
        filters=[_strip],
        validators=[
            DataRequired("Enter an email."),
            Regexp(EMAIL.pattern, message="Enter a valid email address."),
        ],
    )
    password = PasswordField(
        "Password",
        validators=[
            DataRequired("Choose a password."),
            Length(min=PASSWORD_MIN, message=f"At least {PASSWORD_MIN} characters."),
        ],
    )
    confirm = PasswordField(
        "Password again", validators=[EqualTo("password", "The two passwords differ.")]
    )
