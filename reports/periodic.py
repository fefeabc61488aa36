"""Periodic reports (DOMAIN.md "Reports"): the daily, 7-day, 30-day and annual Excel
report of the requests and objections received in a period.

Sheets: **Ringkasan** (the figures and their breakdowns), **Waktu Penyelesaian** (each
decided request's working days to the written notice and to delivery, grouped by
classification, with minimum, average and maximum), **Grafik** (requests per day, or per
week for long periods, by outcome, with a chart), and the period's **Register
Permohonan** and **Register Keberatan** in the Perki layout (:mod:`.register_xlsx`,
:mod:`.objections_xlsx`).

As of the end of the period: a request's outcome is read from its events up to the end
of the period's last day (a decision recorded later counts as "Masih diproses"; a
reopening undoes an earlier decision; a withdrawal or lapse before a decision counts as
"Ditarik/batal", one after the written notice leaves the decision standing; an
extension counts once recorded). The register sheets show the same state (the decision,
notice and delivery columns as they stood at the end). The requests and events of the
period are read in one pass each; counts by channel, requester type and unit are SQL
aggregates.

The annual report adds a **Laporan Tahunan** sheet in the order of Perki 1/2021's
annual report (policy, facilities, staff, budget, the service figures, objections and
disputes, obstacles, recommendations); the texts the office writes come from the
settings (``annual_*``), so each year starts from last year's wording.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from peewee import JOIN
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font

from ppid_desk.accounts.officer import Actor, require
from ppid_desk.accounts.roles import Permission
from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dip.codes import InfoClass
from ppid_desk.inbox.queries import counts_by_kind
from ppid_desk.objections.codes import Decision as ObjectionDecision, EventKind as ObjectionStep
from ppid_desk.office import load_office
from ppid_desk.privacy import Masker
from ppid_desk.register.codes import PASAL_17, Channel, Decision, EventKind, RequesterKind
from ppid_desk.store.models import DipEntry, Objection, Request, RequestEvent, Requester, RequestUnit, Unit
from ppid_desk.workdays import load_calendar

from . import objections_xlsx, register_xlsx
from .export_audit import record_export
from .periods import KIND_WORDS, KINDS, Period, ReportCancelled, ReportSummary, period_bounds, period_text
from .register_xlsx import AsOf
from .xlsx_book import (DATE_FORMAT, Book, Rows, add_register_sheet, check_export, day, discard_book, print_setup,
                        save_book, stream_cells, styled)

IN_PROCESS = "Masih diproses"
ENDED = "Ditarik/batal"
OUTCOMES = (*(d.label for d in Decision), IN_PROCESS, ENDED)
_ENDING = {EventKind.WITHDRAWN.value, EventKind.LAPSED.value}
_KINDS_READ = [EventKind.DECIDED.value, EventKind.EXTENDED.value, EventKind.DELIVERED.value,
               EventKind.REOPENED.value, *_ENDING]


@dataclass
class RequestLine:
    """One request received in the period, as of the end of the period."""

    id: int
    number: str
    received: datetime
    effective_day: date
    response_due: date
    extended_due: date
    outcome: str = IN_PROCESS
    state: AsOf = field(default_factory=AsOf)
    extended: bool = False
    info_class: str | None = None  # the class of the DIP entry the request is linked to
    to_notice: int | None = None
    to_delivery: int | None = None
    on_time: bool | None = None

    @property
    def notice(self) -> date | None:
        return self.state.notice

    @property
    def delivered(self) -> date | None:
        return self.state.delivered

    @property
    def pasal17(self) -> tuple[str, ...]:
        return tuple(x for x in self.state.pasal17.split(",") if x)


# --- reading --------------------------------------------------------------------------

def _received_in(model, period: Period):
    first, last = period_bounds(period.first, period.last)
    return (model.received_at >= first) & (model.received_at <= last)


def _event_day(value) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def request_lines(period: Period, calendar: WorkingCalendar) -> list[RequestLine]:
    """The period's requests with their state as of the end of its last day."""
    _, end = period_bounds(period.first, period.last)
    lines: dict[int, RequestLine] = {}
    query = (Request.select(Request.id, Request.number, Request.received_at, Request.effective_day,
                            Request.response_due, Request.extended_due, DipEntry.info_class)
             .join(DipEntry, JOIN.LEFT_OUTER, on=Request.dip_entry == DipEntry.id)
             .where(_received_in(Request, period)).order_by(Request.received_at, Request.id))
    for rid, number, received, effective, due, extended_due, info_class in query.tuples().iterator():
        lines[rid] = RequestLine(rid, number, received, effective, due, extended_due, info_class=info_class)
    if not lines:
        return []
    events = (RequestEvent.select(RequestEvent.request, RequestEvent.kind, RequestEvent.data)
              .join(Request, on=RequestEvent.request == Request.id)
              .where(_received_in(Request, period) & RequestEvent.kind.in_(_KINDS_READ) & (RequestEvent.at <= end))
              .order_by(RequestEvent.request, RequestEvent.at, RequestEvent.id))
    for rid, kind, raw in events.tuples().iterator():
        line = lines[rid]
        if kind == EventKind.DECIDED.value:
            data = json.loads(raw or "{}")
            pasal = data.get("pasal17") or []
            line.outcome = Decision(data["decision"]).label
            line.state = AsOf(decision=data["decision"], pasal17=pasal if isinstance(pasal, str) else ",".join(pasal),
                              other_statute=data.get("other_statute") or "", holder_body=data.get("holder_body") or "",
                              notice=_event_day(data.get("notice_date")))
        elif kind == EventKind.DELIVERED.value:
            data = json.loads(raw or "{}")
            line.state = replace(line.state, delivered=_event_day(data.get("delivered_on")),
                                 delivery_form=data.get("form") or "", cost=data.get("cost"),
                                 payment_method=data.get("payment_method") or "")
        elif kind == EventKind.EXTENDED.value:
            line.extended = True
        elif kind == EventKind.REOPENED.value:
            line.outcome, line.state = IN_PROCESS, AsOf()
        elif line.outcome == IN_PROCESS:
            # withdrawn or lapsed before a decision; a written notice already given stands
            line.outcome, line.state = ENDED, AsOf(ended=True)
    for line in lines.values():
        if line.notice is not None and line.outcome not in (IN_PROCESS, ENDED):
            line.to_notice = calendar.working_days_between(line.effective_day, line.notice)
            line.on_time = line.notice <= (line.extended_due if line.extended else line.response_due)
        if line.delivered is not None:
            line.to_delivery = calendar.working_days_between(line.effective_day, line.delivered)
    return list(lines.values())


NOT_LINKED = "Tidak dikaitkan ke DIP"


def _class_label(line: RequestLine) -> str:
    return InfoClass(line.info_class).label if line.info_class else NOT_LINKED


def by_class(lines: list[RequestLine]) -> dict[str, int]:
    """The period's requests by the class of the DIP entry each is linked to."""
    counts = Counter(_class_label(line) for line in lines)
    return {label: counts[label] for label in (*(c.label for c in InfoClass), NOT_LINKED)}


def _grouped(query) -> dict[str, int]:
    return {key: n for key, n in query.tuples()}


def _breakdowns(period: Period) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    from peewee import fn

    _, end = period_bounds(period.first, period.last)
    n = fn.COUNT(Request.id)
    channels = _grouped(Request.select(Request.channel, n).where(_received_in(Request, period))
                        .group_by(Request.channel))
    kinds = _grouped(Request.select(Requester.kind, n).join(Requester).where(_received_in(Request, period))
                     .group_by(Requester.kind))
    units = _grouped(Unit.select(Unit.name, fn.COUNT(fn.DISTINCT(RequestUnit.request)))
                     .join(RequestUnit).join(Request)
                     .where(_received_in(Request, period) & (RequestUnit.routed_at <= end))
                     .group_by(Unit.name).order_by(Unit.name))
    by_channel = {c.label: channels.get(c.value, 0) for c in Channel}
    by_requester = {k.label: kinds.get(k.value, 0) for k in RequesterKind}
    return by_channel, by_requester, units


def summarise(lines: list[RequestLine], objections: int) -> dict[str, float | int | None]:
    counts = Counter(line.outcome for line in lines)
    decided = [line for line in lines if line.to_notice is not None]
    average = round(sum(x.to_notice for x in decided) / len(decided), 2) if decided else None
    on_time = round(100 * sum(1 for x in decided if x.on_time) / len(decided), 1) if decided else None
    figures: dict[str, float | int | None] = {"Jumlah permohonan": len(lines)}
    for decision in Decision:
        figures[decision.label] = counts[decision.label]
    figures[IN_PROCESS] = counts[IN_PROCESS]
    figures[ENDED] = counts[ENDED]
    figures["Jumlah keberatan"] = objections
    figures["Rata-rata waktu penyelesaian (hari kerja)"] = average
    figures["Selesai tepat waktu (%)"] = on_time
    figures["Diperpanjang"] = sum(1 for line in lines if line.extended)
    return figures


# --- writing --------------------------------------------------------------------------

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_RIGHT = Alignment(horizontal="right")


def _ringkasan(wb: Workbook, summary: ReportSummary, made_by: str, now: datetime, paper: str) -> None:
    ws = wb.create_sheet("Ringkasan")
    ws.column_dimensions["A"].width = 78  # the longest labels: Pasal 17 wordings, unit names
    ws.column_dimensions["B"].width = 22
    print_setup(ws, paper, "A8", "1:3")
    office = load_office()
    period = summary.period
    rows = Rows(ws)
    rows.append([styled(ws, (office.agency_name or office.ppid_unit or "PPID").upper(), _BOLD)])
    rows.append([styled(ws, f"LAPORAN LAYANAN INFORMASI PUBLIK \u2014 {KIND_WORDS[period.kind].upper()}", _TITLE)])
    rows.append([styled(ws, period_text(period.first, period.last), Font(italic=True))])
    rows.append(["Periode awal", styled(ws, day(period.first), number_format=DATE_FORMAT)])
    rows.append(["Periode akhir", styled(ws, day(period.last), number_format=DATE_FORMAT)])
    rows.append(["Dibuat pada", styled(ws, now.replace(microsecond=0), number_format="dd/mm/yyyy hh:mm")])
    rows.append(["Dibuat oleh", made_by])
    rows.append([])
    rows.append([styled(ws, "Angka", _BOLD), styled(ws, "Jumlah", _BOLD, _RIGHT)])
    for label, value in summary.figures.items():
        fmt = "0.0" if isinstance(value, float) else "0"
        rows.append([label, styled(ws, value, number_format=fmt)])
    for title, table in (*summary.tables().items(), ("Keberatan menurut hasil", summary.by_objection)):
        rows.append([])
        rows.append([styled(ws, title, _BOLD), styled(ws, "Jumlah", _BOLD, _RIGHT)])
        if not table:
            rows.append([styled(ws, "Tidak ada.", Font(italic=True))])
        for label, value in table.items():
            if len(label) <= _LABEL_CHARS:
                rows.append([label, value])
            else:  # a Pasal 17 wording: wrapped onto a taller row
                rows.append([styled(ws, label, alignment=_WRAP_TOP), styled(ws, value, alignment=_TOP)],
                            height=15 * -(-len(label) // _LABEL_CHARS))


_LABEL_CHARS = 85  # what column A (width 78) holds on one line
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


def _classified(lines: list[RequestLine]) -> dict[str, list[RequestLine]]:
    groups: dict[str, list[RequestLine]] = {d.label: [] for d in Decision}
    for line in lines:
        if line.to_notice is not None:
            groups[line.outcome].append(line)
    return groups


def _min_avg_max(values: list[int]) -> list:
    if not values:
        return [None, None, None]
    return [min(values), round(sum(values) / len(values), 2), max(values)]


def _waktu(wb: Workbook, lines: list[RequestLine], period: Period, paper: str) -> None:
    ws = wb.create_sheet("Waktu Penyelesaian")
    widths = (22, 13, 13, 24, 15, 15, 15, 15, 12)
    for index, width in enumerate(widths):
        ws.column_dimensions[chr(65 + index)].width = width
    print_setup(ws, paper, "B4", "3:3")
    groups = _classified(lines)
    rows = Rows(ws)
    rows.append([styled(ws, "WAKTU PENYELESAIAN PERMOHONAN (HARI KERJA)", _TITLE)])
    rows.append([styled(ws, period_text(period.first, period.last), Font(italic=True))])
    rows.append([styled(ws, t, _BOLD, Alignment(wrap_text=True)) for t in (
        "No", "Diterima", "Tanggal efektif", "Klasifikasi", "Pemberitahuan tertulis", "Hari kerja s.d. pemberitahuan",
        "Penyerahan informasi", "Hari kerja s.d. penyerahan", "Tepat waktu")], height=30)
    stream_cells(ws)
    # styled cells reused for every row (each row is written at once)
    dates = {i: styled(ws, None, number_format=DATE_FORMAT) for i in (1, 2, 4, 6)}
    dates[8] = styled(ws, None, alignment=Alignment(horizontal="center"))
    for label, group in groups.items():
        for line in group:
            cells = [line.number, day(line.received.date()), day(line.effective_day), label, day(line.notice),
                     line.to_notice, day(line.delivered), line.to_delivery, "Ya" if line.on_time else "Tidak"]
            for i, cell in dates.items():
                if cells[i] is not None:
                    cell.value = cells[i]
                    cells[i] = cell
            rows.append(cells)
    rows.append([])
    rows.append([styled(ws, t, _BOLD, _WRAP_TOP) for t in ("Klasifikasi", "Jumlah", "", "Min. s.d. pemberitahuan",
                                              "Rata-rata s.d. pemberitahuan", "Maks. s.d. pemberitahuan",
                                              "Min. s.d. penyerahan", "Rata-rata s.d. penyerahan",
                                              "Maks. s.d. penyerahan")], height=30)
    everything = [line for group in groups.values() for line in group]
    for label, group in (*groups.items(), ("Semua yang diputuskan", everything)):
        _time_row(rows, label, group)
    rows.append([])
    rows.append([styled(ws, t, _BOLD, _WRAP_TOP) for t in ("Klasifikasi informasi (DIP)", "Jumlah", "",
                                              "Min. s.d. pemberitahuan", "Rata-rata s.d. pemberitahuan",
                                              "Maks. s.d. pemberitahuan", "Min. s.d. penyerahan",
                                              "Rata-rata s.d. penyerahan", "Maks. s.d. penyerahan")],
                height=30)
    by_info: dict[str, list[RequestLine]] = {label: [] for label in (*(c.label for c in InfoClass), NOT_LINKED)}
    for line in everything:
        by_info[_class_label(line)].append(line)
    for label, group in by_info.items():
        _time_row(rows, label, group)


def _time_row(rows: Rows, label: str, group: list[RequestLine]) -> None:
    notice = [x.to_notice for x in group]
    delivery = [x.to_delivery for x in group if x.to_delivery is not None]
    rows.append([label, len(group), None, *_min_avg_max(notice), *_min_avg_max(delivery)])


def _buckets(period: Period) -> tuple[str, list[date]]:
    if period.days <= 62:
        return "Tanggal", [period.first + timedelta(days=i) for i in range(period.days)]
    start = period.first - timedelta(days=period.first.weekday())
    weeks = []
    while start <= period.last:
        weeks.append(start)
        start += timedelta(days=7)
    return "Minggu mulai", weeks


def _grafik(wb: Workbook, lines: list[RequestLine], period: Period, paper: str) -> None:
    ws = wb.create_sheet("Grafik")
    print_setup(ws, paper, "B2", "1:1")
    ws.column_dimensions["A"].width = 14
    for index in range(len(OUTCOMES)):
        ws.column_dimensions[chr(66 + index)].width = 14
    ws.row_dimensions[1].height = 45  # "Belum didokumentasikan" takes three lines
    heading, buckets = _buckets(period)
    weekly = heading != "Tanggal"
    table: dict[date, Counter] = defaultdict(Counter)
    for line in lines:
        d = line.received.date()
        if weekly:
            d -= timedelta(days=d.weekday())
        table[d][line.outcome] += 1
    ws.append([styled(ws, t, _BOLD, Alignment(wrap_text=True, vertical="bottom")) for t in (heading, *OUTCOMES)])
    for bucket in buckets:
        ws.append([styled(ws, day(bucket), number_format=DATE_FORMAT), *(table[bucket][o] for o in OUTCOMES)])
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = f"Permohonan per {'minggu' if weekly else 'hari'} menurut hasil"
    chart.y_axis.title = "Permohonan"
    chart.x_axis.title = heading
    chart.x_axis.number_format = "dd/mm"
    chart.height, chart.width = 10, 26
    last_row = len(buckets) + 1
    chart.add_data(Reference(ws, min_col=2, max_col=1 + len(OUTCOMES), min_row=1, max_row=last_row),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last_row))
    ws.add_chart(chart, "J2")


OBJECTION_OUTCOMES = {ObjectionDecision.UPHELD: "Keberatan ditolak (keputusan PPID dikuatkan)",
                      ObjectionDecision.OVERTURNED: "Keberatan diterima (PPID diperintahkan memberi informasi)"}


Progress = Callable[[int, str], "bool | None"]
_ROWS_PER_TICK = 500


def _ticking(rows: Iterable[tuple], total: int, start: int, stop: int, text: str,
             progress: Progress | None) -> Iterator[tuple]:
    """``rows`` passed through, reporting progress from ``start`` to ``stop`` percent."""
    for index, row in enumerate(rows):
        if progress and index % _ROWS_PER_TICK == 0:
            _tell(progress, start + (stop - start) * index // max(total, 1), text)
        yield row


def _tell(progress: Progress | None, percent: int, text: str) -> None:
    if progress and progress(percent, text) is False:
        raise ReportCancelled()


def objection_figures(period: Period) -> dict[str, int]:
    """The period's objections by where they stood at its end."""
    _, end = period_bounds(period.first, period.last)
    steps = objections_xlsx.steps_by(period.first, period.last, end)
    decided = Counter()
    query = Objection.select(Objection.id, Objection.decision).where(_received_in(Objection, period))
    total = 0
    for oid, decision in query.tuples().iterator():
        total += 1
        done = steps.get(oid, set())
        if ObjectionStep.DECIDED.value in done and decision:
            decided[decision] += 1
        elif ObjectionStep.WITHDRAWN.value in done:
            decided["ditarik"] += 1
        else:
            decided["proses"] += 1
    disputes = sum(1 for done in steps.values() if ObjectionStep.DISPUTED.value in done)
    figures = {"Jumlah keberatan": total}
    figures.update({OBJECTION_OUTCOMES[d]: decided[d.value] for d in ObjectionDecision})
    figures["Keberatan masih diproses"] = decided["proses"]
    figures["Keberatan ditarik"] = decided["ditarik"]
    figures["Diajukan sengketa ke Komisi Informasi"] = disputes
    return figures


def build_report(period: Period, out_path: Path | str, made_by: Actor, now: datetime | None = None,
                 paper: str | None = None, progress: Progress | None = None) -> ReportSummary:
    """Write the report of ``period`` to ``out_path`` (.xlsx); returns its figures.

    ``made_by`` is the acting officer (``make_report``) or the operating-system user. The
    register sheets name requesters: their contacts are masked for an officer who may not
    see personal data, and the report is written to the audit log. ``progress(percent,
    text)`` is called as the work goes on; returning False stops it
    (:class:`ReportCancelled`, nothing written)."""
    require(made_by, Permission.MAKE_REPORT)
    masker = Masker.for_actor(made_by)
    now = now or datetime.now()
    paper = paper or load_office().paper
    path, paper = check_export(out_path, period.first, period.last, paper)
    _tell(progress, 0, "Membaca permohonan periode ini…")
    calendar = load_calendar()
    lines = request_lines(period, calendar)
    _tell(progress, 20, "Menghitung angka laporan…")
    objections = objection_figures(period)
    summary = ReportSummary(path, period, summarise(lines, objections["Jumlah keberatan"]))
    summary.by_channel, summary.by_requester, summary.by_unit = _breakdowns(period)
    grounds = Counter(letter for line in lines for letter in line.pasal17)
    summary.by_pasal17 = {f"Huruf {k} \u2014 {v}": grounds[k] for k, v in PASAL_17.items() if grounds[k]}
    summary.by_objection = {k: v for k, v in objections.items() if k != "Jumlah keberatan"}
    summary.by_message = counts_by_kind(period.first, period.last)
    summary.by_class = by_class(lines)

    wb = Book()
    try:
        _ringkasan(wb, summary, str(made_by), now, paper)
        if period.kind == "annual":
            from .annual import add_annual_sheet

            late = sum(1 for line in lines if line.on_time is False)
            add_annual_sheet(wb, period.first.year, summary.figures, summary.tables(), objections, late, paper)
        _waktu(wb, lines, period, paper)
        _grafik(wb, lines, period, paper)
        _tell(progress, 30, "Menulis register permohonan…")
        as_of = {line.id: line.state for line in lines}
        rows = _ticking(register_xlsx.register_rows(period.first, period.last, as_of, masker), len(lines), 30, 80,
                        "Menulis register permohonan…", progress)
        written = add_register_sheet(wb, "Register Permohonan", register_xlsx.TITLE, register_xlsx.COLUMNS, rows,
                                     period.first, period.last, paper, "Tidak ada permohonan pada periode ini.")
        _, end = period_bounds(period.first, period.last)
        rows = _ticking(objections_xlsx.objection_rows(period.first, period.last, as_of=end, masker=masker),
                        objections["Jumlah keberatan"], 80, 88, "Menulis register keberatan…", progress)
        written += add_register_sheet(wb, "Register Keberatan", objections_xlsx.TITLE, objections_xlsx.COLUMNS, rows,
                                      period.first, period.last, paper, "Tidak ada keberatan pada periode ini.")
        _tell(progress, 90, "Menyimpan berkas…")
        save_book(wb, path)
    except BaseException:
        discard_book(wb)
        raise
    record_export(made_by, path, f"laporan {KIND_WORDS[period.kind].lower()}", written, period.first, period.last,
                  masker, action="report.make")
    if progress:
        progress(100, "Selesai.")  # written: too late to cancel
    return summary


def figure_rows(path: Path | str) -> Iterator[tuple[str, object]]:
    """The (label, value) pairs of a report's Ringkasan sheet (for tests and checks)."""
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True)["Ringkasan"]
    for row in ws.iter_rows(values_only=True):
        if row and isinstance(row[0], str) and len(row) > 1:
            yield row[0], row[1]


__all__ = ["KINDS", "Period", "ReportCancelled", "ReportSummary", "build_report", "figure_rows", "objection_figures",
           "request_lines", "summarise"]
