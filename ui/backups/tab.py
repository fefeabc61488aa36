"""Pengaturan → Cadangan: the backups there are, "Buat cadangan sekarang", "Pulihkan…",
how many to keep and the mirror folder.

A restore is prepared here off the UI thread (the chosen file copied next to the register
and checked, the register backed up first: ``ppid_desk.backup.prepare_restore``); the
swap itself needs the register closed, so the tab hands the prepared restore on with
``restoreReady`` and the app (``ppid_desk.ui.startup``) closes the window, swaps the
files and opens the restored register.

A register on a PostgreSQL server: the list holds this desk's backups of it (``.pgdump``
or logical exports, and SQLite files: restoring one moves a single desk's register onto
the server); the restore is prepared here the same way (the file checked, other desks
refused, the server register backed up first) and finished by the app after the window
closed, in one transaction on the server.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QProgressDialog, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from ppid_desk.backup import SQLITE, BackupInfo, BackupResult, list_backups, make_backup, prepare_restore
from ppid_desk.backup.server import backend_pid
from ppid_desk.errors import PpidError, ValidationError
from ppid_desk.office import MAX_BACKUP_KEEP, MIN_BACKUP_KEEP, load_office, save_office
from ppid_desk.paths import backup_dir
from ppid_desk.register.attachments import size_text
from ppid_desk.store import Store

from ..session import current_actor
from ..widgets.background import Task
from ..widgets.confirm import confirm_destructive
from ..widgets.field_errors import error_label
from ..widgets.list_model import ListTableModel
from .auto import BackupStatus, result_text

FAILED_COLOUR = "#b00020"


def backup_words(info: BackupInfo) -> str:
    """``23-11-2026 14.05 (saat mulai, 12,3 MB)``."""
    return f"{info.made:%d-%m-%Y %H.%M} ({info.reason_label}, {size_text(info.size)})"


class BackupTableModel(ListTableModel[BackupInfo]):
    MADE, REASON, SIZE, SCHEMA, STATE = range(5)

    def __init__(self, parent=None):
        super().__init__((self.tr("Dibuat"), self.tr("Jenis"), self.tr("Ukuran"), self.tr("Skema"),
                          self.tr("Keadaan")), parent)

    def display(self, info: BackupInfo, column: int) -> str:
        if column == self.MADE:
            return f"{info.made:%d-%m-%Y %H.%M.%S}"
        if column == self.REASON:
            if info.kind != SQLITE:
                return self.tr("{0} ({1})").format(self.tr(info.reason_label), info.kind_label)
            return self.tr(info.reason_label)
        if column == self.SIZE:
            return size_text(info.size)
        if column == self.SCHEMA:
            return "" if info.schema_version is None else str(info.schema_version)
        return self.tr("Baik") if info.sound else self.tr("Rusak: {0}").format(info.problem)

    def role_data(self, info: BackupInfo, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.ForegroundRole and not info.sound:
            from PySide6.QtGui import QColor

            return QColor(FAILED_COLOUR)
        return None


class BackupTab(QWidget):
    """Emits ``backupFinished(BackupResult)`` / ``backupFailed(str)`` after "Buat cadangan
    sekarang" and ``restoreReady(PreparedRestore)`` once a restore is prepared."""

    backupFinished = Signal(object)
    backupFailed = Signal(str)
    restoreReady = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        folder = backup_dir(store.data_dir)
        if store.is_postgres:
            intro = QLabel(self.tr(
                "Register ada di server PostgreSQL <b>{0}</b>. Setiap meja membuat satu cadangan harian register "
                "server di foldernya sendiri, <b>{1}</b> (dengan pg_dump bila terpasang, selain itu ekspor logis "
                "PPID Desk). Pengelola server sebaiknya juga mencadangkan basis data di server (pg_dump). Memulihkan "
                "berkas .sqlite3 memindahkan register satu meja ke server; saat memulihkan, PPID Desk di meja lain "
                "harus ditutup.").format(store.address.host, str(folder)))
        else:
            intro = QLabel(self.tr(
                "PPID Desk membuat cadangan register secara otomatis saat dibuka, sekali sehari, dan saat "
                "ditutup, di folder <b>{0}</b>. Lampiran tidak masuk berkas cadangan (berkasnya tidak pernah "
                "diubah); lampiran ikut disalin ke folder cermin.").format(str(folder)))
        intro.setWordWrap(True)
        intro.setObjectName("hint")

        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(BackupTableModel.STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupTableModel.STATE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.backup_button = QPushButton(self.tr("&Buat cadangan sekarang"))
        self.backup_button.setObjectName("primary")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("&Pulihkan\u2026"))
        self.restore_button.setToolTip(self.tr("Ganti register dengan cadangan yang dipilih"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Pulihkan dari &berkas lain\u2026"))
        self.restore_file_button.setToolTip(self.tr("Mis. cadangan di flashdisk"))
        self.restore_file_button.clicked.connect(self.restore_other_file)
        self.open_button = QPushButton(self.tr("Buka &folder"))
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        self.status = BackupStatus()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.restore_file_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._settings_group())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def _settings_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Pengaturan cadangan"))
        self.keep = QSpinBox()
        self.keep.setRange(MIN_BACKUP_KEEP, MAX_BACKUP_KEEP)
        self.keep.setSuffix(self.tr(" cadangan terbaru"))
        self.keep.setMaximumWidth(240)
        self.mirror = QLineEdit()
        self.mirror.setPlaceholderText(self.tr("kosong: tanpa folder cermin"))
        self.mirror.setObjectName("backup_mirror_dir")
        choose = QPushButton(self.tr("P&ilih\u2026"))
        choose.clicked.connect(self.choose_mirror)
        self.save_button = QPushButton(self.tr("&Simpan pengaturan cadangan"))
        self.save_button.clicked.connect(self.save_settings)
        self.settings_error = error_label()
        mirror_row = QHBoxLayout()
        mirror_row.addWidget(self.mirror, 1)
        mirror_row.addWidget(choose)
        form = QFormLayout(group)
        form.addRow(self.tr("Simpan"), self.keep)
        form.addRow(self.tr("Folder cermin (flashdisk/jaringan)"), mirror_row)
        note = QLabel(self.tr("Setiap cadangan juga disalin ke folder cermin, bersama lampiran yang belum ada di "
                              "sana. Jika folder itu tidak tersedia, cadangan tetap dibuat dan kegagalannya "
                              "ditampilkan."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        form.addRow("", note)
        form.addRow("", self.settings_error)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow("", save_row)
        return group

    # --- the list -----------------------------------------------------------------------

    def reload(self) -> None:
        self.model.set_rows(list_backups(self.store))
        office = load_office()
        self.keep.setValue(office.backup_keep)
        self.mirror.setText(office.backup_mirror_dir)
        self.settings_error.hide()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        busy = self.task is not None
        info = self.selected()
        self.backup_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and info is not None and self.can_restore(info))
        self.restore_file_button.setEnabled(not busy)

    # --- backup now ---------------------------------------------------------------------

    def backup_now(self) -> None:
        if self.task is not None:
            return
        store, actor = self.store, current_actor()
        self.status.show_state(self.tr("Membuat cadangan\u2026"), "busy")
        self._start(Task(lambda _progress: make_backup(store, "manual", actor=actor), parent=self),
                    self._backup_made, self._backup_failed)

    def _backup_made(self, result: BackupResult) -> None:
        self.status.show_state(result_text(result), "failed" if result.mirror_problem else "ok",
                               str(result.path))
        self.reload()
        self.backupFinished.emit(result)

    def _backup_failed(self, message: str) -> None:
        self.status.show_state(self.tr("Cadangan gagal: {0}").format(message), "failed", message)
        self.backupFailed.emit(message)

    def _start(self, task: Task, on_finished, on_failed) -> None:
        task.finished.connect(on_finished)
        task.failed.connect(on_failed)
        task.done.connect(self._ended)
        self.task = task
        self._update_buttons()
        task.start()

    def _ended(self) -> None:
        task, self.task = self.task, None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if task is not None:
            task.deleteLater()
        self._update_buttons()

    # --- restore ------------------------------------------------------------------------

    def can_restore(self, info: BackupInfo) -> bool:
        """Sound, and of a kind this register takes (a server's backups go to a server only)."""
        return info.sound and (self.store.is_postgres or info.kind == SQLITE)

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not self.can_restore(info):
            return
        self.restore_file(info.path, self.tr("dari {0}").format(backup_words(info)))

    def restore_other_file(self) -> None:
        if self.store.is_postgres:
            kinds = self.tr("Cadangan PPID Desk (*.pgdump *.ppidjson.gz *.sqlite3);;Semua berkas (*)")
        else:
            kinds = self.tr("Cadangan PPID Desk (*.sqlite3);;Semua berkas (*)")
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas cadangan"), str(Path.home()), kinds)
        if name:
            self.restore_file(Path(name), self.tr("dari berkas {0}").format(name))

    def confirmation_text(self, words: str) -> str:
        if self.store.is_postgres:
            return self.tr(
                "Register di server {0} akan diganti dengan cadangan {1}.\n\n"
                "Tutup dulu PPID Desk di semua meja lain: pemulihan ditolak selama meja lain masih terhubung.\n\n"
                "Sebelum itu register di server disimpan sebagai cadangan \"sebelum pemulihan\" di folder meja "
                "ini, jadi tidak ada yang hilang. Cadangan diperiksa dulu; jika rusak, register tidak diubah. "
                "Pemulihan berjalan dalam satu transaksi di server: selesai seluruhnya atau tidak sama sekali. "
                "Setelah itu PPID Desk membuka register hasil pemulihan. Lampiran tidak berubah.").format(
                    self.store.address.host, words)
        return self.tr(
            "Register sekarang akan diganti dengan cadangan {0}.\n\n"
            "Sebelum itu register sekarang disimpan sebagai cadangan \"sebelum pemulihan\", jadi tidak ada yang "
            "hilang: catatan yang dibuat sesudah cadangan yang dipulihkan tidak tampil lagi, tetapi tetap ada di "
            "cadangan \"sebelum pemulihan\".\n\n"
            "Cadangan diperiksa dulu; jika rusak, register tidak diubah. Setelah itu PPID Desk membuka register "
            "hasil pemulihan. Lampiran tidak berubah.").format(words)

    def restore_file(self, path: Path, words: str) -> None:
        if self.task is not None:
            return
        if not confirm_destructive(self, self.tr("Pulihkan register"), self.confirmation_text(words),
                                   self.tr("Pulihkan")):
            return
        store, actor = self.store, current_actor()
        # This window's own connection to a server is not "another desk" (the worker has its own).
        ignore = (pid,) if store.is_postgres and (pid := backend_pid(store.db)) is not None else ()
        self.progress = QProgressDialog(self.tr("Memeriksa cadangan dan mencadangkan register sekarang\u2026"),
                                        "", 0, 0, self)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.status.show_state(self.tr("Menyiapkan pemulihan\u2026"), "busy")
        self._start(Task(lambda _progress: prepare_restore(store, path, actor=actor, ignore=ignore), parent=self),
                    self._restore_prepared, self._restore_failed)

    def _restore_prepared(self, prepared) -> None:
        self.status.show_state(self.tr("Cadangan baik; register sekarang disimpan di {0}").format(
            str(prepared.saved_current)), "ok")
        self.restoreReady.emit(prepared)

    def _restore_failed(self, message: str) -> None:
        self.status.show_state(self.tr("Pemulihan dibatalkan: {0}").format(message), "failed", message)
        QMessageBox.warning(self, self.tr("Pemulihan dibatalkan"), message)
        self.reload()

    # --- settings -----------------------------------------------------------------------

    def choose_mirror(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder cermin cadangan"),
                                                self.mirror.text() or str(Path.home()))
        if name:
            self.mirror.setText(name)

    def save_settings(self) -> bool:
        mirror = self.mirror.text().strip()
        if mirror and not Path(mirror).is_dir():
            return self._settings_problem(self.tr("Folder {0} tidak ada. Pasang flashdisknya atau pilih folder "
                                                  "lain.").format(mirror))
        try:
            save_office(load_office().with_changes(backup_keep=self.keep.value(), backup_mirror_dir=mirror),
                        require_identity=False, actor=current_actor())
        except ValidationError as exc:
            return self._settings_problem(exc.message)
        except PpidError as exc:
            return self._settings_problem(exc.message)
        self.settings_error.hide()
        self.status.show_state(self.tr("Pengaturan cadangan disimpan."), "ok")
        return True

    def _settings_problem(self, message: str) -> bool:
        self.settings_error.setText(message)
        self.settings_error.show()
        return False
