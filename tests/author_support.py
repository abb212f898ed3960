"""Helpers for tests of the author's workspace: signed-in clients of each role."""

from __future__ import annotations

import secrets

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from quizapp import accounts

PASSWORD = "correct horse battery"


def signed_in(app: Flask, session: Session, role: str = "author") -> FlaskClient:
    email = f"{role}-{secrets.token_hex(3)}@example.org"
    accounts.create_user(session, email, PASSWORD, role)
    session.commit()
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303, response.get_data(as_text=True)
    return client
