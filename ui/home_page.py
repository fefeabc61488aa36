"""Beranda: today at the desk — the work waiting (requests overdue, due soon, incomplete,
new; objections whose answer is overdue or due soon, dispute windows running; inbox
messages whose answer is overdue or due soon, messages recorded today), is it a
working day, the hours, and the deadlines a request received now would get."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ppid_desk.calendar import WEEKDAY_NAMES, DayHours
from ppid_desk.dates import long_date
from ppid_desk.office import load_office
from ppid_desk.register import queries
from ppid_desk.register.codes import Status
from ppid_desk.store import Store
from ppid_desk.workdays import hours_text, load_calendar, load_service_hours

from .inbox.work_items import INBOX_LISTS, fit_message_list, inbox_lists
from .objections.work_items import OBJECTION_LISTS, objection_lists
from .register.work_panel import WorkPanel
from .register.worklist_model import WorkItem, work_item

UPCOMING_DAYS = 60
SOON_WORKING_DAYS = 3
REQUEST_LISTS = ("overdue", "due_today", "due_soon", "incomplete", "new_today")
WORKLISTS = (*REQUEST_LISTS, *OBJECTION_LISTS, *INBOX_LISTS)


def service_moment(hours: DayHours | None, at: time) -> str:
    """Where the counter stands now within today's hours ("" without set hours)."""
    if hours is None:
        return ""
    if at < hours.opens:
        return "Layanan belum dibuka."
    if at >= hours.closes:
        return "Layanan hari ini sudah ditutup; permohonan yang masuk sekarang dihitung hari kerja berikutnya."
    if any(start <= at < end for start, end in hours.breaks):
        return "Sedang istirahat; permohonan tetap dihitung diterima hari ini."
    return "Layanan sedang buka."


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("cardTitle")
        layout.addWidget(heading)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body, 1, Qt.AlignmentFlag.AlignTop)


class HomePage(QWidget):
    openRequest = Signal(int)
    openObjection = Signal(int)
    openMessage = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None, now: datetime | None = None):
        super().__init__(parent)
        self.store = store
        self._fixed_now = now
        self._work_shown = False
        self.greeting = QLabel()
        self.greeting.setObjectName("pageTitle")
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.today_card = Card(self.tr("Hari ini"))
        self.deadline_card = Card(self.tr("Permohonan yang diterima sekarang"))
        self.upcoming_card = Card(self.tr("Hari libur mendatang"))

        self.work_title = QLabel(self.tr("Pekerjaan hari ini"))
        self.work_title.setObjectName("sectionTitle")
        titles = {
            "overdue": self.tr("Terlambat"), "due_today": self.tr("Jatuh tempo hari ini"),
            "due_soon": self.tr("Jatuh tempo ≤ {0} hari kerja").format(SOON_WORKING_DAYS),
            "incomplete": self.tr("Menunggu kelengkapan"), "new_today": self.tr("Baru hari ini"),
            "objection_overdue": self.tr("Keberatan terlambat"),
            "objection_due_soon": self.tr("Keberatan jatuh tempo ≤ {0} hari kerja").format(SOON_WORKING_DAYS),
            "dispute_window": self.tr("Masa pengajuan sengketa berjalan"),
            "message_overdue": self.tr("Pesan lewat batas"),
            "message_due_soon": self.tr("Pesan jatuh tempo ≤ {0} hari kerja").format(SOON_WORKING_DAYS),
            "message_new_today": self.tr("Pesan baru hari ini"),
        }
        due_titles = {"incomplete": self.tr("Batas melengkapi"), "objection_overdue": self.tr("Tenggat jawaban"),
                      "objection_due_soon": self.tr("Tenggat jawaban"), "dispute_window": self.tr("Batas sengketa"),
                      **dict.fromkeys(INBOX_LISTS, self.tr("Batas jawab"))}
        self.work = WorkPanel(titles, due_titles, warn={"overdue", "due_today", "objection_overdue", "message_overdue"},
                              sections=[(self.tr("Permohonan"), list(REQUEST_LISTS)),
                                        (self.tr("Keberatan"), list(OBJECTION_LISTS)),
                                        (self.tr("Pesan masuk"), list(INBOX_LISTS))])
        self.work.openRequest.connect(self.openRequest)
        self.work.openObjection.connect(self.openObjection)
        self.work.openMessage.connect(self.openMessage)
        for key in INBOX_LISTS:
            fit_message_list(self.work.views[key])

        cards = QHBoxLayout()
        cards.setSpacing(16)
        for card, stretch in ((self.today_card, 2), (self.deadline_card, 3), (self.upcoming_card, 3)):
            cards.addWidget(card, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.greeting)
        layout.addWidget(self.warning)
        layout.addWidget(self.work_title)
        layout.addWidget(self.work, 1)
        layout.addSpacing(8)
        layout.addLayout(cards)
        self.refresh()

    def now(self) -> datetime:
        return self._fixed_now or datetime.now()

    def refresh(self) -> None:
        now = self.now()
        today = now.date()
        office = load_office()
        calendar = load_calendar()
        self.greeting.setText(long_date(today) + (f" \u2014 {office.agency_name}" if office.agency_name else ""))
        warning = calendar.year_warning(today.year)
        self.warning.setText(warning or "")
        self.warning.setVisible(bool(warning))

        off = calendar.day_off(today)
        hours = load_service_hours().get(today.weekday())
        if off is not None:
            status = self.tr("<b>Hari libur</b>: {0}").format(off.describe())
        else:
            status = self.tr("<b>Hari kerja</b>. Jam layanan {0}: {1} {2}").format(
                WEEKDAY_NAMES[today.weekday()], hours_text(hours), office.timezone)
            moment = service_moment(hours, now.time())
            if moment:
                status += "<br>" + self.tr(moment)
        self.today_card.body.setText(status)

        result = calendar.deadlines(now, completeness_days=office.completeness_days)
        rows = [
            (self.tr("Dihitung diterima"), result.receipt.day),
            (self.tr("Batas melengkapi ({0} hari kerja)").format(office.completeness_days), result.completeness.day),
            (self.tr("Pemberitahuan tertulis (10 hari kerja)"), result.response.day),
            (self.tr("Jika diperpanjang (+7 hari kerja)"), result.extended.day),
        ]
        cell = "<td style='padding-left:12px; white-space:nowrap'>"
        table = "".join(f"<tr><td>{label}</td>{cell}<b>{long_date(d)}</b></td></tr>" for label, d in rows)
        self.deadline_card.body.setText(f"<table>{table}</table><p>{result.receipt.explain()}</p>")

        upcoming = [d for year in {today.year, (today + timedelta(days=UPCOMING_DAYS)).year}
                    for d in calendar.days_off(year)
                    if today <= d.day <= today + timedelta(days=UPCOMING_DAYS)]
        if upcoming:
            items = "".join(f"<li>{long_date(d.day)}: {d.describe()}</li>" for d in sorted(upcoming, key=lambda d: d.day))
            self.upcoming_card.body.setText(f"<ul style='margin-left:-20px'>{items}</ul>")
        else:
            self.upcoming_card.body.setText(self.tr("Tidak ada hari libur dalam {0} hari ke depan.").format(UPCOMING_DAYS))
        self._refresh_work(now, calendar)

    def _refresh_work(self, now: datetime, calendar) -> None:
        today = now.date()
        items: dict[str, list[WorkItem]] = {
            "overdue": [work_item(r, self.tr("terlambat {0} hari kerja").format(
                queries.working_days_late(calendar, r, today))) for r in queries.overdue(today)],
            "due_today": [work_item(r, self.tr("hari ini")) for r in queries.due_today(today)],
            "due_soon": [work_item(r, self.tr("{0} hari kerja lagi").format(calendar.working_days_between(
                today, r.extended_due if r.extended else r.response_due)))
                for r in queries.due_within(calendar, today, SOON_WORKING_DAYS)],
            "incomplete": [work_item(r, self.tr("batas sudah lewat") if r.completeness_due < today
                                     else self.tr("belum lengkap"), due=r.completeness_due)
                           for r in queries.awaiting_completeness()],
            "new_today": [work_item(r, Status(r.status).label) for r in queries.received_on(today)],
            **objection_lists(calendar, today, SOON_WORKING_DAYS),
            **inbox_lists(calendar, today, SOON_WORKING_DAYS),
        }
        self.work.set_lists(items)
        if not self._work_shown:  # first look: the most urgent list that has something
            self._work_shown = True
            self.work.show_list(next((k for k in WORKLISTS if items[k]), WORKLISTS[0]))

    def count(self, key: str) -> int:
        return self.work.models[key].rowCount()
