"""Unit: the bidang, SKPD and PPID pembantu that hold information."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ppid_desk.errors import PpidError
from ppid_desk.units import UnitInfo, UnitKind, delete_unit, list_units, save_unit

from ..session import current_actor
from ..widgets.confirm import confirm_destructive
from ..widgets.list_model import ListTableModel
from ..widgets.save_dialog import SaveDialog

INACTIVE_COLOUR = "#6b7280"


class UnitTableModel(ListTableModel[UnitInfo]):
    NAME, KIND, HEAD, CONTACT, ACTIVE = range(5)
    UnitRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QWidget | None = None):
        super().__init__((self.tr("Nama"), self.tr("Jenis"), self.tr("Kepala/Penanggung jawab"),
                          self.tr("Kontak"), self.tr("Aktif")), parent)

    def reload(self) -> None:
        self.set_rows(list_units())

    def display(self, unit: UnitInfo, column: int) -> str:
        return (unit.name, unit.kind.label, unit.head_name, unit.contact,
                self.tr("Ya") if unit.active else self.tr("Tidak"))[column]

    def role_data(self, unit: UnitInfo, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and not unit.active:
            return QColor(INACTIVE_COLOUR)
        if role == self.UnitRole:
            return unit
        return None


class UnitDialog(SaveDialog):
    """Add or change one unit; stays open and shows the problem when saving fails."""

    def __init__(self, unit: UnitInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.unit = unit
        self.saved: UnitInfo | None = None
        self.setWindowTitle(self.tr("Ubah unit") if unit else self.tr("Tambah unit"))
        self.setMinimumWidth(440)
        self.name = QLineEdit(unit.name if unit else "")
        self.kind = QComboBox()
        for kind in UnitKind:
            self.kind.addItem(kind.label, kind.value)
        if unit:
            self.kind.setCurrentIndex(self.kind.findData(unit.kind.value))
        self.head_name = QLineEdit(unit.head_name if unit else "")
        self.contact = QLineEdit(unit.contact if unit else "")
        self.contact.setPlaceholderText(self.tr("telepon, email atau ruangan"))
        self.active = QCheckBox(self.tr("Unit masih aktif"))
        self.active.setChecked(unit.active if unit else True)
        self.errors.add_row(self.form, "name", self.tr("&Nama unit *"), self.name)
        self.errors.add_row(self.form, "kind", self.tr("&Jenis"), self.kind)
        self.errors.add_row(self.form, "head_name", self.tr("&Kepala/Penanggung jawab"), self.head_name)
        self.errors.add_row(self.form, "contact", self.tr("K&ontak"), self.contact)
        self.errors.add_row(self.form, "active", "", self.active)
        self.lay_out()

    def save(self) -> None:
        self.saved = save_unit(self.name.text(), self.kind.currentData(), self.head_name.text(),
                               self.contact.text(), unit_id=self.unit.id if self.unit else None,
                               active=self.active.isChecked(), actor=current_actor())


class UnitsTab(QWidget):
    unitsChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.dialog: UnitDialog | None = None
        self.model = UnitTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UnitTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(UnitTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (UnitTableModel.KIND, UnitTableModel.HEAD, UnitTableModel.CONTACT, UnitTableModel.ACTIVE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)

        self.add_button = QPushButton(self.tr("&Tambah..."))
        self.edit_button = QPushButton(self.tr("&Ubah..."))
        self.delete_button = QPushButton(self.tr("&Hapus"))
        self.add_button.clicked.connect(self.add_unit)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        intro = QLabel(self.tr("Unit yang menguasai informasi (bidang, SKPD, PPID Pembantu). Permohonan "
                               "didisposisikan ke unit ini. Unit yang tidak aktif tetap tampil di data lama."))
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.model.reload()
        if select_id is not None:
            row = self.model.row_of(lambda unit: unit.id == select_id)
            if row >= 0:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._update_buttons()

    def selected_unit(self) -> UnitInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]).row())

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected_unit() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # ------------------------------------------------------------------ actions
    def add_unit(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self._open_dialog(unit)

    def _open_dialog(self, unit: UnitInfo | None) -> None:
        """Open the unit dialog window-modally; the table follows when it is saved."""
        dialog = UnitDialog(unit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.finished.connect(lambda _result: self._dialog_gone(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _saved(self, unit: UnitInfo | None) -> None:
        self.reload(unit.id if unit else None)
        self.unitsChanged.emit()

    def delete_selected(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        if not confirm_destructive(self, self.tr("Hapus unit"),
                                   self.tr("Hapus unit \u201c{0}\u201d? Jika unit hanya tidak dipakai lagi, "
                                           "lebih baik ubah menjadi tidak aktif.").format(unit.name),
                                   self.tr("Hapus")):
            return
        try:
            delete_unit(unit.id, actor=current_actor())
        except PpidError as exc:
            QMessageBox.warning(self, self.tr("Unit tidak dapat dihapus"), exc.message)
        self.reload()
        self.unitsChanged.emit()
