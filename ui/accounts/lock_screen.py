"""The screen that covers the window while nobody is logged in or the desk is locked.

Two modes, one widget: **login** (username, password, Enter) and **lock** (the officer's
name, their password for a quick unlock, "Ganti petugas" to log in as someone else).
The keyboard is enough: Enter in the username goes to the password, Enter in the
password logs in. A refusal shows the core's message (the same for an unknown name and a
wrong password; a locked account says how long to wait); the password field is cleared
after every attempt and its text is never kept or logged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ppid_desk import APP_NAME
from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.service import Login, LoginRefused, authenticate
from ppid_desk.office import load_office

from ..widgets.field_errors import error_label
from .fields import password_edit, tr

STYLE = """
LockScreen { background: #eef2f7; }
QFrame#lockCard { background: #ffffff; border: 1px solid #cfd8e3; border-radius: 8px; }
QLabel#lockTitle { font-size: 15pt; font-weight: 600; color: #1f3a5f; }
QLabel#lockOffice { color: #5a6b80; }
QLabel#lockOfficer { font-size: 12pt; font-weight: 600; }
"""


class LockScreen(QWidget):
    """Emits ``loggedIn(Login)`` after a login or an unlock that the core accepted, and
    ``switchRequested`` when the officer at the lock screen chooses "Ganti petugas"."""

    loggedIn = Signal(object)
    switchRequested = Signal()

    def __init__(self, now=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self._now = now
        self.officer: Officer | None = None  # lock mode: whose desk it is

        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.office = QLabel()
        self.office.setObjectName("lockOffice")
        self.office.setWordWrap(True)
        self.who = QLabel()
        self.who.setObjectName("lockOfficer")
        self.who.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        self.password = password_edit()
        self.password.setObjectName("password")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.username_caption = QLabel(tr("&Nama pengguna"))
        self.username_caption.setBuddy(self.username)
        password_caption = QLabel(tr("&Kata sandi"))
        password_caption.setBuddy(self.password)
        self.form.addRow(self.username_caption, self.username)
        self.form.addRow(password_caption, self.password)
        self.error = error_label()
        self.error.setObjectName("loginError")
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("loginButton")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.switch_button = QPushButton(tr("&Ganti petugas"))
        self.switch_button.setObjectName("switchOfficer")
        self.switch_button.clicked.connect(self.switchRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)

        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(440)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(self.title)
        inner.addWidget(self.office)
        inner.addWidget(self.who)
        inner.addLayout(self.form)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        self.show_login()

    # ------------------------------------------------------------------ modes
    def show_login(self, username: str = "") -> None:
        """Login mode: anyone may log in."""
        self.officer = None
        self.title.setText(tr("Masuk ke {0}").format(APP_NAME))
        self.who.hide()
        self.form.setRowVisible(self.username, True)
        self.switch_button.hide()
        self.submit_button.setText(tr("&Masuk"))
        self._reset(username)
        (self.password if username else self.username).setFocus()

    def show_lock(self, officer: Officer) -> None:
        """Lock mode: ``officer`` unlocks with their password, or someone else logs in."""
        self.officer = officer
        self.title.setText(tr("Layar terkunci"))
        self.who.setText(tr("Sedang dipakai oleh {0} ({1})").format(officer.name, officer.role_text))
        self.who.show()
        self.form.setRowVisible(self.username, False)
        self.switch_button.show()
        self.submit_button.setText(tr("&Buka kunci"))
        self._reset(officer.username)
        self.password.setFocus()

    def _reset(self, username: str) -> None:
        office = load_office()
        self.office.setText(office.agency_name or "")
        self.office.setVisible(bool(office.agency_name))
        self.username.setText(username)
        self.password.clear()
        self.error.hide()

    # ------------------------------------------------------------------ logging in
    def _username_entered(self) -> None:
        if self.username.text().strip():
            self.password.setFocus()

    def submit(self) -> Login | None:
        """Check the typed password with the core; emits ``loggedIn`` when accepted."""
        username = self.officer.username if self.officer is not None else self.username.text()
        password = self.password.text()
        self.password.clear()  # whatever happens, the typed password does not stay on screen
        if not username.strip() or not password:
            self._refuse(tr("Ketik nama pengguna dan kata sandi.") if self.officer is None
                         else tr("Ketik kata sandi Anda."))
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            login = authenticate(username, password, self._now() if self._now else None)
        except LoginRefused as exc:
            self._refuse(exc.message)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
            del password
        self.error.hide()
        self.loggedIn.emit(login)
        return login

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        if self.officer is None and not self.username.text().strip():
            self.username.setFocus()
        else:
            self.password.setFocus()
