# quizapp tasks. POSIX make; needs only Python 3.11+ (python3) on the PATH.
.POSIX:

PYTHON = python3
VENV = .venv
BIN = $(VENV)/bin
PIP = $(BIN)/python -m pip

all: test

install: $(VENV)/installed.stamp

# Every package comes from requirements.lock, pinned with hashes (`make lock` refreshes it);
# the project itself is installed last, editable, with nothing more resolved.
$(VENV)/installed.stamp: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r requirements.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $(VENV)/installed.stamp

# Resolves pyproject.toml's dependencies and every extra for Python 3.11+ on any platform.
lock: install
	printf 'setuptools>=68\n' | $(BIN)/uv pip compile pyproject.toml - --all-extras \
		--universal --python-version 3.11 --generate-hashes --upgrade \
		--custom-compile-command 'make lock' --quiet -o requirements.lock
	$(PIP) install --quiet --require-hashes -r requirements.lock

run: install
	$(BIN)/flask --app quizapp db upgrade
	$(BIN)/flask --app quizapp seed
	$(BIN)/gunicorn -b 127.0.0.1:8000 -w 2 wsgi:app

test: install
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

# The extractor on ../shared/devset, tuning and held-out parts, lenient and strict.
devset: install
	$(BIN)/python benchmarks/devset_report.py

# Three databases of a million attempts each, today's board reads side by side with the previous
# ones; 10 to 30 minutes on SQLite, mostly seeding. Smaller: BOARD_ARGS='--players 2000 --attempts
# 20000'. On PostgreSQL (a database per scenario, dropped after):
# BOARD_ARGS='--postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres'
bench-board: install
	$(BIN)/python benchmarks/bench_leaderboard.py $(BOARD_ARGS)

# quizapp's pages against a minimal Flask page, both under gunicorn, driven by wrk; about
# 4 minutes. Shorter: PAGES_ARGS='--rounds 1 --seconds 2 --pages home'
bench-pages: install
	$(BIN)/python benchmarks/bench_pages.py $(PAGES_ARGS)

.PHONY: all install lock run test lint bench bench-board bench-pages devset
