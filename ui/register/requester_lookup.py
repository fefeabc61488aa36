"""Finding a returning requester while the officer types a NIK or a name.

A small popup (QCompleter) lists :func:`ppid_desk.register.queries.find_requesters`
matches under the field being typed in; choosing one emits :attr:`RequesterLookup.chosen`.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, QTimer, Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit

from ppid_desk.errors import StoreError
from ppid_desk.register.nik import mask_nik
from ppid_desk.register.queries import RequesterMatch, find_requesters

from ..session import masker

LOOKUP_DELAY_MS = 200


class RequesterMatchModel(QAbstractListModel):
    """The matches of the last lookup, one line each."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.matches: list[RequesterMatch] = []

    def set_matches(self, matches: list[RequesterMatch]) -> None:
        self.beginResetModel()
        self.matches = list(matches)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.matches)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.matches):
            return None
        match = self.matches[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            details = [mask_nik(match.nik) if match.nik else "", masker().phone(match.phone),
                       self.tr("{0} permohonan").format(match.requests)]
            return f"{match.name} \u2014 " + " \u00b7 ".join(d for d in details if d)
        if role == Qt.ItemDataRole.ToolTipRole:
            return match.address
        if role == Qt.ItemDataRole.UserRole:
            return match.id
        return None


class RequesterLookup(QObject):
    """Watches the NIK and name fields; offers returning requesters in a popup."""

    chosen = Signal(object)  # RequesterMatch
    passed = Signal()  # Enter in the popup with no match picked: the officer moves on

    def __init__(self, fields: list[QLineEdit], parent: QObject | None = None):
        super().__init__(parent)
        self.model = RequesterMatchModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(8)
        self.completer.activated[QModelIndex].connect(self._activated)
        # Installed after the completer's own filter, so it sees the keys first.
        self.completer.popup().installEventFilter(self)
        self.enabled = True
        self._source: QLineEdit | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.lookup)
        for edit in fields:
            edit.textEdited.connect(lambda _text, e=edit: self._typed(e))

    def popup_visible(self) -> bool:
        return self.completer.popup().isVisible()

    def hide(self) -> None:
        self._timer.stop()
        self.completer.popup().hide()

    def _typed(self, edit: QLineEdit) -> None:
        if not self.enabled:
            return
        self._source = edit
        self._timer.start()

    def lookup(self) -> list[RequesterMatch]:
        """Look up what the last edited field holds now; show the popup if anything matched."""
        self._timer.stop()
        edit = self._source
        # The officer moved on before the delay ran out: no popup. The window's focus child
        # is asked, not hasFocus(), which is False whenever the window is not the active
        # one (a message box, another program, an offscreen test run).
        if edit is None or edit.window().focusWidget() is not edit:
            return []
        try:
            matches = find_requesters(edit.text())
        except StoreError:  # the server went away between keystrokes: no suggestions, no dialog
            matches = []
        self.model.set_matches(matches)
        if matches:
            self.completer.setWidget(edit)
            popup = self.completer.popup()
            metrics = popup.fontMetrics()
            longest = max(metrics.horizontalAdvance(self.model.index(r).data()) for r in range(len(matches)))
            scrollbar = popup.verticalScrollBar().sizeHint().width()
            width = max(edit.width(), min(longest + scrollbar + 24, 720))
            self.completer.complete(QRect(0, 0, width, edit.height()))
            # Nothing is picked until the officer chooses: Enter alone must not fill in a stranger.
            popup.setCurrentIndex(QModelIndex())
        else:
            self.completer.popup().hide()
        return matches

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.completer.popup() and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not self.completer.popup().currentIndex().isValid()):
            self.hide()
            self.passed.emit()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        wanted = index.data(Qt.ItemDataRole.UserRole)
        match = next((m for m in self.model.matches if m.id == wanted), None)
        if match is not None:
            self.chosen.emit(match)
