# The two commands of the README: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint eval bench clean

# The attribution rules run compiled (setup.py). An editable install keeps the binaries beside the
# sources and Python imports the binaries first, so they are rebuilt whenever a source is newer
# (about 2 s when nothing changed, 16 s after an edit); tests/conftest.py refuses a stale build.
COMPILED := bot/attribution/.compiled

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip setuptools
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

$(COMPILED): $(STAMP) setup.py $(wildcard bot/attribution/*.py)
	$(VENV)/bin/python setup.py --quiet build_ext --inplace
	touch $@

run: $(COMPILED)  ## load the bundled articles and start the bot (console chat when no chat tokens are set)
	$(VENV)/bin/briefbot run

test: $(COMPILED)  ## lint, type-check the core and run the whole test suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy --strict --ignore-missing-imports -p bot
	bash scripts/ensure-postgres.sh
	$(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy --strict --ignore-missing-imports -p bot

eval: $(COMPILED)  ## answer quality on ../shared/eval/dev.jsonl beside a plain BM25 baseline
	$(VENV)/bin/briefbot eval ../shared/eval/dev.jsonl

clean:
	rm -rf $(VENV) build bot/attribution/*.so $(COMPILED) data/briefbot.db data/briefbot.db-wal data/briefbot.db-shm
