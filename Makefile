# PPID Desk: `make run` and `make test` are all a newcomer needs (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Installs are redone only when pyproject.toml changes.
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
# The bundle is built in a venv of its own holding only what pyproject.toml declares, as
# the Windows workflow does (not the editable .venv, which PyInstaller cannot follow and
# which also holds the test tools).
BUILD_VENV := build/installer-venv
BUILD_STAMP := $(BUILD_VENV)/.installed
# The one version (pyproject.toml); read when a recipe needs it, once the venv exists.
VERSION = $(shell $(BIN)/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

.PHONY: run test lint bench system-deps installer clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[test]'
	@touch $@ $(RUN_STAMP)

$(BUILD_STAMP): pyproject.toml | $(BIN)/python
	rm -rf $(BUILD_VENV)
	$(BIN)/python -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install -qq --upgrade pip
	$(BUILD_VENV)/bin/python -m pip install -qq '.[installer]'
	@touch $@

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

# dist/ppid-desk/ (the one-folder bundle, checked with --version, smoke and deadline),
# dist/ppid-desk-VERSION-linux-ARCH.tar.gz (that folder, for an office's PC; README,
# Installing) and dist/ppid-desk-setup-VERSION.exe (the NSIS script compiled against the
# Linux bundle: proves the script valid; a real Windows setup comes from the workflow).
installer: $(BUILD_STAMP) system-deps
	@start=$$(date +%s); set -e; \
	rm -rf build/lib; \
	$(BUILD_VENV)/bin/python -m pip install -qq --no-deps --force-reinstall .; \
	$(BUILD_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller installer/ppid-desk.spec; \
	built=$$(date +%s); \
	test "$$(dist/ppid-desk/ppid-desk --version)" = "ppid-desk $(VERSION)" \
		|| { echo "installer: the bundle does not report version $(VERSION)" >&2; exit 1; }; \
	env -u PPID_DESK_DATA_DIR QT_QPA_PLATFORM=offscreen dist/ppid-desk/ppid-desk smoke; \
	scratch=$$(mktemp -d); \
	dist/ppid-desk/ppid-desk --data-dir "$$scratch" deadline 2026-12-24 | grep -q '^skipped: 2026-12-25 Hari Raya Natal'; \
	rm -rf "$$scratch"; \
	tarball=dist/ppid-desk-$(VERSION)-linux-$$(uname -m).tar.gz; \
	tar -C dist -czf "$$tarball" ppid-desk; \
	makensis -V2 -WX -DVERSION=$(VERSION) -DBUNDLE=$(CURDIR)/dist/ppid-desk \
		-DOUTFILE=$(CURDIR)/dist/ppid-desk-setup-$(VERSION).exe installer/windows/ppid-desk.nsi; \
	echo "installer: ppid-desk $(VERSION): bundle built in $$((built - start)) s, all done in $$(($$(date +%s) - start)) s"; \
	du -sh dist/ppid-desk "$$tarball" dist/ppid-desk-setup-$(VERSION).exe

clean:
	rm -rf $(VENV) build dist *.egg-info
