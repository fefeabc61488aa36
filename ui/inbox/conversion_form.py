"""Jadikan permohonan: the request intake form, filled from a message of kind permohonan.

The sender's name and contact, the message as the information asked, the channel and
the time the message arrived come from the message; the officer completes what a
request needs and a message never carries (NIK, address, purpose...). Saving registers
the request and marks the message converted in one transaction
(:func:`ppid_desk.inbox.service.convert_to_request`); the request keeps the message's
arrival time, so the channel and the time cannot be changed here. The receipt is
printed from the new request's detail, so this form has no "Simpan & Cetak".
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.errors import ValidationError
from ppid_desk.inbox.service import convert_to_request, get_message, request_from_message
from ppid_desk.register.codes import Channel
from ppid_desk.register.service import RequestInput
from ppid_desk.store.models import Request
from ppid_desk.workdays import load_calendar

from ..register.intake_form import IntakeForm
from ..session import current_actor
from ..widgets.received_time import show_time
from .detail_page import moment


class ConversionForm(IntakeForm):
    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(actor=actor, now=now, calendar=calendar, parent=parent)
        self.message_id: int | None = None
        self._from_message: RequestInput | None = None
        self.hint.setText(self.tr("Enter: kolom berikutnya \u00b7 Ctrl+Enter di kotak teks panjang \u00b7 "
                                  "Ctrl+S: jadikan permohonan \u00b7 Esc: kembali ke pesan"))
        self.source = QLabel()
        self.source.setObjectName("hint")
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.layout().insertWidget(2, self.source)
        self.back_button.setText(self.tr("\u2190 Pesan"))
        self.back_button.setToolTip(self.tr("Kembali ke pesan; isian formulir tetap tersimpan di sini (Esc)"))
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.closeRequested)
        self.save_button.setText(self.tr("&Jadikan permohonan (Ctrl+S)"))
        self.save_print_button.hide()
        self.clear_button.setText(self.tr("Isi ulang dari pesan"))
        self.clear_button.setToolTip(self.tr("Buang isian dan mulai lagi dari data pesan"))
        for widget in (self.channel, self.received_at):
            widget.setEnabled(False)
            widget.setToolTip(self.tr("Diambil dari pesan; permohonan memakai waktu pesan masuk"))

    def start(self, message_id: int) -> bool:
        """The form filled from message ``message_id``; False (and a message) when it cannot be read."""
        try:
            row = get_message(message_id)
        except ValidationError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            return False
        self.message_id = message_id
        self.confirmation.hide()
        self.saved_id = None
        self.title.setText(self.tr("Jadikan permohonan \u2014 pesan {0}").format(row.number))
        self.source.setText(self.tr(
            "Dari pesan <b>{0}</b> ({1}, {2}, masuk {3}). Nama, kontak, informasi yang diminta, saluran dan waktu "
            "diterima diambil dari pesan; lengkapi NIK, alamat dan tujuan penggunaan. Permohonan dihitung diterima "
            "sejak pesan masuk.").format(row.number, Channel(row.channel).label, html.escape(row.sender),
                                         moment(row.received_at)))
        self.reset()
        return True

    def reset(self) -> None:
        super().reset()
        if getattr(self, "message_id", None) is not None:
            self._fill_from_message()

    def _fill_from_message(self) -> None:
        data = request_from_message(self.message_id)
        self._from_message = data
        self._quiet = True
        person = data.requester
        self.kind.setCurrentIndex(self.kind.findData(person.kind.value))
        for name in ("name", "phone", "email"):
            self.edits[name].setText(getattr(person, name))
        self.information.setPlainText(data.information)
        self.channel.setCurrentIndex(self.channel.findData(data.channel.value))
        show_time(self.received_at, data.received_at)
        self._time_edited = True
        unit_id = get_message(self.message_id).unit_id
        for i in range(self.units.count()):  # forwarded to a unit: the same unit ticked
            item = self.units.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == unit_id:
                item.setCheckState(Qt.CheckState.Checked)
        self._quiet = False
        self.edits["nik"].setFocus()

    def data(self) -> RequestInput:
        data = super().data()
        source = getattr(self, "_from_message", None)  # None also while IntakeForm builds itself
        if source is not None:  # to the second, as the message keeps it
            data.received_at = source.received_at
            data.channel = source.channel
        return data

    def register(self, data: RequestInput) -> Request:
        return convert_to_request(self.message_id, data, self._calendar(), self._actor(), self._now())

    def _print_key(self) -> None:
        """Ctrl+P prints nothing here: the receipt is printed from the new request's detail."""
