"""Idle time: no keyboard or mouse input anywhere in the app for a while.

One application-wide event filter restarts a single-shot timer on every input event;
when the timer runs out, :attr:`IdleWatcher.idle` is emitted. The filter looks only at
the event's type and never stops an event, so it costs a type comparison per event.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride,
})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(timeout_ms)))
        self.timer.timeout.connect(self.idle)
        self._installed = False

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(max(1, int(timeout_ms)))
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        """Watch from now on (the timer starts counting at once)."""
        app = QCoreApplication.instance()
        if not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True
        self.timer.start()

    def stop(self) -> None:
        """Stop counting (while the screen is locked nothing needs to be watched)."""
        self.timer.stop()
        app = QCoreApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def poke(self) -> None:
        """Count as input (used by tests, and after a login)."""
        if self._installed:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.timer.start()
        return False
