"""The intake form while the PostgreSQL server cannot be reached (issue 11): the request
goes to the desk's offline queue with a reserved number, the officer is told so, the
receipt prints with the final number, and the queue reaches the register once the
server is back. A server of this module's own is stopped (the shared one never is)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ppid_desk.offline import OfflineDesk
from ppid_desk.store import open_store
from ppid_desk.store.models import IssuedDocument, Request
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.register.offline_intake import QUEUED_TEXT
from print_samples import FakeDialogs, FileFactory, set_office, words

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def own_server():
    from pgserver import PostgresServer

    server = PostgresServer()
    server.start()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def server_window(qtbot, own_server, tmp_path):
    own_server.create_database("kantor")
    folder = tmp_path / "meja"
    store = open_store(folder, database=own_server.url("kantor"))
    set_office()
    OfflineDesk(folder).prepare("petugas")
    widget = MainWindow(store)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(widget, Qt.Key.Key_N, CTRL)  # the intake form
    try:
        yield widget, store, folder
    finally:
        widget.connection.stop()
        store.close()


def fill(form, name: str) -> None:
    form.edits["nik"].setText("3201014507900003")
    form.edits["name"].setText(name)
    form.edits["phone"].setText("0812 3456 7890")
    form.information.setPlainText("Salinan DPA Dinas Pendidikan tahun 2026")
    form.purpose.setPlainText("Penelitian skripsi")


def test_saving_while_the_server_is_away_queues_prints_and_reaches_the_register(qtbot, server_window, own_server,
                                                                                  tmp_path):
    window, store, folder = server_window
    form = window.register.intake
    factory = FileFactory(tmp_path)
    form.printer_factory, form.print_dialogs = factory, FakeDialogs()
    own_server.kill()

    # The save meets the dead server: queued, told, printed with the final number.
    fill(form, "Siti Rahmawati")
    with qtbot.waitSignal(form.queuedOffline, timeout=30_000) as queued:
        qtbot.keyClick(form.information, Qt.Key.Key_P, CTRL)  # Simpan & Cetak
    first = queued.args[0]
    assert first.startswith("001/PPID/")
    shown = form.confirmation_text.text()
    assert first in shown and QUEUED_TEXT in shown
    assert form.confirmation.isVisible() and not form.open_button.isEnabled()
    assert "dikirim ke" in form.print_status.text()
    assert first in words(tmp_path / "job-0.pdf")
    assert window.connection.online is False  # the status bar was told at once
    assert "(1 antre)" in window.connection_status.text()  # with the queue's new count
    assert not form.is_dirty() and form.lookup.enabled is False and form.dip.enabled is False

    # The monitor already says offline: the next one goes straight to the queue.
    fill(form, "Budi Santoso")
    with qtbot.waitSignal(form.queuedOffline, timeout=30_000) as queued:
        qtbot.keyClick(form.information, Qt.Key.Key_S, CTRL)
    second = queued.args[0]
    assert second.startswith("002/PPID/")
    assert form.save() is None  # nothing typed: refused, nothing queued
    qtbot.keyClick(form.information, Qt.Key.Key_P, CTRL)  # an empty form: the last receipt
    assert second in words(tmp_path / "job-1.pdf")
    qtbot.keyClick(form.information, Qt.Key.Key_P, CTRL)
    assert "SALINAN" in words(tmp_path / "job-2.pdf")
    desk = OfflineDesk(folder)
    assert desk.pending() == 2

    # The server is back: the queue goes in, with both receipts as issued.
    own_server.start()
    store.db.close()  # this thread's connection died with the server
    result = desk.push("petugas")
    assert (result.pushed, result.left) == (2, 0)
    rows = {r.number: r for r in Request.select()}
    assert set(rows) == {first, second} and rows[first].requester.name == "Siti Rahmawati"
    assert IssuedDocument.select().where(IssuedDocument.letter_number.in_([first, second])).count() == 2


def test_a_sqlite_register_never_queues(qtbot, store):
    """One desk on a SQLite file: no offline mode, the form saves as before."""
    widget = MainWindow(store)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.keyClick(widget, Qt.Key.Key_N, CTRL)
    form = widget.register.intake
    assert form._offline_desk() is None
    fill(form, "Siti Rahmawati")
    request_id = form.save()
    assert request_id is not None and form.queued_seq is None
    assert Request.get_by_id(request_id).number.startswith("001/")


def test_the_intake_form_opens_offline_though_the_register_was_never_shown(qtbot, own_server, tmp_path):
    """The server went away before the officer ever opened Register Permohonan: Ctrl+N must
    still bring the intake form (outside review, 2026-11-24: it did nothing)."""
    own_server.create_database("kantor")
    folder = tmp_path / "meja"
    store = open_store(folder, database=own_server.url("kantor"))
    set_office()
    OfflineDesk(folder).prepare("petugas")
    widget = MainWindow(store)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    try:
        qtbot.waitUntil(lambda: widget.is_built("permohonan"))  # built early on a server, while it answers
        assert widget.current_page() == "beranda"
        own_server.kill()
        widget.connection.report_unreachable("Server basis data tidak terjangkau (uji).")
        qtbot.keyClick(widget, Qt.Key.Key_N, CTRL)
        form = widget.register.intake
        assert widget.register.currentWidget() is form and form.isVisible()
        fill(form, "Siti Rahmawati")
        with qtbot.waitSignal(form.queuedOffline, timeout=30_000) as queued:
            qtbot.keyClick(form.information, Qt.Key.Key_S, CTRL)
        assert queued.args[0].startswith("001/PPID/")
    finally:
        widget.connection.stop()
        store.close()


def test_numbers_are_reserved_when_an_officer_who_may_register_logs_in(qtbot, own_server, tmp_path):
    """The session's first officer is often an Admin only (the first-start wizard's), who may
    not register requests: numbers for working offline are reserved as soon as an officer
    who may logs in (outside review, 2026-11-24: none were ever reserved)."""
    from ppid_desk.accounts.officer import Officer
    from ppid_desk.accounts.roles import Role
    from ppid_desk.ui.session import session

    own_server.create_database("kantor")
    folder = tmp_path / "meja"
    store = open_store(folder, database=own_server.url("kantor"))
    set_office()
    widget = MainWindow(store)
    qtbot.addWidget(widget)
    widget.show()
    desk = OfflineDesk(folder)
    year = __import__("datetime").date.today().year
    try:
        session().start_accounts()
        widget.connection.start()
        session().log_in(Officer(1, "admin", "Admin Kantor", frozenset({Role.ADMIN})))
        qtbot.waitUntil(lambda: desk.snapshot() is not None, timeout=10_000)  # prepared, without numbers
        qtbot.waitUntil(lambda: widget.connection._sync is None, timeout=10_000)
        assert desk.numbers_left(year) == 0
        session().log_in(Officer(2, "rina", "Rina", frozenset({Role.PETUGAS})))
        qtbot.waitUntil(lambda: desk.numbers_left(year) == desk.block_size, timeout=10_000)
    finally:
        widget.connection.stop()
        session().reset()
        store.close()
