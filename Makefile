# Quick start: `make run` opens the reader on the bundled article; `make test` runs the suite.
# Both build .venv first if needed, from the committed uv.lock (`uv sync --locked`).
# Where uv is not on PATH, a pinned uv is installed from PyPI into .tools/ (no root needed).

PYTHON ?= python3
UV_VERSION := 0.13.9
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
UV     := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)

.PHONY: setup run test lint format bench clean

setup: $(STAMP)

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --locked: fail, rather than re-resolve, when uv.lock no longer matches pyproject.toml.
$(STAMP): pyproject.toml uv.lock | $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --extra test --python $(PYTHON) --quiet
	touch $(STAMP)

run: setup
	$(BIN)/reader

# pytest's exit 5 (no tests collected) counts as a failure.
test: setup
	$(BIN)/python -m pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: no tests were collected" >&2; exit 1; fi; exit $$status

lint: setup
	$(BIN)/ruff check reader glossary tests benchmarks
	$(BIN)/ruff format --check reader glossary tests benchmarks
	$(BIN)/lint-imports

format: setup
	$(BIN)/ruff format reader glossary tests benchmarks
	$(BIN)/ruff check --fix reader glossary tests benchmarks

bench: setup
	$(BIN)/python benchmarks/translate.py

clean:
	rm -rf $(VENV) .tools .pytest_cache
