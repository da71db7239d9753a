# The two commands of the README: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint eval bench clean

# The attribution rules run compiled (setup.py). An editable install keeps the binaries beside the
# sources and Python imports the binaries first, so they are rebuilt whenever a source is newer
# (16 s after an edit); tests/conftest.py refuses a stale build. The install itself builds them, so it
# marks them current; they are checked by a second make, which sees that mark.
COMPILED := bot/attribution/.compiled

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip setuptools
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP) $(COMPILED)

# The benchmark's own packages (tantivy, pyinstrument, psutil), installed on its first run.
BENCH_STAMP := $(VENV)/.bench-$(shell cksum pyproject.toml | cut -d' ' -f1)

$(BENCH_STAMP): $(STAMP)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	rm -f $(VENV)/.bench-*
	touch $(BENCH_STAMP) $(COMPILED)

$(COMPILED): setup.py $(wildcard bot/attribution/*.py)
	$(VENV)/bin/python setup.py --quiet build_ext --inplace
	touch $@

run: $(STAMP)  ## load the bundled articles and start the bot (console chat when no chat tokens are set)
	@$(MAKE) -s --no-print-directory $(COMPILED)
	$(VENV)/bin/briefbot run

test: $(STAMP)  ## lint, type-check the core and run the whole test suite
	@$(MAKE) -s --no-print-directory $(COMPILED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy --strict --ignore-missing-imports -p bot
	bash scripts/ensure-postgres.sh
	$(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy --strict --ignore-missing-imports -p bot

eval: $(STAMP)  ## answer quality on ../shared/eval/dev.jsonl beside a plain BM25 baseline
	@$(MAKE) -s --no-print-directory $(COMPILED)
	$(VENV)/bin/briefbot eval ../shared/eval/dev.jsonl

bench: $(BENCH_STAMP)  ## the scale benchmark (not a test; about a quarter of an hour): prints its numbers, rewrites bench/RESULTS.md
	@$(MAKE) -s --no-print-directory $(COMPILED)
	$(VENV)/bin/python bench/run.py

clean:
	rm -rf $(VENV) build bot/attribution/*.so $(COMPILED) data/briefbot.db data/briefbot.db-wal data/briefbot.db-shm
