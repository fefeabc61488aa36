"""A message's deadlines for the shared :class:`~ppid_desk.ui.register.deadline_view.DeadlinesBox`:
the day it counts as recorded (day 0), the answer (10 working days) and the extended
answer (+7), each with the count redone with today's calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import long_date
from ppid_desk.inbox.codes import OPEN, Status
from ppid_desk.inbox.deadlines import ANSWER_DAYS, EXTENSION_DAYS
from ppid_desk.store.models import InboxMessage

from ..register.deadline_view import DeadlineRow


def tr(text: str) -> str:
    return QCoreApplication.translate("inbox_deadlines", text)


def _counted(calendar: WorkingCalendar, start: date, n: int, stored: date) -> str:
    deadline = calendar.add_working_days(start, n)
    text = deadline.explain()
    if deadline.day != stored:
        text += " " + tr("(Dengan kalender sekarang hasilnya {0}; yang tercatat {1}.)").format(
            long_date(deadline.day), long_date(stored))
    return text


def message_deadline_rows(row: InboxMessage, calendar: WorkingCalendar) -> list[DeadlineRow]:
    open_ = Status(row.status) in OPEN
    receipt = calendar.effective_receipt(row.recorded_at).explain()
    if receipt.startswith("Diterima"):  # the count starts at the recording (seed 001), not at the arrival
        receipt = tr("Dicatat") + receipt[len("Diterima"):]
    receipt = tr("Batas jawaban dihitung sejak pesan dicatat di buku register. ") + receipt
    rows = [DeadlineRow("receipt", tr("Dihitung dicatat (hari ke-0)"), row.effective_day, receipt)]
    answer = _counted(calendar, row.effective_day, ANSWER_DAYS, row.response_due)
    if row.answered_at:
        answer = tr("Dijawab {0}. ").format(long_date(row.answered_at.date())) + answer
    rows.append(DeadlineRow("answer", tr("Jawaban ({0} hari kerja)").format(ANSWER_DAYS), row.response_due, answer,
                            in_force=open_ and not row.extended))
    caption = tr("Setelah diperpanjang (+{0} hari kerja)") if row.extended \
        else tr("Jika diperpanjang (+{0} hari kerja)")
    rows.append(DeadlineRow("extended", caption.format(EXTENSION_DAYS), row.extended_due,
                            _counted(calendar, row.effective_day, ANSWER_DAYS + EXTENSION_DAYS, row.extended_due),
                            in_force=open_ and row.extended))
    return rows
