"""The packaging and layering rules of STYLE.md, checked."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
FOLDERS = {"ppid_desk": "ppid_desk", "ppid_desk.ui": "ui", "ppid_desk.reports": "reports",
           "ppid_desk.resources": "resources"}
# Modules of ppid_desk that are not core: the UI, data files, and the entry point that
# wires the UI's commands in.
NOT_CORE = {"ui", "resources", "main", "__main__", "__init__"}


def _packages_on_disk() -> set[str]:
    found = set()
    for name, folder in FOLDERS.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([name, *rel.parts]) if rel.parts else name)
    return found


def _resource_folders() -> set[str]:
    return {f"ppid_desk.resources.{p.name}" for p in (ROOT / "resources").iterdir()
            if p.is_dir() and p.name != "__pycache__"}


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert _packages_on_disk() | _resource_folders() == listed
    assert _resource_folders() <= set(PYPROJECT["tool"]["setuptools"]["package-data"])


def test_every_core_module_is_under_the_no_qt_contract():
    contract = PYPROJECT["tool"]["importlinter"]["contracts"][0]
    assert "PySide6" in contract["forbidden_modules"]
    guarded = set(contract["source_modules"])
    core = {p.stem for p in (ROOT / "ppid_desk").glob("*.py")} | {
        p.name for p in (ROOT / "ppid_desk").iterdir() if (p / "__init__.py").is_file()}
    missing = {f"ppid_desk.{name}" for name in core - NOT_CORE} - guarded
    assert not missing, f"add to the import-linter contract: {sorted(missing)}"
    assert "ppid_desk.reports" in guarded


def test_no_folder_is_created_at_import(tmp_path, monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    for name in [m for m in sys.modules if m.startswith("ppid_desk")]:
        monkeypatch.delitem(sys.modules, name)
    importlib.import_module("ppid_desk.main")
    assert list(tmp_path.iterdir()) == []
