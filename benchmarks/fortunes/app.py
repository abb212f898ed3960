"""The reference for `make bench-pages`: TechEmpower's fortunes test on Flask + Flask-SQLAlchemy.

Each request reads every row of a small table, adds one more in memory, sorts them by message
and renders them as an escaped HTML table through Jinja: a page of plain Flask, one query and a
template, against which quizapp's pages are measured. The database is a SQLite file of its own
(FORTUNES_DATABASE, a path), filled with the twelve fortunes of the test the first time.

Serve it with `gunicorn --chdir benchmarks/fortunes app:app`; the benchmark does.
"""

from __future__ import annotations

import os
from operator import attrgetter

import sqlalchemy as sa
from flask import Flask, render_template
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

FORTUNES = [
    "fortune: No such file or directory",
    "A computer scientist is someone who fixes things that aren't broken.",
    "After enough decimal places, nobody gives a damn.",
    "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
    "A computer program does what you tell it to do, not what you want it to do.",
    "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
    "Any program that runs right is obsolete.",
    "A list is only as strong as its weakest link. — Donald Knuth",
    "Feature: A bug with seniority.",
    "Computers make very fast, very accurate mistakes.",
    '<script>alert("This should not be displayed in a browser alert box.");</script>',
    "フレームワークのベンチマーク",
]


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class Fortune(db.Model):  # type: ignore[name-defined,misc]  # db.Model is made at run time
    id: Mapped[int] = mapped_column(primary_key=True)
    message: Mapped[str] = mapped_column(sa.String(2048))


def create_app(database: str) -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{database}"
    db.init_app(app)
    with app.app_context():
        db.create_all()
        if db.session.scalar(sa.select(sa.func.count()).select_from(Fortune)) == 0:
            db.session.add_all(Fortune(id=i, message=m) for i, m in enumerate(FORTUNES, 1))
            db.session.commit()

    @app.get("/fortunes")
    def fortunes() -> str:
        rows = list(db.session.scalars(sa.select(Fortune)))
        rows.append(Fortune(id=0, message="Additional fortune added at request time."))
        rows.sort(key=attrgetter("message"))
        return render_template("fortunes.html", fortunes=rows)

    return app


app = create_app(os.environ.get("FORTUNES_DATABASE", "fortunes.sqlite"))
