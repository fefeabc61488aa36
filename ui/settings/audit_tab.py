"""Pengaturan → Jejak audit (``view_audit``): the newest entries of the audit log, and a
check of the whole chain (``ppid_desk.audit.verify``) run off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from ppid_desk import audit
from ppid_desk.dates import clock, short_date
from ppid_desk.store.models import AuditEntry

from ..widgets.background import Task
from ..widgets.list_model import ListTableModel

LATEST = 500
BROKEN_COLOUR = "#b00020"
OK_COLOUR = "#1e5b2c"


class AuditModel(ListTableModel[AuditEntry]):
    WHEN, WHO, ACTION, SUMMARY = range(4)

    def __init__(self, parent=None):
        super().__init__((self.tr("Waktu"), self.tr("Petugas"), self.tr("Tindakan"), self.tr("Ringkasan")), parent)

    def display(self, entry: AuditEntry, column: int) -> str:
        if column == self.WHEN:
            return f"{short_date(entry.at.date())} {clock(entry.at)}"
        if column == self.WHO:
            return entry.actor_name + (f" ({entry.actor_username})" if entry.actor_username else "")
        return entry.action if column == self.ACTION else entry.summary

    def role_data(self, entry: AuditEntry, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Entri #{0} \u00b7 {1}").format(entry.id, entry.summary)
        if role == Qt.ItemDataRole.ForegroundRole and entry.action == "login_failed":
            return QColor(BROKEN_COLOUR)
        return None


class AuditTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.task: Task | None = None
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditLog")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        for column in (AuditModel.WHEN, AuditModel.WHO, AuditModel.ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditModel.SUMMARY, QHeaderView.ResizeMode.Stretch)
        intro = QLabel(self.tr("Setiap perubahan dicatat dengan nama petugasnya. Entri saling terkait (masing-masing "
                               "memuat sidik entri sebelumnya), sehingga entri yang dihapus atau diubah di luar "
                               "aplikasi ketahuan saat keutuhannya diperiksa. Ditampilkan {0} entri terbaru.")
                       .format(LATEST))
        intro.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Muat ulang"))
        self.refresh_button.clicked.connect(self.reload)
        self.verify_button = QPushButton(self.tr("&Periksa keutuhan"))
        self.verify_button.setObjectName("verifyAudit")
        self.verify_button.clicked.connect(self.verify)
        self.result = QLabel()
        self.result.setObjectName("auditResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._loaded = False

    def reload(self) -> None:
        self.model.set_rows(AuditEntry.select().order_by(AuditEntry.id.desc()).limit(LATEST))
        self._loaded = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()  # the log grows with every step: read it whenever the tab is shown

    def verify(self) -> Task:
        """Check the whole chain in the background; the result shows beside the button."""
        self.verify_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Memeriksa keutuhan jejak audit\u2026"))
        self.task = Task(lambda _progress: audit.verify(), parent=self)
        self.task.finished.connect(self._verified)
        self.task.failed.connect(self._failed)
        self.task.done.connect(lambda: self.verify_button.setEnabled(True))
        self.task.start()
        return self.task

    def _verified(self, result: audit.VerifyResult) -> None:
        if result.ok:
            text = self.tr("Utuh: {0} entri diperiksa, tidak ada yang dihapus atau diubah.").format(result.checked)
        else:
            where = self.tr("entri #{0}").format(result.broken_id) if result.broken_id is not None \
                else self.tr("akhir log")
            text = self.tr("RUSAK pada {0}: {1} ({2} entri sebelumnya utuh).").format(where, result.reason,
                                                                                     result.checked)
        self.result.setStyleSheet(f"color: {OK_COLOUR if result.ok else BROKEN_COLOUR}; font-weight: 600;")
        self.result.setText(text)

    def _failed(self, message: str) -> None:
        self.result.setStyleSheet(f"color: {BROKEN_COLOUR};")
        self.result.setText(message)
