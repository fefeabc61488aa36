"""Importing an old register: header finding, every row problem, all or nothing, CSV
encodings, numbering after the import, and garbage that must never crash."""

from __future__ import annotations

import csv
import json
import string
from datetime import date, datetime, time

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppid_desk.errors import ValidationError
from ppid_desk.register import service
from ppid_desk.register.codes import Channel, Decision, EventKind, Status
from ppid_desk.register.importer import ImportProblem, apply, check_file, parse_date, pasal17_letters
from ppid_desk.register.service import RequesterInput, RequestInput
from ppid_desk.store.models import Counter, Request, RequestEvent, Requester
from ppid_desk.store.backend import search_request_ids
from ppid_desk.workdays import load_calendar

TODAY = date(2026, 11, 20)
HEADER = ["NO. PENDAFTARAN", "Tanggal", "Nama  Pemohon", "NIK", "Alamat", "no.telp/email", "Pekerjaan",
          "Informasi yang Diminta", "Tujuan Penggunaan", "Keputusan", "Alasan Penolakan", "Tanggal Pemberitahuan",
          "Tanggal Pemberian Informasi"]
TITLE = [["PEMERINTAH KABUPATEN SUKAMAJU"], ["REGISTER PERMOHONAN INFORMASI PUBLIK TAHUN 2026"]]
NIK_SITI = "3201014506900001"


def write_xlsx(path, rows, title=TITLE, header=HEADER):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register 2026"
    for row in [*title, header, *rows]:
        ws.append(list(row))
    wb.save(path)
    return path


def line(number, received, name="Siti Anggraini", nik=NIK_SITI, decision="Dikabulkan Seluruhnya", reason=None,
         notice=None, delivered=None, contact="0812-3456-7890", information="DPA Dinas Kesehatan 2026"):
    return [number, received, name, nik, "Jl. Merdeka 1, Bandung", contact, "Wiraswasta", information,
            "Penelitian", decision, reason, notice, delivered]


GOOD = [
    # row 4: an Excel date, granted and delivered -> closed
    line("001/PPID/III/2026", datetime(2026, 3, 2, 9, 30), decision="Dikabulkan Seluruhnya",
         notice=datetime(2026, 3, 9), delivered=datetime(2026, 3, 10)),
    # row 5: text dates, partly granted with Pasal 17 letters
    line("002/PPID/III/2026", "03/03/2026", decision="Dikabulkan Sebagian", reason="Pasal 17 huruf a dan i",
         notice="10/03/2026"),
    # row 6: rejected, "Pasal 17 huruf h"
    line("003/PPID/III/2026", "4-3-2026", name="Budi Santoso", nik="3171011203850002", decision="Ditolak",
         reason="Pasal 17 huruf h", notice="2026-03-12", contact="budi@example.id / 081398765432"),
    # row 7: not held, the information held elsewhere
    line("004/PPID/III/2026", "2026-03-05", decision="Belum Dikuasai", notice="06/03/2026"),
    # row 8: not documented, a phone stored as a number
    line("005/PPID/III/2026", datetime(2026, 3, 6), decision="Belum Didokumentasikan", contact=81234567890),
    # row 9: still in process (empty decision), an invalid 16-digit NIK and a short one
    line("006/PPID/III/2026", "Senin, 9 Maret 2026", decision=None, nik="9901014506900001"),
    line("007/PPID/III/2026", "09/03/2026", decision="-", nik="12345"),
]


@pytest.fixture
def good_file(tmp_path):
    return write_xlsx(tmp_path / "register lama.xlsx", GOOD)


def test_good_register_is_read_with_title_rows_and_odd_headers(store, good_file):
    plan = check_file(good_file, today=TODAY)
    assert plan.problems == []
    assert plan.sheet == "Register 2026"
    assert plan.header_row == 3
    assert plan.columns["number"] == "NO. PENDAFTARAN"
    assert plan.columns["name"] == "Nama Pemohon"
    assert plan.columns["contact"] == "no.telp/email"
    assert plan.rows_read == 7 and len(plan.rows) == 7
    assert plan.by_decision() == {Decision.GRANTED_FULL: 1, Decision.GRANTED_PARTIAL: 1, Decision.REJECTED: 1,
                                  Decision.NOT_HELD: 1, Decision.NOT_DOCUMENTED: 1, None: 2}
    assert [w.line() for w in plan.warnings] == [
        "baris 9, kolom NIK: NIK tidak sah: kode provinsi 99 tidak dikenal; NIK disimpan apa adanya",
        "baris 10, kolom NIK: NIK \u201c12345\u201d bukan 16 angka; NIK tidak disimpan",
    ]
    assert Request.select().count() == 0  # checking writes nothing


def test_good_register_is_imported_with_statuses_history_and_deadlines(store, good_file):
    plan = check_file(good_file, today=TODAY)
    result = apply(plan, "petugas", now=datetime(2026, 11, 20, 10, 0))
    assert (result.imported, result.requesters) == (7, 5)  # rows 4, 5 and 7 are the same Siti
    rows = {r.number: r for r in Request.select()}
    assert len(rows) == 7 and all(r.imported for r in rows.values())

    first = rows["001/PPID/III/2026"]
    assert first.received_at == datetime(2026, 3, 2, 9, 30)
    assert (first.status, first.decision) == (Status.CLOSED.value, Decision.GRANTED_FULL.value)
    assert (first.notice_date, first.delivered_on, first.closed_on) == (date(2026, 3, 9), date(2026, 3, 10),
                                                                        date(2026, 3, 10))
    assert (first.year, first.seq, first.channel) == (2026, 1, Channel.WALK_IN.value)

    partial = rows["002/PPID/III/2026"]
    assert (partial.status, partial.pasal17, partial.notice_date) == (Status.DECIDED.value, "a,i", date(2026, 3, 10))
    rejected = rows["003/PPID/III/2026"]
    assert (rejected.decision, rejected.pasal17) == (Decision.REJECTED.value, "h")
    assert (rejected.requester.email, rejected.requester.phone) == ("budi@example.id", "081398765432")
    assert rows["004/PPID/III/2026"].decision == Decision.NOT_HELD.value
    assert rows["005/PPID/III/2026"].decision == Decision.NOT_DOCUMENTED.value
    assert rows["005/PPID/III/2026"].requester.phone == "081234567890"  # the lost leading 0 is back

    open_one = rows["006/PPID/III/2026"]
    assert (open_one.status, open_one.decision) == (Status.REGISTERED.value, None)
    assert open_one.received_at == datetime(2026, 3, 9, 0, 0)
    assert open_one.effective_day == date(2026, 3, 9)
    # 10 working days from Monday 9 March 2026, over Nyepi and Idul Fitri (18-24 March off)
    assert open_one.response_due == date(2026, 3, 30)
    assert open_one.requester.nik == "9901014506900001"  # invalid but 16 digits: kept as written
    assert rows["007/PPID/III/2026"].requester.nik is None

    events = [(e.kind, e.at, e.imported) for e in
              RequestEvent.select().where(RequestEvent.request == first.id).order_by(RequestEvent.id)]
    assert events == [
        (EventKind.REGISTERED.value, datetime(2026, 3, 2, 9, 30), True),
        (EventKind.DECIDED.value, datetime(2026, 3, 9), True),
        (EventKind.DELIVERED.value, datetime(2026, 3, 10), True),
        (EventKind.CLOSED.value, datetime(2026, 3, 10), True),
        (EventKind.IMPORTED.value, datetime(2026, 11, 20, 10, 0), False),
    ]
    imported = RequestEvent.get((RequestEvent.request == first.id) & (RequestEvent.kind == EventKind.IMPORTED.value))
    assert json.loads(imported.data) == {"file": "register lama.xlsx", "sheet": "Register 2026", "row": 4}
    assert imported.actor == "petugas"
    decided = RequestEvent.get((RequestEvent.request == rejected.id) & (RequestEvent.kind == EventKind.DECIDED.value))
    assert json.loads(decided.data)["reason"] == "Pasal 17 huruf h"
    assert search_request_ids(store.db, "Budi Santoso") == [rejected.id]  # the search index knows them


def test_requesters_with_the_same_identity_are_one(store, tmp_path):
    rows = [line(f"00{i}/PPID/III/2026", "02/03/2026") for i in (1, 2, 3)]
    result = apply(check_file(write_xlsx(tmp_path / "r.xlsx", rows), today=TODAY), "petugas")
    assert result.requesters == 1
    assert Requester.select().count() == 1


def test_numbering_continues_after_imported_numbers(store, tmp_path):
    rows = [line("004/PPID/III/2026", "02/03/2026"), line("017/PPID/III/2026", "03/03/2026"),
            line("12", "04/03/2026")]  # a bare running number becomes a register number
    apply(check_file(write_xlsx(tmp_path / "r.xlsx", rows), today=TODAY), "petugas")
    assert Request.get(Request.number == "012/PPID/III/2026").seq == 12
    assert Counter.get((Counter.series == service.SERIES) & (Counter.year == 2026)).last == 17
    data = RequestInput(requester=RequesterInput(name="Rina", nik=NIK_SITI, phone="081234567890"),
                        information="Data", purpose="Tugas", received_at=datetime(2026, 11, 2, 10, 0))
    new = service.register_request(data, load_calendar(), "petugas", now=datetime(2026, 11, 2, 10, 0))
    assert new.number == "018/PPID/XI/2026"


BAD = [
    line("001/PPID/III/2026", "02/03/2026"),                                   # 4: fine
    line("002/PPID/III/2026", "03/03/2026", name=None),                        # 5: no name
    line("003/PPID/III/2026", "31/02/2026"),                                   # 6: no such date
    line("004/PPID/III/2026", "kemarin"),                                      # 7: unreadable date
    line("005/PPID/III/2026", "01/12/2026"),                                   # 8: future
    line("006/PPID/III/2026", "03/03/2026", decision="Disetujui pimpinan"),    # 9: unknown decision
    line("007/PPID/III/2026", "03/03/2026", decision="Ditolak"),               # 10: rejection without reason
    line("001/PPID/III/2026", "04/03/2026"),                                   # 11: duplicate of row 4
    line("008/PPID/III/2026", "10/03/2026", notice="09/03/2026"),              # 12: notice before request
    line(None, "10/03/2026"),                                                  # 13: no number
    line("009/PPID/III/2026", "10/03/2026", information=" "),                  # 14: no information
    line("010/PPID/III/2026", "10/03/2026", decision=None, notice="11/03/2026"),  # 15: notice, no decision
    line("011/PPID/III/2026", None),                                           # 16: no date
    line("012/PPID/III/2026", "10/03/2026", notice="12/03/2026", delivered="11/03/2026"),  # 17: before notice
]


def test_every_bad_row_is_listed_with_its_sheet_row_and_nothing_is_imported(store, tmp_path):
    plan = check_file(write_xlsx(tmp_path / "bad.xlsx", BAD), today=TODAY)
    problems = [(p.row, p.column) for p in plan.problems]
    assert problems == [
        (5, "Nama Pemohon"), (6, "Tanggal"), (7, "Tanggal"), (8, "Tanggal"), (9, "Keputusan"),
        (10, "Alasan Penolakan"), (11, "NO. PENDAFTARAN"), (12, "Tanggal Pemberitahuan"), (13, "NO. PENDAFTARAN"),
        (14, "Informasi yang Diminta"), (15, "Tanggal Pemberitahuan"), (16, "Tanggal"),
        (17, "Tanggal Pemberian Informasi"),
    ]
    reasons = {p.row: p.reason for p in plan.problems}
    assert reasons[5] == "nama pemohon kosong"
    assert reasons[6] == "tanggal permohonan tidak terbaca: \u201c31/02/2026\u201d (tulis dd/mm/yyyy)"
    assert reasons[8] == "tanggal permohonan di masa depan: 01/12/2026"
    assert reasons[9].startswith("keputusan tidak dikenal: \u201cDisetujui pimpinan\u201d (pilih: Dikabulkan")
    assert reasons[10].startswith("permohonan ditolak tanpa alasan penolakan")
    assert reasons[11] == "nomor 001/PPID/III/2026 ganda: sama dengan baris 4"
    assert reasons[12] == "tanggal pemberitahuan 09/03/2026 sebelum tanggal permohonan 10/03/2026"
    assert reasons[13] == "nomor pendaftaran kosong"
    assert reasons[15] == "tanggal pemberitahuan diisi tetapi keputusan kosong"
    assert plan.bad_rows == 13
    assert plan.problems[0].line() == "baris 5, kolom Nama Pemohon: nama pemohon kosong"
    with pytest.raises(ValidationError, match="impor dibatalkan: 13 baris bermasalah; tidak ada yang diimpor"):
        apply(plan, "petugas")
    assert Request.select().count() == 0 and Requester.select().count() == 0


def test_numbers_already_in_the_register_are_refused(store, tmp_path):
    data = RequestInput(requester=RequesterInput(name="Rina", nik=NIK_SITI, phone="081234567890"),
                        information="Data", purpose="Tugas", received_at=datetime(2026, 3, 2, 10, 0))
    existing = service.register_request(data, load_calendar(), "petugas", now=datetime(2026, 3, 2, 10, 0))
    assert existing.number == "001/PPID/III/2026"
    rows = [line("002/PPID/III/2026", "03/03/2026"), line("001/PPID/III/2026", "02/03/2026")]
    plan = check_file(write_xlsx(tmp_path / "r.xlsx", rows), today=TODAY)
    assert [p.line() for p in plan.problems] == [
        "baris 5, kolom NO. PENDAFTARAN: nomor 001/PPID/III/2026 sudah ada di register"]
    plan = check_file(write_xlsx(tmp_path / "s.xlsx", [line("1", "02/03/2026")]), today=TODAY)
    assert [p.line() for p in plan.problems] == [
        "baris 4, kolom NO. PENDAFTARAN: nomor 001/PPID/III/2026 (dari \u201c1\u201d) sudah ada di register"]


def test_a_number_taken_between_check_and_apply_stops_the_import(store, tmp_path):
    plan = check_file(write_xlsx(tmp_path / "r.xlsx", [line("001/PPID/III/2026", "02/03/2026")]), today=TODAY)
    data = RequestInput(requester=RequesterInput(name="Rina", nik=NIK_SITI, phone="081234567890"),
                        information="Data", purpose="Tugas", received_at=datetime(2026, 3, 2, 10, 0))
    service.register_request(data, load_calendar(), "petugas", now=datetime(2026, 3, 2, 10, 0))
    with pytest.raises(ValidationError, match="sudah ada di register"):
        apply(plan, "petugas")
    assert Request.select().count() == 1


def test_monthly_sequences_keep_their_numbers_without_a_sequence(store, tmp_path):
    rows = [line("001/PPID/I/2026", "05/01/2026"), line("001/PPID/II/2026", "02/02/2026"),
            line("002/PPID/II/2026", "03/02/2026")]
    apply(check_file(write_xlsx(tmp_path / "r.xlsx", rows), today=TODAY), "petugas")
    assert {r.number: r.seq for r in Request.select()} == {"001/PPID/I/2026": None, "001/PPID/II/2026": None,
                                                          "002/PPID/II/2026": 2}
    assert Counter.get(Counter.year == 2026).last == 2


def test_skipped_rows_column_numbers_and_missing_columns(store, tmp_path):
    rows = [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)"],
            line("001/PPID/III/2026", "02/03/2026"),
            [],
            [None, None, "Mengetahui,", None, None, None, None, None, None, "Kepala Dinas"]]
    plan = check_file(write_xlsx(tmp_path / "r.xlsx", rows), today=TODAY)
    assert plan.ok and len(plan.rows) == 1 and plan.rows[0].row == 5
    assert plan.skipped == 1
    assert plan.warnings[-1].line() == ("baris 7: baris dilewati: bukan baris register (nomor, tanggal dan "
                                        "informasi kosong)")
    no_info = write_xlsx(tmp_path / "n.xlsx", [line("1", "02/03/2026")[:7]], header=HEADER[:7])
    with pytest.raises(ValidationError, match="Kolom wajib tidak ditemukan di baris judul 3.*Informasi yang Diminta"):
        check_file(no_info, today=TODAY)
    nothing = write_xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]], title=[], header=["Apa", "Ini"])
    with pytest.raises(ValidationError, match="Judul kolom register tidak ditemukan"):
        check_file(nothing, today=TODAY)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match=r"\.xls .*tidak didukung"):
        check_file(tmp_path / "old.xls", today=TODAY)


def test_the_sheet_with_the_register_is_chosen(store, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Petunjuk pengisian"])
    for name in ("2025", "2026"):
        ws = wb.create_sheet(name)
        ws.append(HEADER)
        ws.append(line(f"001/PPID/III/{name}", f"02/03/{name}"))
    wb.save(tmp_path / "w.xlsx")
    plan = check_file(tmp_path / "w.xlsx", today=TODAY)
    assert plan.sheet == "2025" and plan.rows[0].number == "001/PPID/III/2025"
    assert "lembar \u201c2026\u201d juga berisi register" in plan.warnings[0].reason
    assert check_file(tmp_path / "w.xlsx", sheet="2026", today=TODAY).rows[0].year == 2026


def _write_csv(path, rows, encoding, delimiter):
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


@pytest.mark.parametrize("encoding, delimiter, name", [
    ("utf-8", ",", "Ngurah Rai P\u00e8rmana"),
    ("utf-8-sig", ";", "Siti \u1e62\u0101li\u1e25ah"),
    ("cp1252", ";", "Jos\u00e9 Ram\u00edrez"),
    ("cp1252", "\t", "Fran\u00e7ois \u2013 Wakil"),
])
def test_csv_encodings_and_delimiters(store, tmp_path, encoding, delimiter, name):
    rows = [["Register Permohonan Informasi"],
            ["No", "Tanggal Permohonan", "Nama Pemohon", "No KTP", "Alamat", "No HP", "Pekerjaan",
             "Rincian Informasi", "Tujuan Penggunaan Informasi", "Keputusan", "Alasan Penolakan"],
            ["001/PPID/III/2026", "02/03/2026", name, NIK_SITI, "Jl. Gatot Subroto, Denpasar", "081234567890",
             "Guru", "Data sekolah, 2025", "Penelitian", "Ditolak", "psl 17 h"]]
    path = _write_csv(tmp_path / "register.csv", rows, encoding, delimiter)
    plan = check_file(path, today=TODAY)
    assert plan.problems == [] and plan.header_row == 2 and plan.sheet is None
    apply(plan, "petugas")
    row = Request.get()
    assert row.requester.name == name
    assert row.information == "Data sekolah, 2025"
    assert (row.decision, row.pasal17) == (Decision.REJECTED.value, "h")


def test_two_row_header_with_groups(store, tmp_path):
    top = ["No", "Tanggal", "Pemohon", None, None, "Informasi yang Diminta", "Keputusan", "Pemberitahuan Tertulis",
           "Pemberian Informasi"]
    sub = [None, None, "Nama", "Alamat", "Nomor Kontak", None, None, "Hari & Tanggal", "Hari & Tanggal"]
    rows = [sub, ["001/PPID/III/2026", "02/03/2026", "Siti", "Jl. Merdeka", "0812", "Data", "Dikabulkan Seluruhnya",
                  "Senin, 09/03/2026", "10/03/2026"]]
    plan = check_file(write_xlsx(tmp_path / "r.xlsx", rows, title=TITLE, header=top), today=TODAY)
    assert plan.problems == [] and plan.header_row == 4
    assert plan.columns["name"] == "Pemohon / Nama"
    assert plan.columns["notice"] == "Pemberitahuan Tertulis / Hari & Tanggal"
    (row,) = plan.rows
    assert (row.notice_date, row.delivered_on, row.requester[1]) == (date(2026, 3, 9), date(2026, 3, 10), "Siti")


@pytest.mark.parametrize("text, letters", [
    ("Pasal 17 huruf h", ["h"]), ("Pasal 17 huruf a dan i", ["a", "i"]), ("psl 17 h", ["h"]),
    ("Ps. 17 (j) UU KIP", ["j"]), ("pasal 17 huruf a s/d c", ["a", "b", "c"]),
    ("UU KIP Pasal 17 huruf b, e", ["b", "e"]),
    ("Pasal 17h", ["h"]), ("UU 27 Tahun 2022 tentang PDP", []), ("Pasal 18 huruf a", []),
])
def test_pasal17_wordings(text, letters):
    assert pasal17_letters(text) == letters


@pytest.mark.parametrize("value, expected", [
    ("02/03/2026", (date(2026, 3, 2), None)), ("2-3-2026", (date(2026, 3, 2), None)),
    ("2026-03-02", (date(2026, 3, 2), None)), ("02.03.26", (date(2026, 3, 2), None)),
    ("Senin, 2 Maret 2026", (date(2026, 3, 2), None)), ("2 Agt 2026", (date(2026, 8, 2), None)),
    ("02/03/2026 14.30", (date(2026, 3, 2), time(14, 30))), (46083, (date(2026, 3, 2), None)),
    (datetime(2026, 3, 2, 8, 15), (date(2026, 3, 2), time(8, 15))), (None, None), ("-", None),
])
def test_date_wordings(value, expected):
    assert parse_date(value) == expected


_CELLS = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(["Ditolak", "Dikabulkan Sebagian", "Pasal 17", "31/12/9999", "00/00/0000", "1", "0", "-",
                     "001/PPID/III/2026", "12/03/2026", "Senin, 2 Maret 2026", "2026-02-30", "psl 17 z", "\u00b2",
                     "\u0661\u0662", "1e400", "Rp -5.000"]),
    st.integers(min_value=-10**18, max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 31)),
    st.booleans(),
)


_TEMPLATE = line(None, "02/03/2026", decision="Ditolak", reason="Pasal 17 huruf h", notice="03/03/2026")
# Rows that are mostly sound with garbage here and there, so that some of them import.
_ROWS = st.tuples(st.one_of(st.integers(1, 99).map(str), _CELLS),
                  *[st.one_of(st.just(value), _CELLS) for value in _TEMPLATE[1:]])


@settings(max_examples=40)
@given(st.lists(st.one_of(_ROWS, st.lists(_CELLS, max_size=len(HEADER) + 2)), min_size=1, max_size=6))
def test_garbage_cells_never_crash(store, tmp_path, rows):
    path = write_xlsx(tmp_path / "garbage.xlsx", rows)
    plan = check_file(path, today=TODAY)
    for problem in plan.problems + plan.warnings:
        assert isinstance(problem, ImportProblem) and problem.reason
        assert problem.row == 0 or problem.row > 3
    if plan.ok:
        result = apply(plan, "petugas")
        assert result.imported == len(plan.rows)
    else:
        with pytest.raises(ValidationError):
            apply(plan, "petugas")


@settings(max_examples=30)
@given(st.lists(st.lists(st.text(alphabet=string.printable + "\u00e9\u2013;,\t\"", max_size=20), max_size=14),
                min_size=1, max_size=8))
def test_garbage_csv_never_crashes(store, tmp_path, rows):
    path = tmp_path / "garbage.csv"
    path.write_text("\n".join(";".join(r) for r in [HEADER, *rows]), encoding="utf-8")
    try:
        plan = check_file(path, today=TODAY)
    except ValidationError:
        return  # a file whose header is broken by the garbage is refused as a whole
    assert all(p.reason for p in plan.problems)


def test_semicolon_csv_with_uneven_rows_and_commas_in_text():
    from ppid_desk.register.importer.reader import _sniff

    text = ("REGISTER PERMOHONAN 2026\n"
            "No;Tanggal;Nama;NIK;Alamat;No. Telp;Pekerjaan;Informasi yang Diminta;Tujuan Penggunaan;Keputusan\n"
            "001/PPID/I/2026;05/01/2026;Siti, S.H.;3201014506900001;Jl. A, No. 1;0812;PNS;"
            "Data anggaran, realisasi;Penelitian\n"
            "002/PPID/I/2026;06/01/2026;Budi;3171011203850002;Jl. B, No 2;0813;Swasta;DPA, RKA, LKJIP;Tugas;Ditolak;x\n")
    assert _sniff(text) == ";"
    assert _sniff(text.replace(";", "\t")) == "\t"
