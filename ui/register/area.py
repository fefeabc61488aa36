"""The "Register Permohonan" area: the register, the intake form and a request's detail,
one at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from ppid_desk.store import Store

from ..session import current_actor
from .detail_page import DetailPage
from .intake_form import IntakeForm
from .register_page import RegisterPage


class RegisterArea(QStackedWidget):
    requestChanged = Signal(int)  # a request was added or took a step
    leaveRequested = Signal(str)  # go back to another area (the detail was opened from there)
    objectionRequested = Signal(int)  # "Ajukan keberatan" in a request's detail (the request's id)
    openObjection = Signal(int)  # an objection listed in a request's detail was clicked
    openDipEntry = Signal(int)  # the DIP entry a request is linked to was clicked

    def __init__(self, store: Store, actor: Callable[[], str] = current_actor,
                 now: Callable[[], datetime] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        clock = now or datetime.now
        self.register = RegisterPage(store.db, today=lambda: clock().date())
        self.intake = IntakeForm(actor=actor, now=clock)
        self.detail = DetailPage(store, actor=actor, now=clock)
        for page in (self.register, self.intake, self.detail):
            self.addWidget(page)
        self._back_to: str | None = None

        self.register.openRequest.connect(lambda request_id: self.show_request(request_id))
        self.register.newRequested.connect(self.show_form)
        self.intake.requestSaved.connect(self._changed)
        self.intake.openRequested.connect(lambda request_id: self.show_request(request_id, back_to=None))
        self.intake.closeRequested.connect(self.show_list)
        self.detail.requestChanged.connect(self._changed)
        self.detail.backRequested.connect(self._detail_back)
        self.detail.objectionRequested.connect(self.objectionRequested)
        self.detail.openObjection.connect(self.openObjection)
        self.detail.openDipEntry.connect(self.openDipEntry)

    def show_list(self) -> None:
        self.setCurrentWidget(self.register)
        self.register.table.setFocus()

    def show_form(self) -> None:
        """Ctrl+N: the intake form; pressed again on the form, a fresh form for the next person."""
        if self.currentWidget() is self.intake and self.isVisible():
            self.intake.start_new()
        self.setCurrentWidget(self.intake)
        if not self.intake.focusWidget() or not self.intake.focusWidget().isVisible():
            self.intake.kind.setFocus()

    def show_request(self, request_id: int, back_to: str | None = None) -> bool:
        """Open a request's detail; Kembali returns to ``back_to`` (an area) or the register."""
        if not self.detail.show_request(request_id):
            return False
        self._back_to = back_to
        self.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()
        return True

    def refresh_units(self) -> None:
        """The office's units changed (Pengaturan › Unit): the filter and the form follow."""
        self.register.reload_units()
        self.intake.reload_units()

    def refresh_calendar(self) -> None:
        self.register.refresh()
        if self.currentWidget() is self.detail:
            self.detail.reload()

    def refresh_request(self, request_id: int) -> None:
        """A request changed elsewhere (an objection filed or decided): the register and, if it
        is that request, the detail follow."""
        self.register.refresh()
        if self.detail.request_id == request_id:
            self.detail.reload()

    def _changed(self, request_id: int) -> None:
        self.register.refresh()
        self.requestChanged.emit(request_id)

    def _detail_back(self) -> None:
        if self._back_to:
            self.setCurrentWidget(self.register)
            self.leaveRequested.emit(self._back_to)
            self._back_to = None
        else:
            self.show_list()
