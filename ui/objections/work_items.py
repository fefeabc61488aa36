"""Beranda's objection lists: answers overdue, answers due within a few working days, and
the objections the objector may still take to the Komisi Informasi."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import short_date
from ppid_desk.objections import queries
from ppid_desk.store.models import Objection

from ..register.worklist_model import WorkItem

OBJECTION_LISTS = ("objection_overdue", "objection_due_soon", "dispute_window")


def tr(text: str) -> str:
    return QCoreApplication.translate("objection_work", text)


def objection_item(row: Objection, note: str, due: date) -> WorkItem:
    information = " ".join((row.information or row.case_summary or "").split())
    return WorkItem(row.id, row.number, short_date(row.received_at.date()), row.requester.name, information,
                    short_date(due), note, objection=True)


def objection_lists(calendar: WorkingCalendar, today: date, soon: int) -> dict[str, list[WorkItem]]:
    """The three lists, keyed as :data:`OBJECTION_LISTS`; ``soon``: working days ahead."""
    overdue = [objection_item(r, tr("terlambat {0} hari kerja").format(queries.working_days_late(calendar, r, today)),
                              r.answer_due) for r in queries.overdue(today)]
    due_soon = [objection_item(r, tr("hari ini"), r.answer_due) for r in queries.due_today(today)]
    due_soon += [objection_item(r, tr("{0} hari kerja lagi").format(calendar.working_days_between(today,
                                                                                                  r.answer_due)),
                                r.answer_due) for r in queries.due_within(calendar, today, soon)]
    windows = []
    for r in queries.dispute_windows_running(today):
        left = calendar.working_days_between(today, r.dispute_window_due)
        windows.append(objection_item(r, tr("sampai hari ini") if r.dispute_window_due == today
                                      else tr("{0} hari kerja lagi").format(left), r.dispute_window_due))
    return {"objection_overdue": overdue, "objection_due_soon": due_soon, "dispute_window": windows}
