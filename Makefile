# quizapp tasks. POSIX make; needs only Python 3.11+ (python3) on the PATH.
.POSIX:

PYTHON = python3
VENV = .venv
BIN = $(VENV)/bin

all: test

install: $(VENV)/installed.stamp

# Reinstalled only when the dependencies change.
$(VENV)/installed.stamp: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/installed.stamp

run: install
	$(BIN)/flask --app quizapp db upgrade
	$(BIN)/flask --app quizapp seed
	$(BIN)/gunicorn -b 127.0.0.1:8000 -w 2 wsgi:app

test: install
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check .

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

# A million attempts, about 3 minutes; smaller: BOARD_ARGS='--players 2000 --attempts 20000'
bench-board: install
	$(BIN)/python benchmarks/bench_leaderboard.py $(BOARD_ARGS)

.PHONY: all install run test lint bench bench-board
