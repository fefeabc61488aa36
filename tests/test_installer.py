"""The installer pieces, without building the PyInstaller bundle (``make installer`` does
that): the one version, the NSIS script compiled for real, the Linux menu entry and its
install script, and the spec's list of left-out modules against the code's imports."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import stat
import struct
import subprocess
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from ppid_desk import __version__
from ppid_desk.main import main

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "ppid-desk.spec"
NSIS_SCRIPT = INSTALLER / "windows" / "ppid-desk.nsi"
DESKTOP = INSTALLER / "linux" / "ppid-desk.desktop"
INSTALL_SH = INSTALLER / "linux" / "install.sh"
CODE_FOLDERS = ("ppid_desk", "ui", "reports")


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


# --- one version -----------------------------------------------------------------------

def test_version_option_prints_the_pyproject_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"ppid-desk {pyproject_version()}"
    assert __version__ == pyproject_version()


def test_about_dialog_shows_the_version(qtbot, store, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox

    from ppid_desk.ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((title, text)))
    window = MainWindow(store)
    qtbot.addWidget(window)
    about = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == "Tentang PPID Desk"]
    assert len(about) == 1
    about[0].trigger()
    assert shown and shown[0][0] == "Tentang PPID Desk"
    assert f"versi {pyproject_version()}" in shown[0][1]


# --- Windows: the NSIS script ------------------------------------------------------------

def makensis() -> str:
    found = shutil.which("makensis")
    assert found, "makensis missing: `make test` installs nsis (scripts/system-deps.sh)"
    return found


def fake_windows_bundle(folder: Path) -> Path:
    """The shape of PyInstaller's one-folder output: the program and _internal/."""
    (folder / "_internal" / "PySide6").mkdir(parents=True)
    (folder / "ppid-desk.exe").write_bytes(b"MZ fake program")
    (folder / "_internal" / "python311.dll").write_bytes(b"MZ fake library")
    (folder / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"MZ fake Qt")
    return folder


def compile_setup(tmp_path: Path, *defines: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [makensis(), "-V2", "-WX", *defines, str(NSIS_SCRIPT)],
        capture_output=True, text=True, timeout=120,
    )


def test_nsis_script_compiles_into_a_per_user_windows_setup(tmp_path):
    bundle = fake_windows_bundle(tmp_path / "ppid-desk")
    setup = tmp_path / f"ppid-desk-setup-{pyproject_version()}.exe"
    result = compile_setup(tmp_path, f"-DVERSION={pyproject_version()}", f"-DBUNDLE={bundle}", f"-DOUTFILE={setup}")
    assert result.returncode == 0, result.stdout + result.stderr
    data = setup.read_bytes()
    # A Windows GUI program (PE, subsystem 2) ...
    assert data[:2] == b"MZ"
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[pe:pe + 4] == b"PE\0\0"
    optional_header = pe + 24
    assert struct.unpack_from("<H", data, optional_header + 68)[0] == 2
    # ... whose manifest asks Windows for no elevation (RequestExecutionLevel user).
    assert b'requestedExecutionLevel level="asInvoker"' in data
    assert b"requireAdministrator" not in data


def test_setup_carries_the_bundle_and_writes_an_uninstaller(tmp_path):
    seven_zip = shutil.which("7z")
    assert seven_zip, "7z missing: `make test` installs p7zip-full (scripts/system-deps.sh)"
    bundle = fake_windows_bundle(tmp_path / "ppid-desk")
    setup = tmp_path / "ppid-desk-setup.exe"
    result = compile_setup(tmp_path, "-DVERSION=9.8.7", f"-DBUNDLE={bundle}", f"-DOUTFILE={setup}")
    assert result.returncode == 0, result.stdout + result.stderr
    listing = subprocess.run([seven_zip, "l", "-slt", str(setup)], capture_output=True, text=True, check=True).stdout
    paths = {line.removeprefix("Path = ").replace("\\", "/") for line in listing.splitlines()
             if line.startswith("Path = ")}
    assert {"ppid-desk.exe", "_internal/python311.dll", "_internal/PySide6/Qt6Core.dll", "uninstall.exe"} <= paths


def test_nsis_script_refuses_to_compile_without_a_version(tmp_path):
    bundle = fake_windows_bundle(tmp_path / "ppid-desk")
    result = compile_setup(tmp_path, f"-DBUNDLE={bundle}", f"-DOUTFILE={tmp_path / 'x.exe'}")
    assert result.returncode != 0
    assert "VERSION is required" in result.stdout + result.stderr
    assert not (tmp_path / "x.exe").exists()


# --- Linux: the menu entry and install.sh -------------------------------------------------

def read_desktop(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_program_and_a_bundled_icon():
    entry = read_desktop(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "ppid-desk"
    icon = resources.files("ppid_desk.resources") / "icons" / f"{entry['Icon']}.svg"
    assert icon.is_file()
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate missing: `make test` installs desktop-file-utils"
    result = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def fake_linux_bundle(folder: Path, version: str) -> Path:
    icons = folder / "_internal" / "ppid_desk" / "resources" / "icons"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "ppid-desk.svg", icons)
    program = folder / "ppid-desk"
    program.write_text(f"#!/bin/sh\necho 'ppid-desk {version}'\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    for source in (DESKTOP, INSTALL_SH):
        shutil.copy2(source, folder)
    return folder


def run_install(bundle: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    return subprocess.run(["sh", str(bundle / "install.sh"), *args], env=env,
                          capture_output=True, text=True, timeout=60)


def test_install_sh_installs_updates_and_uninstalls_leaving_the_data(tmp_path):
    assert os.access(INSTALL_SH, os.X_OK)  # README: ./install.sh
    home = tmp_path / "home"
    data = home / ".local" / "share" / "ppid-desk"  # platformdirs' folder on Linux
    data.mkdir(parents=True)
    (data / "ppid-desk.sqlite3").write_bytes(b"register")
    old = fake_linux_bundle(tmp_path / "old" / "ppid-desk", "0.0.9")
    (old / "_internal" / "stale.so").write_bytes(b"old library")

    first = run_install(old, home)
    assert first.returncode == 0, first.stderr
    target = home / ".local" / "lib" / "ppid-desk"
    link = home / ".local" / "bin" / "ppid-desk"
    menu = home / ".local" / "share" / "applications" / "ppid-desk.desktop"
    icon = home / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "ppid-desk.svg"
    assert "0.0.9" in first.stdout
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout.strip() == "ppid-desk 0.0.9"
    entry = read_desktop(menu)
    assert entry["Exec"] == f"{target}/ppid-desk"
    assert icon.is_file() and entry["Icon"] == icon.stem
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(menu)]).returncode == 0

    new = fake_linux_bundle(tmp_path / "new" / "ppid-desk", "0.1.0")
    update = run_install(new, home)
    assert update.returncode == 0, update.stderr
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout.strip() == "ppid-desk 0.1.0"
    assert not (target / "_internal" / "stale.so").exists()  # the old version is replaced whole

    gone = run_install(target, home, "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not target.exists() and not link.is_symlink() and not menu.exists() and not icon.exists()
    assert (data / "ppid-desk.sqlite3").read_bytes() == b"register"


# --- the PyInstaller spec ------------------------------------------------------------------

def spec_lists() -> dict[str, list[str]]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    return {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in {"QT_EXCLUDES", "OTHER_EXCLUDES"}}


def test_spec_is_python_and_leaves_out_the_big_unused_qt_modules():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    qt = set(spec_lists()["QT_EXCLUDES"])
    for family in ("PySide6.QtWebEngine", "PySide6.Qt3D", "PySide6.QtMultimedia", "PySide6.QtQuick",
                   "PySide6.QtQml", "PySide6.QtCharts", "PySide6.QtDataVisualization"):
        assert any(name.startswith(family) for name in qt), family
    assert "tkinter" in spec_lists()["OTHER_EXCLUDES"]


def imported_modules() -> dict[str, str]:
    """Every module the app's code imports (absolute imports), with one place it does."""
    found: dict[str, str] = {}
    for folder in CODE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
                else:
                    continue
                for name in names:
                    found.setdefault(name, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_module_the_code_imports_is_left_out_of_the_bundle():
    lists = spec_lists()
    excluded = set(lists["QT_EXCLUDES"]) | set(lists["OTHER_EXCLUDES"])
    imports = imported_modules()
    assert "PySide6.QtPdf" in imports and "PySide6.QtWidgets" in imports  # the scan sees the UI
    clashes = {name: where for name, where in imports.items()
               if any(name == gone or name.startswith(gone + ".") for gone in excluded)}
    assert not clashes, f"imported but left out of the bundle by installer/ppid-desk.spec: {clashes}"


def test_spec_entry_script_runs_the_installed_entry_point():
    script = ast.parse((INSTALLER / "ppid-desk.py").read_text(encoding="utf-8"))
    imports = [node for node in script.body if isinstance(node, ast.ImportFrom)]
    assert [(node.module, [a.name for a in node.names]) for node in imports] == [("ppid_desk.main", ["main"])]
    with (ROOT / "pyproject.toml").open("rb") as f:
        assert tomllib.load(f)["project"]["scripts"]["ppid-desk"] == "ppid_desk.main:main"
