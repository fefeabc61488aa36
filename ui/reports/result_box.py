"""The right-hand box of the Laporan page: what a report holds, its progress while it is
made (with Batal), then its main figures and "Buka berkas" / "Buka folder", or why it
was not made."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..widgets.field_errors import error_label
from .recent_list import open_location

CONTENTS = ("Isi laporan (buku Excel): <b>Ringkasan</b> (angka dan rinciannya per saluran, jenis pemohon, "
            "alasan pengecualian dan unit), <b>Waktu Penyelesaian</b>, <b>Grafik</b>, serta <b>Register "
            "Permohonan</b> dan <b>Register Keberatan</b> periode itu. Laporan tahunan menambah lembar "
            "<b>Laporan Tahunan</b> menurut Perki 1/2021.<br><br>Angka dihitung menurut keadaan pada akhir "
            "periode.")


def figure_text(value) -> str:
    """A figure as the Ringkasan shows it: ``-`` when none, one decimal with a comma."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return f"{value:,}".replace(",", ".")


class ResultBox(QGroupBox):
    def __init__(self, opener: Callable[[QUrl], bool], parent: QWidget | None = None):
        super().__init__(self.tr("Hasil"), parent)
        self._opener = opener
        self.path: Path | None = None
        self.figures: dict[str, object] = {}

        self.about = QLabel(self.tr(CONTENTS))
        self.about.setObjectName("hint")
        self.about.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Bat&al"))
        self.cancel_button.setToolTip(self.tr("Hentikan pembuatan laporan; tidak ada berkas yang ditulis"))
        self.cancel_button.setAutoDefault(True)
        working = QHBoxLayout()
        working.addWidget(self.progress_bar, 1)
        working.addWidget(self.cancel_button)
        self.working = QWidget()
        self.working.setLayout(working)
        working.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = error_label()

        self.done_title = QLabel()
        self.done_title.setObjectName("sectionTitle")
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures_label = QLabel()
        self.figures_label.setTextFormat(Qt.TextFormat.RichText)
        self.figures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Buka ber&kas"))
        self.open_button.setObjectName("primary")
        self.open_button.setAutoDefault(True)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("Buka &folder"))
        self.folder_button.setAutoDefault(True)
        self.folder_button.clicked.connect(self.open_folder)
        self.open_error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        self.done = QWidget()
        done = QVBoxLayout(self.done)
        done.setContentsMargins(0, 0, 0, 0)
        for widget in (self.done_title, self.file_label, self.figures_label):
            done.addWidget(widget)
        done.addLayout(buttons)
        done.addWidget(self.open_error)

        layout = QVBoxLayout(self)
        for widget in (self.about, self.working, self.status, self.error, self.done):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_idle()

    # ------------------------------------------------------------------ states
    def _only(self, *shown: QWidget) -> None:
        for widget in (self.about, self.working, self.status, self.error, self.done):
            widget.setVisible(widget in shown)

    def show_idle(self) -> None:
        self._only(self.about)

    def show_working(self) -> None:
        self.progress_bar.setValue(0)
        self.status.setText(self.tr("Menyiapkan\u2026"))
        self.cancel_button.setEnabled(True)
        self._only(self.working, self.status)

    def show_progress(self, percent: int, text: str) -> None:
        self.progress_bar.setValue(percent)
        if not self.cancel_button.isEnabled():
            return  # "Membatalkan…" stays until the work stops
        self.status.setText(text)

    def show_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Membatalkan\u2026"))

    def show_cancelled(self) -> None:
        self.status.setText(self.tr("Pembuatan laporan dibatalkan; tidak ada berkas yang ditulis."))
        self._only(self.status, self.about)

    def show_failed(self, message: str) -> None:
        self.error.setText(self.tr("Laporan tidak dibuat. {0}").format(message))
        self._only(self.error, self.about)

    def show_done(self, path: Path, title: str, figures: Mapping[str, object]) -> None:
        self.path, self.figures = path, dict(figures)
        self.done_title.setText(title)
        self.file_label.setText(self.tr("Tersimpan di {0}").format(path))
        rows = "".join(f"<tr><td>{escape(label)}</td><td align='right' style='padding-left:16px'>"
                       f"<b>{escape(figure_text(value))}</b></td></tr>" for label, value in self.figures.items())
        self.figures_label.setText(f"<table cellspacing='0' cellpadding='2'>{rows}</table>")
        self.open_error.hide()
        self._only(self.done)

    # ------------------------------------------------------------------ opening
    def open_file(self) -> bool:
        if self.path is None:
            return False
        if not self.path.is_file():
            return self._tell(self.tr("Berkas {0} tidak ditemukan lagi.").format(self.path))
        if not open_location(self._opener, self.path):
            return self._tell(self.tr("Tidak ada aplikasi untuk membuka {0}.").format(self.path.name))
        return True

    def open_folder(self) -> bool:
        if self.path is None:
            return False
        if not open_location(self._opener, self.path.parent):
            return self._tell(self.tr("Folder {0} tidak dapat dibuka.").format(self.path.parent))
        return True

    def _tell(self, message: str) -> bool:
        self.open_error.setText(message)
        self.open_error.show()
        return False
