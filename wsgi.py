"""Entry point for gunicorn: `gunicorn wsgi:app`."""

from quizapp import create_app
from quizapp.views.auth import announce_setup

app = create_app()
announce_setup(app)
