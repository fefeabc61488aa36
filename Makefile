# PPID Desk: `make run` and `make test` are all a newcomer needs (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Installs are redone only when pyproject.toml changes.
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[test]'
	@touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	@if [ "$$(uname -s)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "ppid-desk: tidak ada layar (DISPLAY/WAYLAND_DISPLAY kosong); jalankan 'make run' dari desktop."; \
	else \
		$(BIN)/ppid-desk; \
	fi

system-deps:
	@bash scripts/system-deps.sh

lint: $(TEST_STAMP)
	$(BIN)/python scripts/lint_layers.py

test: $(TEST_STAMP) system-deps lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info
