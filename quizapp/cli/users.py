"""`flask users ...`: create accounts and change roles from the command line."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from quizapp import accounts
from quizapp.extensions import db
from quizapp.models import ROLES, User

users = AppGroup("users", help="Create and list accounts.")


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="player", show_default=True)
def create_command(email: str, role: str) -> None:
    """Create an account; the password is asked for, twice, and never echoed.

    There is no option for it: a password in a command line ends up in shell histories.
    """
    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_user(db.session(), email, password, role)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"created {user.role} {user.email}")


@users.command("role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def role_command(email: str, role: str) -> None:
    """Give an account another role."""
    user = db.session.scalar(sa.select(User).where(User.email == accounts.normalise_email(email)))
    if user is None:
        raise click.ClickException(f"no account with email {email!r}")
    user.role = role
    db.session.commit()
    click.echo(f"{user.email} is now {role}")


@users.command("list")
def list_command() -> None:
    """Every account with its role."""
    for user in db.session.scalars(sa.select(User).order_by(User.email)):
        click.echo(f"{user.role:<7} {user.email}")
