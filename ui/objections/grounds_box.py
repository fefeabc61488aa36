"""The grounds of an objection as checkboxes, each with its wording from UU 14/2008
Pasal 35 ayat (1); those the request's record shows are ticked and marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from ppid_desk.objections.codes import Ground

TEXT_WIDTH = 380


class GroundsBox(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[Ground, QCheckBox] = {}
        self.labels: dict[Ground, QLabel] = {}
        self.suggested: set[Ground] = set()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        for row, ground in enumerate(Ground):
            box = QCheckBox(self.tr("huruf {0}").format(ground.value))
            box.setObjectName(f"ground_{ground.value}")
            box.toggled.connect(self.changed)
            label = QLabel(ground.label)
            label.setWordWrap(True)
            label.setBuddy(box)
            label.setMinimumWidth(TEXT_WIDTH // 2)
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            self.boxes[ground], self.labels[ground] = box, label
        grid.setColumnStretch(1, 1)

    def set_grounds(self, ticked: list[Ground], note: str = "") -> None:
        """Tick ``ticked`` (and only them), each marked with ``note`` (why it is suggested)."""
        self.suggested = {Ground(g) for g in ticked} if note else set()
        for ground, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(ground in ticked)
            box.blockSignals(False)
            text = ground.label
            if ground in self.suggested:
                text += f" <i>({note})</i>"
            self.labels[ground].setText(text)
        self.changed.emit()

    def grounds(self) -> list[Ground]:
        return [g for g, box in self.boxes.items() if box.isChecked()]

    def first_box(self) -> QCheckBox:
        return self.boxes[Ground.REJECTED]
