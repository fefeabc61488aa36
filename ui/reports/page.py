"""Laporan: the periodic reports (daily, 7-day, 30-day, annual or a chosen period) as an
Excel book, made off the UI thread (``reports/periodic.py``'s ``build_report``, imported only
when a report is made: it brings openpyxl, which the page itself does not need).

The officer picks the kind and the end date (both dates for "Periode pilihan"), sees the
period in words, and the file it goes to: by default ``Laporan-<Jenis>-<dates>.xlsx`` in
the folder of the last report made on this PC, else ``Documents/Laporan PPID`` (the
data folder is hidden in the user profile; a report is a document people mail and
print). "Buat laporan" (Ctrl+Enter) shows the progress with Batal; the book is written
to a temporary file and renamed at the end, so a failure or Batal leaves nothing
behind. For the annual report the office's texts are edited here and stored first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QStandardPaths, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from ppid_desk.errors import ValidationError
from ppid_desk.reports.periods import KIND_WORDS, KINDS, Period, ReportCancelled, ReportSummary, period_text
from ppid_desk.reports.recent import recent, remember
from ppid_desk.store import Store

from ..session import current_actor
from ..widgets.background import Task
from ..widgets.field_errors import error_label
from ..widgets.scroll_page import scroll_page
from .annual_texts import AnnualTextsBox
from .recent_list import RecentBox
from .result_box import ResultBox

log = logging.getLogger(__name__)

DEFAULT_KIND = "monthly"
FOLDER_NAME = "Laporan PPID"
FILE_WORDS = {"daily": "Harian", "weekly": "Mingguan", "monthly": "Bulanan", "annual": "Tahunan",
              "custom": "Periode"}
DATE_FORMAT = "dd-MM-yyyy"
QUIT_WAIT_MS = 30_000


def default_file_name(period: Period) -> str:
    """``Laporan-Bulanan-2026-10-25-sd-2026-11-23.xlsx``; one day alone; ``Laporan-Tahunan-2026.xlsx``."""
    word = FILE_WORDS.get(period.kind, "Periode")
    if period.kind == "annual":
        return f"Laporan-{word}-{period.first.year}.xlsx"
    if period.first == period.last:
        return f"Laporan-{word}-{period.first.isoformat()}.xlsx"
    return f"Laporan-{word}-{period.first.isoformat()}-sd-{period.last.isoformat()}.xlsx"


def default_folder(data_dir: Path) -> Path:
    """The folder of the newest report made here (if it is still there), else the
    Documents folder's ``Laporan PPID``, else ``<data>/laporan``. Nothing is created here."""
    for report in recent(data_dir, limit=1):
        if report.path.parent.is_dir():
            return report.path.parent
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) / FOLDER_NAME if documents else data_dir / "laporan"


def ask_save_path(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, parent.tr("Simpan laporan"), suggested,
                                          parent.tr("Buku kerja Excel (*.xlsx)"))
    return path


def ask_overwrite(parent: QWidget, path: Path) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("Buat laporan"),
                      parent.tr("Berkas {0} sudah ada. Timpa dengan laporan baru?").format(path), parent=parent)
    yes = box.addButton(parent.tr("Timpa"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(parent.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


class ReportsPage(QWidget):
    reportMade = Signal(object)  # the ReportSummary of a report just written

    def __init__(self, store: Store, actor: Callable[[], str] = current_actor,
                 now: Callable[[], datetime] | None = None, folder: Path | None = None,
                 build: Callable[..., ReportSummary] | None = None,
                 opener: Callable[[QUrl], bool] = QDesktopServices.openUrl,
                 choose_path: Callable[[QWidget, str], str] = ask_save_path,
                 confirm_overwrite: Callable[[QWidget, Path], bool] = ask_overwrite,
                 pool: QThreadPool | None = None, parent: QWidget | None = None):
        """``build`` (default: ``reports.periodic.build_report``), ``opener``, ``choose_path``,
        ``confirm_overwrite`` and ``pool`` are the real ones unless a test replaces them;
        ``folder`` overrides :func:`default_folder`."""
        super().__init__(parent)
        self.data_dir = store.data_dir
        self._actor, self._now = actor, now or datetime.now
        self._build, self._choose_path, self._confirm_overwrite, self._pool = build, choose_path, confirm_overwrite, pool
        self._folder = folder or default_folder(self.data_dir)
        self._auto_name = ""  # the file name last proposed; replaced while the officer keeps it
        self._overwrite_ok: Path | None = None  # chosen in the save dialog, which asked already
        self.task: Task | None = None
        self.summary: ReportSummary | None = None

        title = QLabel(self.tr("Laporan"))
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("Laporan berkala layanan informasi publik sebagai buku Excel. "
                              "Enter: kolom berikutnya \u00b7 Ctrl+Enter: buat laporan"))
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        self.annual = AnnualTextsBox()
        self.result = ResultBox(opener)
        self.result.cancel_button.clicked.connect(self.cancel)
        self.recent = RecentBox(self.data_dir, opener)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self._form_group(), 3)
        top.addWidget(self.result, 2)
        body = QVBoxLayout()
        body.setSpacing(16)
        body.addLayout(top)
        body.addWidget(self.annual)
        body.addWidget(self.recent)
        body.addStretch(1)
        self.scroll = scroll_page(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.scroll, 1)

        self.build_action = QAction(self.tr("Buat laporan"), self)
        self.build_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.build_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.build_action.triggered.connect(self.build)
        self.addAction(self.build_action)

        self.kind.setCurrentIndex(self.kind.findData(DEFAULT_KIND))
        self._kind_changed()
        self._set_tab_order()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quitting)

    def _form_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Laporan baru"))
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(self.tr(KIND_WORDS[kind]), kind)
        today = self._now().date()
        self.start_date = QDateEdit(QDate(today.year, today.month, 1))
        self.end_date = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start_date, self.end_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setMinimumWidth(edit.sizeHint().width() + 16)
            edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            edit.dateChanged.connect(self._period_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.period_label = QLabel()
        self.period_label.setObjectName("explanation")
        self.period_label.setWordWrap(True)
        self.period_error = error_label()
        period_cell = QWidget()
        period_box = QVBoxLayout(period_cell)
        period_box.setContentsMargins(0, 0, 0, 0)
        period_box.addWidget(self.period_label)
        period_box.addWidget(self.period_error)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("reportFile")
        self.file_edit.returnPressed.connect(self.build)
        self.file_edit.textChanged.connect(self.file_edit.setToolTip)  # the whole path, when the field is too short
        self.choose_button = QPushButton(self.tr("&Pilih\u2026"))
        self.choose_button.setToolTip(self.tr("Pilih folder dan nama berkas laporan"))
        self.choose_button.setAutoDefault(True)
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        file_cell = QWidget()
        file_cell.setLayout(file_row)
        self.form_error = error_label()
        self.build_button = QPushButton(self.tr("Buat &laporan (Ctrl+Enter)"))
        self.build_button.setObjectName("primary")
        # app.qss gives the primary button no disabled look; while a report is made it must not look pressable.
        self.build_button.setStyleSheet("QPushButton#primary:disabled { background: #9fb3cc; border-color: #9fb3cc; }")
        self.build_button.setAutoDefault(True)
        self.build_button.clicked.connect(self.build)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.build_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.kind_caption = self._caption(self.tr("&Jenis laporan"), self.kind)
        self.start_caption = self._caption(self.tr("&Dari tanggal"), self.start_date)
        self.end_caption = self._caption(self.tr("&Sampai tanggal"), self.end_date)
        self.file_caption = self._caption(self.tr("Be&rkas"), self.file_edit)
        form.addRow(self.kind_caption, self.kind)
        form.addRow(self.start_caption, self.start_date)
        form.addRow(self.end_caption, self.end_date)
        form.addRow("", period_cell)
        form.addRow(self.file_caption, file_cell)
        self.form = form
        layout = QVBoxLayout(group)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for widget in (self.kind, self.start_date, self.end_date):
            widget.installEventFilter(self)
        return group

    def _set_tab_order(self) -> None:
        """Down the form, to the result, the annual texts (left to right), then the list."""
        chain = [self.kind, self.start_date, self.end_date, self.file_edit, self.choose_button, self.build_button,
                 self.result.cancel_button, self.result.open_button, self.result.folder_button,
                 self.annual.reset_all_button]
        for key, edit in self.annual.edits.items():
            chain += [edit, self.annual.reset_buttons[key]]
        chain += [self.recent.table, self.recent.open_button, self.recent.folder_button]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    @staticmethod
    def _caption(text: str, buddy: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        caption.setBuddy(buddy)
        caption.setMinimumWidth(caption.sizeHint().width() + 2)  # see FieldErrors.add_row
        return caption

    # ------------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the kind and the dates moves on to the next field."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if not (isinstance(watched, QComboBox) and watched.view().isVisible()):
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ the period
    def kind_key(self) -> str:
        return self.kind.currentData()

    def chosen_period(self) -> Period:
        """The period the form describes; ValidationError when its dates are the wrong way round."""
        end = self.end_date.date().toPython()
        if self.kind_key() == "custom":
            return Period.custom(self.start_date.date().toPython(), end)
        return Period.ending(self.kind_key(), end)

    def _kind_changed(self) -> None:
        kind = self.kind_key()
        self.form.setRowVisible(self.start_date, kind == "custom")
        captions = {"daily": self.tr("Ta&nggal"), "annual": self.tr("Ta&hun")}
        self.end_caption.setText(captions.get(kind, self.tr("&Sampai tanggal")))
        self.end_caption.setMinimumWidth(self.end_caption.sizeHint().width() + 2)
        self.end_date.setDisplayFormat("yyyy" if kind == "annual" else DATE_FORMAT)
        self.annual.setVisible(kind == "annual")
        self._period_changed()

    def _period_changed(self) -> None:
        self.form_error.hide()
        try:
            period = self.chosen_period()
        except ValidationError as exc:
            self.period_error.setText(exc.message)
            self.period_error.show()
            self.period_label.hide()
            self.build_button.setEnabled(False)
            return
        self.period_error.hide()
        self.period_label.show()
        self.build_button.setEnabled(self.task is None)
        words = period_text(period.first, period.last)
        if period.days > 1:
            words += self.tr(" ({0} hari)").format(period.days)
        if period.last >= self._now().date():
            words += self.tr(" \u2014 periode belum berakhir; angka dihitung sampai saat laporan dibuat.")
        self.period_label.setText(words)
        self._propose_file(period)
        if period.kind == "annual" and self.annual.year != period.first.year:
            self.annual.load(period.first.year)

    def _propose_file(self, period: Period) -> None:
        """Put the default name in the file field, unless the officer wrote a name of their own."""
        name = default_file_name(period)
        text = self.file_edit.text().strip()
        if not text:
            self.file_edit.setText(str(self._folder / name))
        elif Path(text).name == self._auto_name:
            self.file_edit.setText(str(Path(text).parent / name))
        else:
            return
        self._auto_name = name

    def choose_file(self) -> None:
        chosen = self._choose_path(self, self.file_edit.text().strip() or str(self._folder))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.file_edit.setText(str(path))
        self._folder = path.parent
        self._overwrite_ok = path
        self.file_edit.setFocus()

    def target_path(self) -> Path:
        """The file to write (``.xlsx`` added when missing); ValidationError when there is none."""
        text = self.file_edit.text().strip()
        if not text:
            raise ValidationError(self.tr("Tulis atau pilih berkas tujuan laporan."))
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        if path.is_dir():
            raise ValidationError(self.tr("{0} adalah folder; tulis juga nama berkasnya.").format(path))
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        return path

    # ------------------------------------------------------------------ making the report
    def building(self) -> bool:
        return self.task is not None

    def build(self) -> bool:
        """Start making the report; False when the form is not ready (said on the page)."""
        if self.task is not None:
            return False
        self.form_error.hide()
        try:
            period = self.chosen_period()
            path = self.target_path()
        except ValidationError as exc:
            return self._form_problem(exc.message)
        if path.exists() and path != self._overwrite_ok and not self._confirm_overwrite(self, path):
            return False
        if period.kind == "annual":
            try:
                self.annual.save(self._actor())
            except ValidationError as exc:
                return self._form_problem(exc.message)
        build = self._build
        if build is None:  # openpyxl loads with it, on this thread, the first time a report is made
            from ppid_desk.reports.periodic import build_report as build
        made_by, now = self._actor(), self._now()

        def work(progress: Callable[[int, str], bool]) -> ReportSummary:
            def told(percent: int, text: str) -> bool:
                going = progress(percent, text)
                return True if percent >= 100 else going  # at 100 the book is already saved
            return build(period, path, made_by, now=now, progress=told)

        self.task = Task(work, cancelled_by=(ReportCancelled,), parent=self)
        self.task.progress.connect(self.result.show_progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self.result.show_failed)
        self.task.cancelled.connect(self.result.show_cancelled)
        self.task.done.connect(self._ended)
        self._set_busy(True)
        self.task.start(self._pool)
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.result.show_cancelling()

    def _quitting(self) -> None:
        """The app is closing while a report is made: stop it and let the worker clean up
        (a book already being saved is finished), rather than be cut off mid-file."""
        if self.task is not None:
            self.task.cancel()
            (self._pool or QThreadPool.globalInstance()).waitForDone(QUIT_WAIT_MS)

    def _form_problem(self, message: str) -> bool:
        self.form_error.setText(message)
        self.form_error.show()
        self.file_edit.setFocus()
        return False

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.kind, self.start_date, self.end_date, self.file_edit, self.choose_button,
                       self.build_button, self.annual):
            widget.setEnabled(not busy)
        if busy:
            self.result.show_working()
            self.result.cancel_button.setFocus()

    def _finished(self, summary: ReportSummary) -> None:
        self.summary = summary
        period = summary.period
        title = self.tr("Laporan {0} selesai").format(self.tr(KIND_WORDS[period.kind]).lower())
        self.result.show_done(summary.path, title, summary.figures)
        self._overwrite_ok = None
        try:
            remember(self.data_dir, summary.path, period.kind, period.first, period.last, self._now())
        except OSError:
            log.warning("the recent reports list could not be written", exc_info=True)
        self.recent.reload()
        self.reportMade.emit(summary)

    def _ended(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.deleteLater()
        self._set_busy(False)
        self._period_changed()
        if not self.result.done.isHidden():
            self.result.open_button.setFocus()
        else:
            self.build_button.setFocus()

    # ------------------------------------------------------------------ refreshing
    def refresh(self) -> None:
        """The office settings changed, or the page is shown again: the list and the drafts follow."""
        self.recent.reload()
        if self.annual.year is not None:
            self.annual.load(self.annual.year)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.recent.reload()  # a file may have been moved or deleted meanwhile
