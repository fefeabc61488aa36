"""Red inline messages under form fields, keyed by the core's field (problem) names.

Two ways to use them: one message at a time, for the :class:`ValidationError` of a save
(:meth:`FieldErrors.show`: the others are cleared, the field gets the focus), or every
problem of the data at once (:meth:`FieldErrors.show_all`, then
:meth:`FieldErrors.focus_first`), as the intake form and the action dialogs do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_COLOUR = "#b00020"


def error_label() -> QLabel:
    """An empty, hidden red label for one field's message (or a form's general one)."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
    label.setPalette(palette)
    label.hide()
    return label


class FieldErrors:
    """Field name -> (the widget that gets the focus, its red label)."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    # ------------------------------------------------------------------ building
    def add_row(self, form: QFormLayout, name: str, caption_text: str, widget: QWidget,
                focus: QWidget | None = None) -> QLabel:
        """Add ``widget`` with its caption to ``form``, its error label right below it.

        ``focus`` is the input inside a composite ``widget`` that the caption's mnemonic and
        a message focus (``widget`` itself when None). Returns the caption.
        """
        caption = QLabel(caption_text)
        caption.setBuddy(focus or widget)
        # QFormLayout gives a caption exactly its size hint, and text drawn with a mnemonic
        # underline can be a pixel wider than measured (the "n" of "&Telepon" got clipped).
        caption.setMinimumWidth(caption.sizeHint().width() + 2)
        form.addRow(caption, self.wrap(name, widget, focus=focus))
        return caption

    def wrap(self, name: str, widget: QWidget, *below: QWidget, focus: QWidget | None = None) -> QWidget:
        """``widget``, the widgets ``below`` it and its (hidden) error label stacked in one cell."""
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        error = error_label()
        for part in (widget, *below, error):
            box.addWidget(part)
        self._fields[name] = (focus or widget, error)
        return cell

    def register(self, name: str, widget: QWidget, error: QLabel) -> None:
        """A field laid out by hand: ``widget`` gets the focus, ``error`` shows its message."""
        self._fields[name] = (widget, error)

    # ------------------------------------------------------------------ reading
    def __contains__(self, name: object) -> bool:
        return name in self._fields

    def widget(self, name: str) -> QWidget | None:
        entry = self._fields.get(name)
        return entry[0] if entry else None

    def message(self, name: str) -> str:
        """The message shown for ``name`` ("" when none); KeyError for an unknown field."""
        return self._fields[name][1].text()

    # ------------------------------------------------------------------ showing
    def set(self, name: str, message: str) -> None:
        """Show ``message`` under ``name`` (hide it when empty); the focus stays. Unknown names are ignored."""
        entry = self._fields.get(name)
        if entry is None:
            return
        entry[1].setText(message)
        entry[1].setVisible(bool(message))

    def show(self, name: str | None, message: str, general: QLabel | None = None) -> bool:
        """Show ``message`` under ``name``'s field alone and focus the field; True if it is known.

        For an unknown (or no) field the message goes to ``general``, when given, and False.
        """
        self.clear()
        if name not in self._fields:
            if general is not None:
                general.setText(message)
                general.show()
            return False
        widget, error = self._fields[name]
        error.setText(message)
        error.show()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def show_all(self, problems: Mapping[str, str], names: Iterable[str] | None = None) -> None:
        """Show ``problems`` for ``names`` (all known fields when None); clear the rest of them."""
        for name in list(self._fields) if names is None else names:
            self.set(name, problems.get(name, ""))

    def focus_first(self, problems: Mapping[str, str], order: Iterable[str]) -> str | None:
        """Focus the first field in ``order`` that has a problem; its name, or None."""
        for name in order:
            if name in problems and name in self._fields:
                self._fields[name][0].setFocus(Qt.FocusReason.OtherFocusReason)
                return name
        return None

    def clear(self) -> None:
        for name in self._fields:
            self.set(name, "")
