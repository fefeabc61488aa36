"""The "Daftar Informasi Publik" area: the list of entries, an entry's form and its detail,
one at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from ..session import current_actor
from .detail_page import EntryDetailPage
from .dip_page import DipPage
from .entry_form import EntryForm


class DipArea(QStackedWidget):
    entryChanged = Signal(int)  # an entry was added, changed, retired or reactivated (-1: an import)
    openRequest = Signal(int)  # show a request's detail (in the Register Permohonan area)
    leaveRequested = Signal(str)  # go back to another area (the detail was opened from there)

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        clock = now or datetime.now
        self.page = DipPage(actor=actor)
        self.form = EntryForm(actor=actor, now=clock)
        self.detail = EntryDetailPage(actor=actor, now=clock)
        for widget in (self.page, self.form, self.detail):
            self.addWidget(widget)
        self._back_to: str | None = None
        self._form_from_detail = False
        self._stale = False

        self.page.openEntry.connect(lambda entry_id: self.show_entry(entry_id))
        self.page.newRequested.connect(self.show_form)
        self.page.entriesImported.connect(lambda _count: self.entryChanged.emit(-1))
        self.form.entrySaved.connect(self._saved)
        self.form.closeRequested.connect(self._form_back)
        self.detail.editRequested.connect(self.show_edit)
        self.detail.entryChanged.connect(self._changed)
        self.detail.openRequest.connect(self.openRequest)
        self.detail.backRequested.connect(self._detail_back)

    def show_list(self) -> None:
        self.setCurrentWidget(self.page)
        self.page.table.setFocus()

    def show_form(self) -> None:
        """A new entry's form."""
        self.form.start_new()
        self._form_from_detail = False
        self.setCurrentWidget(self.form)
        self.form.summary.setFocus()

    def show_edit(self, entry_id: int) -> bool:
        """The form filled with an entry; Esc and saving return to its detail."""
        if not self.form.start_edit(entry_id):
            return False
        self._form_from_detail = True
        self.setCurrentWidget(self.form)
        self.form.summary.setFocus()
        return True

    def show_entry(self, entry_id: int, back_to: str | None = None) -> bool:
        """Open an entry's detail; Kembali returns to ``back_to`` (an area) or the list."""
        if not self.detail.show_entry(entry_id):
            return False
        self._back_to = back_to
        self.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()
        return True

    def refresh(self) -> None:
        """Something changed elsewhere (a request linked or unlinked, a unit renamed): the list and
        an open detail follow, at once when they are on screen, else when the area is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.page.refresh()
        if self.currentWidget() is self.detail:
            self.detail.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _saved(self, entry_id: int) -> None:
        self.page.refresh()
        self.page.select_entry(entry_id)
        back_to = self._back_to if self._form_from_detail else None
        self.show_entry(entry_id, back_to=back_to)
        self.entryChanged.emit(entry_id)

    def _changed(self, entry_id: int) -> None:
        self.page.refresh()
        self.page.select_entry(entry_id)
        self.entryChanged.emit(entry_id)

    def _form_back(self) -> None:
        if self._form_from_detail and self.detail.entry_id is not None:
            self.setCurrentWidget(self.detail)
            self.detail.back_button.setFocus()
        else:
            self.show_list()

    def _detail_back(self) -> None:
        target, self._back_to = self._back_to, None
        entry_id = self.detail.entry_id
        self.show_list()
        if entry_id is not None:
            self.page.select_entry(entry_id)
        if target:
            self.leaveRequested.emit(target)
