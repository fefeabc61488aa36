"""The DIP from and to Excel, off the UI thread.

Impor dari Excel: the file is checked first (:func:`ppid_desk.dip.importer.check_file`,
nothing written); the dialog then lists the problems ("baris N, kolom X: alasan"; nothing
can be imported) or says how many entries would be imported, by class, and asks; only
"Impor" writes, all or nothing (:func:`ppid_desk.dip.importer.apply`). Ekspor ke Excel
writes the active entries in the Perki columns (``reports/dip_xlsx.py``), on the letter
paper of the settings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QLayout, QPlainTextEdit, QProgressBar, QVBoxLayout, QWidget,
)

from ppid_desk.office import load_office

from ..session import current_actor
from ..widgets.background import Task

if TYPE_CHECKING:  # the importer (and the Excel reader behind it) loads when a file is imported
    from ppid_desk.dip.importer import DipImportPlan, DipImportResult

PROBLEMS_SHOWN = 500  # a whole wrong file would list thousands; the first ones say enough


def documents_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def ask_import_path(parent: QWidget) -> str:
    """The DIP file to import ("" when the officer cancels)."""
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Impor DIP dari Excel"), str(documents_folder()),
                                          parent.tr("DIP kantor (*.xlsx *.xlsm *.csv);;Semua berkas (*)"))
    return path


def ask_export_path(parent: QWidget, today: date | None = None) -> str:
    """Where the DIP goes ("" when the officer cancels); ``.xlsx`` added when left out."""
    today = today or date.today()
    suggested = documents_folder() / f"DIP-{today.isoformat()}.xlsx"
    path, _ = QFileDialog.getSaveFileName(parent, parent.tr("Ekspor DIP ke Excel"), str(suggested),
                                          parent.tr("Buku kerja Excel (*.xlsx)"))
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def restyle(label: QLabel, name: str) -> None:
    """Give ``label`` another style sheet name (``fieldError`` is red) and show it at once."""
    label.setObjectName(name)
    label.style().unpolish(label)
    label.style().polish(label)


class ImportDialog(QDialog):
    """Checks a DIP file, shows what it found, imports it on "Impor"."""

    imported = Signal(int)

    def __init__(self, path: str | Path, actor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path, self.actor = Path(path), actor
        self.plan: DipImportPlan | None = None
        self.result: DipImportResult | None = None
        self.task: Task | None = None
        self._writing = False
        self.setWindowTitle(self.tr("Impor DIP dari Excel"))
        self.file_label = QLabel(self.tr("Berkas: <b>{0}</b>").format(self.path.name))
        self.file_label.setToolTip(str(self.path))
        self.message = QLabel(self.tr("Memeriksa berkas\u2026"))
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(520)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: the check reports no steps
        self.busy.setTextVisible(False)
        self.details = QPlainTextEdit()
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setMinimumSize(620, 220)
        self.details.hide()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("&Impor"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.hide()
        self.close_button = self.buttons.addButton(self.tr("&Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.confirm)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with what it has to say
        layout.addWidget(self.file_label)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ checking
    def start(self) -> None:
        from ppid_desk.dip.importer import check_file  # here, not at start-up

        path = self.path
        self._run(Task(lambda _progress: check_file(path), parent=self), self._checked)

    def _run(self, task: Task, finished) -> None:
        self.task = task
        self.busy.show()
        task.finished.connect(finished)
        task.failed.connect(self._failed)
        task.done.connect(self.busy.hide)
        task.start()

    def _failed(self, message: str) -> None:
        """The file as a whole cannot be used (unreadable, no header), or writing failed."""
        self._writing = False
        self._say(self.tr("<b>Impor tidak dapat dilakukan.</b> {0}").format(message))
        restyle(self.message, "fieldError")
        self.import_button.hide()
        self.close_button.setText(self.tr("&Tutup"))
        self.close_button.setEnabled(True)

    def _checked(self, plan: DipImportPlan) -> None:
        self.plan = plan
        self.close_button.setText(self.tr("&Tutup"))
        if plan.problems:
            self._say(self.tr(
                "<b>Impor tidak dapat dilakukan: {0} baris bermasalah.</b> Tidak ada yang diimpor. Perbaiki "
                "baris berikut di berkas Excel, lalu impor lagi.").format(plan.bad_rows))
            restyle(self.message, "fieldError")
            lines = plan.lines(plan.problems)
            shown = lines[:PROBLEMS_SHOWN]
            if len(lines) > len(shown):
                shown.append(self.tr("\u2026 dan {0} masalah lain").format(len(lines) - len(shown)))
            self._details(shown + [self.tr("peringatan: {0}").format(w) for w in plan.lines(plan.warnings)])
            return
        parts = [self.tr("<b>{0} entri akan diimpor</b> dari {1} baris yang dibaca.").format(
            len(plan.rows), sum(s.rows_read for s in plan.sheets))]
        by_class = plan.by_class()
        if by_class:
            parts.append(self.tr("Per kelas: {0}.").format(", ".join(f"{c.label} {n}" for c, n in by_class.items())))
        if plan.already_in_dip:
            parts.append(self.tr("{0} baris sudah ada di DIP dan dilewati.").format(plan.already_in_dip))
        if plan.unmatched_holders:
            parts.append(self.tr("{0} pemegang informasi tidak cocok dengan unit mana pun dan disimpan seperti "
                                 "tertulis.").format(len(plan.unmatched_holders)))
        self._details([self.tr("tidak cocok dengan unit, disimpan seperti tertulis: {0}").format(h)
                       for h in sorted(plan.unmatched_holders)]
                      + [self.tr("peringatan: {0}").format(w) for w in plan.lines(plan.warnings)])
        if plan.rows:
            self.import_button.setText(self.tr("&Impor {0} entri").format(len(plan.rows)))
            self.import_button.show()
            self.import_button.setDefault(True)
            self.import_button.setFocus()
            self.close_button.setText(self.tr("&Batal"))
        else:
            parts.append(self.tr("Tidak ada entri baru untuk diimpor."))
        self._say("<br>".join(parts))

    def _details(self, lines: list[str]) -> None:
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        QTimer.singleShot(0, self, self._fit)  # not after the dialog is gone

    def _fit(self) -> None:
        """The wrapped message as tall as its lines (a dialog does not count a wrapped label's
        height in its minimum), then the dialog sized to its contents."""
        self.message.setMinimumHeight(self.message.heightForWidth(self.message.width()))
        self.adjustSize()

    # ------------------------------------------------------------------ importing
    def confirm(self) -> None:
        """Impor: write the checked plan (all or nothing)."""
        from ppid_desk.dip.importer import apply

        plan, actor = self.plan, self.actor
        if plan is None or not plan.ok or not plan.rows:
            return
        self._writing = True
        self.import_button.setEnabled(False)
        self.close_button.setEnabled(False)  # the import finishes or fails; it is not left half done
        self._say(self.tr("Mengimpor {0} entri\u2026").format(len(plan.rows)))
        self._run(Task(lambda _progress: apply(plan, actor), parent=self), self._done)

    def _done(self, result: DipImportResult) -> None:
        self._writing = False
        self.result = result
        self.import_button.hide()
        self.close_button.setText(self.tr("&Tutup"))
        self.close_button.setEnabled(True)
        self.close_button.setFocus()
        self._say(self.tr("<b>{0} entri DIP diimpor</b> dari {1}.").format(result.imported, result.file))
        restyle(self.message, "")
        self.imported.emit(result.imported)

    def reject(self) -> None:
        if self._writing:
            return  # the import runs in one transaction: wait for it
        super().reject()


class ExportRun(QObject):
    """Writes the DIP to ``path`` off the UI thread; ``ended(ok, text)`` says how it went."""

    ended = Signal(bool, str)

    def __init__(self, path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.task: Task | None = None

    def start(self) -> None:
        from ppid_desk.reports.dip_xlsx import export_dip  # openpyxl loads only when exporting

        path, paper, actor = self.path, load_office().paper, current_actor()
        self.task = Task(lambda _progress: export_dip(path, paper=paper, actor=actor), parent=self)
        self.task.finished.connect(lambda count: self.ended.emit(True, self.tr(
            "{0} entri DIP ditulis ke {1}.").format(count, path)))
        self.task.failed.connect(lambda message: self.ended.emit(False, message))
        self.task.start()
