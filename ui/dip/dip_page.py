"""Daftar Informasi Publik: every entry of the office's DIP as a table, search as you type,
a filter by class, retired entries on request; import from and export to Excel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QWidget

from ppid_desk.dip.codes import InfoClass
from ppid_desk.dip.queries import counts_by_class

from ..register.register_page import thousands
from ..session import current_actor
from ..widgets.record_list import choice_filter, list_head, list_layout, record_table, search_box
from .badges import BadgeDelegate
from .table_model import DipFilter, DipTableModel
from .transfer import ExportRun, ImportDialog, ask_export_path, ask_import_path, restyle

SEARCH_DELAY_MS = 200
D = DipTableModel
# The summary takes what the other columns leave (about 300 pixels at 1280).
COLUMN_WIDTHS = {D.SUMMARY: 300, D.CLASS: 175, D.HOLDER: 160, D.OFFICIAL: 125, D.FORMAT: 100, D.RETENTION: 100}


class DipPage(QWidget):
    openEntry = Signal(int)
    newRequested = Signal()
    entriesImported = Signal(int)  # how many

    def __init__(self, actor: Callable[[], str] = current_actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._actor = actor
        self.model = DipTableModel(self)
        self.import_dialog: ImportDialog | None = None
        self.export_run: ExportRun | None = None

        self.count = QLabel()
        self.new_button = QPushButton(self.tr("Entri baru\u2026"))
        self.new_button.setToolTip(self.tr("Tambahkan informasi ke Daftar Informasi Publik"))
        self.new_button.clicked.connect(self.newRequested)
        head = list_head(self.tr("Daftar Informasi Publik"), self.count, self.new_button)

        self.search, self._search_timer = search_box(
            self, self.tr("Cari ringkasan isi, unit/pejabat yang menguasai atau penanggung jawab\u2026"),
            SEARCH_DELAY_MS, self.apply_filter, self._search_now)
        self.info_class = choice_filter(self.tr("Semua kelas"), InfoClass)
        self.include_retired = QCheckBox(self.tr("Tampilkan yang dinonaktifkan"))
        self.include_retired.setToolTip(self.tr("Entri yang sudah dinonaktifkan tidak tampil di DIP dan tidak "
                                                "diusulkan saat pencatatan permohonan"))
        self.clear_button = QPushButton(self.tr("Hapus filter"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.info_class.currentIndexChanged.connect(self.apply_filter)
        self.include_retired.toggled.connect(self.apply_filter)
        self.import_button = QPushButton(self.tr("Impor dari Excel\u2026"))
        self.import_button.setToolTip(self.tr("Tambahkan entri dari DIP kantor yang disimpan di Excel; berkas "
                                              "diperiksa dulu, tidak ada yang diimpor bila ada baris bermasalah"))
        self.import_button.clicked.connect(self.start_import)
        self.export_button = QPushButton(self.tr("Ekspor ke Excel\u2026"))
        self.export_button.setToolTip(self.tr("Tulis DIP (entri aktif) ke buku kerja Excel dengan kolom Perki"))
        self.export_button.clicked.connect(self.start_export)
        self.status_line = QLabel()
        self.status_line.setObjectName("hint")
        self.status_line.setWordWrap(True)
        self.status_line.hide()

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.clear_button)
        filters = QHBoxLayout()
        filters.addWidget(self.info_class)
        filters.addSpacing(12)
        filters.addWidget(self.include_retired)
        filters.addStretch(1)
        filters.addWidget(self.import_button)
        filters.addWidget(self.export_button)
        self.table = record_table(self, "dipTable", self.model, COLUMN_WIDTHS)
        self.table.setItemDelegateForColumn(D.CLASS, BadgeDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(D.SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        layout = list_layout(self, head, search_row, filters, table=self.table)
        layout.insertWidget(3, self.status_line)
        self.refresh()

    # ------------------------------------------------------------------ filters
    def current_filter(self) -> DipFilter:
        value = self.info_class.currentData()
        return DipFilter(text=self.search.text().strip(), info_class=InfoClass(value) if value else None,
                         include_retired=self.include_retired.isChecked())

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if self.current_filter() != self.model.filter:
            self.refresh()

    def refresh(self) -> None:
        """Load again (after a filter, a new or changed entry, an import)."""
        self._search_timer.stop()
        self.model.load(self.current_filter())
        shown = self.model.rowCount()
        if self.model.filter != DipFilter():
            self.count.setText(self.tr("{0} entri cocok").format(thousands(shown)))
        else:
            counts = counts_by_class()
            self.count.setText(self.tr("{0} entri").format(thousands(shown)))
            self.count.setToolTip(" \u00b7 ".join(f"{c.label}: {n}" for c, n in counts.items()))

    def _search_now(self) -> None:
        self.apply_filter()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def clear_filters(self) -> None:
        widgets = (self.search, self.info_class, self.include_retired)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.info_class.setCurrentIndex(0)
        self.include_retired.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    # ------------------------------------------------------------------ table
    def _activated(self, index: QModelIndex) -> None:
        entry_id = self.model.entry_id(index.row())
        if entry_id is not None:
            self.openEntry.emit(entry_id)

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    def select_entry(self, entry_id: int) -> None:
        """Make the row of ``entry_id`` the current one (after coming back from its detail)."""
        row = self.model.row_of(lambda r: r.id == entry_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    # ------------------------------------------------------------------ Excel
    def start_import(self) -> ImportDialog | None:
        """Impor dari Excel: choose the file, then the dialog checks it and asks before importing."""
        path = ask_import_path(self)
        if not path:
            return None
        self.import_dialog = ImportDialog(path, self._actor(), self)
        self.import_dialog.imported.connect(self._imported)
        self.import_dialog.open()
        self.import_dialog.start()
        return self.import_dialog

    def _imported(self, count: int) -> None:
        self.refresh()
        self.entriesImported.emit(count)

    def start_export(self) -> ExportRun | None:
        """Ekspor ke Excel: choose where, then the book is written off the UI thread."""
        path = ask_export_path(self)
        if not path:
            return None
        self.export_button.setEnabled(False)
        self._say(self.tr("Menulis DIP ke {0}\u2026").format(path))
        self.export_run = ExportRun(path, self)
        self.export_run.ended.connect(self._exported)
        self.export_run.start()
        return self.export_run

    def _exported(self, ok: bool, text: str) -> None:
        self.export_button.setEnabled(True)
        self._say(text, ok)

    def _say(self, text: str, ok: bool = True) -> None:
        self.status_line.setText(text)
        restyle(self.status_line, "hint" if ok else "fieldError")
        self.status_line.show()
