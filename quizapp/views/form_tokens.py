"""The forms' CSRF token as pages write it: Flask-WTF's signed token, signed once per session
token in each worker instead of on every page.

Flask-WTF signs the session's random token anew for every page that shows a form (a JSON dump,
a compression attempt and two HMACs: a twentieth of the quiz page's time). Any of those signed
tokens is accepted for as long as the session holds its token when forms never expire
(`WTF_CSRF_TIME_LIMIT` None, our setting), so the one signed first is as good as a new one.
With a time limit every page still gets a token signed for it. The check of a submitted token
(CSRFProtect, before every POST) is Flask-WTF's own and unchanged.
"""

from __future__ import annotations

from flask import Flask, current_app, session
from flask_wtf.csrf import generate_csrf

# A worker keeps at most this many (a few hundred bytes each), then starts again.
KEPT = 10_000
_signed: dict[tuple[str, object], str] = {}


def csrf_token() -> str:
    """The signed CSRF token for this session's forms."""
    config = current_app.config
    raw = session.get(config["WTF_CSRF_FIELD_NAME"])
    if not isinstance(raw, str) or config["WTF_CSRF_TIME_LIMIT"] is not None:
        return str(generate_csrf())
    key = (raw, config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key)
    token = _signed.get(key)
    if token is None:
        if len(_signed) >= KEPT:
            _signed.clear()
        token = _signed[key] = str(generate_csrf())
    return token


def init_app(app: Flask) -> None:
    """After CSRFProtect.init_app: its context processor offers `csrf_token` too, and the last
    one registered wins."""
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.context_processor(lambda: {"csrf_token": csrf_token})
