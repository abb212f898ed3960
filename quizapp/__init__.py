"""quizapp: film news articles turned into scored trivia quizzes."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException, ServiceUnavailable
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp.config import (
    DEFAULTS,
    MIGRATIONS_DIR,
    PROJECT_ROOT,
    check_secret_key,
    convert_settings,
    settings_from_environment,
)
from quizapp.extensions import csrf, db, login_manager, migrate
from quizapp.views import form_tokens, hardening


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, instance/config.py, the environment, then `config` on top."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_mapping(settings_from_environment(app.instance_path))
    if config:
        app.config.from_mapping(config)
    convert_settings(app.config)
    check_secret_key(app.config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    proxies = app.config["QUIZAPP_PROXIES"]
    if proxies:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]  # the WSGI wrapping Flask documents
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    # First: its after-request hooks must run after the extensions' (Flask runs them
    # last-registered first), so the remember-me cookie is marked Secure too.
    hardening.init_app(app)
    register_extensions(app)
    register_blueprints(app)
    register_error_pages(app)
    register_cli(app)
    return app


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
    csrf.init_app(app)
    form_tokens.init_app(app)
    login_manager.init_app(app)


def register_blueprints(app: Flask) -> None:
    from quizapp.views import BoundedInt, auth, author, boards, filters, main, play

    app.url_map.converters["int"] = BoundedInt

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(author.bp)
    app.register_blueprint(play.bp)
    app.register_blueprint(boards.bp)
    filters.register(app)


def register_error_pages(app: Flask) -> None:
    def render_error(error: HTTPException) -> tuple[str, int, dict[str, str]]:
        """The error page asks nothing of the database (it may be what failed): the session is
        rolled back first and the page is drawn without the signed-in user's menu.

        It is rendered straight from the Jinja environment: render_template would run
        Flask-Login's context processor, which loads the signed-in user from the database."""
        with contextlib.suppress(SQLAlchemyError):
            db.session.rollback()
        code = error.code or 500
        # A 429 or 503 says when to come back.
        headers = {name: value for name, value in error.get_headers() if name == "Retry-After"}
        page = app.jinja_env.get_template("errors/error.html")
        return page.render(error=error, code=code, bare=True), code, headers

    def render_unavailable(error: SQLAlchemyError) -> tuple[str, int, dict[str, str]]:
        unavailable = ServiceUnavailable(
            "The database is not answering just now. Please try again in a few seconds."
        )
        return render_error(unavailable)

    def render_csrf_error(error: CSRFError) -> tuple[str, int, dict[str, str]]:
        error.description = (
            "This form has expired or did not come from this site. "
            "Go back, reload the page and try again."
        )
        return render_error(error)

    app.register_error_handler(CSRFError, render_csrf_error)
    app.register_error_handler(OperationalError, render_unavailable)
    app.register_error_handler(InterfaceError, render_unavailable)
    app.register_error_handler(HTTPException, render_error)


def register_cli(app: Flask) -> None:
    from quizapp import cli

    cli.init_app(app)
