"""The home page: every published quiz with its size, plays and best score."""

from __future__ import annotations

from flask import Blueprint, render_template

from quizapp.extensions import db
from quizapp.play.catalogue import catalogue

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
    return render_template("main/index.html", entries=catalogue(db.session()))
