"""Several desks on one PostgreSQL server, on screen (issue 11): Pengaturan → Basis data
(testing a connection, saving the choice, the password in the keyring and never in a
file), the start-up's password and unreachable-server paths, the status bar's word on
the server (offline when it stops, online when it is back) and a window that shows what
another desk registered within seconds.

Everything runs against real PostgreSQL servers (tests/pgserver.py): the shared session
server (``pg_server``) for connections and changes, with a database per test, and a
server of this module's own (:func:`own_server`) for what the shared one must never
undergo: being stopped, and password authentication. The keyring is an in-memory
backend for every test here, so no test touches a real keyring.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtWidgets import QDialog

import ppid_desk.offline
from ppid_desk.offline.desk import PushResult
from ppid_desk.store import open_store
from ppid_desk.store.location import (
    KEYRING_SERVICE, parse_database_url, resolve_database, saved_database_url, setting_path,
)
from ppid_desk.ui import startup
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.settings.database_tab import DatabaseTab

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Rahasia-Kantor-7319"  # the password user's, looked for byte by byte in the data folder
_names = itertools.count(1)


# --- a keyring of our own -------------------------------------------------------------------

class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


# --- servers and databases ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def ui_template(pg_server):
    """A database migrated once; each test gets a copy (a migration from zero takes seconds)."""
    name = f"ui_desks_{os.getpid()}"
    pg_server.create_database(name)
    folder = pg_server.folder / "ui-desks-template"
    folder.mkdir(exist_ok=True)
    open_store(folder, database=pg_server.url(name)).close()
    yield name
    pg_server.drop_database(name)


def _new_database(server, template: str | None = None) -> str:
    name = f"uidesk{os.getpid()}_{next(_names)}"
    server.create_database(name, template=template)
    return name


@pytest.fixture
def pg_url(pg_server, ui_template):
    name = _new_database(pg_server, ui_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def pg_store(pg_url, data_dir):
    store = open_store(data_dir, database=pg_url)
    yield store
    store.close()


@pytest.fixture(scope="module")
def own_server():
    """A server only this module uses: stopped and started by the tests, and with a user
    that must give a password (scram-sha-256 for ``kantor`` on 127.0.0.1)."""
    from pgserver import PostgresServer, require_password

    server = PostgresServer()
    server.start()
    require_password(server, "kantor", PASSWORD)
    try:
        yield server
    finally:
        server.cleanup()


def _kantor_url(server) -> str:
    return f"postgresql://kantor@{server.host}:{server.port}/kantor"


def _fill(tab: DatabaseTab, url: str, password: str = "") -> None:
    address = parse_database_url(url)
    tab.kind.setCurrentIndex(tab.kind.findData("postgresql"))
    tab.host.setText(address.host)
    tab.port.setValue(address.port)
    tab.dbname.setText(address.dbname)
    tab.user.setText(address.user)
    tab.password.setText(password)


def _test(qtbot, tab: DatabaseTab):
    with qtbot.waitSignal(tab.checked, timeout=20_000) as blocker:
        tab.test_button.click()
    qtbot.waitUntil(lambda: tab.task is None)
    return blocker.args[0]


def _bytes_under(folder: Path) -> list[tuple[Path, bytes]]:
    return [(path, path.read_bytes()) for path in folder.rglob("*") if path.is_file()]


# --- Pengaturan → Basis data ---------------------------------------------------------------

def test_the_tab_is_admins_and_shows_the_sqlite_register(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    settings = window.settings
    titles = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    assert titles[-2:] == ["Basis data", "Cadangan"]
    tab = settings.database_tab
    assert str(store.path) in tab.current.text() and "SQLite lokal" in tab.current.text()
    assert tab.kind.currentData() == "sqlite"
    assert not tab.host.isEnabled() and not tab.test_button.isEnabled()
    tab.kind.setCurrentIndex(tab.kind.findData("postgresql"))
    assert tab.host.isEnabled() and tab.test_button.isEnabled() and tab.port.value() == 5432
    assert tab.password.echoMode() == tab.password.EchoMode.Password
    tab.save_button.click()  # nothing filled in: said, nothing saved
    assert "Isi dahulu" in tab.result.text() and not setting_path(store.data_dir).exists()


def test_uji_sambungan_good_and_bad(qtbot, pg_store, pg_server):
    tab = DatabaseTab(pg_store)
    qtbot.addWidget(tab)
    assert "Server PostgreSQL" in tab.current.text() and pg_store.where in tab.current.text()
    assert tab.kind.currentData() == "postgresql" and tab.port.value() == pg_server.port  # the register in use

    good = _test(qtbot, tab)
    assert good.ok, good.text
    assert good.text.startswith("Tersambung: PostgreSQL ") and f"skema {pg_store.schema_version()}" in good.text
    assert tab.result.isVisibleTo(tab) and tab.result.text() == good.text

    from pgserver import free_port

    tab.port.setValue(free_port())  # nothing listens there
    refused = _test(qtbot, tab)
    assert not refused.ok and "menolak sambungan di port" in refused.text, refused.text

    tab.port.setValue(pg_server.port)
    tab.dbname.setText("tidak_ada_db")
    missing = _test(qtbot, tab)
    assert not missing.ok and "Basis data tidak_ada_db tidak ada di server" in missing.text, missing.text

    tab.dbname.setText("postgres")
    tab.host.setText("server-ppid.invalid")
    unknown = _test(qtbot, tab)
    assert not unknown.ok and "Host server-ppid.invalid tidak dikenal" in unknown.text, unknown.text

    tab.host.setText(pg_server.host)
    tab.user.setText("bukan_pengguna")
    nobody = _test(qtbot, tab)
    assert not nobody.ok and "Pengguna bukan_pengguna tidak dikenal" in nobody.text, nobody.text

    empty = pg_server.url(_new_database(pg_server))  # a database the admin just created
    _fill(tab, empty)
    fresh = _test(qtbot, tab)
    assert fresh.ok and "skema 0" in fresh.text and "masih kosong" in fresh.text, fresh.text


def test_password_tested_saved_to_the_keyring_and_never_to_a_file(qtbot, store, own_server, memory_keyring):
    tab = DatabaseTab(store)  # a desk on SQLite moving to the office's server
    qtbot.addWidget(tab)
    url = _kantor_url(own_server)
    _fill(tab, url)
    asked = _test(qtbot, tab)
    assert not asked.ok and "meminta kata sandi" in asked.text, asked.text
    tab.password.setText("salah-sekali")
    wrong = _test(qtbot, tab)
    assert not wrong.ok and "Kata sandi ditolak" in wrong.text, wrong.text
    tab.password.setText(PASSWORD)
    right = _test(qtbot, tab)
    assert right.ok and "skema 0" in right.text, right.text

    tab.remember.setChecked(True)
    assert tab.save() is True
    assert "Tutup PPID Desk lalu buka kembali" in tab.result.text()
    assert saved_database_url(store.data_dir) == url
    assert resolve_database(None, store.data_dir) == parse_database_url(url)
    assert memory_keyring.passwords == {(KEYRING_SERVICE, parse_database_url(url).keyring_name): PASSWORD}
    assert tab.password.text() == ""  # not kept on screen either
    for path, data in _bytes_under(store.data_dir):
        assert PASSWORD.encode() not in data, path
        assert PASSWORD.encode("utf-16-le") not in data, path

    tab.reload()  # the form comes back from the setting; the password from the keyring
    assert tab.kind.currentData() == "postgresql" and tab.user.text() == "kantor" and tab.remember.isChecked()
    kept = _test(qtbot, tab)  # an empty password field uses the keyring's
    assert kept.ok, kept.text

    tab.remember.setChecked(False)  # unticked: forgotten, asked at every start
    assert tab.save() is True
    assert memory_keyring.passwords == {}


def test_the_start_asks_the_password_and_keeps_it_in_the_keyring(qtbot, data_dir, own_server, memory_keyring,
                                                                 monkeypatch):
    address = parse_database_url(_kantor_url(own_server))
    answers = iter([("salah", False), (PASSWORD, True)])
    seen = []

    def exec_(dialog):
        seen.append((dialog.windowTitle(), dialog.message.text(), dialog.password.echoMode()))
        text, remember = next(answers)
        dialog.password.setText(text)
        dialog.remember.setChecked(remember)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(startup.ServerPasswordDialog, "exec", exec_)
    opened = startup.open_checked(data_dir, server=startup.ServerLogin(address))
    assert opened is not None and opened.store.is_postgres and not opened.check_later
    try:
        assert opened.store.schema_version() > 0  # migrated on the empty database
    finally:
        opened.store.close()
    assert len(seen) == 2
    assert "Ketik kata sandi pengguna <b>kantor</b>" in seen[0][1]  # asked: none in the keyring
    assert "menolak kata sandi" in seen[1][1]  # the wrong one refused
    assert seen[0][2] == seen[0][2].Password
    assert memory_keyring.passwords == {(KEYRING_SERVICE, address.keyring_name): PASSWORD}
    for path, data in _bytes_under(data_dir):
        assert PASSWORD.encode() not in data, path

    # The next start takes the keyring's password without asking.
    monkeypatch.setattr(startup.ServerPasswordDialog, "exec", lambda dialog: pytest.fail("asked again"))
    again = startup.open_checked(data_dir, server=startup.ServerLogin(address))
    assert again is not None
    again.store.close()


def test_an_unreachable_server_at_start_offers_retry_or_quit(qtbot, data_dir, pg_server, monkeypatch):
    from pgserver import free_port

    address = parse_database_url(f"postgresql://ppid@127.0.0.1:{free_port()}/ppid")
    asked = []

    def ask(message):
        asked.append(message)
        return len(asked) < 2  # "Coba lagi" once, then "Keluar"

    monkeypatch.setattr(startup, "ask_retry", ask)
    assert startup.open_checked(data_dir, server=startup.ServerLogin(address)) is None
    assert len(asked) == 2
    assert asked[0].startswith(f"Server 127.0.0.1 menolak sambungan di port {address.port}")
    assert not (data_dir / "ppid-desk.sqlite3").exists()  # never a local register instead


# --- the status bar and the monitor ------------------------------------------------------------

def _window(qtbot, store, interval_ms: int | None = None) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window, before_close_func=lambda w: w.connection.stop())
    if interval_ms is not None:
        window.connection.timer.setInterval(interval_ms)
    window.show()
    return window


def _stop(window: MainWindow) -> None:
    window.connection.stop()


def test_the_status_bar_goes_offline_and_back(qtbot, data_dir, own_server, monkeypatch):
    # A stand-in for the offline queue (ppid_desk.offline; its own tests are in
    # tests/core/test_offline.py): 2 waiting, sent when the server is back.
    calls, queue = [], []

    class OfflineDesk:
        def __init__(self, folder):
            self.folder = folder

        def pending(self):
            return len(queue)

        def push(self, actor):
            calls.append(("push", actor))
            sent = len(queue)
            queue.clear()
            return PushResult(pushed=sent)

        def prepare(self, actor):
            calls.append(("prepare", actor))

    name = _new_database(own_server)
    store = open_store(data_dir, database=own_server.url(name))
    try:
        window = _window(qtbot, store, interval_ms=300)
        window.register  # built before the stand-in comes: the intake form keeps the real queue
        monkeypatch.setattr(ppid_desk.offline, "OfflineDesk", OfflineDesk)
        status = window.connection_status
        assert status is not None and status in window.statusBar().findChildren(type(status))
        window.connection.start()
        qtbot.waitUntil(lambda: window.connection._marker is not None)
        assert window.connection.online and status.property("state") == "online"
        assert status.text().endswith("Server: tersambung")
        qtbot.waitUntil(lambda: len(calls) == 2)  # at start: nothing to send, numbers reserved
        assert [c[0] for c in calls] == ["push", "prepare"]

        own_server.stop()
        began = time.monotonic()
        qtbot.waitUntil(lambda: not window.connection.online, timeout=10_000)
        went = time.monotonic() - began
        queue.extend(["luring-1", "luring-2"])  # registered while the server was away
        qtbot.waitUntil(lambda: "(2 antre)" in status.text())
        assert "Server: TIDAK TERJANGKAU \u2014 bekerja luring (2 antre)" in status.text()
        assert status.property("state") == "offline" and "menolak sambungan di port" in status.toolTip()

        own_server.start()
        began = time.monotonic()
        qtbot.waitUntil(lambda: window.connection.online, timeout=10_000)
        back = time.monotonic() - began
        assert status.property("state") == "online"
        qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                        == "2 permohonan dari antrean luring terkirim ke server.")
        assert [c[0] for c in calls] == ["push", "prepare", "push", "prepare"]
        assert "(0 antre)" not in status.text() and not queue
        # The UI thread's own connection (dropped by the restart) works again at once.
        window.register.register.refresh()
        print(f"\noffline noticed in {went:.2f} s, online again in {back:.2f} s (interval 0.3 s)")

        window.connection.report_unreachable("Server basis data tidak terjangkau (uji).")
        assert not window.connection.online and status.property("state") == "offline"
        qtbot.waitUntil(lambda: window.connection.online, timeout=10_000)  # the next look says it is back
        _stop(window)
    finally:
        if not own_server.is_running():
            own_server.start()
        store.close()


def test_a_sqlite_window_has_no_server_word_and_does_not_poll_unless_started(qtbot, store):
    window = _window(qtbot, store)
    assert window.connection_status is None and not window.connection.polling
    window.connection.report_unreachable("x")  # meaningless for a file: ignored
    assert window.connection.online


# --- another desk's request shows up -----------------------------------------------------------

_DESK_B = r"""
import sys
from datetime import datetime
from pathlib import Path

from ppid_desk.register import service
from ppid_desk.register.service import RequesterInput, RequestInput
from ppid_desk.store import open_store
from ppid_desk.workdays import load_calendar

data_dir, database, name = sys.argv[1:4]
now = datetime.now().replace(microsecond=0)
with open_store(Path(data_dir), database=database or None):
    data = RequestInput(requester=RequesterInput(name=name, nik="3201014506900001", address="Jl. Merdeka 1, Bandung",
                                                 phone="0812-3456-7890"),
                        information="Salinan DPA Dinas Kesehatan 2026", purpose="Penelitian", received_at=now)
    print(service.register_request(data, load_calendar(), "desk-b", now=now).number)
"""


def _desk_b(folder: Path, database: str, name: str) -> str:
    done = subprocess.run([sys.executable, "-c", _DESK_B, str(folder), database, name], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PPID_DESK_DATA_DIR": "", "PPID_DESK_DATABASE": ""})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _names_shown(window: MainWindow) -> list[str]:
    model = window.register.register.model
    return [" ".join(str(model.index(row, c).data()) for c in range(model.columnCount()))
            for row in range(model.rowCount())]


def _wait_for(qtbot, window: MainWindow, name: str) -> float:
    began = time.monotonic()
    qtbot.waitUntil(lambda: any(name in line for line in _names_shown(window)), timeout=10_000)
    return time.monotonic() - began


def _register_here(name: str) -> int:
    """A request registered by this desk (the window's own process)."""
    from datetime import datetime

    from ppid_desk.register import service
    from ppid_desk.register.service import RequesterInput, RequestInput
    from ppid_desk.workdays import load_calendar

    now = datetime.now().replace(microsecond=0)
    data = RequestInput(requester=RequesterInput(name=name, nik="3201014506900001", address="Jl. Asia Afrika 8",
                                                 phone="0812-1111-2222"),
                        information="Laporan keuangan 2025", purpose="Pengawasan", received_at=now)
    return service.register_request(data, load_calendar(), "desk-a", now=now).id


def _desk_a_sees_desk_b(qtbot, store, desk_b_folder: Path, database: str) -> float:
    first = _register_here("Sri Rahayu")
    window = _window(qtbot, store)  # the real interval: 3 s
    assert window.connection.timer.interval() == 3000
    window.show_page("permohonan")
    page = window.register.register
    page.table.setCurrentIndex(page.model.index(page.model.row_of(first), 2))
    window.connection.start()
    qtbot.waitUntil(lambda: window.connection._marker is not None)
    try:
        _desk_b(desk_b_folder, database, "Bambang Sutrisno")
        seconds = _wait_for(qtbot, window, "Bambang Sutrisno")
        assert page.model.total == 2
        assert page.model.request_id(page.table.currentIndex().row()) == first  # the officer's row kept
        assert page.table.currentIndex().column() == 2

        # An officer typing at the intake form is not disturbed by the next change.
        window.register.show_form()
        form = window.register.intake
        form.edits["name"].setText("Yohanes Manurung")
        form.information.setPlainText("Salinan kontrak pengadaan")
        _desk_b(desk_b_folder, database, "Dewi Lestari")
        _wait_for(qtbot, window, "Dewi Lestari")
        assert window.register.currentWidget() is form
        assert form.edits["name"].text() == "Yohanes Manurung"
        assert form.information.toPlainText() == "Salinan kontrak pengadaan"
    finally:
        _stop(window)
    return seconds


def test_desk_a_shows_a_request_registered_by_desk_b_within_seconds(qtbot, pg_store, pg_url, tmp_path):
    seconds = _desk_a_sees_desk_b(qtbot, pg_store, tmp_path / "desk-b", pg_url)
    print(f"\ndesk A showed desk B's request {seconds:.2f} s after desk B saved it (PostgreSQL, poll every 3 s)")
    assert seconds < 10


def test_a_sqlite_window_shows_what_the_command_line_wrote(qtbot, store):
    seconds = _desk_a_sees_desk_b(qtbot, store, store.data_dir, "")
    print(f"\nthe window showed the other process's request after {seconds:.2f} s (SQLite)")


# --- what a change refreshes ---------------------------------------------------------------------

def test_the_changes_name_the_records_written(store):
    from ppid_desk.register.service import get_request
    from ppid_desk.ui.connection import read_changes, read_marker

    before = read_marker(store.db)
    number = get_request(_register_here("Sri Rahayu")).number
    after = read_marker(store.db)
    changes = read_changes(store.db, before, after)
    assert after > before and ("request", number) in changes.targets and changes.touches("request", number)
    assert not changes.everything and not changes.touches_kind("objection")
    assert read_changes(store.db, after + 5, after).everything  # the log went back: a restore


def test_an_open_detail_reloads_only_for_its_own_record(qtbot, store, monkeypatch):
    from ppid_desk.register.service import get_request
    from ppid_desk.ui.connection import Changes

    first, second = _register_here("Sri Rahayu"), _register_here("Bambang Sutrisno")
    window = _window(qtbot, store)
    assert window.open_request(first)
    detail = window.register.detail
    reloads, lists = [], []
    monkeypatch.setattr(detail, "reload", lambda: reloads.append(detail.request_id))
    page = window.register.register
    real_refresh = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (lists.append(1), real_refresh()))

    def changed(*targets: tuple[str, str]) -> Changes:
        return Changes(kinds=frozenset(kind for kind, _ in targets), targets=frozenset(targets))

    window.show_changes_elsewhere(changed(("request", get_request(second).number)))
    assert reloads == [] and len(lists) == 1  # the list follows; the detail of another request stays
    window.show_changes_elsewhere(changed(("request", get_request(first).number)))
    assert reloads == [first] and len(lists) == 2
    window.show_changes_elsewhere(changed(("officer", "rina")))  # a login elsewhere: nothing to show
    assert reloads == [first] and len(lists) == 2
    window.show_changes_elsewhere(Changes(everything=True))
    assert reloads == [first, first] and len(lists) == 3


def test_an_uncaught_server_unreachable_turns_the_desk_offline(qtbot, pg_store):
    from ppid_desk.store.postgres import ServerUnreachable
    from ppid_desk.ui.connection import install_unreachable_hook

    window = _window(qtbot, pg_store)
    said = []
    before = sys.excepthook
    remove = install_unreachable_hook(window.connection, said.append)
    try:
        cause = ServerUnreachable("Server basis data tidak terjangkau (uji).")
        try:
            raise RuntimeError("a slot's query failed") from cause
        except RuntimeError as wrapped:
            sys.excepthook(type(wrapped), wrapped, wrapped.__traceback__)
        assert said == [cause.message] and not window.connection.online
        assert window.connection_status.property("state") == "offline"
    finally:
        remove()
    assert sys.excepthook is before


# --- the app's start against the server --------------------------------------------------------

def test_the_app_runs_on_the_server_with_its_monitor(qtbot, pg_url, data_dir):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ppid_desk.accounts.service import create_admin
    from ppid_desk.office import load_office, save_office
    from ppid_desk.ui.instance import LockState, SingleInstance

    with open_store(data_dir, database=pg_url):
        save_office(load_office().with_changes(agency_name="Dinas Kominfo Kota Contoh", city="Contoh"))
        create_admin("admin", "Admin Kantor", "sandi-admin-123")
    guard = SingleInstance(data_dir)
    assert guard.acquire() is LockState.ACQUIRED
    app = QApplication.instance()
    hook_before = sys.excepthook
    seen: dict[str, object] = {}

    def window_opened(tries: int = 500) -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].connection._marker is None:
            QTimer.singleShot(10, lambda: window_opened(tries - 1))
            return
        window = windows[0]
        seen.update(polling=window.connection.polling, where=window.store.where, covered=window.is_covered(),
                    status=window.connection_status.text(), hooked=sys.excepthook is not hook_before)
        seen["monitor"] = window.connection
        window.close()

    QTimer.singleShot(0, window_opened)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: app.exit(99))
    give_up.start(60_000)
    try:
        code = startup.run_sessions(app, data_dir, guard, parse_database_url(pg_url))
    finally:
        give_up.stop()
        guard.release()
    assert code == 0
    assert seen["polling"] and seen["covered"] and seen["hooked"]  # under the login screen, already polling
    assert seen["where"] == str(parse_database_url(pg_url)) and seen["status"].endswith("Server: tersambung")
    assert not seen["monitor"].polling and sys.excepthook is hook_before  # stopped and unhooked at the end
    assert not (data_dir / "ppid-desk.sqlite3").exists()


def test_a_bulk_entry_stands_for_the_records_it_wrote():
    """An import or demo run from the command line writes one audit entry of kind
    "register": open desks refresh their request lists for it (outside review, 2026-11-24:
    an imported request did not show)."""
    from ppid_desk.ui.connection import Changes

    imported = Changes(kinds=frozenset({"register"}))
    assert imported.touches_kind("request") and imported.touches_kind("objection")
    assert not imported.touches_kind("unit", "calendar")
    assert Changes(kinds=frozenset({"dip"})).touches_kind("dip_entry")
    assert not Changes(kinds=frozenset({"dip"})).touches_kind("request")


def test_a_change_refused_offline_is_said_in_a_box_once_per_burst(qtbot, monkeypatch):
    """Outside review, 2026-11-24: a refused change showed only a cut-off status-bar line."""
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    window = QMainWindow()
    qtbot.addWidget(window)
    say = startup.offline_refusal(window, quiet_seconds=60)
    say("Server basis data postgresql://ppid@10.0.0.5:5432/ppid tidak terjangkau.")
    say("Server basis data postgresql://ppid@10.0.0.5:5432/ppid tidak terjangkau.")  # the same burst
    qtbot.waitUntil(lambda: len(shown) == 1)
    qtbot.wait(50)
    assert len(shown) == 1
    assert "tidak terjangkau" in shown[0] and "hanya permohonan baru yang dapat dicatat" in shown[0]
    assert "tidak terjangkau" in window.statusBar().currentMessage()
