# One command each: `make deck` builds source_notes/ into dist/, `make test` runs the tests.
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: deck test check lint bench bench-cloze clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

deck: $(STAMP)
	$(BIN)/ankibuild build source_notes -o dist/

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/ankibuild check source_notes

lint: $(STAMP)
	$(BIN)/ruff check ankibuild tests bench
	$(BIN)/ruff format --check ankibuild tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

bench-cloze: $(STAMP)
	$(BIN)/python bench/cloze_eval.py --sets all

clean:
	rm -rf $(VENV) build *.egg-info ankibuild.egg-info .pytest_cache .mypy_cache .ruff_cache
	find dist -type f ! -name .gitkeep -delete
