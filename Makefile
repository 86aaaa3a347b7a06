# Quick start: `make run` opens the reader on the bundled article; `make test` runs the suite.
# Both build .venv first if needed, from the committed uv.lock (`uv sync --locked`).
# Where uv is not on PATH, a pinned uv is installed from PyPI into .tools/ (no root needed).

PYTHON ?= python3
UV_VERSION := 0.13.9
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
UV     := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)

.PHONY: help setup run test quick snapshots check lint typecheck format bench clean

help:  ## This list.
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

setup: $(STAMP)  ## Build .venv from uv.lock (fails on a stale lock).

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --locked: fail, rather than re-resolve, when uv.lock no longer matches pyproject.toml.
$(STAMP): pyproject.toml uv.lock | $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --extra test --python $(PYTHON) --quiet
	touch $(STAMP)

run: setup  ## Open the reader on the bundled article.
	$(BIN)/reader

# pytest's exit 5 (no tests collected) counts as a failure. -n auto: one worker per core
# (data folders and the stand-in model are per process).
PYTEST = $(BIN)/python -m pytest -q -n auto
define run_pytest
	$(PYTEST) $(1); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make: no tests were collected" >&2; exit 1; fi; exit $$status
endef

test: setup  ## The whole suite.
	$(call run_pytest,)

quick: setup  ## The suite without the slow tests (subprocesses, tmux).
	$(call run_pytest,-m "not slow")

snapshots: setup  ## Regenerate the screen snapshots (look at them before committing).
	$(BIN)/python -m pytest -q tests/app/test_snapshots.py --snapshot-update

check: lint typecheck  ## Lint, format, import contracts and mypy (CI runs it before the tests).

lint: setup  ## ruff, ruff format --check, import contracts.
	$(BIN)/ruff check reader glossary tests benchmarks
	$(BIN)/ruff format --check reader glossary tests benchmarks
	$(BIN)/lint-imports

typecheck: setup  ## mypy --strict on reader, glossary, tests and benchmarks (configured in pyproject.toml).
	$(BIN)/mypy

format: setup  ## Format and fix what ruff can.
	$(BIN)/ruff format reader glossary tests benchmarks
	$(BIN)/ruff check --fix reader glossary tests benchmarks

bench: setup  ## The translation benchmark (the others: python -m benchmarks.NAME).
	$(BIN)/python -m benchmarks.translate

clean:  ## Remove .venv and caches.
	rm -rf $(VENV) .tools .pytest_cache
