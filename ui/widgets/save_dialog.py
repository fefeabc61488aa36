"""A small form in a dialog that stays open until what is typed is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from ppid_desk.errors import PpidError, ValidationError

from .field_errors import FieldErrors, error_label


class SaveDialog(QDialog):
    """Simpan (or Enter) calls :meth:`save`; when it raises :class:`ValidationError` the
    message shows beside the field it names (under the form when it names none) and the
    dialog stays open with everything typed.

    Subclasses add their rows to :attr:`form` through :attr:`errors`, then call
    :meth:`lay_out`, so that the fields come before the buttons in the tab order.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.general_error = error_label()

    def lay_out(self) -> None:
        """The form, the general message under it, then Simpan and Batal."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Store what is typed; raise ValidationError to keep the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        try:
            self.save()
        except PpidError as exc:  # refused input, or the register cannot be written (disk full)
            self.errors.show(getattr(exc, "field", None), exc.message, self.general_error)
            return
        super().accept()
