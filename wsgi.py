"""Entry point for gunicorn: `gunicorn wsgi:app`."""

import gc

from quizapp import create_app
from quizapp.views.auth import announce_setup

app = create_app()
announce_setup(app)
# What is loaded by now (the app, the given-name dictionary, the generator's tables) lives as
# long as the process: the collector need not walk it again on every full collection, and in
# gunicorn's forked workers walking it would copy the pages they share.
gc.collect()
gc.freeze()
