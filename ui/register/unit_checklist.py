"""The office's active units as a list of check boxes: where a request is routed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ppid_desk.units import list_units


class UnitChecklist(QListWidget):
    """Empty until :meth:`reload`; long names are elided (the full name is the tooltip)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def reload(self) -> None:
        """Read the active units again; those checked stay checked."""
        checked = set(self.checked_ids())
        self.clear()
        for unit in list_units(include_inactive=False):
            item = QListWidgetItem(unit.name)
            item.setToolTip(unit.name)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if unit.id in checked else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked_ids(self) -> list[int]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]
