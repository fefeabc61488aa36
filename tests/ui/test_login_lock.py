"""Officers on screen (issue 8): the first admin, the login, the idle lock, switching officer,
role gating, masking, the Petugas and Jejak audit tabs — on a real SQLite register."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ppid_desk import audit
from ppid_desk.accounts import passwords
from ppid_desk.accounts.officer import refusal
from ppid_desk.accounts.roles import Permission, Role
from ppid_desk.accounts.service import (
    WRONG_LOGIN, add_officer, create_admin, find_officer, has_officers,
)
from ppid_desk.office import load_office, save_office
from ppid_desk.paths import database_path
from ppid_desk.register.lifecycle import Action
from ppid_desk.store.models import AuditEntry, Requester
from ppid_desk.ui.accounts.admin_setup import FirstAdminDialog
from ppid_desk.ui.accounts.desk_lock import DeskLock
from ppid_desk.ui.first_run import ACCOUNT, OFFICIALS, SUMMARY, FirstRunWizard
from ppid_desk.ui.instance import LockState, SingleInstance
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.register.table_model import RegisterModel
from ppid_desk.ui.session import current_actor, current_officer, session
from ppid_desk.ui.startup import run_sessions
from register_samples import make_requests

ADMIN_PASSWORD = "rahasia-admin"
PASSWORD = "kata-sandi-1"


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    monkeypatch.setattr(passwords, "DEFAULT_PARAMS", passwords.ScryptParams(n=2 ** 8, r=8, p=1))


@pytest.fixture
def office(store):
    save_office(load_office().with_changes(agency_name="Dinas Kominfo Kota Contoh", city="Contoh"))
    return store


@pytest.fixture
def admin(office):
    return create_admin("admin", "Admin Kantor", ADMIN_PASSWORD)


def officer(admin, username: str, name: str, *roles: Role, must_change: bool = False):
    return add_officer(username, name, roles, PASSWORD, admin, must_change_password=must_change)


def open_desk(qtbot, store, idle_ms: int = 600_000) -> tuple[MainWindow, DeskLock]:
    """The window as the app's start opens it: accounts on, the login screen over the pages."""
    session().start_accounts()
    window = MainWindow(store)
    qtbot.addWidget(window)
    lock = DeskLock(window, idle_ms=idle_ms)
    window.show()
    qtbot.waitExposed(window)
    lock.require_login()
    return window, lock


def log_in(lock: DeskLock, username: str, password: str = PASSWORD) -> None:
    lock.screen.username.setText(username)
    lock.screen.password.setText(password)
    lock.screen.submit_button.click()


def click_in_message_box(button_text: str, seen: list[str]) -> None:
    """Answer the next message box (it runs its own event loop) with ``button_text``."""
    def answer(tries: int = 200) -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            if tries:
                QTimer.singleShot(10, lambda: answer(tries - 1))
            return
        box = boxes[0]
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(0, answer)


# --- first start ---------------------------------------------------------------------------

def test_first_start_asks_for_the_admin_account(qtbot, store):
    wizard = FirstRunWizard(ask_admin=True)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setField("agency_name", "Dinas Kominfo Kota Contoh")
    wizard.setField("city", "Contoh")
    while wizard.currentId() != OFFICIALS:
        wizard.next()
    wizard.next()
    assert wizard.currentId() == ACCOUNT
    form = wizard.account.form
    assert "Minimal 8 karakter" in form.new_password.rules.text()  # the core's rules, shown inline
    form.username.setText("Admin")
    form.name.setText("  Budi   Santoso ")
    form.new_password.password.setText(ADMIN_PASSWORD)
    form.new_password.repeat.setText("lain-sekali")
    wizard.next()
    assert wizard.currentId() == ACCOUNT
    assert form.errors.message("repeat") == "Kedua kata sandi tidak sama."
    form.new_password.repeat.setText(ADMIN_PASSWORD)
    wizard.next()
    assert wizard.currentId() == SUMMARY
    assert "Budi Santoso (admin)" in wizard.summary.summary.text()
    wizard.accept()

    assert wizard.admin is not None and wizard.admin.username == "admin"
    assert Role.ADMIN in wizard.admin.roles
    assert load_office().agency_name == "Dinas Kominfo Kota Contoh"
    saved = AuditEntry.get(AuditEntry.action == "office.save")
    assert (saved.actor_name, saved.actor_username) == ("Budi Santoso", "admin")  # saved as the new admin
    assert form.new_password.password.text() == ""  # the password does not stay in the form


def test_a_register_without_accounts_gets_its_admin_at_the_next_start(qtbot, office, data_dir):
    office.close()
    guard = SingleInstance(data_dir)
    assert guard.acquire() is LockState.ACQUIRED
    app = QApplication.instance()
    seen: dict[str, object] = {}

    def fill_dialog(tries: int = 300) -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstAdminDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, lambda: fill_dialog(tries - 1))
            return
        form = dialogs[0].form
        form.username.setText("admin")
        form.name.setText("Admin Kantor")
        form.new_password.password.setText(ADMIN_PASSWORD)
        form.new_password.repeat.setText(ADMIN_PASSWORD)
        dialogs[0].create_button.click()
        QTimer.singleShot(0, window_opened)

    def window_opened(tries: int = 300) -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(10, lambda: window_opened(tries - 1))
            return
        seen["covered"] = windows[0].is_covered()
        seen["officer"] = current_officer()
        windows[0].close()

    QTimer.singleShot(0, fill_dialog)
    # Never hang the suite; stopped afterwards: a stray exit() with no loop running would
    # make every later event loop of the run return at once.
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: app.exit(99))
    give_up.start(30_000)
    try:
        code = run_sessions(app, data_dir, guard)
    finally:
        give_up.stop()
        guard.release()
    assert code == 0
    assert seen["covered"] is False  # the admin just chose the password: logged in at once
    assert seen["officer"].username == "admin"
    assert current_officer() is None  # the app's run ended: nobody is logged in


# --- login ---------------------------------------------------------------------------------

def test_login_with_the_keyboard(qtbot, admin, store):
    budi = officer(admin, "budi", "Budi Santoso", Role.PETUGAS)
    window, lock = open_desk(qtbot, store)
    assert window.is_covered() and not window.body.isVisible()
    assert not window.menuBar().isEnabled() and not window.new_request_action.isEnabled()
    assert current_officer() is None and current_actor().roles == frozenset()  # nobody: no rights
    qtbot.keyClicks(lock.screen.username, "budi")
    qtbot.keyClick(lock.screen.username, Qt.Key.Key_Return)
    qtbot.keyClicks(lock.screen.password, PASSWORD)
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
    assert not window.is_covered() and window.body.isVisible()
    assert current_officer() == budi and current_actor() == budi
    assert lock.screen.password.text() == ""
    assert window.menuBar().isEnabled() and window.new_request_action.isEnabled()
    assert "Budi Santoso (Petugas)" in window._officer_label.text()


def test_a_refused_login_says_the_same_for_a_wrong_name_and_a_wrong_password(qtbot, admin, store):
    officer(admin, "budi", "Budi Santoso", Role.PETUGAS)
    window, lock = open_desk(qtbot, store)
    log_in(lock, "budi", "salah-sekali")
    assert lock.screen.error.text() == WRONG_LOGIN and lock.screen.error.isVisible()
    assert lock.screen.password.text() == ""
    assert lock.screen.username.text() == "budi"
    log_in(lock, "tidak-ada", "salah-sekali")
    assert lock.screen.error.text() == WRONG_LOGIN  # never which part was wrong
    assert window.is_covered() and current_officer() is None


def test_repeated_failures_make_the_officer_wait(qtbot, admin, store):
    officer(admin, "budi", "Budi Santoso", Role.PETUGAS)
    window, lock = open_desk(qtbot, store)
    for _ in range(5):
        log_in(lock, "budi", "salah-sekali")
    assert lock.screen.error.text() == f"{WRONG_LOGIN} Terlalu banyak percobaan gagal; coba lagi dalam 30 detik."
    log_in(lock, "budi", PASSWORD)  # even the right password waits
    assert "dikunci sementara" in lock.screen.error.text() and "coba lagi dalam" in lock.screen.error.text()
    assert window.is_covered()


def test_a_password_set_by_the_admin_is_changed_before_work(qtbot, admin, store):
    officer(admin, "siti", "Siti Lestari", Role.PPID, must_change=True)
    window, lock = open_desk(qtbot, store)

    def change() -> None:
        dialog = lock.password_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.current.setText(PASSWORD)
        dialog.new_password.password.setText("baru-sekali-1")
        dialog.new_password.repeat.setText("baru-sekali-1")
        dialog.save_button.click()

    QTimer.singleShot(0, change)
    log_in(lock, "siti")
    assert not window.is_covered() and current_officer().username == "siti"
    assert find_officer("siti").must_change_password is False
    window.switch_action.trigger()
    log_in(lock, "siti", "baru-sekali-1")
    assert current_officer().username == "siti"


def test_refusing_to_change_the_password_goes_back_to_the_login(qtbot, admin, store):
    officer(admin, "siti", "Siti Lestari", Role.PPID, must_change=True)
    window, lock = open_desk(qtbot, store)
    QTimer.singleShot(0, lambda: lock.password_dialog.reject())
    log_in(lock, "siti")
    assert window.is_covered() and current_officer() is None
    assert find_officer("siti").must_change_password is True


# --- the idle lock -------------------------------------------------------------------------

def test_the_screen_locks_when_idle_and_the_same_officer_unlocks(qtbot, admin, store):
    budi = officer(admin, "budi", "Budi Santoso", Role.PETUGAS)
    window, lock = open_desk(qtbot, store, idle_ms=150)
    log_in(lock, "budi")
    window.password_action.trigger()  # a dialog open when the desk locks
    dialog = lock.password_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(window.is_covered, timeout=5000)
    assert not window.body.isVisible() and not dialog.isVisible()  # nothing of the register shows
    assert "Budi Santoso" in lock.screen.who.text() and lock.screen.switch_button.isVisible()
    assert session().locked and current_officer() == budi

    log_in(lock, "", "salah-sekali")  # the lock screen asks only the password
    assert lock.screen.error.text() == WRONG_LOGIN and window.is_covered()
    assert lock.screen.password.text() == ""

    log_in(lock, "", PASSWORD)
    assert not window.is_covered() and dialog.isVisible()  # back as it was
    assert current_officer() == budi and not session().locked
    dialog.reject()


def test_ctrl_l_locks_and_the_timeout_is_a_setting(qtbot, admin, store):
    officer(admin, "budi", "Budi Santoso", Role.PETUGAS)
    window, lock = open_desk(qtbot, store)
    assert load_office().lock_minutes == 10
    assert lock.idle.timer.interval() == 10 * 60_000
    log_in(lock, "budi")
    [action] = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+L"]
    action.trigger()
    assert window.is_covered() and lock.screen.officer.username == "budi"
    lock.set_idle_minutes(3)
    assert lock.idle.timer.interval() == 3 * 60_000


# --- switching officer ---------------------------------------------------------------------

def test_switch_officer_asks_about_unsaved_typing_then_logs_in_another(qtbot, admin, store):
    officer(admin, "budi", "Budi Santoso", Role.PETUGAS)
    siti = officer(admin, "siti", "Siti Lestari", Role.PPID)
    window, lock = open_desk(qtbot, store)
    log_in(lock, "budi")
    window.new_request()
    window.register.intake.edits["name"].setText("Pemohon Setengah Jadi")
    seen: list[str] = []
    click_in_message_box("Batal", seen)
    window.switch_action.trigger()
    assert "formulir permohonan" in seen[0] and not window.is_covered()
    assert current_officer().username == "budi"

    click_in_message_box("Ganti petugas", seen)
    window.switch_action.trigger()
    assert window.is_covered() and current_officer() is None
    assert lock.screen.username.isVisible() and lock.screen.username.text() == ""
    assert not window.register.intake.is_dirty()
    log_in(lock, "siti")
    assert current_officer() == siti and window.current_page() == "beranda"


def test_another_officer_can_take_over_a_locked_desk(qtbot, admin, store):
    officer(admin, "budi", "Budi Santoso", Role.PETUGAS)
    officer(admin, "siti", "Siti Lestari", Role.PPID)
    window, lock = open_desk(qtbot, store)
    log_in(lock, "budi")
    lock.lock()
    lock.screen.switch_button.click()
    assert current_officer() is None and lock.screen.username.isVisible()
    log_in(lock, "siti")
    assert current_officer().username == "siti" and not window.is_covered()


# --- what a role sees ----------------------------------------------------------------------

def test_a_petugas_cannot_decide_and_sees_why(qtbot, admin, store):
    [request_id] = make_requests(1, datetime.now(), steps=False)
    officer(admin, "budi", "Budi Santoso", Role.PETUGAS)
    window, lock = open_desk(qtbot, store)
    log_in(lock, "budi")
    assert window.open_request(request_id)
    detail = window.register.detail
    decide = detail.action_buttons[Action.DECIDE]
    assert not decide.isEnabled()
    assert decide.toolTip() == "Hanya PPID yang dapat memutuskan permohonan; peran Anda: Petugas."
    assert detail.action_buttons[Action.ROUTE].isEnabled()  # a Petugas step, allowed at this stage
    assert detail.start_action(Action.DECIDE) is None
    # the register list: NIKs masked in the table, in full on the detail for a Petugas
    person = Requester.get()
    model = window.register.register.model
    nik_cell = model.index(0, RegisterModel.NIK).data()
    assert nik_cell == person.nik[:4] + "*" * 8 + person.nik[-4:]
    assert person.nik in [label.text() for label in detail.requester_group.findChildren(type(detail.title))]
    # Pengaturan and Laporan are other roles' work
    assert window.show_page("pengaturan") is False
    assert window.statusBar().currentMessage() == refusal(current_officer(), Permission.EDIT_SETTINGS)
    assert not window.nav.item(6).flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_kasubbag_sees_personal_data_masked(qtbot, admin, store):
    [request_id] = make_requests(1, datetime.now(), steps=False)
    officer(admin, "tini", "Tini Kasubbag", Role.KASUBBAG)
    window, lock = open_desk(qtbot, store)
    log_in(lock, "tini")
    person = Requester.get()
    model = window.register.register.model
    assert model.index(0, RegisterModel.CONTACT).data() == person.phone[:4] + "****" + person.phone[-4:]
    assert window.open_request(request_id)
    texts = [label.text() for label in window.register.detail.requester_group.findChildren(type(window.nav_header))]
    assert person.nik not in texts and person.phone not in texts
    assert person.nik[:4] + "********" + person.nik[-4:] in texts
    assert not window.new_request_action.isEnabled()
    assert window.new_request_action.toolTip() == refusal(current_officer(), Permission.REGISTER_REQUEST)
    assert window.show_page("laporan") is True


def test_the_ppid_decides(qtbot, admin, store):
    [request_id] = make_requests(1, datetime.now(), steps=False)
    officer(admin, "siti", "Siti Lestari", Role.PPID)
    window, lock = open_desk(qtbot, store)
    log_in(lock, "siti")
    assert window.open_request(request_id)
    assert window.register.detail.action_buttons[Action.DECIDE].isEnabled()
    assert not window.register.detail.action_buttons[Action.ROUTE].isEnabled()
    assert not window.register.register.new_button.isEnabled()


# --- Pengaturan: Petugas and Jejak audit -----------------------------------------------------

def test_the_admin_adds_an_officer_on_the_petugas_tab(qtbot, admin, store):
    window, lock = open_desk(qtbot, store)
    log_in(lock, "admin", ADMIN_PASSWORD)
    assert window.show_page("pengaturan")
    settings = window.settings
    titles = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    assert all(settings.tabs.isTabEnabled(i) for i in range(settings.tabs.count())), titles
    assert window.show_page("laporan") is False  # Admin does not make reports
    tab = settings.officers_tab
    dialog = tab.add_officer()
    dialog.username.setText("rina")
    dialog.name.setText("Rina Wijaya")
    dialog.roles.boxes[Role.PETUGAS].setChecked(False)
    dialog.roles.boxes[Role.PPID].setChecked(True)
    dialog.new_password.password.setText("sementara-1")
    dialog.new_password.repeat.setText("sementara-2")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.errors.message("repeat") == "Kedua kata sandi tidak sama."
    dialog.new_password.repeat.setText("sementara-1")
    dialog.save_button.click()
    rina = find_officer("rina")
    assert rina is not None and rina.roles == frozenset({Role.PPID}) and rina.must_change_password
    names = [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())]
    assert "Rina Wijaya" in names
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert entry.action == "officer_add" and entry.actor_username == "admin"

    tab.table.selectRow(names.index("Rina Wijaya"))
    seen: list[str] = []
    click_in_message_box("Nonaktifkan", seen)
    assert tab.toggle_active()
    assert find_officer("rina").active is False


def test_the_audit_tab_lists_entries_and_checks_the_chain(qtbot, admin, store):
    window, lock = open_desk(qtbot, store)
    log_in(lock, "admin", ADMIN_PASSWORD)
    window.show_page("pengaturan")
    tab = window.settings.audit_tab
    window.settings.tabs.setCurrentWidget(tab)
    actions = [tab.model.index(row, 2).data() for row in range(tab.model.rowCount())]
    assert actions[0] == "login" and "officer_add" in actions
    task = tab.verify()  # (waiting on its signal could miss one emitted before the wait began)
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert tab.result.text().startswith("Utuh:")

    first = AuditEntry.select().order_by(AuditEntry.id).first()
    raw = sqlite3.connect(database_path(store.data_dir))  # behind the app's back
    with raw:
        raw.execute("UPDATE audit_log SET summary = 'diubah' WHERE id = ?", (first.id,))
    raw.close()
    task = tab.verify()
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert tab.result.text().startswith(f"RUSAK pada entri #{first.id}")
    assert not audit.verify().ok


def test_a_petugas_finds_the_settings_tabs_closed(qtbot, admin, store):
    officer(admin, "budi", "Budi Santoso", Role.PETUGAS, Role.PPID)
    window, lock = open_desk(qtbot, store)
    log_in(lock, "budi")
    tabs = window.settings.tabs
    audit_index = tabs.indexOf(window.settings.audit_tab)
    assert tabs.isTabEnabled(audit_index)  # PPID may read the audit log
    officers_index = tabs.indexOf(window.settings.officers_tab)
    assert not tabs.isTabEnabled(officers_index)
    assert tabs.tabToolTip(officers_index) == refusal(current_officer(), Permission.MANAGE_USERS)
    assert window.show_page("pengaturan") and tabs.currentIndex() == audit_index
    assert has_officers()
