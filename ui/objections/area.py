"""The "Keberatan" area: the register keberatan, the objection form and an objection's
detail, one at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.workdays import load_calendar

from ..session import current_actor
from .detail_page import ObjectionDetailPage
from .form import ObjectionForm
from .objection_page import ObjectionPage


class ObjectionArea(QStackedWidget):
    objectionChanged = Signal(int)  # an objection was added or took a step (or got a document)
    requestChanged = Signal(int)  # a step of an objection changed its request (an overturn reopens it)
    openRequest = Signal(int)  # show a request's detail (in the Register Permohonan area)
    leaveRequested = Signal(str)  # go back to another area (the form or detail was opened from there)

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(parent)
        clock = now or datetime.now
        self.page = ObjectionPage(today=lambda: clock().date(), calendar=calendar)
        self.form = ObjectionForm(actor=actor, now=clock, calendar=calendar)
        self.detail = ObjectionDetailPage(actor=actor, now=clock, calendar=calendar)
        for widget in (self.page, self.form, self.detail):
            self.addWidget(widget)
        self._back_to: str | None = None
        self._form_back_to: str | None = None

        self.page.openObjection.connect(lambda objection_id: self.show_objection(objection_id))
        self.page.newRequested.connect(lambda: self.show_form(None))
        self.form.objectionSaved.connect(self._saved)
        self.form.closeRequested.connect(self._form_back)
        self.detail.objectionChanged.connect(self._changed)
        self.detail.requestChanged.connect(self.requestChanged)
        self.detail.openRequest.connect(self.openRequest)
        self.detail.backRequested.connect(self._detail_back)

    def show_list(self) -> None:
        self.setCurrentWidget(self.page)
        self.page.table.setFocus()

    def show_form(self, request_id: int | None, back_to: str | None = None) -> bool:
        """The objection form: filled from request ``request_id``, or empty for a standalone one.

        Kembali returns to ``back_to`` (an area, e.g. the request's detail) or the register.
        A form left half filled for the same request (or standalone) comes back as it was."""
        ok = True
        if not (self.form.is_dirty() and self.form.request_id == request_id):
            ok = self.form.start(request_id)
        self._form_back_to = back_to
        self.setCurrentWidget(self.form)
        return ok

    def show_objection(self, objection_id: int, back_to: str | None = None) -> bool:
        """Open an objection's detail; Kembali returns to ``back_to`` (an area) or the register."""
        if not self.detail.show_objection(objection_id):
            return False
        self._back_to = back_to
        self.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()
        return True

    def refresh(self) -> None:
        """Something changed elsewhere (a request, the calendar): the list and an open detail follow."""
        self.page.refresh()
        if self.currentWidget() is self.detail:
            self.detail.reload()

    def _saved(self, objection_id: int) -> None:
        self.page.refresh()
        self.page.select_objection(objection_id)
        self.objectionChanged.emit(objection_id)
        # Kembali from the new objection's detail goes where the form would have gone.
        back_to, self._form_back_to = self._form_back_to, None
        self.show_objection(objection_id, back_to=back_to)
        if self.detail.request_id is not None:
            self.requestChanged.emit(self.detail.request_id)

    def _changed(self, objection_id: int) -> None:
        self.page.refresh()
        self.page.select_objection(objection_id)
        self.objectionChanged.emit(objection_id)

    def _form_back(self) -> None:
        target, self._form_back_to = self._form_back_to, None
        self.show_list()
        if target:
            self.leaveRequested.emit(target)

    def _detail_back(self) -> None:
        target, self._back_to = self._back_to, None
        self.show_list()
        if target:
            self.leaveRequested.emit(target)
