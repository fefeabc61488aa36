"""Who is working at the desk: the officer logged in, shared by every page.

The app (``ui/startup.py``) turns accounts on before it builds the window; from then on
the acting officer is the one logged in, and :data:`NOBODY` (no roles: everything
refused, personal data masked) while nobody is. Without accounts turned on — the tests
that build a window directly, the ``print`` command — the acting officer is the
operating-system login name, which the core treats as the trusted local user.

Pages read :func:`current_actor` each time they act (they take it as a callable), and
follow :attr:`Session.officerChanged` to re-apply what the officer may see and do.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QObject, Signal

from ppid_desk.accounts.officer import Actor, Officer
from ppid_desk.privacy import Masker

# The actor while accounts are on and nobody is logged in (the login or lock screen shows).
NOBODY = Officer(0, "", "(belum masuk)", frozenset())


def os_user() -> str:
    try:
        return getpass.getuser() or "petugas"
    except (KeyError, OSError):  # no login name (some containers, services)
        return "petugas"


class Session(QObject):
    """The officer at the desk. ``officerChanged`` carries the new Officer (or None)
    after a login, a logout or a switch; ``lockChanged`` whether the screen is locked."""

    officerChanged = Signal(object)
    lockChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.accounts = False  # on: the app logs officers in (else the OS user acts)
        self.officer: Officer | None = None
        self.locked = False

    def actor(self) -> Actor:
        if self.officer is not None:
            return self.officer
        return NOBODY if self.accounts else os_user()

    def start_accounts(self) -> None:
        """The app's start: from now on only a logged-in officer acts."""
        self.accounts = True
        self.log_out()

    def log_in(self, officer: Officer) -> None:
        self.officer = officer
        self.set_locked(False)
        self.officerChanged.emit(officer)

    def log_out(self) -> None:
        changed = self.officer is not None
        self.officer = None
        if changed:
            self.officerChanged.emit(None)

    def set_locked(self, locked: bool) -> None:
        if locked != self.locked:
            self.locked = locked
            self.lockChanged.emit(locked)

    def reset(self) -> None:
        """Back to no accounts (the end of the app's run, a test's teardown)."""
        self.accounts = False
        self.locked = False
        self.log_out()


_session: Session | None = None


def session() -> Session:
    """The one session of the app (created on first use)."""
    global _session
    if _session is None:
        _session = Session()
    return _session


def current_officer() -> Officer | None:
    """The officer logged in, or None (nobody yet, or accounts not on)."""
    return _session.officer if _session is not None else None


def current_actor() -> Actor:
    """The actor recorded for, and checked on, every step taken now."""
    # No session yet (the print command, a window built without the app's start): the
    # operating-system user, without creating the session's QObject before Qt is up.
    return _session.actor() if _session is not None else os_user()


def masker() -> Masker:
    """How the acting officer sees NIKs, phone numbers and email addresses."""
    return Masker.for_actor(current_actor())
