"""The periodic report: every Ringkasan figure against direct queries on a real register,
periods across months and years, an extension, a holiday, the as-of-end rule, the sheets
and their types, and the ``report`` command's exit codes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import openpyxl
import pytest
from peewee import fn

from ppid_desk.main import main
from ppid_desk.register import demo, service
from ppid_desk.register.codes import Channel, Decision
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports.periodic import Period, build_report, figure_rows
from ppid_desk.store.models import Objection, Request, RequestEvent
from ppid_desk.workdays import load_calendar

LABELS = ["Jumlah permohonan", "Dikabulkan seluruhnya", "Dikabulkan sebagian", "Ditolak", "Belum dikuasai",
          "Belum didokumentasikan", "Masih diproses", "Jumlah keberatan",
          "Rata-rata waktu penyelesaian (hari kerja)", "Selesai tepat waktu (%)", "Diperpanjang"]
SHEETS = ["Ringkasan", "Waktu Penyelesaian", "Grafik", "Register Permohonan", "Register Keberatan"]


def _register(when: datetime, name: str, channel=Channel.WALK_IN):
    data = RequestInput(requester=RequesterInput(name=name, nik="3201014506900001", address="Jl. Merdeka 1", phone="081234567890"),
                        information="Dokumen anggaran", purpose="Penelitian", channel=channel, received_at=when)
    return service.register_request(data, load_calendar(), "petugas", now=when)


def _decide(row, decision, notice: date, **extra):
    return service.decide(row.id, DecisionInput(decision, notice_date=notice, **extra), "ppid",
                          now=datetime.combine(notice, datetime.min.time()).replace(hour=11))


def expected(first: date, last: date) -> dict[str, object]:
    """The figures by direct queries on the rows and events (nothing was reopened here)."""
    start, end = datetime.combine(first, datetime.min.time()), datetime.combine(last, datetime.max.time())
    period = Request.received_at.between(start, end)
    def happened(kind):  # an event of ``kind`` recorded by the end of the period
        return fn.EXISTS(RequestEvent.select().where((RequestEvent.request == Request.id)
                                                     & (RequestEvent.kind == kind) & (RequestEvent.at <= end)))

    decided = period & Request.notice_date.is_null(False) & happened("diputuskan")
    counts = dict(Request.select(Request.decision, fn.COUNT(Request.id)).where(decided)
                  .group_by(Request.decision).tuples())
    total = Request.select().where(period).count()
    ended = Request.select().where(period & Request.status.in_(["batal", "ditarik"])
                                   & (happened("ditarik") | happened("gugur"))).count()
    calendar = load_calendar()
    rows = list(Request.select().where(decided))
    days = [calendar.working_days_between(r.effective_day, r.notice_date) for r in rows]
    extended = {r.id for r in Request.select(Request.id).where(period & happened("diperpanjang"))}
    on_time = [r.notice_date <= (r.extended_due if r.id in extended else r.response_due) for r in rows]
    figures = {"Jumlah permohonan": total}
    figures.update({d.label: counts.get(d.value, 0) for d in Decision})
    figures["Masih diproses"] = total - sum(counts.values()) - ended
    figures["Jumlah keberatan"] = Objection.select().where(Objection.received_at.between(start, end)).count()
    figures["Rata-rata waktu penyelesaian (hari kerja)"] = round(sum(days) / len(days), 2) if days else None
    figures["Selesai tepat waktu (%)"] = round(100 * sum(on_time) / len(on_time), 1) if on_time else None
    figures["Diperpanjang"] = len(extended)
    return figures


def check_figures(path, first, last):
    shown = dict(figure_rows(path))
    want = expected(first, last)
    for label in LABELS:
        assert label in shown, label
        assert shown[label] == want[label], (label, shown[label], want[label])
    return shown


@pytest.fixture
def book(store):
    """Requests around the turn of 2025/2026: Christmas and New Year are holidays."""
    a = _register(datetime(2025, 12, 22, 10), "Siti", Channel.EMAIL)
    _decide(a, Decision.GRANTED_FULL, date(2025, 12, 30))
    b = _register(datetime(2025, 12, 23, 10), "Budi")
    service.extend(b.id, "Dokumen di arsip", load_calendar(), "ppid", now=datetime(2026, 1, 2, 9))
    _decide(b, Decision.REJECTED, date(2026, 1, 12), pasal17=["h"], consequence_test="Uji konsekuensi")
    c = _register(datetime(2026, 1, 5, 10), "Rina")
    _decide(c, Decision.GRANTED_PARTIAL, date(2026, 1, 13), note="Data pribadi dihitamkan", pasal17=["h"])
    _register(datetime(2025, 12, 10, 10), "Di Luar Periode")
    return a, b, c


def test_figures_across_years_with_extension_and_holidays(book, tmp_path):
    a, b, c = book
    period = Period.custom(date(2025, 12, 20), date(2026, 1, 12))
    summary = build_report(period, tmp_path / "r.xlsx", "tester", now=datetime(2026, 1, 13, 8))
    shown = check_figures(tmp_path / "r.xlsx", period.first, period.last)
    assert shown["Jumlah permohonan"] == 3
    assert shown["Masih diproses"] == 1  # c was decided on the 13th, after the end
    assert shown["Diperpanjang"] == 1
    # a: 22 Dec -> 30 Dec skips 25 Dec (Natal), cuti bersama 24/26 Dec and the weekend
    calendar = load_calendar()
    assert not calendar.is_working_day(date(2025, 12, 25))
    to_a = calendar.working_days_between(date(2025, 12, 22), date(2025, 12, 30))
    assert to_a < 6
    to_b = calendar.working_days_between(date(2025, 12, 23), date(2026, 1, 12))
    assert shown["Rata-rata waktu penyelesaian (hari kerja)"] == round((to_a + to_b) / 2, 2)
    assert shown["Selesai tepat waktu (%)"] == 100.0  # b only in time thanks to its extension
    assert summary.by_channel["Email"] == 1 and summary.by_channel["Langsung"] == 2
    assert summary.by_pasal17 == {"Huruf h \u2014 mengungkap rahasia pribadi": 1}


def test_as_of_end_decided_after_the_end_is_in_process(book, tmp_path):
    period = Period.custom(date(2026, 1, 1), date(2026, 1, 12))
    build_report(period, tmp_path / "r.xlsx", "tester")
    shown = dict(figure_rows(tmp_path / "r.xlsx"))
    assert shown["Jumlah permohonan"] == 1
    assert shown["Masih diproses"] == 1 and shown["Dikabulkan sebagian"] == 0
    build_report(Period.custom(date(2026, 1, 1), date(2026, 1, 13)), tmp_path / "s.xlsx", "tester")
    shown = dict(figure_rows(tmp_path / "s.xlsx"))
    assert shown["Masih diproses"] == 0 and shown["Dikabulkan sebagian"] == 1


def test_sheets_labels_and_types(book, tmp_path):
    build_report(Period.ending("monthly", date(2026, 1, 12)), tmp_path / "r.xlsx", "Kasubbag TU",
                 now=datetime(2026, 1, 13, 8))
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames == SHEETS
    ws = wb["Ringkasan"]
    cells = {row[0].value: row[1].value for row in ws.iter_rows(min_col=1, max_col=2) if row[0].value}
    assert cells["Periode awal"] == datetime(2025, 12, 14) and cells["Periode akhir"] == datetime(2026, 1, 12)
    assert cells["Dibuat oleh"] == "Kasubbag TU"
    for label in LABELS[:8]:
        assert isinstance(cells[label], int)
    assert isinstance(cells["Rata-rata waktu penyelesaian (hari kerja)"], float)
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.freeze_panes and ws.print_title_rows
    waktu = wb["Waktu Penyelesaian"]
    line = next(r for r in waktu.iter_rows(min_row=4, values_only=True) if r[3] == "Ditolak")
    assert isinstance(line[1], datetime) and isinstance(line[4], datetime) and isinstance(line[5], int)
    grafik = wb["Grafik"]
    assert len(grafik._charts) == 1
    assert grafik["A2"].value == datetime(2025, 12, 14) and grafik.max_row == 31
    assert wb["Register Permohonan"].max_row >= 7
    wb.close()


def test_period_kinds():
    assert Period.ending("weekly", date(2026, 3, 3)) == Period("weekly", date(2026, 2, 25), date(2026, 3, 3))
    assert Period.ending("monthly", date(2026, 3, 1)).first == date(2026, 1, 31)
    assert Period.ending("annual", date(2026, 3, 1)) == Period("annual", date(2026, 1, 1), date(2026, 12, 31))
    assert Period.ending("daily", date(2026, 3, 1)).days == 1


@pytest.mark.parametrize(("kind", "end"), [("monthly", date(2026, 11, 23)), ("weekly", date(2026, 3, 2))])
def test_demo_register_figures(store, tmp_path, kind, end):
    demo.generate(800, 3, 2, date(2026, 11, 23))
    period = Period.ending(kind, end)
    build_report(period, tmp_path / "r.xlsx", "tester", now=datetime(2026, 11, 23, 15))
    shown = check_figures(tmp_path / "r.xlsx", period.first, period.last)
    assert shown["Jumlah permohonan"] > 0


def test_report_command(capsys, data_dir, tmp_path):
    out = tmp_path / "lap.xlsx"
    code = main(["--data-dir", str(data_dir), "report", "monthly", "--end", "2026-01-12", "--out", str(out)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0 and out.exists()
    assert "Jumlah permohonan: 0" in lines and lines[-1] == f"laporan ditulis ke {out}"
    code = main(["--data-dir", str(data_dir), "report", "daily", "--from", "2026-01-01", "--to", "2026-01-31",
                 "--out", str(tmp_path / "c.xlsx")])
    assert code == 0
    assert dict(figure_rows(tmp_path / "c.xlsx"))["Jumlah permohonan"] == 0
    assert main(["--data-dir", str(data_dir), "report", "daily", "--from", "2026-01-05", "--to", "2026-01-01",
                 "--out", str(tmp_path / "x.xlsx")]) == 2
    assert main(["--data-dir", str(data_dir), "report", "daily", "--from", "2026-01-05",
                 "--out", str(tmp_path / "x.xlsx")]) == 2
    assert main(["--data-dir", str(data_dir), "report", "hourly", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert main(["--data-dir", str(data_dir), "report", "daily", "--out", str(tmp_path / "x.csv")]) == 2
    capsys.readouterr()
