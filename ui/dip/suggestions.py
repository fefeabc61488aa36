"""DIP entries suggested while the officer types what a requester asks for.

A small list under the intake form's "Informasi yang diminta": once typing pauses
(:data:`SUGGEST_DELAY_MS`), :func:`ppid_desk.dip.queries.suggest` gives the entries that
best match, each with its class as a badge. The list never takes the focus by itself;
the officer goes into it with Down (on the text's last line) or Alt+P, chooses with
Enter (or a click), and leaves it with Esc or Up on its first row. The chosen entry is
shown instead of the list and is linked to the request when the request is saved
(:func:`ppid_desk.dip.service.register_linked`); "Lepas" drops the choice.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QListView, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget,
)

from ppid_desk.dip.codes import InfoClass
from ppid_desk.dip.queries import DipMatch, suggest
from ppid_desk.errors import StoreError

from ..widgets.field_errors import error_label
from .badges import CLASS_ROLE, BadgeDelegate, badge_html, letters_short

SUGGEST_DELAY_MS = 250
SUGGESTIONS = 5
SUMMARY_CHARS = 160


def _short(text: str, limit: int = SUMMARY_CHARS) -> str:
    squashed = " ".join((text or "").split())
    return squashed if len(squashed) <= limit else squashed[:limit - 1] + "\u2026"


def match_text(match: DipMatch) -> str:
    """A suggestion in one line: summary · holder (· Pasal 17 letters of an excluded entry)."""
    parts = [_short(match.summary), match.holder]
    if match.info_class is InfoClass.EXCLUDED and match.pasal17:
        parts.append(letters_short(match.pasal17))
    return " \u00b7 ".join(p for p in parts if p)


class DipMatchModel(QAbstractListModel):
    """Matches, one line each; ``compact``: the summary alone (a narrow panel; the tooltip says the rest)."""

    def __init__(self, parent: QObject | None = None, compact: bool = False):
        super().__init__(parent)
        self.matches: list[DipMatch] = []
        self.compact = compact

    def set_matches(self, matches: list[DipMatch]) -> None:
        self.beginResetModel()
        self.matches = list(matches)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.matches)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.matches):
            return None
        match = self.matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _short(match.summary) if self.compact else match_text(match)
        if role == CLASS_ROLE:
            return match.info_class
        if role == Qt.ItemDataRole.ToolTipRole:
            letters = letters_short(match.pasal17) if match.info_class is InfoClass.EXCLUDED else ""
            return f"<p><b>{html.escape(match.info_class.label)}</b>{' (' + letters + ')' if letters else ''}: " \
                   f"{html.escape(_short(match.summary, 800))}<br>{html.escape(match.holder)}</p>"
        if role == Qt.ItemDataRole.UserRole:
            return match.id
        return None


class SuggestionList(QListView):
    """The list of suggestions: Enter chooses, Esc (or Up on the first row) goes back to the text."""

    chooseCurrent = Signal()
    leave = Signal(bool)  # True: also close the list (Esc)

    def event(self, event: QEvent) -> bool:
        # Esc belongs to the list while it has the focus, not to a form's "back" shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chooseCurrent.emit()
        elif key == Qt.Key.Key_Escape:
            self.leave.emit(True)
        elif key == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leave.emit(False)
        else:
            super().keyPressEvent(event)


class DipSuggestions(QWidget):
    """Watches ``text``; shows the matching entries under it and remembers the one chosen."""

    chosenChanged = Signal(object)  # DipMatch or None

    def __init__(self, text: QPlainTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dipSuggestions")
        self.text = text
        self.chosen: DipMatch | None = None
        self.enabled = True
        self._dismissed = False  # Esc closed the list; it comes back when the text changes
        self.model = DipMatchModel(self, compact=True)

        self.caption = QLabel(self.tr("Ada di DIP \u2014 \u2193 pilih, Enter kaitkan"))
        self.caption.setToolTip(self.tr("\u2193 (di baris terakhir) atau Alt+P: masuk ke daftar \u00b7 Enter atau klik: "
                                        "kaitkan permohonan ke entri itu saat disimpan \u00b7 Esc: tutup daftar"))
        self.caption.setObjectName("hint")
        self.caption.setWordWrap(True)  # never widens the form's column while the list comes and goes
        self.list = SuggestionList()
        self.list.setObjectName("dipSuggestionList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(BadgeDelegate(self.list, lines=2))
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # never in the Tab chain: typing goes on
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.list.clicked.connect(self._clicked)
        self.list.chooseCurrent.connect(lambda: self._clicked(self.list.currentIndex()))
        self.list.leave.connect(self._leave)

        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("dipChosen")
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setTextFormat(Qt.TextFormat.RichText)
        self.release_button = QPushButton(self.tr("Lepas"))
        self.release_button.setToolTip(self.tr("Jangan kaitkan permohonan ini ke entri DIP tersebut"))
        self.release_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.release_button.clicked.connect(self.release)
        chosen_row = QHBoxLayout()
        chosen_row.setContentsMargins(0, 0, 0, 0)
        chosen_row.addWidget(self.chosen_label, 1)
        chosen_row.addWidget(self.release_button, 0, Qt.AlignmentFlag.AlignTop)
        self.chosen_row = QWidget()
        self.chosen_row.setLayout(chosen_row)
        self.error = error_label()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen_row)
        layout.addWidget(self.error)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        text.textChanged.connect(self._typed)
        text.installEventFilter(self)
        pick = QShortcut(QKeySequence("Alt+P"), text)
        pick.setContext(Qt.ShortcutContext.WidgetShortcut)
        pick.activated.connect(self.enter_list)
        self._show_state()

    # ------------------------------------------------------------------ state
    def chosen_id(self) -> int | None:
        return self.chosen.id if self.chosen is not None else None

    def list_visible(self) -> bool:
        return not self.list.isHidden()

    def clear(self) -> None:
        """Nothing chosen, nothing suggested (a fresh form)."""
        self._timer.stop()
        self.chosen = None
        self._dismissed = False
        self.model.set_matches([])
        self.error.hide()
        self._show_state()

    def _typed(self) -> None:
        self._dismissed = False
        if self.enabled:
            self._timer.start()

    def refresh(self) -> list[DipMatch]:
        """Suggest for the text as it is now (the timer calls this once typing pauses)."""
        self._timer.stop()
        try:
            matches = suggest(self.text.toPlainText(), limit=SUGGESTIONS) if self.enabled else []
        except StoreError:  # the server went away while typing: no suggestions, no dialog
            matches = []
        if self.chosen is not None:
            matches = [m for m in matches if m.id != self.chosen.id]
        self.model.set_matches(matches)
        self._show_state()
        return matches

    def _show_state(self) -> None:
        chosen = self.chosen is not None
        listing = not chosen and not self._dismissed and self.model.rowCount() > 0
        self.caption.setVisible(listing)
        self.list.setVisible(listing)
        self.chosen_row.setVisible(chosen)
        if listing:
            rows = self.model.rowCount()
            row_height = self.list.sizeHintForRow(0) if rows else 0
            self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth())
        elif self.list.hasFocus():
            self.text.setFocus()
        if chosen:
            match = self.chosen
            self.chosen_label.setText(self.tr("Dikaitkan ke DIP saat disimpan: {0} {1}").format(
                badge_html(match.info_class), html.escape(match_text(match))))
        self.setVisible(listing or chosen or not self.error.isHidden())

    # ------------------------------------------------------------------ choosing
    def enter_list(self) -> bool:
        """Into the list (Down on the last line, Alt+P); False when there is nothing to choose."""
        if not self.list_visible():
            return False
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0))
        return True

    def choose(self, match: DipMatch) -> None:
        self.chosen = match
        self.error.hide()
        self._show_state()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.chosenChanged.emit(match)

    def release(self) -> None:
        """Drop the choice; the suggestions come back."""
        self.chosen = None
        self.error.hide()
        self.refresh()
        self.chosenChanged.emit(None)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid() and 0 <= index.row() < len(self.model.matches):
            self.choose(self.model.matches[index.row()])

    def _leave(self, close: bool) -> None:
        if close:
            self._dismissed = True
            self._show_state()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ keys in the text
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Down,
                                                                                     Qt.Key.Key_Escape):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if event.key() == Qt.Key.Key_Escape and plain and self.list_visible():
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # Esc closes the list before it means "back"
                    return True
                if event.type() == QEvent.Type.KeyPress:
                    self._leave(True)
                    return True
            if event.key() == Qt.Key.Key_Down and plain and event.type() == QEvent.Type.KeyPress \
                    and self.list_visible() and self._on_last_line():
                return self.enter_list()
        return super().eventFilter(watched, event)

    def _on_last_line(self) -> bool:
        cursor = QTextCursor(self.text.textCursor())
        return not cursor.movePosition(QTextCursor.MoveOperation.Down)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self._show_state()
