"""The periodic report: every Ringkasan figure against direct queries on a real register,
periods across months and years, an extension, a holiday, the as-of-end rule, the sheets
and their types, and the ``report`` command's exit codes."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import openpyxl
import pytest

from ppid_desk.main import main
from ppid_desk.dip.codes import InfoClass
from ppid_desk.register import demo, service
from ppid_desk.register.codes import Channel, Decision, RequesterKind
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports.periodic import Period, build_report, figure_rows
from ppid_desk.store.models import Objection, Request
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


_AS_OF_END = """
WITH p AS (SELECT id, effective_day, response_due, extended_due FROM request WHERE received_at BETWEEN ? AND ?),
decided AS (  -- the last decision recorded by the end, unless a reopening came after it
    SELECT e.request_id AS rid, json_extract(e.data, '$.decision') AS decision,
           json_extract(e.data, '$.notice_date') AS notice
    FROM request_event e JOIN p ON p.id = e.request_id
    WHERE e.kind = 'diputuskan' AND e.at <= ?
      AND NOT EXISTS (SELECT 1 FROM request_event f WHERE f.request_id = e.request_id AND f.at <= ?
                      AND f.kind IN ('diputuskan', 'dibuka_kembali') AND (f.at > e.at OR (f.at = e.at AND f.id > e.id))))
SELECT p.id, p.effective_day, p.response_due, p.extended_due, decided.decision, decided.notice,
       EXISTS (SELECT 1 FROM request_event g WHERE g.request_id = p.id AND g.at <= ?
               AND g.kind IN ('ditarik', 'gugur')) AS ended,
       EXISTS (SELECT 1 FROM request_event h WHERE h.request_id = p.id AND h.at <= ?
               AND h.kind = 'diperpanjang') AS extended
FROM p LEFT JOIN decided ON decided.rid = p.id
"""


def expected(first: date, last: date) -> dict[str, object]:
    """The figures by one direct SQL query over the rows and events, independent of the report's code."""
    start, end = datetime.combine(first, datetime.min.time()), datetime.combine(last, datetime.max.time())
    rows = Request._meta.database.execute_sql(_AS_OF_END, (start, end, end, end, end, end)).fetchall()
    calendar = load_calendar()
    counts = Counter(decision for *_, decision, _, _, _ in rows if decision)
    ended = sum(1 for *_, decision, _, was_ended, _ in rows if not decision and was_ended)
    days, on_time = [], []
    for _, effective, due, extended_due, decision, notice, _, extended in rows:
        if decision and notice:
            notice = date.fromisoformat(notice)
            days.append(calendar.working_days_between(date.fromisoformat(str(effective)), notice))
            on_time.append(notice <= date.fromisoformat(str(extended_due if extended else due)))
    figures = {"Jumlah permohonan": len(rows)}
    figures.update({d.label: counts.get(d.value, 0) for d in Decision})
    figures["Masih diproses"] = len(rows) - sum(counts.values()) - ended
    figures["Jumlah keberatan"] = Objection.select().where(Objection.received_at.between(start, end)).count()
    figures["Rata-rata waktu penyelesaian (hari kerja)"] = round(sum(days) / len(days), 2) if days else None
    figures["Selesai tepat waktu (%)"] = round(100 * sum(on_time) / len(on_time), 1) if on_time else None
    figures["Diperpanjang"] = sum(1 for *_, extended in rows if extended)
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


@pytest.mark.parametrize(("kind", "end"), [("monthly", date(2026, 11, 23)), ("weekly", date(2026, 3, 2)),
                                         ("annual", date(2025, 6, 1)), ("monthly", date(2026, 1, 10))])
def test_demo_register_figures(store, tmp_path, kind, end):
    demo.generate(800, 3, 2, date(2026, 11, 23))
    period = Period.ending(kind, end)
    summary = build_report(period, tmp_path / "r.xlsx", "tester", now=datetime(2026, 11, 23, 15))
    shown = check_figures(tmp_path / "r.xlsx", period.first, period.last)
    assert shown["Jumlah permohonan"] > 0
    # the breakdowns, each against its own direct count
    start, end = datetime.combine(period.first, datetime.min.time()), datetime.combine(period.last, datetime.max.time())
    received = list(Request.select().where(Request.received_at.between(start, end)))
    assert summary.by_channel == {c.label: sum(1 for r in received if r.channel == c.value) for c in Channel}
    assert summary.by_requester == {k.label: sum(1 for r in received if r.requester.kind == k.value)
                                    for k in RequesterKind}
    units = Counter(name for name, _ in {(u.unit.name, r.id) for r in received for u in r.routings if u.routed_at <= end})
    assert summary.by_unit == dict(sorted(units.items()))
    outcomes = list(summary.by_objection.values())[:4]  # decided either way, in process, withdrawn
    assert sum(outcomes) == shown["Jumlah keberatan"]
    decided = Objection.select().where(Objection.received_at.between(start, end) & Objection.decided_on.is_null(False)
                                       & (Objection.decided_on <= period.last)).count()
    assert outcomes[0] + outcomes[1] == decided
    linked = Counter(r.dip_entry.info_class for r in received if r.dip_entry_id)
    assert summary.by_class == {**{c.label: linked[c.value] for c in InfoClass},
                                "Tidak dikaitkan ke DIP": len(received) - sum(linked.values())}


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


def _register_sheet(path, sheet="Register Permohonan"):
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    return {row[0]: row for row in ws.iter_rows(min_row=7, values_only=True) if row[0]}


def test_register_sheet_shows_the_state_at_the_end(book, tmp_path):
    a, b, c = book
    build_report(Period.custom(date(2025, 12, 20), date(2026, 1, 12)), tmp_path / "r.xlsx", "tester")
    lines = _register_sheet(tmp_path / "r.xlsx")
    # c was decided on the 13th: at the end of the 12th it was in process, without a notice date
    assert lines[c.number][14] == "Dalam proses" and lines[c.number][16] is None
    assert lines[b.number][14] == "Ditolak" and lines[b.number][16] == datetime(2026, 1, 12)
    assert "huruf h" in lines[b.number][15]
    build_report(Period.custom(date(2025, 12, 20), date(2026, 1, 13)), tmp_path / "s.xlsx", "tester")
    lines = _register_sheet(tmp_path / "s.xlsx")
    assert lines[c.number][14] == "Dikabulkan sebagian" and lines[c.number][16] == datetime(2026, 1, 13)


def test_withdrawal_after_the_notice_keeps_the_decision(store, tmp_path):
    granted = _register(datetime(2026, 2, 2, 10), "Ani")
    _decide(granted, Decision.GRANTED_FULL, date(2026, 2, 4))
    service.withdraw(granted.id, "Sudah diperoleh", "petugas", now=datetime(2026, 2, 5, 10))
    early = _register(datetime(2026, 2, 3, 10), "Banu")
    service.withdraw(early.id, "Tidak jadi", "petugas", now=datetime(2026, 2, 3, 11))
    build_report(Period.custom(date(2026, 2, 1), date(2026, 2, 28)), tmp_path / "r.xlsx", "tester")
    shown = check_figures(tmp_path / "r.xlsx", date(2026, 2, 1), date(2026, 2, 28))
    assert shown["Dikabulkan seluruhnya"] == 1 and shown["Ditarik/batal"] == 1 and shown["Masih diproses"] == 0
    lines = _register_sheet(tmp_path / "r.xlsx")
    assert lines[granted.number][14] == "Dikabulkan seluruhnya"
    assert lines[early.number][14] == "Ditarik/batal"


def test_objection_overturn_reopens_the_request_as_of_the_end(store, tmp_path):
    from objection_samples import decide as decide_objection, file_objection, hand_over

    from ppid_desk.objections import service as objections
    from ppid_desk.objections.codes import ObjectorResponse

    objection = file_objection()
    request_number = objection.request.number

    def report(last: date):
        path = tmp_path / f"r-{last}.xlsx"
        summary = build_report(Period.custom(date(2026, 11, 1), last), path, "tester")
        check_figures(path, date(2026, 11, 1), last)
        return summary, dict(figure_rows(path)), _register_sheet(path), _register_sheet(path, "Register Keberatan")

    summary, shown, requests, filed = report(date(2026, 11, 19))
    assert shown["Ditolak"] == 1 and shown["Jumlah keberatan"] == 1
    assert summary.by_objection["Keberatan masih diproses"] == 1
    assert filed[objection.number][17] == "Dalam proses" and filed[objection.number][18] is None
    decide_objection(objection, atasan_name="Drs. Hendra")  # overturned on Friday 20 November: reopens the request
    hand_over(objection)
    objections.record_objector_response(objection.id, ObjectorResponse.DISPUTE, "budi", now=datetime(2026, 11, 24, 9))
    summary, shown, requests, filed = report(date(2026, 11, 19))  # the past does not change
    assert shown["Ditolak"] == 1 and summary.by_objection["Keberatan masih diproses"] == 1
    assert filed[objection.number][17] == "Dalam proses" and filed[objection.number][22] is None
    summary, shown, requests, filed = report(date(2026, 11, 20))
    assert shown["Ditolak"] == 0 and shown["Masih diproses"] == 1
    assert requests[request_number][14] == "Dalam proses"
    assert summary.by_objection["Keberatan diterima (PPID diperintahkan memberi informasi)"] == 1
    assert summary.by_objection["Diajukan sengketa ke Komisi Informasi"] == 0
    assert filed[objection.number][18] == datetime(2026, 11, 20)
    summary, shown, requests, filed = report(date(2026, 11, 24))
    assert summary.by_objection["Diajukan sengketa ke Komisi Informasi"] == 1
    assert filed[objection.number][22]  # ticked: the dispute was filed by then


def test_imported_history(store, tmp_path):
    from ppid_desk.register.importer import apply, check_file

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No. Pendaftaran", "Tanggal", "Nama Pemohon", "Alamat", "Informasi yang Diminta",
               "Tujuan Penggunaan", "Keputusan", "Alasan Penolakan", "Tanggal Pemberitahuan",
               "Tanggal Pemberian Informasi"])
    ws.append(["001/PPID/III/2026", datetime(2026, 3, 2, 9), "Siti", "Jl. A", "DPA", "Riset", "Dikabulkan Seluruhnya",
               None, datetime(2026, 3, 9), datetime(2026, 3, 10)])
    ws.append(["002/PPID/III/2026", "03/03/2026", "Budi", "Jl. B", "Data pasien", "Riset", "Dikabulkan Sebagian",
               "Pasal 17 huruf a dan i", "31/03/2026", None])
    ws.append(["003/PPID/III/2026", "04/03/2026", "Rina", "Jl. C", "Kontrak", "Riset", "Belum Didokumentasikan",
               None, None, None])  # decided, but the old book has no notice date
    ws.append(["004/PPID/III/2026", "05/03/2026", "Dodi", "Jl. D", "SK", "Riset", None, None, None, None])
    wb.save(tmp_path / "lama.xlsx")
    plan = check_file(tmp_path / "lama.xlsx", today=date(2026, 11, 20))
    assert plan.problems == []
    apply(plan, "petugas", now=datetime(2026, 11, 20, 10))
    _decide(_register(datetime(2026, 3, 16, 10), "Baru"), Decision.REJECTED, date(2026, 3, 17), pasal17=["h"],
            consequence_test="Uji konsekuensi")
    summary = build_report(Period.custom(date(2026, 3, 1), date(2026, 3, 31)), tmp_path / "r.xlsx", "tester")
    shown = check_figures(tmp_path / "r.xlsx", date(2026, 3, 1), date(2026, 3, 31))
    assert (shown["Jumlah permohonan"], shown["Masih diproses"], shown["Belum didokumentasikan"]) == (5, 1, 1)
    # three notices: 002's on 31 March was late even over Nyepi and the Idul Fitri days off
    assert shown["Selesai tepat waktu (%)"] == 66.7
    assert [key[:7] for key in summary.by_pasal17] == ["Huruf a", "Huruf h", "Huruf i"]
    lines = _register_sheet(tmp_path / "r.xlsx")
    assert lines["003/PPID/III/2026"][14] == "Belum didokumentasikan" and lines["003/PPID/III/2026"][16] is None
    assert lines["001/PPID/III/2026"][17] == datetime(2026, 3, 10)


def test_progress_and_cancel(book, tmp_path):
    seen = []
    build_report(Period.custom(date(2025, 12, 1), date(2026, 1, 31)), tmp_path / "r.xlsx", "tester",
                 progress=lambda percent, text: seen.append((percent, text)))
    percents = [p for p, _ in seen]
    assert percents[0] == 0 and percents[-1] == 100 and percents == sorted(percents)
    assert all(text for _, text in seen)
    from ppid_desk.reports.periodic import ReportCancelled

    with pytest.raises(ReportCancelled):
        build_report(Period.custom(date(2025, 12, 1), date(2026, 1, 31)), tmp_path / "x.xlsx", "tester",
                     progress=lambda percent, text: percent < 50)
    assert not (tmp_path / "x.xlsx").exists() and not list(tmp_path.glob("x.xlsx*"))


def test_messages_counted_by_kind(store, tmp_path):
    from ppid_desk.inbox import service as inbox
    from ppid_desk.inbox.codes import MessageKind
    from ppid_desk.inbox.service import MessageInput

    for kind, day in ((MessageKind.COMPLAINT, 2), (MessageKind.COMPLAINT, 3), (MessageKind.SUGGESTION, 4),
                      (MessageKind.REQUEST, 30)):
        inbox.record_message(MessageInput(sender="Ani", contact="0812", kind=kind, text="Isi"), load_calendar(),
                             "petugas", now=datetime(2026, 11, day, 10))
    summary = build_report(Period.custom(date(2026, 11, 1), date(2026, 11, 27)), tmp_path / "r.xlsx", "t")
    assert summary.by_message == {"Permohonan informasi": 0, "Aduan": 2, "Kritik": 0, "Saran": 1, "Pertanyaan": 0}
    rows = list(figure_rows(tmp_path / "r.xlsx"))
    start = rows.index(("Pesan masuk (SMS, email, telepon, website) menurut jenis", "Jumlah"))
    assert rows[start + 2] == ("Aduan", 2) and rows[start + 4] == ("Saran", 1)


def test_time_to_fulfil_by_information_class(book, tmp_path):
    from ppid_desk.dip import service as dip
    from ppid_desk.dip.codes import InfoClass as Class

    a, b, c = book
    entry = dip.add_entry(dip.DipInput(summary="Dokumen anggaran DPA", info_class=Class.ANY_TIME,
                                       holder_name="Bagian Keuangan"), "ppid", now=datetime(2025, 12, 1, 9))
    dip.link_request(a.id, entry.id, "ppid", now=datetime(2026, 1, 13, 9))
    summary = build_report(Period.custom(date(2025, 12, 20), date(2026, 1, 12)), tmp_path / "r.xlsx", "t")
    assert summary.by_class["Setiap saat"] == 1 and summary.by_class["Tidak dikaitkan ke DIP"] == 2
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)["Waktu Penyelesaian"]
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0]]
    start = next(i for i, r in enumerate(rows) if r[0] == "Klasifikasi informasi (DIP)")
    table = {r[0]: r for r in rows[start + 1:]}
    calendar = load_calendar()
    days_a = calendar.working_days_between(date(2025, 12, 22), date(2025, 12, 30))
    assert table["Setiap saat"][1] == 1 and table["Setiap saat"][3] == days_a
    assert table["Tidak dikaitkan ke DIP"][1] == 1  # b; c was still in process at the end
