"""Red inline messages beside form fields, several at once.

Unlike the settings forms (one message at a time), the intake form and the action
dialogs show every problem of the data at once, each beside its own field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_COLOUR = "#b00020"


def error_label() -> QLabel:
    """An empty, hidden red label for one field's message."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
    label.setPalette(palette)
    label.hide()
    return label


class InlineErrors:
    """Field name -> (input widget, red label); names follow the core's problem keys."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add_row(self, form: QFormLayout, name: str, caption_text: str, widget: QWidget) -> QLabel:
        """Add ``widget`` with its caption to ``form``, its error label right below it."""
        caption = QLabel(caption_text)
        caption.setBuddy(widget)
        caption.setMinimumWidth(caption.sizeHint().width() + 2)
        form.addRow(caption, self.wrap(name, widget))
        return caption

    def wrap(self, name: str, widget: QWidget) -> QWidget:
        """``widget`` and its (hidden) error label stacked in one cell."""
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = error_label()
        box.addWidget(error)
        self._fields[name] = (widget, error)
        return cell

    def __contains__(self, name: object) -> bool:
        return name in self._fields

    def widget(self, name: str) -> QWidget | None:
        entry = self._fields.get(name)
        return entry[0] if entry else None

    def message(self, name: str) -> str:
        entry = self._fields.get(name)
        return entry[1].text() if entry else ""

    def set(self, name: str, message: str) -> None:
        entry = self._fields.get(name)
        if entry is None:
            return
        entry[1].setText(message)
        entry[1].setVisible(bool(message))

    def show_all(self, problems: Mapping[str, str], names: Iterable[str] | None = None) -> None:
        """Show ``problems`` for ``names`` (all known fields when None); clear the rest of them."""
        for name in list(self._fields) if names is None else names:
            self.set(name, problems.get(name, ""))

    def focus_first(self, problems: Mapping[str, str], order: Iterable[str]) -> str | None:
        """Focus the first field in ``order`` that has a problem; its name, or None."""
        for name in order:
            if name in problems and name in self._fields:
                widget = self._fields[name][0]
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return name
        return None

    def clear(self) -> None:
        for name in self._fields:
            self.set(name, "")
