"""The main window opens with Beranda only: every other area's page is built the first time
it is shown (or reached in code), so the start stays quick and openpyxl is not loaded.
Pages built later are wired to the others, follow the officer's roles and sit under the
lock like the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from ppid_desk.accounts import passwords
from ppid_desk.accounts.officer import refusal
from ppid_desk.accounts.roles import Permission, Role
from ppid_desk.accounts.service import add_officer, create_admin
from ppid_desk.office import load_office, save_office
from ppid_desk.register.lifecycle import Action
from ppid_desk.ui.accounts.desk_lock import DeskLock
from ppid_desk.ui.main_window import AREAS, MainWindow, PendingPage
from ppid_desk.ui.session import current_officer, session
from register_samples import make_requests

PASSWORD = "kata-sandi-1"
LATER = [area.key for area in AREAS if area.key != "beranda"]
# What the window's start must not import: the areas built later and the Excel library.
NOT_AT_START = ("openpyxl", "ppid_desk.reports.periodic", "ppid_desk.reports.xlsx_book", "ppid_desk.dip.importer",
                "ppid_desk.ui.register.area", "ppid_desk.ui.objections.area", "ppid_desk.ui.inbox.area",
                "ppid_desk.ui.dip.area", "ppid_desk.ui.reports.page", "ppid_desk.ui.settings.page")


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    monkeypatch.setattr(passwords, "DEFAULT_PARAMS", passwords.ScryptParams(n=2 ** 8, r=8, p=1))


def open_window(qtbot, store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def press_shortcut(window: MainWindow, text: str) -> None:
    """Trigger the window's action bound to ``text`` (see test_main_window.py)."""
    [action] = [a for a in window.actions() if a.shortcut().toString() == text]
    action.trigger()


def test_only_beranda_is_built_when_the_window_opens(qtbot, store):
    window = open_window(qtbot, store)
    assert window.current_page() == "beranda" and window.is_built("beranda")
    assert [key for key in LATER if window.is_built(key)] == []
    for row, area in enumerate(AREAS[1:], start=1):
        assert isinstance(window.pages.widget(row), PendingPage)
        assert window.built_page(area.key) is None  # asking does not build
    assert window.unsaved_forms() == []  # nothing built, nothing typed
    window.discard_forms()
    assert [key for key in LATER if window.is_built(key)] == []


def test_the_smoke_command_does_not_import_the_areas_or_openpyxl(tmp_path):
    """The whole ``ppid-desk smoke`` process, as the start-up benchmark runs it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PPID_DESK_DATA_DIR", None)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "ppid_desk", "--data-dir", str(tmp_path / "data"),
                           "smoke"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("smoke: ok")
    imported = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "ppid_desk.ui.main_window" in imported and "ppid_desk.ui.home_page" in imported
    loaded = sorted(name for name in imported if name.split(".")[0] == "openpyxl" or name in NOT_AT_START)
    assert loaded == []


def test_each_area_is_built_and_shown_when_first_selected(qtbot, store):
    window = open_window(qtbot, store)
    built: list[str] = []
    window.pageBuilt.connect(built.append)
    for row, area in enumerate(AREAS):
        if area.key == "beranda":
            continue
        press_shortcut(window, f"Ctrl+{row + 1}")
        page = window.built_page(area.key)
        assert page is not None and not isinstance(page, PendingPage)
        assert window.current_page() == area.key and window.pages.currentWidget() is page and page.isVisible()
        assert window.pages.indexOf(page) == row and window.pages.count() == len(AREAS)
    assert built == LATER
    assert window.register is window.pages.widget(1)  # built once, the same page after
    press_shortcut(window, "Ctrl+2")
    assert built == LATER


def test_the_navigation_list_and_ctrl_n_build_their_area(qtbot, store):
    window = open_window(qtbot, store)
    window.nav.setCurrentRow(3)  # a click in the list
    assert window.current_page() == "pesan" and window.is_built("pesan")
    assert window.pages.currentWidget() is window.inbox
    assert not window.is_built("permohonan")
    window.new_request()  # Ctrl+N
    assert window.current_page() == "permohonan"
    assert window.register.currentWidget() is window.register.intake


def test_a_page_reached_in_code_is_built_without_showing_it(qtbot, store):
    window = open_window(qtbot, store)
    settings = window.settings  # e.g. the start connects the backup tab
    assert window.is_built("pengaturan") and window.current_page() == "beranda"
    assert window.pages.widget(6) is settings and not settings.isVisible()
    seen = []
    window.when_built("pengaturan", seen.append)  # already built: at once
    window.when_built("dip", seen.append)  # later, once
    assert seen == [settings]
    press_shortcut(window, "Ctrl+5")
    assert seen == [settings, window.dip]


def test_pages_built_later_are_wired(qtbot, store):
    """Beranda opens a request in the register built then; a settings change reaches the
    pages that exist and a page built afterwards reads the new state itself."""
    [request_id] = make_requests(1, datetime.now(), steps=False)
    window = open_window(qtbot, store)
    window.home.openRequest.emit(request_id)
    assert window.current_page() == "permohonan"
    assert window.register.currentWidget() is window.register.detail
    assert window.register.detail.request_id == request_id
    window.register.detail.back_button.click()
    assert window.current_page() == "beranda"  # Kembali returns where the link was

    save_office(load_office().with_changes(agency_name="Dinas Arsip Kota Contoh", city="Contoh"))
    window.settings.officeChanged.emit()
    assert window.windowTitle().endswith("Dinas Arsip Kota Contoh")
    assert not window.is_built("laporan")  # not told, not built
    window.settings.calendarChanged.emit()
    window.settings.units_tab.unitsChanged.emit()
    assert [key for key in ("keberatan", "pesan", "dip", "laporan") if window.is_built(key)] == []


def test_role_gating_and_the_lock_apply_to_pages_built_after_login(qtbot, store):
    save_office(load_office().with_changes(agency_name="Dinas Kominfo Kota Contoh", city="Contoh"))
    admin = create_admin("admin", "Admin Kantor", "rahasia-admin")
    add_officer("budi", "Budi Santoso", (Role.PETUGAS,), PASSWORD, admin, must_change_password=False)
    [request_id] = make_requests(1, datetime.now(), steps=False)
    session().start_accounts()
    window = MainWindow(store)
    qtbot.addWidget(window)
    lock = DeskLock(window, idle_ms=600_000)
    window.show()
    qtbot.waitExposed(window)
    lock.require_login()
    lock.screen.username.setText("budi")
    lock.screen.password.setText(PASSWORD)
    lock.screen.submit_button.click()
    assert current_officer().username == "budi" and not window.is_covered()
    assert [key for key in LATER if window.is_built(key)] == []  # the login built nothing

    assert window.open_request(request_id)  # the register, built now
    decide = window.register.detail.action_buttons[Action.DECIDE]
    assert not decide.isEnabled()
    assert decide.toolTip() == "Hanya PPID yang dapat memutuskan permohonan; peran Anda: Petugas."
    assert window.register.register.new_button.isEnabled()  # a Petugas registers requests
    press_shortcut(window, "Ctrl+5")  # the DIP, built now: a Petugas may not edit or import it
    dip = window.dip
    assert not dip.page.new_button.isEnabled() and not dip.page.import_button.isEnabled()
    assert dip.page.new_button.toolTip() == refusal(current_officer(), Permission.EDIT_DIP)
    assert dip.page.export_button.isEnabled()
    tabs = window.settings.tabs  # built in code while Pengaturan is closed to a Petugas
    assert not any(tabs.isTabEnabled(i) for i in range(tabs.count()))
    assert window.show_page("pengaturan") is False
    assert not window.nav.item(6).flags() & Qt.ItemFlag.ItemIsEnabled

    lock.lock()  # the lock covers pages built after the login too
    assert window.is_covered() and not dip.isVisible() and not window.body.isVisible()
    lock.screen.password.setText(PASSWORD)
    lock.screen.submit_button.click()
    assert not window.is_covered() and window.current_page() == "dip" and dip.isVisible()
