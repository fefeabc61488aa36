"""An objection's deadlines for the :class:`~ppid_desk.ui.register.deadline_view.DeadlinesBox`:
when it counts as received, the Atasan PPID's answer (30 working days), the window to go
to the Komisi Informasi (14 working days), and whether it was filed in time, each with
the count redone with today's calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import long_date
from ppid_desk.objections.codes import AWAITING_ANSWER, EventKind, Status
from ppid_desk.objections.deadlines import ANSWER_DAYS, DISPUTE_DAYS
from ppid_desk.objections.grounds import FILING_DAYS
from ppid_desk.objections.service import event_data
from ppid_desk.store.models import Objection, ObjectionEvent

from ..register.deadline_view import DeadlineRow
from ..register.event_text import as_date

# The dispute window runs while the objector may still go to the Komisi Informasi.
_WINDOW_OPEN = (Status.REGISTERED, Status.FORWARDED, Status.DECIDED, Status.RESPONSE_HANDED_OVER)


def tr(text: str) -> str:
    return QCoreApplication.translate("objection_deadlines", text)


def _counted(calendar: WorkingCalendar, start: date, n: int, stored: date) -> str:
    deadline = calendar.add_working_days(start, n)
    text = deadline.explain()
    if deadline.day != stored:
        text += " " + tr("(Dengan kalender sekarang hasilnya {0}; yang tercatat {1}.)").format(
            long_date(deadline.day), long_date(stored))
    return text


def objection_deadline_rows(row: Objection, events: list[ObjectionEvent], calendar: WorkingCalendar,
                            today: date) -> list[DeadlineRow]:
    status = Status(row.status)
    registered = next((event_data(e) for e in events if e.kind == EventKind.REGISTERED.value), {})
    rows = [DeadlineRow("receipt", tr("Dihitung diterima (hari ke-0)"), row.effective_day,
                        calendar.effective_receipt(row.received_at).explain())]
    answer_text = _counted(calendar, row.effective_day, ANSWER_DAYS, row.answer_due)
    if row.decided_on:
        answer_text = tr("Diputuskan {0}. ").format(long_date(row.decided_on)) + answer_text
    rows.append(DeadlineRow("answer", tr("Jawaban Atasan PPID ({0} hari kerja)").format(ANSWER_DAYS),
                            row.answer_due, answer_text, in_force=status in AWAITING_ANSWER))
    if row.response_handed_on:
        start = row.response_handed_on
        text = tr("Dihitung dari penyerahan tanggapan ({0}). ").format(long_date(start))
    else:
        start = row.answer_due
        text = tr("Bila tanggapan belum diserahkan: dihitung dari batas jawaban Atasan PPID ({0}). ").format(
            long_date(start))
    window_open = status in _WINDOW_OPEN and (row.response_handed_on is not None or row.answer_due < today)
    rows.append(DeadlineRow("dispute", tr("Batas mengajukan sengketa ({0} hari kerja)").format(DISPUTE_DAYS),
                            row.dispute_window_due, text + _counted(calendar, start, DISPUTE_DAYS,
                                                                   row.dispute_window_due),
                            in_force=window_open))
    arose, due = as_date(registered.get("ground_arose_on")), as_date(registered.get("filing_due"))
    if arose and due:
        verdict = tr("Keberatan diajukan lewat batas ini; tetap dicatat, Atasan PPID yang menilai. ") \
            if row.late_filing else tr("Keberatan diajukan dalam batas ini. ")
        rows.append(DeadlineRow("filing", tr("Batas mengajukan keberatan ({0} hari kerja)").format(FILING_DAYS),
                                due, verdict + tr("Alasan keberatan timbul {0}. ").format(long_date(arose))
                                + _counted(calendar, arose, FILING_DAYS, due)))
    return rows
