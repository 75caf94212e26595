# runstrong: two commands for a fresh machine (Python >= 3.11 and make).
#   make run   shows the example runner's plan, writes it in every format to out/, then serves
#              the web app on out/runstrong.sqlite3 with the example athlete (Ctrl-C stops it;
#              make run SERVE=0 only writes the files)
#   make test  runs every check: ruff, mypy --strict and the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck pytest pytest-compiled bench clean venv wheel compiled

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "runstrong needs Python >= 3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

EXAMPLE ?= examples/alex-marathon.toml
OUT     ?= out
SERVE   ?= 1
HOST    ?= 127.0.0.1
PORT    ?= 8000

run: $(STAMP)
	$(BIN)/runstrong plan $(EXAMPLE) --weeks 3
	$(BIN)/runstrong export all $(EXAMPLE) -o $(OUT)
ifneq ($(SERVE),0)
	$(BIN)/python -m runstrong.web.example $(EXAMPLE) $(OUT)/runstrong.sqlite3 --host $(HOST) --port $(PORT)
endif

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -n 2 -q

test: lint typecheck pytest pytest-compiled

# The released build: the planning engine compiled by mypyc (about 1.8x faster; 1-2 minutes to
# build). `make wheel` writes it to dist/. `make compiled` installs it into .compiled/, with every
# package but runstrong.domain linked back to src/ (so only a domain edit needs a rebuild), where
# `make test` runs the tests again and `make bench` measures it beside .venv's pure Python (an
# editable install: an edit always runs there).
COMPILED := .compiled
DOMAIN   := $(wildcard src/runstrong/domain/*.py)

wheel: $(STAMP)
	scripts/build_wheel.sh dist $(BIN)/python

# The folders too: a module added or removed changes them (a new top-level module, such as
# settings.py, needs its link in .compiled/runstrong).
$(COMPILED)/.built: $(STAMP) $(DOMAIN) src/runstrong/domain src/runstrong scripts/build_wheel.sh
	rm -rf $(COMPILED)
	scripts/build_wheel.sh $(COMPILED)/dist $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
		--target $(COMPILED) $(COMPILED)/dist/*.whl
	cd $(COMPILED)/runstrong && for entry in $(CURDIR)/src/runstrong/*; do \
		name=$$(basename $$entry); \
		if [ $$name != domain ] && [ $$name != __pycache__ ]; then rm -rf $$name && ln -s $$entry $$name; fi; \
	done
	@touch $@

compiled: $(COMPILED)/.built

pytest-compiled: $(COMPILED)/.built
	PYTHONPATH=$(COMPILED) RUNSTRONG_EXPECT_BUILD=compiled $(BIN)/pytest -n 2 -q

bench: $(STAMP) $(COMPILED)/.built
	$(BIN)/python -m bench
	$(BIN)/python -m bench.training_log
	$(BIN)/python -m bench.charts

clean:
	rm -rf $(VENV) $(COMPILED) .mypy_cache .ruff_cache .pytest_cache .hypothesis
