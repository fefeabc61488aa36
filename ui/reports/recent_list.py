"""The Laporan page's list of the reports made on this PC (``reports/recent.py``).

Enter or a double click opens the report; a file moved or deleted since is shown as
missing ("tidak ditemukan"), and opening it says so beside the list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ppid_desk.dates import clock, short_date
from ppid_desk.reports.periods import KIND_WORDS
from ppid_desk.reports.recent import RecentReport, recent

from ..widgets.field_errors import error_label
from ..widgets.fitted_table import FittedTable
from ..widgets.list_model import ListTableModel

SHOWN = 10
MISSING_COLOUR = "#8a94a3"


def period_words(report: RecentReport) -> str:
    """``25-10-2026 s.d. 23-11-2026``; one day alone; an annual report as ``Tahun 2026``."""
    if report.kind == "annual" and report.first.year == report.last.year:
        return f"Tahun {report.first.year}"
    if report.first == report.last:
        return short_date(report.first)
    return f"{short_date(report.first)} s.d. {short_date(report.last)}"


def open_location(opener: Callable[[QUrl], bool], path: Path) -> bool:
    return bool(opener(QUrl.fromLocalFile(str(path))))


class RecentModel(ListTableModel[tuple[RecentReport, bool]]):
    """Rows of (report, whether its file is still there)."""

    KIND, PERIOD, MADE, FILE = range(4)

    def __init__(self, parent=None):
        super().__init__((self.tr("Jenis"), self.tr("Periode"), self.tr("Dibuat"), self.tr("Berkas")), parent)

    def load(self, reports: list[RecentReport]) -> None:
        self.set_rows((r, r.exists) for r in reports)

    def report(self, row: int) -> RecentReport | None:
        item = self.row(row)
        return item[0] if item is not None else None

    def display(self, item: tuple[RecentReport, bool], column: int) -> str:
        report, exists = item
        if column == self.KIND:
            return KIND_WORDS.get(report.kind, report.kind)
        if column == self.PERIOD:
            return period_words(report)
        if column == self.MADE:
            return f"{short_date(report.made_at.date())} {clock(report.made_at)}"
        return report.path.name if exists else self.tr("{0} (tidak ditemukan)").format(report.path.name)

    def role_data(self, item: tuple[RecentReport, bool], column: int, role: int):
        report, exists = item
        if role == Qt.ItemDataRole.ToolTipRole:
            if exists:
                return str(report.path)
            return self.tr("Berkas tidak ditemukan (dipindah atau dihapus): {0}").format(report.path)
        if role == Qt.ItemDataRole.ForegroundRole and not exists:
            return QColor(MISSING_COLOUR)
        return None


class RecentBox(QGroupBox):
    """The list with its Buka / Buka folder buttons."""

    def __init__(self, data_dir: Path, opener: Callable[[QUrl], bool], parent: QWidget | None = None):
        super().__init__(self.tr("Laporan terakhir di komputer ini"), parent)
        self.data_dir, self._opener = data_dir, opener
        self.model = RecentModel(self)
        self.table = FittedTable(self.model, "recentReports",
                                 ((RecentModel.KIND, 150), (RecentModel.PERIOD, 190), (RecentModel.MADE, 130)),
                                 stretch=RecentModel.FILE)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the date range and .xlsx visible
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.activated.connect(lambda index: self.open_report(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(self.tr("Belum ada laporan yang dibuat di komputer ini."))
        self.empty.setObjectName("hint")
        self.message = error_label()
        self.open_button = QPushButton(self.tr("Buka"))
        self.open_button.setAutoDefault(True)
        self.open_button.clicked.connect(lambda: self.open_report(self.table.target_row()))
        self.folder_button = QPushButton(self.tr("Buka folder"))
        self.folder_button.setAutoDefault(True)
        self.folder_button.clicked.connect(lambda: self.open_folder(self.table.target_row()))
        self.hint = QLabel(self.tr("Enter atau klik dua kali: buka laporan."))
        self.hint.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.message.hide()
        self.model.load(recent(self.data_dir, SHOWN))
        self.table.fit()
        count = self.model.rowCount()
        for widget in (self.table, self.hint, self.open_button, self.folder_button):
            widget.setVisible(bool(count))
        self.empty.setVisible(not count)
        if count and not self.table.selectionModel().hasSelection():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_row = self.table.target_row() >= 0
        self.open_button.setEnabled(has_row)
        self.folder_button.setEnabled(has_row)

    def open_report(self, row: int) -> bool:
        self.message.hide()
        report = self.model.report(row)
        if report is None:
            return False
        if not report.path.is_file():
            return self._tell(self.tr("Berkas {0} tidak ditemukan lagi di {1}; mungkin dipindah atau dihapus.")
                              .format(report.path.name, report.path.parent))
        if not open_location(self._opener, report.path):
            return self._tell(self.tr("Tidak ada aplikasi untuk membuka {0}.").format(report.path.name))
        return True

    def open_folder(self, row: int) -> bool:
        self.message.hide()
        report = self.model.report(row)
        if report is None:
            return False
        if not report.path.parent.is_dir():
            return self._tell(self.tr("Folder {0} tidak ada lagi.").format(report.path.parent))
        if not open_location(self._opener, report.path.parent):
            return self._tell(self.tr("Folder {0} tidak dapat dibuka.").format(report.path.parent))
        return True

    def _tell(self, message: str) -> bool:
        self.message.setText(message)
        self.message.show()
        return False
