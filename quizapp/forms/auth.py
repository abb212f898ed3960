"""Signing in, and the first-run setup of the admin account."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from quizapp.accounts import EMAIL
from quizapp.forms.base import squeeze_spaces
from quizapp.text.limits import PASSWORD_MIN


class SignInForm(FlaskForm):
    email = EmailField(
        "Email", filters=[squeeze_spaces], validators=[DataRequired("Enter your email.")]
    )
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me signed in on this device")


class SetupForm(FlaskForm):
    token = HiddenField(validators=[DataRequired("The setup token is missing.")])
    email = EmailField(
        "Admin email",
        filters=[squeeze_spaces],
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
