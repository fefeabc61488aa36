"""The register book in Excel: title block, the two-row header with merged groups, a
known request's values in the right columns, real dates, print settings, and a round
trip through the importer."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import openpyxl
import pytest

from ppid_desk.errors import ValidationError
from ppid_desk.office import load_office, save_office
from ppid_desk.register import service
from ppid_desk.register.codes import Channel, Decision, DeliveryForm, ObtainMethod
from ppid_desk.register.importer import apply, check_file
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports.register_xlsx import COLUMNS, export_register
from ppid_desk.store import open_store
from ppid_desk.store.models import Request
from ppid_desk.workdays import load_calendar

NIK = "3201014506900001"


def _register(when: datetime, name: str, obtain=ObtainMethod.HARDCOPY):
    data = RequestInput(
        requester=RequesterInput(name=name, nik=NIK, address="Jl. Merdeka 1, Bandung", occupation="Wiraswasta",
                                 phone="0812-3456-7890", email="siti@example.id"),
        information="Dokumen DPA Dinas Kesehatan 2026", purpose="Penelitian skripsi", channel=Channel.WALK_IN,
        received_at=when, obtain_method=obtain)
    return service.register_request(data, load_calendar(), "petugas", now=when)


@pytest.fixture
def book(store):
    save_office(load_office().with_changes(agency_name="Dinas Kominfo Kabupaten Sukamaju"), require_identity=False)
    late = _register(datetime(2026, 11, 3, 13, 0), "Siti Anggraini")
    early = _register(datetime(2026, 11, 3, 9, 15), "Budi Santoso", obtain=ObtainMethod.SEE)
    _register(datetime(2026, 10, 5, 10, 0), "Di Luar Periode")
    service.decide(late.id, DecisionInput(Decision.GRANTED_PARTIAL, note="Data pribadi dihitamkan", pasal17=["h"],
                                          notice_date=date(2026, 11, 10)), "ppid", now=datetime(2026, 11, 10, 10))
    service.deliver(late.id, DeliveryForm.HARDCOPY, "petugas", pages=10, cost=5000, payment_method="Tunai",
                    delivered_on=date(2026, 11, 11), now=datetime(2026, 11, 11, 10))
    return late, early


def _read(path):
    return openpyxl.load_workbook(path).active


def test_title_and_two_row_header_with_merged_groups(book, tmp_path):
    count = export_register(tmp_path / "register.xlsx", date(2026, 11, 1), date(2026, 11, 30))
    assert count == 2
    ws = _read(tmp_path / "register.xlsx")
    assert ws["A1"].value == "DINAS KOMINFO KABUPATEN SUKAMAJU"
    assert ws["A2"].value == "REGISTER PERMOHONAN INFORMASI PUBLIK"
    assert ws["A3"].value == "Periode 1 November 2026 s.d. 30 November 2026"
    top = [c.value for c in ws[5]]
    bottom = [c.value for c in ws[6]]
    assert top[:3] == ["No", "Tanggal", "Pemohon"] and bottom[2:6] == ["Nama", "Alamat", "Nomor Kontak", "Pekerjaan"]
    assert top[16] == "Hari & Tanggal" and bottom[16:18] == ["Pemberitahuan Tertulis", "Pemberian Informasi"]
    assert top[14:16] == ["Keputusan", "Alasan Penolakan"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A5:A6", "B5:B6", "C5:F5", "I5:J5", "K5:L5", "M5:N5", "Q5:R5", "S5:T5", "A1:T1"} <= merged
    assert len(top) == len(COLUMNS) == 20


def test_a_known_request_in_the_right_columns(book, tmp_path):
    late, early = book
    export_register(tmp_path / "register.xlsx", date(2026, 11, 1), date(2026, 11, 30))
    ws = _read(tmp_path / "register.xlsx")
    first, second = [[c.value for c in row] for row in ws.iter_rows(min_row=7, max_row=8)]
    assert first[0] == early.number and first[2] == "Budi Santoso"  # ordered by time received
    assert first[12:15] == ["\u2713", None, "Dalam proses"]  # melihat/mengetahui; no decision yet
    assert second == [
        late.number, datetime(2026, 11, 3), "Siti Anggraini", "Jl. Merdeka 1, Bandung",
        "0812-3456-7890 / siti@example.id", "Wiraswasta", "Dokumen DPA Dinas Kesehatan 2026", "Penelitian skripsi",
        "Ya", None, None, "\u2713", None, "\u2713", "Dikabulkan sebagian", "Pasal 17 huruf h UU 14/2008",
        datetime(2026, 11, 10), datetime(2026, 11, 11), 5000, "Tunai",
    ]
    assert ws["B8"].is_date and ws["B8"].number_format == "dd/mm/yyyy"
    assert ws["Q8"].is_date and ws["Q8"].number_format.endswith("dd/mm/yyyy")
    assert ws["G8"].alignment.wrap_text
    assert ws.max_row == 8


def test_print_settings_and_frozen_header(book, tmp_path):
    export_register(tmp_path / "a4.xlsx")
    ws = _read(tmp_path / "a4.xlsx")
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$5:$6"
    assert ws.freeze_panes == "C7"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.column_dimensions["G"].width > ws.column_dimensions["K"].width
    assert ws["A3"].value == "Seluruh periode" and ws.max_row == 9
    export_register(tmp_path / "f4.xlsx", paper="F4")
    assert int(_read(tmp_path / "f4.xlsx").page_setup.paperSize) == 14
    with pytest.raises(ValidationError):
        export_register(tmp_path / "x.xlsx", paper="Letter")


def test_an_empty_period_says_so(book, tmp_path):
    assert export_register(tmp_path / "none.xlsx", date(2025, 1, 1), date(2025, 1, 31)) == 0
    assert _read(tmp_path / "none.xlsx")["A7"].value == "Tidak ada permohonan pada periode ini."


def test_the_exported_book_imports_into_another_register(book, store, tmp_path):
    export_register(tmp_path / "book.xlsx", date(2026, 11, 1), date(2026, 11, 30))
    before = {r.number: (r.requester.name, r.decision, r.pasal17, r.notice_date, r.delivered_on, r.cost)
              for r in Request.select()}
    store.close()
    with open_store(tmp_path / "other"):
        plan = check_file(tmp_path / "book.xlsx", today=date(2026, 11, 20))
        assert plan.problems == [] and plan.warnings == [] and plan.header_row == 6
        apply(plan, "petugas")
        after = {r.number: (r.requester.name, r.decision, r.pasal17, r.notice_date, r.delivered_on, r.cost)
                 for r in Request.select()}
        obtain = {r.requester.name: r.obtain_method for r in Request.select()}
    assert after == {number: values for number, values in before.items() if number in after} and len(after) == 2
    assert obtain == {"Budi Santoso": ObtainMethod.SEE.value, "Siti Anggraini": ObtainMethod.SOFTCOPY.value}


def test_the_report_module_does_not_import_qt():
    code = ("import sys, ppid_desk.reports.register_xlsx; "
            "sys.exit(any(m.startswith(('PySide6', 'shiboken6', 'ppid_desk.ui')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
