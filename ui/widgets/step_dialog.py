"""The shell of a dialog for one step on a record (a request, an objection): an intro, a form,
a general error line and OK/Batal; the step's own dialog builds the inputs and performs it.

A dialog stays open with everything typed when the core refuses the step
(:class:`ValidationError`); the message is shown beside the field it names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.errors import PpidError, ValidationError

from .field_errors import FieldErrors, error_label


class StepDialog(QDialog):
    """Base: a form, a general error line, OK/Batal; subclasses load the record, build and perform."""

    performed = Signal(int)
    ACTION: Any  # the step: its ``label`` names the dialog and its OK button
    INTRO_WIDTH = 460

    def __init__(self, record_id: int, actor: str, calendar: Callable[[], WorkingCalendar],
                 now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        # One dialog per step taken: gone once closed, not kept by the page for the session.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._record_id, self.actor, self._calendar, self._now = record_id, actor, calendar, now
        self.row = self.load(record_id)
        self.setWindowTitle(f"{self.ACTION.label} \u2014 {self.row.number}")
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.ACTION.label)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.intro_label = QLabel(self.intro())
        self.intro_label.setWordWrap(True)
        # The layout sets the dialog's minimum size (it grows when messages appear), so widths
        # are given to the contents, not to the dialog.
        self.intro_label.setMinimumWidth(self.INTRO_WIDTH)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when messages appear
        layout.addWidget(self.intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.build()

    def load(self, record_id: int) -> Any:
        """The record the step is taken on (and remember its id under the record's own name)."""
        raise NotImplementedError

    def intro(self) -> str:
        raise NotImplementedError

    def build(self) -> None:
        """Add the inputs to :attr:`form` (none for a plain confirmation)."""

    def perform(self) -> None:
        raise NotImplementedError

    def problems(self) -> dict[str, str]:
        """Problems found before calling the core (all shown at once)."""
        return {}

    def submit(self) -> bool:
        self.errors.clear()
        self.general_error.hide()
        problems = self.problems()
        if problems:
            self.errors.show_all(problems)
            self.errors.focus_first(problems, list(problems))
            return False
        try:
            self.perform()
        except PpidError as exc:  # a refused step, or the register cannot be written (disk full)
            self.errors.show(getattr(exc, "field", None), exc.message, self.general_error)
            return False
        self.performed.emit(self._record_id)
        self.accept()
        return True
