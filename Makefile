# flashpoint: the two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LOCKS := requirements/runtime.txt requirements/dev.txt

.PHONY: demo test test-all lint types unit eval bench lock clean help

help:
	@echo "make demo      set up .venv, ingest and code the bundled sample, show the result"
	@echo "make test      set up .venv, then lint, types, tests and the accuracy gate"
	@echo "make test-all  make test plus the slow suites"
	@echo "make eval      print the full accuracy report"
	@echo "make bench     run the benchmarks in bench/ and refresh docs/PERFORMANCE.md"
	@echo "make lock      re-resolve requirements/*.in into hash-pinned lock files"

# The bootstrap: a virtual environment with exactly the locked, hash-checked packages.
$(STAMP): $(LOCKS) pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/runtime.txt -r requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/flashpoint demo

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

types: $(STAMP)
	$(VENV)/bin/mypy

unit: $(STAMP)
	$(VENV)/bin/pytest -q -m "not slow"

test: lint types unit

test-all: lint types
	$(VENV)/bin/pytest -q

eval: $(STAMP)
	$(VENV)/bin/flashpoint eval

bench: $(STAMP)
	$(PY) bench/run.py $(BENCH_ARGS)

lock:
	test -x .lockenv/bin/pip-compile || ($(PYTHON) -m venv .lockenv && .lockenv/bin/pip install --quiet pip-tools)
	cd requirements && ../.lockenv/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras -o runtime.txt runtime.in
	cd requirements && ../.lockenv/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras -o dev.txt dev.in

clean:
	rm -rf $(VENV) .lockenv .mypy_cache .ruff_cache .pytest_cache build src/*.egg-info
