"""Permohonan baru: the intake form, made for the keyboard.

Enter moves to the next field (Ctrl+Enter in the long text boxes), Ctrl+S saves,
Ctrl+P saves and prints the receipt in one action (on an empty form after a save it
prints the receipt of the request just saved again, marked SALINAN).
Problems are shown beside their fields when a field is left and on saving, and the
first bad field gets the focus; nothing typed is lost. After a save the confirmation
stays on top (number, deadlines) and the form is empty for the next person. The request
is always saved before anything is printed: a printer that fails loses nothing.
When the register's PostgreSQL server cannot be reached (the save fails with
``ServerUnreachable``, or the window's connection monitor already says so) the request
goes to the desk's offline queue with a number of the desk's reserved block, and its
receipt prints from the queue with that number (:mod:`.offline_intake`).
Ctrl+N (a new, empty form) belongs to the main window, so that one key does the same
thing everywhere.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import long_date
from ppid_desk.dip.service import register_linked
from ppid_desk.errors import PpidError, StoreError
from ppid_desk.office import load_office
from ppid_desk.register.codes import Channel, DeliveryMethod, ObtainMethod, RequesterKind
from ppid_desk.register.queries import RequesterMatch
from ppid_desk.register.service import RequesterInput, RequestInput, register_request, request_problems
from ppid_desk.store.models import Request, Requester
from ppid_desk.store.postgres import ServerUnreachable
from ppid_desk.workdays import load_calendar

from ..dip.suggestions import DipSuggestions
from ..printing.pdf_printer import make_printer
from ..printing.print_flow import FlowDialogs, PrinterFactory
from ..printing.receipt import ReceiptPrint, print_receipt
from ..session import current_actor
from ..widgets.field_errors import FieldErrors, error_label
from ..widgets.received_time import received_time_edit, show_time
from ..widgets.scroll_page import scroll_page
from . import offline_intake
from .requester_lookup import RequesterLookup
from .unit_checklist import UnitChecklist

REQUESTER_FIELDS = ("nik", "name", "legal_number", "address", "occupation", "phone", "email")
# Every field in tab order; problems are focused in this order.
ORDER = ("kind", *REQUESTER_FIELDS, "proxy_name", "proxy_letter", "channel", "received_at", "information",
         "purpose", "obtain_method", "delivery_method", "units")


def combo(enum_type, default) -> QComboBox:
    box = QComboBox()
    for member in enum_type:
        box.addItem(member.label, member.value)
    box.setCurrentIndex(box.findData(default.value))
    return box


class IntakeForm(QWidget):
    requestSaved = Signal(int)
    queuedOffline = Signal(str)  # a request went to the offline queue (its number)
    openRequested = Signal(int)
    closeRequested = Signal()

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None,
                 print_dialogs: FlowDialogs | None = None, printer_factory: PrinterFactory = make_printer):
        super().__init__(parent)
        self._actor, self._now, self._calendar = actor, now or datetime.now, calendar
        self.print_dialogs, self.printer_factory = print_dialogs, printer_factory
        self._unprinted: int | None = None  # the receipt issued here whose original has not come out
        self.requester_id: int | None = None
        self.saved_id: int | None = None
        self.queued_seq: int | None = None  # the request last saved to the offline queue (its place there)
        self._watched: object | None = None  # the window's connection monitor, once followed
        self._touched: set[str] = set()
        self._time_edited = False
        self._quiet = False  # no validation on focus changes made by the form itself
        self.errors = FieldErrors()
        self._build_fields()
        self.lookup = RequesterLookup([self.edits["nik"], self.edits["name"]], self)
        self.lookup.chosen.connect(self.use_requester)
        self.lookup.passed.connect(self.focusNextChild)

        self.title = QLabel(self.tr("Permohonan baru"))
        self.title.setObjectName("pageTitle")
        self.hint = QLabel(self.tr("Enter: kolom berikutnya \u00b7 Ctrl+Enter di kotak teks panjang \u00b7 "
                                   "Ctrl+S: simpan \u00b7 Ctrl+P: simpan & cetak tanda bukti \u00b7 "
                                   "Ctrl+N: formulir baru"))
        self.hint.setObjectName("hint")
        self.back_button = QPushButton(self.tr("\u2190 Register"))
        self.back_button.setToolTip(self.tr("Kembali ke register; isian formulir tetap tersimpan di sini"))
        self.back_button.clicked.connect(self.closeRequested)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.back_button)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        for group in (self._requester_group(), self._request_group()):
            column = QVBoxLayout()
            column.addWidget(group)
            column.addStretch(1)
            columns.addLayout(column, 1)
        scroll = scroll_page(columns)

        self.general_error = error_label()
        self.save_button = QPushButton(self.tr("&Simpan (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.save_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self.save_print_button = QPushButton(self.tr("Simpan && &Cetak (Ctrl+P)"))
        self.save_print_button.setToolTip(self.tr("Simpan permohonan, lalu cetak tanda bukti penerimaan ke printer "
                                                  "yang diatur di Pengaturan"))
        self.save_print_button.clicked.connect(self.save_and_print)
        self.save_print_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        print_key = QShortcut(QKeySequence.StandardKey.Print, self)
        print_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_key.activated.connect(self._print_key)
        self.clear_button = QPushButton(self.tr("Kosongkan"))
        self.clear_button.setToolTip(self.tr("Formulir kosong untuk pemohon berikutnya (Ctrl+N)"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(lambda: self.start_new())
        bar = QHBoxLayout()
        bar.addWidget(self.general_error, 1)
        bar.addStretch(1)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.save_print_button)
        bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(head)
        layout.addWidget(self.hint)
        layout.addWidget(self._confirmation())
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        self._set_tab_order()
        self.reset()

    # ------------------------------------------------------------------ building
    def _build_fields(self) -> None:
        self.kind = combo(RequesterKind, RequesterKind.PERSON)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.edits: dict[str, QLineEdit] = {}
        for name in (*REQUESTER_FIELDS, "proxy_name", "proxy_letter"):
            edit = QLineEdit()
            edit.setObjectName(name)
            self.edits[name] = edit
            if name in REQUESTER_FIELDS:
                edit.textEdited.connect(self._requester_edited)
        self.edits["nik"].setMaxLength(24)
        self.edits["nik"].setPlaceholderText(self.tr("16 angka; ketik untuk mencari pemohon lama"))
        self.edits["name"].setPlaceholderText(self.tr("ketik untuk mencari pemohon lama"))
        self.edits["phone"].setPlaceholderText(self.tr("mis. 0812 3456 7890"))
        self.edits["proxy_letter"].setPlaceholderText(self.tr("nomor / tanggal surat kuasa khusus"))
        self.channel = combo(Channel, Channel.WALK_IN)
        self.received_at = received_time_edit(self._time_changed)
        self.information = QPlainTextEdit()
        self.purpose = QPlainTextEdit()
        for name, box in (("information", self.information), ("purpose", self.purpose)):
            box.setObjectName(name)
            box.setTabChangesFocus(True)
            box.setFixedHeight(110 if name == "information" else 70)
        self.obtain_method = combo(ObtainMethod, ObtainMethod.SOFTCOPY)
        self.delivery_method = combo(DeliveryMethod, DeliveryMethod.PICK_UP)
        self.units = UnitChecklist()
        self.units.setObjectName("units")
        self.units.setMaximumHeight(130)
        self.units_note = QLabel(self.tr("Belum ada unit aktif (atur di Pengaturan \u203a Unit)."))
        self.units_note.setObjectName("hint")
        for widget in self._inputs():
            widget.installEventFilter(self)

    def _inputs(self) -> list[QWidget]:
        return [self.kind, *self.edits.values(), self.channel, self.received_at, self.information,
                self.purpose, self.obtain_method, self.delivery_method, self.units]

    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        return group, form

    def _requester_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Pemohon"))
        self.requester_form = form
        form.addRow(self.tr("&Jenis pemohon"), self.kind)
        self.nik_caption = self.errors.add_row(form, "nik", self.tr("&NIK *"), self.edits["nik"])
        self.errors.add_row(form, "name", self.tr("N&ama *"), self.edits["name"])
        self.errors.add_row(form, "legal_number", self.tr("Nomor SK/a&kta *"), self.edits["legal_number"])
        self.errors.add_row(form, "address", self.tr("A&lamat"), self.edits["address"])
        self.errors.add_row(form, "occupation", self.tr("Peker&jaan"), self.edits["occupation"])
        self.errors.add_row(form, "phone", self.tr("&Telepon"), self.edits["phone"])
        self.errors.add_row(form, "email", self.tr("&Email"), self.edits["email"])
        self.errors.add_row(form, "proxy_name", self.tr("Nama k&uasa"), self.edits["proxy_name"])
        self.errors.add_row(form, "proxy_letter", self.tr("Surat &kuasa"), self.edits["proxy_letter"])
        self.returning = QLabel()
        self.returning.setObjectName("hint")
        self.returning.setWordWrap(True)
        self.release_button = QPushButton(self.tr("Lepaskan"))
        self.release_button.setToolTip(self.tr("Catat sebagai pemohon baru"))
        self.release_button.clicked.connect(lambda: self.release_requester(clear=True))
        self.release_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout()
        row.addWidget(self.returning, 1)
        row.addWidget(self.release_button)
        self.returning_row = QWidget()
        self.returning_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.insertRow(0, self.returning_row)
        return group

    def _request_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Permohonan"))
        form.addRow(self.tr("&Saluran"), self.channel)
        self.errors.add_row(form, "received_at", self.tr("&Diterima"), self.received_at)
        self.errors.add_row(form, "information", self.tr("&Informasi yang diminta *"), self.information)
        self.dip = DipSuggestions(self.information)  # matching DIP entries while the officer types
        self.errors.register("dip_entry", self.information, self.dip.error)
        form.addRow("", self.dip)
        self.errors.add_row(form, "purpose", self.tr("Tujuan pengg&unaan *"), self.purpose)
        form.addRow(self.tr("Cara &memperoleh"), self.obtain_method)
        form.addRow(self.tr("Cara mendapat&kan salinan"), self.delivery_method)
        caption = self.errors.add_row(form, "units", self.tr("Disposisi ke &unit"), self.units)
        caption.setToolTip(self.tr("Boleh dikosongkan; disposisi dapat dilakukan kemudian dari detail permohonan"))
        form.addRow(self.tr("Disposisi ke unit"), self.units_note)
        self.request_form = form
        return group

    def _confirmation(self) -> QWidget:
        self.confirmation = QWidget()
        self.confirmation.setObjectName("confirmation")
        self.confirmation.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.confirmation_text = QLabel()
        self.confirmation_text.setWordWrap(True)
        self.confirmation_text.setTextFormat(Qt.TextFormat.RichText)
        self.confirmation_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        self.print_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_status.hide()
        self.print_button = QPushButton(self.tr("Cetak tanda bukti"))
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.print_receipt)
        self.open_button = QPushButton(self.tr("Buka detail"))
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(lambda: self.saved_id and self.openRequested.emit(self.saved_id))
        buttons = QVBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        texts = QVBoxLayout()
        texts.addWidget(self.confirmation_text)
        texts.addWidget(self.print_status)
        row = QHBoxLayout(self.confirmation)
        row.addLayout(texts, 1)
        row.addLayout(buttons)
        self.confirmation.hide()
        return self.confirmation

    def _set_tab_order(self) -> None:
        chain = [*self._inputs(), self.save_print_button, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ state
    def reset(self) -> None:
        """An empty form for the next person (the confirmation, if any, stays)."""
        self._quiet = True
        self.lookup.hide()
        self.release_requester(clear=False)
        self.kind.setCurrentIndex(self.kind.findData(RequesterKind.PERSON.value))
        for edit in self.edits.values():
            edit.clear()
        self.information.clear()
        self.dip.clear()
        self.purpose.clear()
        self.channel.setCurrentIndex(self.channel.findData(Channel.WALK_IN.value))
        self.obtain_method.setCurrentIndex(self.obtain_method.findData(ObtainMethod.SOFTCOPY.value))
        self.delivery_method.setCurrentIndex(self.delivery_method.findData(DeliveryMethod.PICK_UP.value))
        self._set_time_now()
        self.reload_units()
        self._touched.clear()
        self.errors.clear()
        self.general_error.hide()
        self._kind_changed()
        self.kind.setFocus()
        self._quiet = False

    def start_new(self, ask: bool = True) -> bool:
        """Ctrl+N: clear the form and the last confirmation; asks first if something is typed."""
        if ask and self.is_dirty():
            answer = QMessageBox.question(self, self.tr("Formulir baru"),
                                          self.tr("Kosongkan formulir? Isian yang belum disimpan akan hilang."))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.confirmation.hide()
        self.saved_id = None
        self.queued_seq = None
        self.reset()
        return True

    def is_dirty(self) -> bool:
        return bool(any(e.text().strip() for e in self.edits.values()) or self.information.toPlainText().strip()
                    or self.purpose.toPlainText().strip())

    def reload_units(self) -> None:
        if offline_intake.server_away(self):  # no wait for a server known to be away
            offline_intake.fill_units(self.units, offline_intake.offline_desk())
        else:
            try:
                self.units.reload()
            except StoreError:  # the server cannot be reached: the units as last copied to this desk
                offline_intake.fill_units(self.units, offline_intake.offline_desk())
        if hasattr(self, "request_form"):
            self.request_form.setRowVisible(self.units.parentWidget(), self.units.count() > 0)
            self.request_form.setRowVisible(self.units_note, self.units.count() == 0)

    def _set_time_now(self) -> None:
        show_time(self.received_at, self._now())
        self._time_edited = False

    def _time_changed(self) -> None:
        self._time_edited = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._follow_connection()
        if not self._time_edited:
            self._set_time_now()
        focused = self.focusWidget()
        if focused is None or not focused.isVisible():
            self.kind.setFocus()

    def _follow_connection(self) -> None:
        """Follow the window's connection monitor (``window.connection``, when there is one)."""
        connection = getattr(self.window(), "connection", None)
        changed = getattr(connection, "changed", None)
        if connection is None or connection is self._watched or changed is None:
            return
        changed.connect(self._connection_changed)
        self._watched = connection
        self._connection_changed(getattr(connection, "online", True) is not False)

    def _connection_changed(self, online: bool) -> None:
        """While the server cannot be reached, no lookups of returning requesters or DIP
        entries (they read the register); typing goes on undisturbed."""
        self.lookup.enabled = online
        self.dip.enabled = online
        if not online:
            self.lookup.hide()

    def _kind(self) -> RequesterKind:
        return RequesterKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self._kind()
        form = self.requester_form
        form.setRowVisible(self.edits["legal_number"].parentWidget(), kind is RequesterKind.LEGAL_BODY)
        form.setRowVisible(self.edits["nik"].parentWidget(), kind is not RequesterKind.LEGAL_BODY)
        self.nik_caption.setText(self.tr("&NIK *") if kind is RequesterKind.PERSON else self.tr("&NIK perwakilan"))
        self._revalidate()

    # ------------------------------------------------------------------ returning requesters
    def use_requester(self, match: RequesterMatch) -> None:
        """Fill the requester's fields from the register and link the request to them."""
        person = Requester.get_or_none(Requester.id == match.id)
        if person is None:
            return
        self.lookup.hide()
        self.kind.setCurrentIndex(max(0, self.kind.findData(person.kind)))
        values = {"nik": person.nik or "", "name": person.name, "legal_number": person.legal_number,
                  "address": person.address, "occupation": person.occupation, "phone": person.phone,
                  "email": person.email}
        for name, value in values.items():
            self.edits[name].setText(value)
        self.requester_id = person.id
        count = Request.select().where(Request.requester == person.id).count()
        self.returning.setText(self.tr("Pemohon lama: <b>{0}</b>, {1} permohonan sebelumnya. Data pemohon "
                                       "diambil dari register; mengubahnya mencatat pemohon baru.")
                               .format(person.name, count))
        self.returning_row.show()
        self._revalidate()
        self.edits["proxy_name"].setFocus()

    def release_requester(self, clear: bool) -> None:
        self.requester_id = None
        self.returning_row.hide()
        if clear:
            for name in REQUESTER_FIELDS:
                self.edits[name].clear()
            self.edits["nik"].setFocus()

    def _requester_edited(self) -> None:
        if self.requester_id is not None:
            self.release_requester(clear=False)

    # ------------------------------------------------------------------ data and saving
    def data(self) -> RequestInput:
        e = {name: edit.text() for name, edit in self.edits.items()}
        person = RequesterInput(self._kind(), e["name"], e["nik"], e["legal_number"], e["address"],
                                e["occupation"], e["phone"], e["email"])
        received = self.received_at.dateTime().toPython() if self._time_edited else None
        return RequestInput(
            requester=person, information=self.information.toPlainText(), purpose=self.purpose.toPlainText(),
            channel=Channel(self.channel.currentData()), received_at=received,
            obtain_method=ObtainMethod(self.obtain_method.currentData()),
            delivery_method=DeliveryMethod(self.delivery_method.currentData()),
            proxy_name=e["proxy_name"], proxy_letter=e["proxy_letter"], requester_id=self.requester_id,
            units=self.units.checked_ids(),
        )

    def problems(self) -> dict[str, str]:
        data = self.data()
        if self._kind() is RequesterKind.LEGAL_BODY:
            data.requester.nik = ""  # hidden for a legal body; never blocks on a stale value
        return request_problems(data, self._now())

    def _revalidate(self) -> None:
        self.errors.show_all(self.problems(), [n for n in self._touched if n in self.errors])

    def save(self) -> int | None:
        """Register the request; its id, or None when something must be fixed first, or when it
        went to the offline queue instead (then ``queued_seq`` is its place there)."""
        return self.saved_id if self._save() and self.queued_seq is None else None

    def _save(self) -> bool:
        """Register the request, in the register or in the offline queue; False when something
        must be fixed first."""
        self.lookup.hide()
        problems = self.problems()
        self._touched.update(ORDER)
        self.errors.show_all(problems)
        self.general_error.hide()
        if problems:
            self._quiet = True
            self.errors.focus_first(problems, ORDER)
            self._quiet = False
            return False
        data = self.data()
        if self._kind() is RequesterKind.LEGAL_BODY:
            data.requester.nik = ""
        desk = self._offline_desk() if offline_intake.server_away(self) else None
        if desk is None:
            try:
                row = register_linked(lambda: self.register(data), self.dip.chosen_id(), self._actor(), self._now())
            except ServerUnreachable as exc:
                offline_intake.report_unreachable(self, exc.message)
                desk = self._offline_desk()
                if desk is None:
                    self.errors.show(None, exc.message, self.general_error)
                    return False
            except PpidError as exc:  # refused input, or the register cannot be written (disk full)
                self.errors.show(getattr(exc, "field", None), exc.message, self.general_error)
                return False
            else:
                self._confirm(row)
                self.reset()
                self.requestSaved.emit(row.id)
                return True
        return self._save_offline(desk, data)

    def _offline_desk(self):
        """The desk's offline queue, for a plain intake form on a server register (a form
        that stores another way, such as turning an inbox message into a request, needs the
        server)."""
        if type(self).register is not IntakeForm.register:
            return None
        return offline_intake.offline_desk()

    def _save_offline(self, desk, data: RequestInput) -> bool:
        try:
            item = desk.register(data, self._actor(), self._now(), dip_entry_id=self.dip.chosen_id())
        except PpidError as exc:  # refused input, or no reserved number left
            self.errors.show(getattr(exc, "field", None), exc.message, self.general_error)
            return False
        self._confirm_offline(item, desk)
        self.reset()
        self.queuedOffline.emit(item.number)
        return True

    def register(self, data: RequestInput) -> Request:
        """Store the request (a subclass may store it another way: from an inbox message)."""
        return register_request(data, self._calendar(), self._actor(), self._now())

    # ------------------------------------------------------------------ printing the receipt
    def save_and_print(self) -> int | None:
        """Simpan & Cetak: save (as Ctrl+S), then issue and print the receipt; the id, or None."""
        saved = self._save()
        if saved:
            self.print_receipt()
        return self.saved_id if saved and self.queued_seq is None else None

    def _print_key(self) -> None:
        """Ctrl+P: save and print what is typed; on an empty form, the last receipt again."""
        last = self.saved_id if self.queued_seq is None else self.queued_seq
        if last is not None and self.confirmation.isVisible() and not self.is_dirty():
            self.print_receipt()
        else:
            self.save_and_print()

    def print_receipt(self) -> ReceiptPrint | None:
        """Print the receipt of the request just saved (issued the first time, SALINAN after)."""
        if self.queued_seq is not None:
            return self._print_queued()
        row = Request.get_or_none(Request.id == self.saved_id) if self.saved_id is not None else None
        if row is None:
            return None
        done = print_receipt(self, row.number, self._actor(), self._now(), self.print_dialogs, self.printer_factory,
                             self._unprinted)
        self._show_print_status(done.message, done.printed)
        if done.issued is not None:
            self._unprinted = None if done.original_out or done.issued.copy else done.issued.document_id
            self.print_button.setText(self.tr("Cetak tanda bukti") if self._unprinted
                                      else self.tr("Cetak ulang (SALINAN)"))
        return done

    def _print_queued(self) -> ReceiptPrint | None:
        """The receipt of the request saved to the offline queue: from the queue, with its
        final number; once the queue reached the server, from the register."""
        desk = offline_intake.offline_desk()
        if desk is None:
            return None
        item = desk.get(self.queued_seq)
        if item.pushed and item.receipt is None:
            done = print_receipt(self, item.number, self._actor(), self._now(), self.print_dialogs,
                                 self.printer_factory)
        else:
            done = offline_intake.print_queued_receipt(self, desk, item.queue_seq, self._actor(), self._now(),
                                                       self.print_dialogs, self.printer_factory,
                                                       unprinted=self._unprinted is not None)
        self._show_print_status(done.message, done.printed)
        if done.issued is not None:
            self._unprinted = None if done.original_out or done.issued.copy else item.queue_seq
            self.print_button.setText(self.tr("Cetak tanda bukti") if self._unprinted
                                      else self.tr("Cetak ulang (SALINAN)"))
        return done

    def _show_print_status(self, text: str, ok: bool) -> None:
        self.print_status.setText(text)
        self.print_status.setObjectName("hint" if ok else "fieldError")
        self.print_status.style().unpolish(self.print_status)
        self.print_status.style().polish(self.print_status)
        self.print_status.show()

    def _confirm_offline(self, item, desk) -> None:
        self.saved_id = None
        self.queued_seq = item.queue_seq
        self._unprinted = None
        self.print_status.hide()
        self.print_button.setText(self.tr("Cetak tanda bukti"))
        self.print_button.setToolTip(self.tr("Cetak tanda bukti penerimaan permohonan {0} dari antrean luring; "
                                             "cetakan berikutnya bertanda SALINAN").format(item.number))
        self.open_button.setEnabled(False)
        self.open_button.setToolTip(self.tr("Detail dapat dibuka setelah permohonan terkirim ke server"))
        snapshot = desk.snapshot()
        days = snapshot.office.completeness_days if snapshot is not None else 0
        self.confirmation_text.setText("<br>".join(offline_intake.confirmation_lines(item, days)))
        self.confirmation.show()

    def _confirm(self, row: Request) -> None:
        self.saved_id = row.id
        self.queued_seq = None
        self.open_button.setEnabled(True)
        self.open_button.setToolTip("")
        self._unprinted = None
        self.print_status.hide()
        self.print_button.setText(self.tr("Cetak tanda bukti"))
        self.print_button.setToolTip(self.tr("Cetak tanda bukti penerimaan permohonan {0}; cetakan berikutnya "
                                             "bertanda SALINAN").format(row.number))
        name = row.requester.name
        lines = [
            self.tr("<b>Permohonan {0} tercatat</b> atas nama {1}.").format(row.number, name),
            self.tr("Dihitung diterima: <b>{0}</b>").format(long_date(row.effective_day)),
            self.tr("Pemberitahuan tertulis paling lambat: <b>{0}</b> (10 hari kerja)").format(
                long_date(row.response_due)),
            self.tr("Jika diperpanjang: {0} \u00b7 Batas melengkapi persyaratan: {1} ({2} hari kerja)").format(
                long_date(row.extended_due), long_date(row.completeness_due), load_office().completeness_days),
        ]
        if row.dip_entry_id:
            lines.append(self.tr("Dikaitkan ke DIP: {0}").format(html.escape(row.dip_entry.summary[:160])))
        self.confirmation_text.setText("<br>".join(lines))
        self.confirmation.show()

    # ------------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._moves_on(watched, event):
                self.focusNextChild()
                return True
        elif kind == QEvent.Type.FocusOut:
            reason = event.reason()
            if not self._quiet and reason != Qt.FocusReason.PopupFocusReason and not self.lookup.popup_visible():
                name = watched.objectName()
                if name in self.errors:
                    self._touched.add(name)
                    self._revalidate()
        return super().eventFilter(watched, event)

    def _moves_on(self, watched: QObject, event: QKeyEvent) -> bool:
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if isinstance(watched, QPlainTextEdit):
            return ctrl
        if watched in (self.edits["nik"], self.edits["name"]) and self.lookup.popup_visible():
            return False
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False
        return True
