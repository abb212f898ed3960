"""What every response carries and every request is held to: security headers, no NUL bytes,
the session cookie's flags, and a health check that asks the database."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Flask, Request, Response, abort, has_request_context, request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface, SessionMixin
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.exc import SQLAlchemyError

from quizapp.extensions import db

bp = Blueprint("hardening", __name__)

# No inline script or style anywhere: every asset is a file of ours under /static.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
HSTS = "max-age=31536000; includeSubDomains"


@bp.get("/healthz")
def healthz() -> tuple[dict[str, str], int]:
    """200 while the database answers, 503 (with Retry-After) while it does not."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return {"status": "database unavailable"}, 503
    return {"status": "ok"}, 200


NUL = "\x00"


def _refuse_nul_bytes() -> None:
    """A NUL byte is never text a person meant: refuse it in the path, the query and every form
    field, before any view or database sees it (PostgreSQL cannot store it)."""
    values = [request.path, *request.args.values()]
    if request.method in {"POST", "PUT", "PATCH"} and request.mimetype in {
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }:
        values += [value for _, value in request.form.items(multi=True)]
    if any(NUL in value for value in values):
        abort(400, description="The request contains a NUL character, which no field accepts.")


def _secure_headers(response: Response) -> Response:
    """Each header unless the response already has one. Its names are read in one pass: a
    missing name costs `Headers.setdefault` a KeyError raised and caught, and every response
    misses them all."""
    present = {name.lower() for name, _ in response.headers}
    added = [(name, value) for name, value in HEADERS.items() if name.lower() not in present]
    if request.is_secure and "strict-transport-security" not in present:
        added.append(("Strict-Transport-Security", HSTS))
    if response.status_code == 503 and "retry-after" not in present:
        added.append(("Retry-After", "5"))
    response.headers.extend(added)
    return response


# The values a session may hold to be kept once read (see SecureOverHttps), and how many sessions
# a worker keeps (a few hundred bytes each) before it starts again.
PLAIN = (str, int, float, bool, type(None))
KEPT = 10_000

# A long-lived session's cookie starts its lifetime again when it is sent anew; once a day is
# enough for a year-long cookie, and spares every other response signing it again.
REFRESH_AFTER = timedelta(days=1)


class DatedSession(SecureCookieSession):
    """A session that knows when its cookie was signed (None: not yet)."""

    signed_at: datetime | None = None


class SecureOverHttps(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS; a permanent one is
    sent again when it changes or once a day, not with every response."""

    session_class = DatedSession
    # The signing serializer of the last keys seen: Flask makes a new one for every request.
    _signing: tuple[tuple[object, ...], URLSafeTimedSerializer | None] | None = None

    def __init__(self) -> None:
        # Cookies this worker has read, by keys and value: what they hold and when they were
        # signed. A browser sends the same cookie with each request until its session changes
        # (or a day has passed), and checking its signature and decoding it again was a
        # twentieth of a page's time. Only sessions of plain values are kept: the request's
        # session is a copy, and a list or dict in it would be shared.
        self._opened: dict[tuple[object, str], tuple[dict[str, Any], datetime]] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if self._signing is None or self._signing[0] != keys:
            self._signing = (keys, super().get_signing_serializer(app))
        return self._signing[1]

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(super().get_cookie_secure(app) or (has_request_context() and request.is_secure))

    def open_session(self, app: Flask, request: Request) -> DatedSession | None:
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        key = (self._signing[0] if self._signing else (), value)
        known = self._opened.get(key)
        if known is None:
            try:
                data, signed_at = serializer.loads(value, max_age=max_age, return_timestamp=True)
            except BadSignature:
                return self.session_class()
            if all(isinstance(item, PLAIN) for item in data.values()):
                if len(self._opened) >= KEPT:
                    self._opened.clear()
                self._opened[key] = (data, signed_at)
        else:
            data, signed_at = known
            # As itsdangerous counts a signature's age: whole seconds.
            if int(time.time()) - int(signed_at.timestamp()) > max_age:
                self._opened.pop(key, None)  # another thread may have dropped it first
                return self.session_class()
        session = self.session_class(data)
        session.signed_at = signed_at
        return session

    def should_set_cookie(self, app: Flask, session: SessionMixin) -> bool:
        if session.modified:
            return True
        if not super().should_set_cookie(app, session):
            return False
        signed_at = getattr(session, "signed_at", None)
        return signed_at is None or datetime.now(UTC) - signed_at >= REFRESH_AFTER


def mark_cookies_secure(response: Response) -> Response:
    """Over HTTPS every cookie a hook set (the remember-me cookie) is Secure, so it never
    travels in clear; the same app serves a laptop over plain HTTP, where it would not return.
    init_app runs before the extensions': Flask runs after-request hooks last-registered first."""
    cookies = response.headers.getlist("Set-Cookie") if request.is_secure else []
    if not cookies:
        return response
    response.headers.remove("Set-Cookie")
    for cookie in cookies:
        secure = "; secure" in cookie.casefold()
        response.headers.add("Set-Cookie", cookie if secure else f"{cookie}; Secure")
    return response


def init_app(app: Flask) -> None:
    app.session_interface = SecureOverHttps()
    app.register_blueprint(bp)
    app.before_request(_refuse_nul_bytes)
    app.after_request(_secure_headers)
    app.after_request(mark_cookies_secure)
