"""The dialog shown when the register is damaged at start-up: restore the newest good
backup (or a file the officer picks, e.g. on a USB stick), or quit. The damaged file is
never replaced by an empty register; it is kept among the backups when a restore
replaces it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from ppid_desk.backup import BackupInfo, RestoreResult, newest_sound, restore
from ppid_desk.errors import PpidError
from ppid_desk.paths import backup_dir, database_path

from ..widgets.field_errors import error_label
from .tab import backup_words


class DamagedDialog(QDialog):
    """Accepted once a backup was restored (``restored`` holds the outcome)."""

    def __init__(self, data_dir: Path, problem: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.restored: RestoreResult | None = None
        self.candidate: BackupInfo | None = newest_sound(self.data_dir)
        self.setWindowTitle(self.tr("Basis data rusak"))
        self.setMinimumWidth(560)
        text = QLabel(self.tr(
            "<b>Register PPID Desk tidak dapat dipakai.</b><br>Berkas {0} rusak: {1}<br><br>PPID Desk tidak "
            "membuka register kosong di atasnya, dan berkas yang rusak tidak diubah kecuali Anda memulihkan "
            "cadangan (berkas itu pun disimpan dulu di folder cadangan).").format(
                str(database_path(self.data_dir)), problem.replace("<", "&lt;")))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.offer = QLabel()
        self.offer.setWordWrap(True)
        self.error = error_label()
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Pulihkan cadangan ini"))
        self.restore_button.setObjectName("primary")
        self.other_button = QPushButton(self.tr("Pilih &berkas cadangan lain\u2026"))
        self.quit_button = QPushButton(self.tr("&Keluar"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_candidate)
        self.other_button.clicked.connect(self.restore_other)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.offer)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_candidate()

    def _show_candidate(self) -> None:
        if self.candidate is None:
            self.offer.setText(self.tr(
                "Tidak ada cadangan yang baik di {0}. Pilih berkas cadangan (mis. di flashdisk), atau keluar dan "
                "minta bantuan; jangan hapus berkas register.").format(str(backup_dir(self.data_dir))))
            self.restore_button.hide()
            self.other_button.setDefault(True)
        else:
            self.offer.setText(self.tr(
                "Cadangan baik yang terbaru: <b>{0}</b>. Catatan yang dibuat sesudah cadangan itu tidak ada di "
                "dalamnya.").format(backup_words(self.candidate)))
            self.restore_button.show()
            self.restore_button.setDefault(True)

    def restore_candidate(self) -> None:
        if self.candidate is not None:
            self.restore_file(self.candidate.path)

    def restore_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas cadangan"), str(backup_dir(self.data_dir)),
                                              self.tr("Cadangan PPID Desk (*.sqlite3);;Semua berkas (*)"))
        if name:
            self.restore_file(Path(name))

    def restore_file(self, path: Path) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.restored = restore(self.data_dir, path)
        except PpidError as exc:
            self.error.setText(exc.message)
            self.error.show()
            if self.candidate is not None and path == self.candidate.path:
                self.candidate = None  # refused: do not offer it again
                self._show_candidate()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
        return True
