"""The app's start: one instance per data folder, the register checked before use, and
the window opened again after a restore.

1. The data folder's lock (``SingleInstance``). When another PPID Desk holds it, its
   window is brought forward (or, when it cannot be reached, the officer is told who
   holds the folder) and this start ends.
2. The register is opened and checked (SQLite's quick check; before the window for a
   register up to ``FOREGROUND_CHECK_BYTES``, else while the window opens). A damaged
   register — or a file that is not a database — is never used and never replaced by
   an empty one: :class:`~ppid_desk.ui.backups.damaged.DamagedDialog` offers the newest
   good backup, or quitting.
   A register on a PostgreSQL server (``--database URL``, ``PPID_DESK_DATABASE`` or
   Pengaturan → Basis data; issue 11) is opened instead, without the file check: the
   password comes from the OS keyring, else :class:`ServerPasswordDialog` asks for it
   (and may keep it in the keyring once the server accepted it). A server that cannot
   be reached offers "Coba lagi" or "Keluar" — never the local SQLite file, which would
   split the office's register in two.
3. Without accounts yet, the first admin account is created (the first-start wizard asks
   for it, or a small dialog for a register made before accounts existed); then the
   window opens covered by the login screen (``ui/accounts/desk_lock.py``) — the admin
   just created is logged in at once. The window's constructor knows nothing of this.
4. The window runs with its automatic backups and its connection monitor
   (``ui/connection.py``: the server's state in the status bar, other desks' changes
   shown within seconds). A restore from Pengaturan → Cadangan
   ends the event loop with ``RESTORE``; the window closes (no exit backup), the files
   are swapped with the register closed, and the restored register opens in a new window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QMainWindow, QMessageBox, QProgressDialog,
    QVBoxLayout, QWidget,
)

from ppid_desk import APP_NAME
from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.service import has_officers
from ppid_desk.backup import PreparedRestore, check_before_opening, discard, finish_restore, quick_problems
from ppid_desk.cli.parser import fail
from ppid_desk.errors import DamagedStoreError, PpidError, StoreError
from ppid_desk.office import load_office
from ppid_desk.store import Store, open_store
from ppid_desk.store.location import ServerAddress, resolve_database, store_keyring_password
from ppid_desk.store.sqlite import first_finding

from .backups.auto import AutoBackup
from .backups.damaged import DamagedDialog
from .instance import LockState, SingleInstance
from .session import session
from .widgets.background import Task

# Exit codes of the event loop that do not end the app.
RESTORE = 0x5245
DAMAGED = 0x5246
THREADS_WAIT_MS = 60_000


@dataclass
class Opened:
    store: Store
    check_later: bool  # too large to check before the window: checked in the background


@dataclass
class ServerLogin:
    """The office's server for this run: its address and, once typed, the password (kept
    in memory for the run, so a window opened again after a restore need not ask; never
    written anywhere but, when the officer asks, the OS keyring)."""

    address: ServerAddress
    password: str | None = None
    remember: bool = False


def password_refused(exc: BaseException) -> bool:
    """Whether the server wants a (different) password (RegisterPostgres: none given or a
    wrong one)."""
    from ppid_desk.store.postgres import PasswordRefused

    return isinstance(exc, PasswordRefused)


def _password_missing(exc: BaseException) -> bool:
    cause = exc.__cause__
    return cause is not None and "no password supplied" in str(cause)


class ServerPasswordDialog(QDialog):
    """The server's password, typed (hidden), with "Simpan di keyring sistem"."""

    def __init__(self, address: ServerAddress, refused: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kata sandi server basis data"))
        if refused:
            text = self.tr("Server <b>{0}</b> menolak kata sandi untuk pengguna <b>{1}</b>. Ketik kata sandi yang "
                           "benar.").format(f"{address.host}:{address.port}", address.user)
        else:
            text = self.tr("Register kantor ada di server <b>{0}</b> (basis data {1}). Ketik kata sandi pengguna "
                           "<b>{2}</b>.").format(f"{address.host}:{address.port}", address.dbname, address.user)
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("serverPassword")
        self.remember = QCheckBox(self.tr("Simpan di &keyring sistem"))
        self.remember.setToolTip(self.tr("Kata sandi disimpan oleh sistem operasi, tidak di berkas; desk ini tidak "
                                         "menanyakannya lagi."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sambungkan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keluar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.password)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.password.setFocus()


def ask_password(login: ServerLogin, refused: bool) -> bool:
    """Ask the server's password into ``login``; False when the officer chose to quit."""
    dialog = ServerPasswordDialog(login.address, refused)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    login.password = dialog.password.text()
    login.remember = dialog.remember.isChecked()
    return True


def ask_retry(message: str) -> bool:
    """The server cannot be reached (``message`` says why, in words an office can act on):
    "Coba lagi" (True) or "Keluar" (False). (No "Show Details…" with the driver's text: Qt
    has no Indonesian for that button.)"""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                      QCoreApplication.translate("startup", "Server basis data tidak terjangkau."))
    box.setInformativeText(message + "\n\n" + QCoreApplication.translate(
        "startup", "Register kantor ada di server itu; PPID Desk tidak membuka register lain agar data kantor tidak "
                   "terpecah. Periksa jaringan atau server, lalu coba lagi."))
    retry = box.addButton(QCoreApplication.translate("startup", "Coba lagi"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("startup", "Keluar"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


def open_server(data_dir: Path, login: ServerLogin) -> Opened | None:
    """The register on the office's server; None when the officer chose to quit (or it
    cannot be opened: the reason was shown)."""
    from ppid_desk.store.postgres import ServerUnreachable

    while True:
        try:
            store = open_store(data_dir, database=login.address, password=login.password)
        except ServerUnreachable as exc:
            from .connection import problem_text

            if not ask_retry(problem_text(exc, login.address)):
                return None
            continue
        except StoreError as exc:
            if password_refused(exc):
                refused = login.password is not None or not _password_missing(exc)
                if not ask_password(login, refused):
                    return None
                continue
            fail(exc.message)
            QMessageBox.critical(None, APP_NAME, exc.message)
            return None
        except PpidError as exc:
            fail(exc.message)
            QMessageBox.critical(None, APP_NAME, exc.message)
            return None
        if login.remember and login.password:
            login.remember = False
            try:
                store_keyring_password(login.address, login.password)
            except StoreError as exc:
                QMessageBox.warning(None, APP_NAME, exc.message)
        return Opened(store, check_later=False)  # the server keeps its own pages sound


def open_checked(data_dir: Path, problem: str | None = None, server: ServerLogin | None = None) -> Opened | None:
    """The register, open and sound; None when the officer chose to quit (or it cannot be opened).

    ``problem``: a damage already found (the dialog is shown at once). ``server``: the
    office's PostgreSQL server (else the SQLite file in ``data_dir``).
    """
    if server is not None:
        return open_server(data_dir, server)
    while True:
        if problem is None:
            try:
                store = open_store(data_dir)
            except DamagedStoreError as exc:
                problem = exc.message
            except PpidError as exc:
                fail(exc.message)
                QMessageBox.critical(None, APP_NAME, exc.message)
                return None
            else:
                if not check_before_opening(store):
                    return Opened(store, check_later=True)
                problems = quick_problems(store)
                if not problems:
                    return Opened(store, check_later=False)
                store.close()
                problem = first_finding(problems)
        dialog = DamagedDialog(data_dir, problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        problem = None  # restored: open and check it like any register


def bring_forward(window: QMainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


@dataclass
class Ending:
    code: int
    prepared: PreparedRestore | None = None
    problem: str | None = None


def _first_admin() -> tuple[bool, Officer | None]:
    """The office data and, while the register has no accounts, the first admin; (False,
    None) when the officer gave up (the app ends), else the admin just created (or None)."""
    from .accounts.admin_setup import FirstAdminDialog
    from .first_run import FirstRunWizard

    if not load_office().is_configured:
        wizard = FirstRunWizard(ask_admin=not has_officers())
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return False, None
        return True, wizard.admin
    if not has_officers():
        dialog = FirstAdminDialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False, None
        return True, dialog.officer
    return True, None


def _run_window(app: QApplication, opened: Opened, guard: SingleInstance, notice: str | None) -> Ending:
    try:
        return _run_logged_window(app, opened, guard, notice)
    finally:
        session().reset()  # the next window (after a restore) asks for a login again


def _run_logged_window(app: QApplication, opened: Opened, guard: SingleInstance, notice: str | None) -> Ending:
    from .accounts.desk_lock import DeskLock
    from .main_window import MainWindow

    store = opened.store
    with store:
        going, admin = _first_admin()
        if not going:
            return Ending(0)
        session().start_accounts()  # from here on only a logged-in officer acts
        window = MainWindow(store)
        lock = DeskLock(window, idle_minutes=load_office().lock_minutes)
        auto = AutoBackup(store, window)
        ending = Ending(0)
        remove_hook = None
        if store.is_postgres:
            from .connection import install_unreachable_hook

            remove_hook = install_unreachable_hook(window.connection, offline_refusal(window))

        def restore_ready(prepared: PreparedRestore) -> None:
            ending.prepared = prepared
            auto.skip_exit_backup()
            app.exit(RESTORE)

        def damaged(problem: str) -> None:
            ending.problem = problem
            auto.skip_exit_backup()
            app.exit(DAMAGED)

        def wake() -> None:
            bring_forward(window)

        def settings_built(settings) -> None:
            # Pengaturan is built when it is first opened (ui/main_window.py): its idle-lock
            # minutes and its Cadangan tab are connected then.
            settings.officeChanged.connect(lambda: lock.set_idle_minutes(load_office().lock_minutes))
            tab = settings.backup_tab
            tab.backupFinished.connect(auto.show_result)
            tab.backupFailed.connect(auto.show_failure)
            tab.restoreReady.connect(restore_ready)

        window.when_built("pengaturan", settings_built)
        auto.damaged.connect(damaged)
        guard.activated.connect(wake)
        if store.upgraded_from and store.pre_upgrade_copy is not None:
            window.statusBar().showMessage(
                window.tr("Basis data diperbarui dari skema {0}; salinan lama: {1}").format(
                    store.upgraded_from, str(store.pre_upgrade_copy)), 15000)
        elif store.upgraded_from:
            window.statusBar().showMessage(
                window.tr("Basis data di server diperbarui dari skema {0}.").format(store.upgraded_from), 15000)
        if notice:
            window.statusBar().showMessage(notice, 20000)
        window.show()
        if admin is not None:
            lock.log_in_directly(admin)
        else:
            lock.require_login()
        auto.start(check_first=opened.check_later)
        window.connection.start()
        try:
            ending.code = app.exec()
        finally:
            window.connection.stop()
            if remove_hook is not None:
                remove_hook()
        lock.idle.stop()
        guard.activated.disconnect(wake)
        if ending.code in (RESTORE, DAMAGED):
            _close_for_good(app, window, auto)
    return ending


def _close_for_good(app: QApplication, window: QMainWindow, auto: AutoBackup) -> None:
    """Close the window after the event loop ended, without an exit backup; every worker
    thread ends first, so nothing holds the register when it is swapped."""
    auto.stop()
    QThreadPool.globalInstance().waitForDone(THREADS_WAIT_MS)
    QCoreApplication.sendPostedEvents()  # the finished tasks' signals
    auto.close_now()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.setQuitOnLastWindowClosed(quit_on_close)


def run_sessions(app: QApplication, data_dir: Path, guard: SingleInstance,
                 server: ServerAddress | None = None) -> int:
    """Open, check and show the register (the SQLite file, or the office's ``server``)
    until the officer quits."""
    problem: str | None = None
    notice: str | None = None
    login = ServerLogin(server) if server is not None else None
    while True:
        opened = open_checked(data_dir, problem, login)
        if opened is None:
            return 1  # the register could not be opened, or the officer quit at the damage dialog
        problem = None
        ending = _run_window(app, opened, guard, notice)
        notice = None
        if ending.prepared is not None:
            try:
                result = finish_restore_showing_progress(ending.prepared)
            except PpidError as exc:
                discard(ending.prepared)
                QMessageBox.critical(None, APP_NAME, exc.message)
                continue
            notice = QCoreApplication.translate(
                "startup", "Register dipulihkan dari {0}; register sebelumnya disimpan di {1}.").format(
                    str(result.restored_from), str(result.saved_current))
            continue
        if ending.problem is not None:
            problem = ending.problem
            continue
        return ending.code


def offline_refusal(window: QMainWindow, quiet_seconds: float = 10.0) -> Callable[[str], None]:
    """How a change refused because the server is away is said: in the status bar, and in
    a message box naming what still works (at most one box in ``quiet_seconds``, so a
    burst of refusals is one box)."""
    last = [float("-inf")]

    def say(message: str) -> None:
        window.statusBar().showMessage(message, 15000)
        now = time.monotonic()
        if now - last[0] < quiet_seconds:
            return
        last[0] = now
        text = message + "\n\n" + QCoreApplication.translate(
            "startup", "Selama server tidak terjangkau hanya permohonan baru yang dapat dicatat (Ctrl+N): "
                       "permohonan itu masuk antrean luring dengan nomor cadangan meja ini. Perubahan lain "
                       "ditolak sampai server tersambung kembali.")
        QTimer.singleShot(0, lambda: QMessageBox.warning(window, APP_NAME, text))
    return say


def finish_restore_showing_progress(prepared: PreparedRestore):
    """:func:`finish_restore` off the UI thread behind a busy dialog: a large register (a
    server's 100,000 requests take ~10 s) must not look like a hung app while no window
    is open. A failure comes back as the :class:`PpidError` it was (or a general one)."""
    dialog = QProgressDialog(QCoreApplication.translate(
        "startup", "Memulihkan register dari cadangan\u2026 Jangan tutup aplikasi atau matikan komputer."),
        "", 0, 0)
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)  # a restore half done is rolled back, but it is not offered
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    outcome: dict[str, object] = {}
    loop = QEventLoop()
    task = Task(lambda _progress: finish_restore(prepared))
    task.finished.connect(lambda result: outcome.setdefault("result", result))
    task.failed.connect(lambda message: outcome.setdefault("error", message))
    task.done.connect(loop.quit)
    dialog.show()
    task.start()
    if task.running:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise PpidError(str(outcome["error"]))
    return outcome["result"]


def run_gui(app: QApplication, data_dir: Path, database: str | None = None) -> int:
    """The whole life of the app for ``data_dir``; the exit status. ``database``: the
    ``--database`` given on the command line (else ``PPID_DESK_DATABASE``, else this
    desk's saved setting, else the SQLite file)."""
    try:
        server = resolve_database(database, data_dir)
    except PpidError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return fail(exc.message)
    guard = SingleInstance(data_dir)
    state = guard.acquire()
    if state is LockState.FAILED:
        QMessageBox.critical(None, APP_NAME, guard.problem)
        return 1
    if state is LockState.HELD:
        if guard.wake_first():
            print("ppid-desk: PPID Desk sudah terbuka untuk folder data ini; jendelanya dimunculkan.")
            return 0
        QMessageBox.information(None, APP_NAME, guard.busy_message())
        return 1
    try:
        return run_sessions(app, data_dir, guard, server)
    finally:
        guard.release()
