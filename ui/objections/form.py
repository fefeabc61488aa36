"""Keberatan baru: the objection form, made for the keyboard as the intake form is.

Opened from a request's detail ("Ajukan keberatan") it comes filled from the register:
the objector is the request's requester, the information and the purpose are the
request's, and the grounds its record shows are ticked. Opened from the Keberatan page
it is a standalone objection (the office has no record of the request: ground c).

Enter moves to the next field (Ctrl+Enter in the long text boxes), Ctrl+S saves.
Problems are shown beside their fields when a field is left and on saving, and nothing
typed is lost. A filing later than 30 working days after the ground arose is warned
about above the form while typing; it never blocks the save (the Atasan PPID judges).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import long_date, short_date
from ppid_desk.errors import ValidationError
from ppid_desk.objections.codes import Ground
from ppid_desk.objections.grounds import FILING_DAYS
from ppid_desk.objections.service import ObjectionInput, filing_check, objection_from_request, objection_problems, \
    register_objection
from ppid_desk.register.codes import Decision as RequestDecision, Status as RequestStatus
from ppid_desk.register.service import get_request
from ppid_desk.workdays import load_calendar

from ..session import current_actor
from ..widgets.field_errors import FieldErrors, error_label
from ..widgets.received_time import received_time_edit, show_time
from ..widgets.scroll_page import scroll_page
from .grounds_box import GroundsBox
from .objector_group import REQUESTER_FIELDS, ObjectorGroup

# Every field in tab order; problems are focused in this order.
ORDER = ("kind", *REQUESTER_FIELDS, "proxy_name", "proxy_letter", "grounds", "received_at", "request_reference",
         "information", "purpose", "ground_arose_on", "case_summary")


class ObjectionForm(QWidget):
    objectionSaved = Signal(int)
    closeRequested = Signal()

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(parent)
        self._actor, self._now, self._calendar = actor, now or datetime.now, calendar
        self.request_id: int | None = None
        self._touched: set[str] = set()
        self._time_edited = False
        self._quiet = False
        self.errors = FieldErrors()

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        hint = QLabel(self.tr("Enter: kolom berikutnya \u00b7 Ctrl+Enter di kotak teks panjang \u00b7 Spasi: centang "
                              "alasan \u00b7 Ctrl+S: simpan \u00b7 Esc: kembali"))
        hint.setObjectName("hint")
        self.back_button = QPushButton(self.tr("\u2190 Kembali"))
        self.back_button.setToolTip(self.tr("Kembali tanpa menyimpan; isian tetap ada di sini sampai formulir "
                                            "dibuka untuk keberatan lain (Esc)"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.closeRequested)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.closeRequested)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.back_button)

        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.setObjectName("hint")
        self.filing = QLabel()  # in time, or the window (when known)
        self.filing.setWordWrap(True)
        self.filing.setObjectName("hint")
        self.late_warning = QLabel()  # filed late: visible, never blocking
        self.late_warning.setWordWrap(True)
        self.late_warning.setObjectName("warning")
        self.late_warning.hide()

        self.objector = ObjectorGroup(self.errors)
        self.objector.changed.connect(self._revalidate)
        self.grounds = GroundsBox()
        self.grounds.changed.connect(self._grounds_changed)
        grounds_group = QGroupBox(self.tr("Alasan keberatan (Pasal 35 ayat 1 UU 14/2008) *"))
        grounds_box = QVBoxLayout(grounds_group)
        grounds_box.addWidget(self.errors.wrap("grounds", self.grounds, focus=self.grounds.first_box()))
        left = QVBoxLayout()
        left.addWidget(self.objector)
        left.addWidget(grounds_group)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._objection_group())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = scroll_page(columns)

        self.general_error = error_label()
        self.save_button = QPushButton(self.tr("&Simpan keberatan (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.save_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.save_button.clicked.connect(self.save)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(self.general_error, 1)
        bar.addStretch(1)
        bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(head)
        layout.addWidget(hint)
        layout.addWidget(self.source)
        layout.addSpacing(4)
        layout.addWidget(self.filing)
        layout.addWidget(self.late_warning)
        layout.addSpacing(4)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        for widget in self._inputs():
            widget.installEventFilter(self)
        chain = [*self._inputs(), self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.start(None)

    def _objection_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Keberatan"))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.received_at = received_time_edit(self._time_changed)
        self.request_reference = QLineEdit()
        self.request_reference.setObjectName("request_reference")
        self.request_reference.setPlaceholderText(self.tr("nomor/tanggal menurut pemohon, bila ada"))
        self.request_reference.textEdited.connect(self._revalidate)
        self.information = QPlainTextEdit()
        self.purpose = QPlainTextEdit()
        self.case_summary = QPlainTextEdit()
        for name, box, height in (("information", self.information, 80), ("purpose", self.purpose, 56),
                                  ("case_summary", self.case_summary, 150)):
            box.setObjectName(name)
            box.setTabChangesFocus(True)
            box.setFixedHeight(height)
        self.case_summary.setPlaceholderText(self.tr("Kronologi singkat: kapan meminta, apa tanggapan yang diterima, "
                                                     "dan mengapa pemohon keberatan"))
        self.own_date = QCheckBox(self.tr("Tanggal lain"))
        self.own_date.setObjectName("own_date")
        self.own_date.setToolTip(self.tr("Isi bila alasan keberatan timbul pada tanggal yang tidak tercatat di "
                                         "register (mis. keberatan tanpa permohonan di register)"))
        self.arose_on = QDateEdit()
        self.arose_on.setObjectName("ground_arose_on")
        self.arose_on.setDisplayFormat("dd-MM-yyyy")
        self.arose_on.setCalendarPopup(True)
        self.arose_on.setEnabled(False)
        self.own_date.toggled.connect(self.arose_on.setEnabled)
        self.own_date.toggled.connect(self._update_filing)
        self.arose_on.dateChanged.connect(self._update_filing)
        arose = QWidget()
        arose_row = QHBoxLayout(arose)
        arose_row.setContentsMargins(0, 0, 0, 0)
        arose_row.addWidget(self.own_date)
        arose_row.addWidget(self.arose_on)
        arose_row.addStretch(1)
        self.errors.add_row(form, "received_at", self.tr("&Diterima"), self.received_at)
        self.errors.add_row(form, "request_reference", self.tr("&Permohonan"), self.request_reference)
        self.errors.add_row(form, "information", self.tr("&Informasi yang diminta *"), self.information)
        self.errors.add_row(form, "purpose", self.tr("Tujuan pengg&unaan *"), self.purpose)
        self.errors.add_row(form, "ground_arose_on", self.tr("Alasan &timbul"), arose, focus=self.own_date)
        self.errors.add_row(form, "case_summary", self.tr("Kasus p&osisi *"), self.case_summary)
        self.objection_form = form
        return group

    def _inputs(self) -> list[QWidget]:
        return [*self.objector.inputs(), *self.grounds.boxes.values(), self.received_at, self.request_reference,
                self.information, self.purpose, self.own_date, self.arose_on, self.case_summary]

    # ------------------------------------------------------------------ state
    def start(self, request_id: int | None) -> bool:
        """A fresh form: filled from request ``request_id``, or empty for a standalone objection."""
        self._quiet = True
        self.errors.clear()
        self.general_error.hide()
        self._touched.clear()
        self.request_id = None
        data = ObjectionInput()
        ok = True
        if request_id is not None:
            try:
                data = objection_from_request(request_id, self._now().date())
                self.request_id = request_id
            except ValidationError as exc:
                self.general_error.setText(exc.message)
                self.general_error.show()
                ok = False
        self._fill(data)
        self._quiet = False
        self._update_filing()
        first = self.grounds.first_box() if self.request_id is not None else self.objector.edits["nik"]
        first.setFocus()
        return ok

    def _fill(self, data: ObjectionInput) -> None:
        linked = self.request_id is not None
        if linked:
            row = get_request(self.request_id)
            self.title.setText(self.tr("Keberatan atas permohonan {0}").format(row.number))
            self.objector.show_linked(row.requester)
            status = RequestStatus(row.status).label.lower()
            decision = RequestDecision(row.decision).label.lower() if row.decision else ""
            self.source.setText(self.tr("Permohonan <b>{0}</b> diterima {1}; status {2}{3}. Identitas pemohon, "
                                        "informasi dan tujuan diambil dari register; alasan yang terlihat dari "
                                        "register sudah dicentang.").format(
                row.number, long_date(row.received_at.date()), status,
                self.tr(" ({0})").format(decision) if decision else ""))
        else:
            self.title.setText(self.tr("Keberatan baru (tanpa permohonan di register)"))
            self.objector.show_standalone()
            self.source.setText(self.tr("Untuk permohonan yang tidak tercatat di register kantor: biasanya alasan "
                                        "<b>c</b> (permintaan informasi tidak ditanggapi). Keberatan atas permohonan "
                                        "yang tercatat diajukan dari detail permohonannya."))
        self.objection_form.setRowVisible(self.request_reference.parentWidget(), not linked)
        if linked:
            self.grounds.set_grounds(data.grounds, self.tr("disarankan dari register permohonan"))
        else:  # the office has no record of the request: it was not answered, as far as the desk knows
            self.grounds.set_grounds([Ground.NOT_ANSWERED], self.tr("biasanya, bila permohonan tidak tercatat"))
        self.request_reference.clear()
        self.information.setPlainText(data.information)
        self.purpose.setPlainText(data.purpose)
        self.case_summary.clear()
        self.own_date.setChecked(False)
        today = self._now().date()
        self.arose_on.setDate(QDate(today.year, today.month, today.day))
        self._set_time_now()

    def is_dirty(self) -> bool:
        return bool(self.case_summary.toPlainText().strip() or self.objector.is_dirty()
                    or self.request_reference.text().strip())

    def _set_time_now(self) -> None:
        show_time(self.received_at, self._now())
        self._time_edited = False

    def _time_changed(self) -> None:
        self._time_edited = True
        self._update_filing()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._time_edited:
            self._set_time_now()
            self._update_filing()

    def _grounds_changed(self) -> None:
        self._touched.add("grounds")
        self._revalidate()
        self._update_filing()

    # ------------------------------------------------------------------ data
    def data(self) -> ObjectionInput:
        proxy_name, proxy_letter = self.objector.proxy()
        return ObjectionInput(
            request_id=self.request_id, grounds=self.grounds.grounds(), case_summary=self.case_summary.toPlainText(),
            purpose=self.purpose.toPlainText(), information=self.information.toPlainText(),
            request_reference="" if self.request_id is not None else self.request_reference.text(),
            requester_id=self.objector.requester_id, requester=self.objector.requester_input(),
            proxy_name=proxy_name, proxy_letter=proxy_letter,
            received_at=self.received_at.dateTime().toPython() if self._time_edited else None,
            ground_arose_on=self.arose_on.date().toPython() if self.own_date.isChecked() else None,
        )

    def problems(self) -> dict[str, str]:
        return {**objection_problems(self.data(), self._now()), **self.objector.problems()}

    def _revalidate(self) -> None:
        if not self._quiet:
            self.errors.show_all(self.problems(), [n for n in self._touched if n in self.errors])

    def _update_filing(self) -> None:
        """The late-filing warning (or when the window runs out), as the form is filled."""
        if self._quiet:
            return
        try:
            window = filing_check(self.data(), self._calendar(), self._now())
        except ValidationError:
            self.filing.hide()
            self.late_warning.hide()
            return
        self.late_warning.setVisible(window.late)
        self.filing.setVisible(not window.late)
        if window.late:
            self.late_warning.setText(self.tr("\u26a0 {0}").format(window.warning()))
        elif window.due is not None:
            self.filing.setText(self.tr("Diajukan dalam {0} hari kerja sejak alasan keberatan timbul ({1}; batas "
                                        "{2}).").format(FILING_DAYS, short_date(window.arose_on),
                                                        short_date(window.due)))
        else:
            self.filing.setText(self.tr("Tanggal alasan keberatan timbul tidak diketahui dari register; isi "
                                        "\u201cAlasan timbul\u201d untuk memeriksa batas {0} hari kerja.")
                                .format(FILING_DAYS))

    def filing_warning(self) -> str:
        """The late-filing warning shown now ("" when none)."""
        return self.late_warning.text() if self.late_warning.isVisibleTo(self) else ""

    def save(self) -> int | None:
        """Register the objection; its id, or None when something must be fixed first."""
        self.objector.lookup.hide()
        problems = self.problems()
        self._touched.update(ORDER)
        self.errors.show_all(problems)
        self.general_error.hide()
        if problems:
            self._quiet = True
            self.errors.focus_first(problems, ORDER)
            self._quiet = False
            return None
        try:
            row = register_objection(self.data(), self._calendar(), self._actor(), self._now())
        except ValidationError as exc:
            self.errors.show(exc.field, exc.message, self.general_error)
            return None
        self.objectionSaved.emit(row.id)
        self.start(None)
        return row.id

    # ------------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._moves_on(watched, event):
                self.focusNextChild()
                return True
        elif kind == QEvent.Type.FocusOut and not self._quiet and event.reason() != Qt.FocusReason.PopupFocusReason \
                and not self.objector.lookup.popup_visible():
            name = watched.objectName()
            if name in self.errors:
                self._touched.add(name)
                self._revalidate()
        return super().eventFilter(watched, event)

    def _moves_on(self, watched: QObject, event: QKeyEvent) -> bool:
        if isinstance(watched, QPlainTextEdit):
            return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if watched in (self.objector.edits["nik"], self.objector.edits["name"]) and \
                self.objector.lookup.popup_visible():
            return False
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False
        return True
