"""Beranda's message lists: answers overdue, answers due within a few working days, and
the messages recorded today."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableView

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import short_date
from ppid_desk.inbox import queries
from ppid_desk.inbox.codes import OPEN, Status
from ppid_desk.store.models import InboxMessage

from ..register.worklist_model import WorkItem, WorklistModel

INBOX_LISTS = ("message_overdue", "message_due_soon", "message_new_today")
NUMBER_WIDTH = 185  # "123/PESAN/PPID/VIII/2026"


def tr(text: str) -> str:
    return QCoreApplication.translate("inbox_work", text)


def message_item(row: InboxMessage, note: str) -> WorkItem:
    due = row.extended_due if row.extended else row.response_due
    due_text = short_date(due) if Status(row.status) in OPEN else "\u2014"  # answered or converted: none owed
    return WorkItem(row.id, row.number, short_date(row.recorded_at.date()), row.sender, " ".join(row.text.split()),
                    due_text, note, message=True)


def fit_message_list(view: QTableView) -> None:
    """A work list of messages: its columns named for messages, room for the longer numbers."""
    model = view.model()
    names = {WorklistModel.RECEIVED: tr("Dicatat"), WorklistModel.NAME: tr("Pengirim"),
             WorklistModel.INFORMATION: tr("Isi pesan")}
    model.headers = tuple(names.get(i, text) for i, text in enumerate(model.headers))
    view.horizontalHeader().resizeSection(WorklistModel.NO, NUMBER_WIDTH)


def inbox_lists(calendar: WorkingCalendar, today: date, soon: int) -> dict[str, list[WorkItem]]:
    """The three lists, keyed as :data:`INBOX_LISTS`; ``soon``: working days ahead."""
    overdue = [message_item(r, tr("terlambat {0} hari kerja").format(queries.working_days_late(calendar, r, today)))
               for r in queries.overdue(today)]
    due_soon = []
    for r in queries.due_within(calendar, today, soon):
        due = r.extended_due if r.extended else r.response_due
        due_soon.append(message_item(r, tr("hari ini") if due == today else tr("{0} hari kerja lagi").format(
            calendar.working_days_between(today, due))))
    new = [message_item(r, Status(r.status).label) for r in queries.recorded_on(today)]
    return {"message_overdue": overdue, "message_due_soon": due_soon, "message_new_today": new}
