"""The desk's login, idle lock and "Ganti petugas", around one main window.

Started by ``ui/startup.py`` (never by the window itself, so a window built on its own —
the tests, the smoke command — works as before). While nobody is logged in or the desk is
locked, the :class:`~ppid_desk.ui.accounts.lock_screen.LockScreen` covers the window's
pages and menus (the window's actions are off), and every other window of the app (a step
dialog, a preview) is hidden: nothing of the register shows. A quick unlock by the same
officer brings those windows back as they were; a different officer (after "Ganti
petugas") gets a fresh desk: those windows are closed, the forms emptied.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget

from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.service import Login

from ..session import session
from .change_password import ChangePasswordDialog
from .fields import tr
from .idle import IdleWatcher
from .lock_screen import LockScreen

MINUTE_MS = 60_000


class DeskLock(QObject):
    """``window`` is a :class:`~ppid_desk.ui.main_window.MainWindow`: it gives
    ``cover(widget)``, ``uncover()``, ``is_covered()``, ``unsaved_forms()`` and
    ``discard_forms()``, and its menu's lock/switch entries call :meth:`lock`,
    :meth:`switch_officer` and :meth:`change_password`."""

    loggedIn = Signal(object)  # the Officer, after a login (not after an unlock by the same officer)

    def __init__(self, window, idle_minutes: int = 10, now: Callable[[], datetime] | None = None,
                 idle_ms: int | None = None):
        super().__init__(window)  # the window is the parent; no Python reference back (no cycle)
        self.session = session()
        # Owned by the window from the start (Qt deletes it with the window, on the UI
        # thread); shown only once the window is covered.
        self.screen = LockScreen(now, window)
        self.screen.hide()
        self.screen.loggedIn.connect(self._logged_in)
        self.screen.switchRequested.connect(self.switch_officer)
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else idle_minutes * MINUTE_MS, self)
        self.idle.idle.connect(self.lock)
        self._hidden: list[QWidget] = []
        self.password_dialog: ChangePasswordDialog | None = None
        window.install_desk_lock(self)

    @property
    def window(self):
        return self.parent()

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_timeout(minutes * MINUTE_MS)

    # ------------------------------------------------------------------ states
    def require_login(self, username: str = "") -> None:
        """Nobody at the desk: the login screen covers the window."""
        self.idle.stop()
        self._close_other_windows()
        self.session.log_out()
        self.session.set_locked(True)
        self.window.cover(self.screen)
        self.screen.show_login(username)

    def log_in_directly(self, officer: Officer) -> None:
        """``officer`` has just proven who they are elsewhere (the first admin, just created)."""
        self.session.log_in(officer)
        self.window.uncover()
        self.idle.start()
        self.loggedIn.emit(officer)

    def lock(self) -> bool:
        """Cover the window until the officer types their password again (Ctrl+L, idle time)."""
        officer = self.session.officer
        if officer is None or self.window.is_covered() or not self.window.isVisible():
            self.idle.stop()  # a window closed (and not yet deleted) watches nothing
            return False
        self.idle.stop()
        self._hide_other_windows()
        self.session.set_locked(True)
        self.window.cover(self.screen)
        self.screen.show_lock(officer)
        return True

    def switch_officer(self) -> bool:
        """Log the officer out and show the login; unsaved forms are asked about first."""
        unsaved = self.window.unsaved_forms()
        if unsaved:
            who = self.session.officer.name if self.session.officer else ""
            text = tr("Ada isian yang belum disimpan: {0}.\n\nJika petugas diganti, isian {1} itu hilang. "
                      "Tetap ganti petugas?").format(", ".join(unsaved), who or tr("petugas sebelumnya"))
            box = QMessageBox(QMessageBox.Icon.Question, tr("Ganti petugas"), text, parent=self.window)
            go = box.addButton(tr("Ganti petugas"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole))
            box.exec()
            if box.clickedButton() is not go:
                return False
        username = ""
        self.window.discard_forms()
        self.require_login(username)
        return True

    def change_password(self) -> ChangePasswordDialog | None:
        """Berkas → Ganti kata sandi: the officer's own password."""
        officer = self.session.officer
        if officer is None:
            return None
        self.password_dialog = ChangePasswordDialog(officer, forced=False, parent=self.window)
        self.password_dialog.open()
        return self.password_dialog

    # ------------------------------------------------------------------ after the screen
    def _logged_in(self, login: Login) -> None:
        officer = login.officer
        if login.must_change_password:
            dialog = ChangePasswordDialog(officer, forced=True, parent=self.window)
            self.password_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.require_login()
                return
        previous = self.session.officer
        same = previous is not None and previous.id == officer.id
        if same:
            self._show_hidden_windows()
        else:
            self._close_other_windows()
            if previous is not None:  # a colleague logged in over someone's locked desk
                self.window.discard_forms()
        self.window.uncover()
        if not same or previous != officer:  # a new officer, or the same one with changed roles
            self.session.log_in(officer)
            self.loggedIn.emit(officer)
        else:
            self.session.set_locked(False)
        self.idle.start()

    # ------------------------------------------------------------------ other windows
    def _other_windows(self) -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets()
                if w is not self.window and w.isWindow() and w.isVisible() and not isinstance(w, QMenu)]

    def _hide_other_windows(self) -> None:
        others = self._other_windows()
        self._hidden += others
        for widget in others:
            widget.hide()

    def _show_hidden_windows(self) -> None:
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            try:
                widget.show()
            except RuntimeError:  # deleted meanwhile
                pass

    def _close_other_windows(self) -> None:
        windows, self._hidden = self._hidden + self._other_windows(), []
        for widget in windows:
            try:
                if isinstance(widget, QDialog):
                    widget.reject()
                else:
                    widget.close()
            except RuntimeError:  # deleted meanwhile
                pass
