"""Signing in and out, and the first-run setup of the admin account."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from flask_login import login_user, logout_user
from werkzeug.exceptions import TooManyRequests

from quizapp import accounts
from quizapp.accounts import throttle
from quizapp.extensions import db, login_manager
from quizapp.forms.auth import SetupForm, SignInForm
from quizapp.models import User
from quizapp.views.players import PLAYER_KEY, claim_guest

bp = Blueprint("auth", __name__)
FAILED = "That email and password do not match an account."
REDIS = "quizapp.sign_in_redis"  # the app.extensions entry holding the counts' Redis client
clock = time.time  # tests set the clock, so that a window cannot end halfway through one


def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


login_manager.user_loader(load_user)


def safe_next(target: str | None) -> str:
    """Only ever go on to a page of this site after signing in."""
    if (
        target
        and target.startswith("/")
        and not urlsplit(target).netloc
        and "//" not in target
        and "\\" not in target  # browsers read a backslash as a slash
    ):
        return target
    return url_for("main.index")


@bp.record_once
def connect_failure_store(state: BlueprintSetupState) -> None:
    url = state.app.config["RATELIMIT_STORAGE_URI"]
    if url:
        state.app.extensions[REDIS] = throttle.redis_client(url)


def failure_store() -> throttle.FailureStore:
    client = current_app.extensions.get(REDIS)
    if client is None:
        return throttle.DatabaseFailures(db.session())
    return throttle.RedisFailures(client, current_app.config["QUIZAPP_REDIS_PREFIX"])


def sign_in_throttle() -> throttle.SignInThrottle:
    config = current_app.config
    return throttle.SignInThrottle(
        pair_rates=config["QUIZAPP_SIGN_IN_LIMIT"],
        address_rates=config["QUIZAPP_SIGN_IN_ADDRESS_LIMIT"],
        secret=config["SECRET_KEY"].encode(),
    )


def in_words(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} second{'' if seconds == 1 else 's'}"
    return f"{-(-seconds // 60)} minutes"


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> ResponseReturnValue:
    form = SignInForm()
    if form.validate_on_submit():
        email, password = form.email.data or "", form.password.data or ""
        try:
            user = sign_in_throttle().authenticate(
                db.session(), failure_store(), email, password, request.remote_addr or "", clock()
            )
        except throttle.TooManyFailures as refused:
            wait = refused.retry_after
            message = f"Too many failed sign-ins from here. Try again in {in_words(wait)}."
            raise TooManyRequests(message, retry_after=wait) from None
        except throttle.StoreUnavailable:
            abort(503, description="Signing in is unavailable just now. Try again in a minute.")
        if user is not None:
            login_user(user, remember=bool(form.remember.data))
            claim_guest()
            db.session.commit()
            return redirect(safe_next(request.args.get("next")), code=303)
        db.session.commit()  # the failure's count, when the database keeps it
        form.password.errors = [FAILED]
    status = 401 if form.errors and request.method == "POST" else 200
    return render_template("auth/sign_in.html", form=form), status


@bp.post("/sign-out")
def sign_out() -> ResponseReturnValue:
    logout_user()
    session.pop(PLAYER_KEY, None)
    flash("You are signed out.")
    return redirect(url_for("main.index"), code=303)


@bp.route("/setup", methods=["GET", "POST"])
def setup() -> ResponseReturnValue:
    if accounts.admin_exists(db.session()):
        abort(404)
    form = SetupForm(token=request.args.get("token", ""))
    if form.validate_on_submit():
        if not accounts.setup_token_matches(current_app.instance_path, form.token.data or ""):
            abort(403, description="That setup token is not the one the server printed.")
        try:
            admin = accounts.create_user(
                db.session(), form.email.data or "", form.password.data or "", role="admin"
            )
        except accounts.AccountError as error:
            form.email.errors = [str(error)]
        else:
            db.session.commit()
            accounts.forget_setup_token(current_app.instance_path)
            login_user(admin)
            flash("The admin account is ready. You are signed in.")
            return redirect(url_for("main.index"), code=303)
    return render_template("auth/setup.html", form=form), 400 if form.errors else 200


def announce_setup(app: Flask) -> None:
    """Print the setup link in the server's log while no admin exists (as CTFd and Jupyter do),
    from one worker only: every worker of a server calls this as it starts.

    Under gunicorn's preload this runs in the master, before the workers are forked: the
    connection it used is closed, or every worker would inherit it and talk over one socket."""
    with app.app_context():
        try:
            needed = not accounts.admin_exists(db.session())
        except sa.exc.SQLAlchemyError:  # the tables do not exist before `db upgrade`
            db.session.rollback()
            return
        finally:
            # gunicorn preloads the app and then forks its workers: a connection left in the
            # pool would be shared by all of them (one SQLite handle or PostgreSQL socket).
            db.session.remove()
            db.engine.dispose()
        database = app.config["SQLALCHEMY_DATABASE_URI"]
        if needed and accounts.first_to_announce(app.instance_path, database):
            token = accounts.setup_token(app.instance_path)
            app.logger.warning("No admin yet. Create one at /setup?token=%s", token)
