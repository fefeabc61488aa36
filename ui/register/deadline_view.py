"""A request's deadlines, each with "Bagaimana dihitung": the count redone with today's calendar.

The explanation is recomputed from the stored effective receipt day with the calendar
in force now; if that gives another date than the one stored (a request already
closed when the holiday table changed), both are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QToolButton, QVBoxLayout, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import long_date
from ppid_desk.register.codes import EventKind
from ppid_desk.register.service import event_data
from ppid_desk.store.models import Request, RequestEvent

from .event_text import as_date


def tr(text: str) -> str:
    return QCoreApplication.translate("deadline_view", text)


@dataclass(frozen=True)
class DeadlineRow:
    key: str
    label: str
    day: date
    explanation: str
    in_force: bool = False


def deadline_rows(row: Request, events: list[RequestEvent], calendar: WorkingCalendar,
                  completeness_days: int) -> list[DeadlineRow]:
    data = {EventKind(e.kind) if e.kind in EventKind._value2member_map_ else None: event_data(e) for e in events}
    completed = [e for e in events if e.kind == EventKind.COMPLETED.value]
    told = [e for e in events if e.kind == EventKind.INCOMPLETE.value]
    registered_day = as_date(data.get(EventKind.REGISTERED, {}).get("effective_day")) or row.effective_day
    extension = int(data.get(EventKind.EXTENDED, {}).get("days", 7) or 7)

    receipt = calendar.effective_receipt(completed[-1].at if completed else row.received_at)
    receipt_text = receipt.explain()
    if completed:
        receipt_text = tr("Persyaratan dilengkapi; hitungan dimulai lagi. ") + receipt_text

    def counted(start: date, n: int, stored: date) -> str:
        deadline = calendar.add_working_days(start, n)
        text = deadline.explain()
        if deadline.day != stored:
            text += " " + tr("(Dengan kalender sekarang hasilnya {0}; yang tercatat {1}.)").format(
                long_date(deadline.day), long_date(stored))
        return text

    rows = [DeadlineRow("receipt", tr("Dihitung diterima (hari ke-0)"), row.effective_day, receipt_text)]
    if row.completeness_due:
        start, note = registered_day, ""
        if told and calendar.add_working_days(registered_day, completeness_days).day != row.completeness_due:
            # Told only after the first window ran out: a whole window from the day told.
            start = calendar.effective_receipt(told[-1].at).day
            note = tr("Pemohon baru diberi tahu {0}; batas dihitung dari hari itu. ").format(long_date(start))
        rows.append(DeadlineRow("completeness", tr("Batas melengkapi ({0} hari kerja)").format(completeness_days),
                                row.completeness_due,
                                note + counted(start, completeness_days, row.completeness_due)))
    if row.reopened_on is not None:
        # Reopened on the Atasan PPID's order: the order's deadline replaces the notice's.
        order = next((event_data(e) for e in reversed(events) if e.kind == EventKind.REOPENED.value), {})
        days = int(order.get("days") or 10)
        first = calendar.add_working_days(row.effective_day, 10)
        rows.append(DeadlineRow("response", tr("Pemberitahuan tertulis semula (10 hari kerja)"), first.day,
                                first.explain()))
        rows.append(DeadlineRow("order", tr("Perintah Atasan PPID ({0} hari kerja)").format(days), row.response_due,
                                tr("Dibuka kembali atas keberatan {0}, diputuskan {1}. ").format(
                                    order.get("objection", ""), long_date(row.reopened_on))
                                + counted(row.reopened_on, days, row.response_due), in_force=True))
    else:
        rows.append(DeadlineRow("response", tr("Pemberitahuan tertulis (10 hari kerja)"), row.response_due,
                                counted(row.effective_day, 10, row.response_due), in_force=not row.extended))
        if row.extended:
            rows.append(DeadlineRow("extended", tr("Setelah diperpanjang (+{0} hari kerja)").format(extension),
                                    row.extended_due, counted(row.effective_day, 10 + extension, row.extended_due),
                                    in_force=True))
        else:
            rows.append(DeadlineRow("extended", tr("Jika diperpanjang (+7 hari kerja)"), row.extended_due,
                                    counted(row.effective_day, 17, row.extended_due)))
    if row.internal_due:
        rows.append(DeadlineRow("internal", tr("Tenggat internal unit"), row.internal_due,
                                tr("Ditetapkan petugas saat disposisi.")))
    return rows


class DeadlinesBox(QGroupBox):
    """The deadlines as rows: label and date, and under them a toggle that shows how the
    date was counted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Tenggat"), parent)
        self.box = QVBoxLayout(self)
        self.content: QWidget | None = None
        self.toggles: dict[str, QToolButton] = {}
        self.explanations: dict[str, QLabel] = {}
        self.days: dict[str, QLabel] = {}

    def show_rows(self, rows: list[DeadlineRow]) -> None:
        if self.content is not None:  # out of the layout now, deleted later
            self.content.hide()
            self.box.removeWidget(self.content)
            self.content.deleteLater()
        self.content = QWidget()
        grid = QGridLayout(self.content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(0)
        self.toggles.clear()
        self.explanations.clear()
        self.days.clear()
        for i, row in enumerate(rows):
            caption = QLabel(f"<b>{row.label}</b>" if row.in_force else row.label)
            caption.setWordWrap(True)
            day = QLabel(f"<b>{long_date(row.day)}</b>" if row.in_force else long_date(row.day))
            day.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            day.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            toggle = QToolButton()
            toggle.setText(self.tr("Bagaimana dihitung?"))
            toggle.setCheckable(True)
            toggle.setAutoRaise(True)
            toggle.setObjectName("explainToggle")
            explanation = QLabel(row.explanation)
            explanation.setWordWrap(True)
            explanation.setObjectName("explanation")
            explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            explanation.hide()
            toggle.toggled.connect(explanation.setVisible)
            grid.addWidget(caption, 3 * i, 0)
            grid.addWidget(day, 3 * i, 1)
            grid.addWidget(toggle, 3 * i + 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(explanation, 3 * i + 2, 0, 1, 2)
            self.toggles[row.key] = toggle
            self.explanations[row.key] = explanation
            self.days[row.key] = day
        self.box.addWidget(self.content)
