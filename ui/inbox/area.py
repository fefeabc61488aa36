"""The "Pesan Masuk" area: the list of messages, the "Pesan baru" form, a message's detail
and the request form a message of kind permohonan is turned into, one at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.workdays import load_calendar

from ..session import current_actor
from .conversion_form import ConversionForm
from .detail_page import MessageDetailPage
from .message_form import MessageForm
from .message_page import MessagePage


class InboxArea(QStackedWidget):
    messageChanged = Signal(int)  # a message was recorded or took a step
    requestChanged = Signal(int)  # a message became this request
    openRequest = Signal(int)  # show a request's detail (in the Register Permohonan area)
    leaveRequested = Signal(str)  # go back to another area (the detail was opened from there)

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(parent)
        clock = now or datetime.now
        self.page = MessagePage(today=lambda: clock().date(), calendar=calendar)
        self.form = MessageForm(actor=actor, now=clock, calendar=calendar)
        self.detail = MessageDetailPage(actor=actor, now=clock, calendar=calendar)
        self.conversion = ConversionForm(actor=actor, now=clock, calendar=calendar)
        for widget in (self.page, self.form, self.detail, self.conversion):
            self.addWidget(widget)
        self._back_to: str | None = None

        self.page.openMessage.connect(lambda message_id: self.show_message(message_id))
        self.page.newRequested.connect(self.show_form)
        self.form.messageSaved.connect(self._changed)
        self.form.openRequested.connect(lambda message_id: self.show_message(message_id))
        self.form.closeRequested.connect(self.show_list)
        self.detail.messageChanged.connect(self._changed)
        self.detail.convertRequested.connect(self.show_conversion)
        self.detail.openRequest.connect(self.openRequest)
        self.detail.backRequested.connect(self._detail_back)
        self.conversion.requestSaved.connect(self._converted)
        self.conversion.closeRequested.connect(self._conversion_back)

    def show_list(self) -> None:
        self.setCurrentWidget(self.page)
        self.page.table.setFocus()

    def show_form(self) -> None:
        """The "Pesan baru" form (what was typed and not saved is still there)."""
        self.setCurrentWidget(self.form)
        focused = self.form.focusWidget()
        if focused is None or not focused.isVisible():
            self.form.sender.setFocus()

    def show_message(self, message_id: int, back_to: str | None = None) -> bool:
        """Open a message's detail; Kembali returns to ``back_to`` (an area) or the list."""
        if not self.detail.show_message(message_id):
            return False
        self._back_to = back_to
        self.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()
        return True

    def show_conversion(self, message_id: int) -> bool:
        """The request form filled from the message; a form left half filled for it comes back as it was."""
        if self.conversion.message_id != message_id and not self.conversion.start(message_id):
            return False
        self.setCurrentWidget(self.conversion)
        return True

    def refresh(self) -> None:
        """Something changed elsewhere (the calendar, a request): the list and an open detail follow."""
        self.page.refresh()
        if self.currentWidget() is self.detail:
            self.detail.reload()

    def refresh_units(self) -> None:
        self.conversion.reload_units()

    def _changed(self, message_id: int) -> None:
        self.page.refresh()
        self.page.select_message(message_id)
        self.messageChanged.emit(message_id)

    def _converted(self, request_id: int) -> None:
        message_id = self.conversion.message_id
        self.page.refresh()
        self.page.select_message(message_id)
        self.show_message(message_id, back_to=self._back_to)
        self.detail.show_converted(request_id)
        self.messageChanged.emit(message_id)
        self.requestChanged.emit(request_id)

    def _conversion_back(self) -> None:
        self.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()

    def _detail_back(self) -> None:
        target, self._back_to = self._back_to, None
        self.show_list()
        if target:
            self.leaveRequested.emit(target)
