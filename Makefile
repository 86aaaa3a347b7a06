# Quick start: `make run` opens the reader on the bundled article; `make test` runs the suite.
# Both build .venv first if needed (torch pinned to its CPU wheel through constraints.txt).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/reader

# pytest's exit 5 (no tests collected) counts as a failure.
test: setup
	$(BIN)/python -m pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: no tests were collected" >&2; exit 1; fi; exit $$status

lint: setup
	$(BIN)/ruff check reader glossary tests benchmarks

bench: setup
	$(BIN)/python benchmarks/translate.py

clean:
	rm -rf $(VENV) .pytest_cache
