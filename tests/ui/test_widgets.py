"""The shared building blocks of ui/widgets: inline field messages, list models, fitted tables."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from ppid_desk.ui.widgets.field_errors import FieldErrors, error_label
from ppid_desk.ui.widgets.fitted_table import FittedTable
from ppid_desk.ui.widgets.list_model import ListTableModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def form(qtbot):
    """A shown form with a name field, a composite field and a general message."""
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QFormLayout(widget)
    errors = FieldErrors()
    name = QLineEdit()
    errors.add_row(layout, "name", "&Nama", name)
    picker = QWidget()
    button = QPushButton("Pilih", picker)
    hint = QLabel("hint")
    layout.addRow("Berkas", errors.wrap("path", picker, hint, focus=button))
    general = error_label()
    layout.addRow(general)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget, errors, name, button, general  # qtbot keeps only a weak reference to the widget


def test_show_one_message_focuses_its_field_and_clears_the_others(qtbot, form):
    _widget, errors, name, button, general = form
    errors.set("name", "Nama wajib diisi.")
    assert errors.show("path", "Pilih berkas.") is True
    qtbot.waitUntil(button.hasFocus)
    assert errors.message("path") == "Pilih berkas." and errors.message("name") == ""
    assert errors.widget("path") is button
    assert errors.show("nik", "NIK tidak sah.", general) is False
    assert general.text() == "NIK tidak sah." and not general.isHidden()
    assert errors.message("path") == ""
    assert errors.show(None, "Tanpa kolom.") is False
    with pytest.raises(KeyError):
        errors.message("nik")


def test_show_all_then_focus_the_first_in_order(qtbot, form):
    _widget, errors, name, _button, _general = form
    problems = {"path": "Pilih berkas.", "name": "Nama wajib diisi.", "nik": "tidak ada di sini"}
    errors.show_all(problems)
    assert errors.message("name") == "Nama wajib diisi." and errors.message("path") == "Pilih berkas."
    assert errors.focus_first(problems, ["nik", "name", "path"]) == "name"
    qtbot.waitUntil(name.hasFocus)
    errors.show_all({}, ["path"])  # only the fields named
    assert errors.message("path") == "" and errors.message("name") == "Nama wajib diisi."
    errors.clear()
    assert errors.message("name") == ""


@dataclass(frozen=True)
class Item:
    id: int
    name: str


class ItemModel(ListTableModel[Item]):
    ID, NAME = range(2)

    def __init__(self, parent=None):
        super().__init__(("Id", "Nama"), parent)

    def display(self, item: Item, column: int) -> str:
        return (str(item.id), item.name)[column]

    def role_data(self, item: Item, column: int, role: int):
        return item if role == Qt.ItemDataRole.UserRole else None


def test_list_model(qtmodeltester):
    model = ItemModel()
    qtmodeltester.check(model)
    model.set_rows(Item(i, name) for i, name in enumerate(("Budi", "Ani", "Siti")))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.headerData(ItemModel.NAME, Qt.Orientation.Horizontal) == "Nama"
    assert model.index(1, ItemModel.NAME).data() == "Ani"
    assert model.index(2, 0).data(Qt.ItemDataRole.UserRole) == Item(2, "Siti")
    assert model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.row(0) == Item(0, "Budi") and model.row(3) is None and model.row(-1) is None
    assert model.row_of(lambda item: item.name == "Siti") == 2
    assert model.row_of(lambda item: item.name == "Joko") == -1
    assert model.rows == [Item(0, "Budi"), Item(1, "Ani"), Item(2, "Siti")]


def test_fitted_table_gives_rows_of_the_model_below_its_proxy(qtbot):
    model = ItemModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    table = FittedTable(proxy, "items", ((ItemModel.ID, 40),), stretch=ItemModel.NAME)
    qtbot.addWidget(table)
    table.setSortingEnabled(True)
    table.sortByColumn(ItemModel.NAME, Qt.SortOrder.AscendingOrder)
    model.set_rows([Item(0, "Budi")])
    assert table.target_row() == 0  # the only row, selected or not
    model.set_rows([Item(0, "Budi"), Item(1, "Ani")])
    assert table.target_row() == -1
    table.selectRow(0)  # "Ani" sorts first
    assert table.target_row() == 1 and table.source_row(proxy.index(1, 0)) == 0
    table.fit()
    assert table.height() == table.rowHeight(0) + table.rowHeight(1) + \
        table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
