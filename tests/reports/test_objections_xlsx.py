"""The register keberatan in Excel: title block, the two-row header with merged groups
(the Pasal 35 grounds a-g under one), a known objection's values, real dates, print
settings, the period, and every state's words."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import openpyxl
import pytest
from document_samples import NAMES, set_office
from objection_samples import DECIDED, decide, file_objection, file_standalone, hand_over

from ppid_desk.errors import ValidationError
from ppid_desk.objections import service
from ppid_desk.objections.codes import ObjectorResponse
from ppid_desk.reports.objections_xlsx import COLUMNS, export_objections
from ppid_desk.reports.xlsx_book import DATE_FORMAT

TICK = "\u2713"


@pytest.fixture
def book(store):
    """Three objections received 16 November 2026: overturned and accepted (with a
    proxy), upheld and taken to the Komisi Informasi, and a standalone one withdrawn."""
    set_office()
    accepted = file_objection(NAMES[0], proxy=True)
    decide(accepted)
    hand_over(accepted)
    service.record_objector_response(accepted.id, ObjectorResponse.ACCEPTS, "budi", now=datetime(2026, 11, 24, 9))
    disputed = file_objection(NAMES[1])
    decide(disputed, overturn=False)
    hand_over(disputed)
    service.record_objector_response(disputed.id, ObjectorResponse.DISPUTE, "budi", now=datetime(2026, 11, 25, 9))
    service.record_dispute(disputed.id, "012/XII/KI-PSI/2026", datetime(2026, 11, 26).date(), "budi",
                           now=datetime(2026, 11, 26, 9))
    withdrawn = file_standalone()
    service.withdraw(withdrawn.id, "Informasi sudah diterima", "budi", now=datetime(2026, 11, 17, 9))
    return accepted, disputed, withdrawn


def read(path):
    return openpyxl.load_workbook(path).active


def test_title_and_two_row_header_with_merged_groups(book, tmp_path):
    assert export_objections(tmp_path / "keberatan.xlsx", datetime(2026, 11, 1).date(),
                             datetime(2026, 11, 30).date()) == 3
    ws = read(tmp_path / "keberatan.xlsx")
    assert ws["A1"].value == "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN KULON PROGO"
    assert ws["A2"].value == "REGISTER KEBERATAN INFORMASI PUBLIK"
    assert ws["A3"].value == "Periode 1 November 2026 s.d. 30 November 2026"
    top, bottom = [c.value for c in ws[5]], [c.value for c in ws[6]]
    assert len(top) == len(COLUMNS) == 23
    assert top[:3] == ["Nomor Registrasi Keberatan", "Tanggal Diterima", "Identitas Pemohon / Kuasa"]
    assert bottom[2:7] == ["Nama Pemohon", "Alamat", "Nomor Kontak", "Pekerjaan", "Kuasa Pemohon"]
    assert top[7:11] == ["Nomor Pendaftaran Permohonan", "Informasi yang Diminta", "Tujuan Penggunaan Informasi",
                         "Alasan Pengajuan Keberatan (Pasal 35 ayat (1) UU KIP)"]
    assert bottom[10:17] == list("abcdefg")
    assert top[17:20] == ["Keputusan Atasan PPID", "Hari/Tanggal Tanggapan", "Atasan PPID"]
    assert bottom[19:23] == ["Nama", "Jabatan", "Menerima", "Mengajukan Sengketa ke Komisi Informasi"]
    assert top[21] == "Tanggapan Pemohon"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:W1", "A5:A6", "B5:B6", "C5:G5", "H5:H6", "K5:Q5", "R5:R6", "S5:S6", "T5:U5", "V5:W5"} <= merged


def test_a_known_objection_in_the_right_columns_with_real_dates(book, tmp_path):
    accepted, disputed, withdrawn = book
    export_objections(tmp_path / "keberatan.xlsx")
    ws = read(tmp_path / "keberatan.xlsx")
    first, second, third = [[c.value for c in row] for row in ws.iter_rows(min_row=7, max_row=9)]
    assert first == [
        accepted.number, datetime(2026, 11, 16), NAMES[0], "Jl. Sutomo 12, Wates", "0812-3456-7890 / anh@example.id",
        "Mahasiswa", "Ahmad Fauzi, S.H. (Surat Kuasa Khusus tanggal 12-11-2026)", accepted.request.number,
        "Salinan DPA Dinas Kesehatan tahun 2026", "Penelitian skripsi",
        TICK, None, None, None, None, TICK, None,
        "Memerintahkan PPID memberikan informasi", datetime(2026, 11, 20), "Ir. Bambang Sutrisno",
        "Sekretaris Daerah", TICK, None,
    ]
    assert ws["B7"].is_date and ws["B7"].number_format == DATE_FORMAT
    assert ws["S7"].is_date and ws["S7"].number_format.endswith("dd/mm/yyyy") and DECIDED.day == 20
    assert second[17] == "Menguatkan keputusan PPID" and second[6] is None
    assert second[21:] == [None, f"{TICK} (No. Reg. 012/XII/KI-PSI/2026)"]
    # The standalone one: the request as the objector named it, ground c, withdrawn before a decision.
    assert third[7] == "Surat tanggal 1 Oktober 2026" and third[10:17] == [None, None, TICK, None, None, None, None]
    assert third[17:] == ["Ditarik pemohon", None, None, None, None, None]
    assert ws["I7"].alignment.wrap_text and ws.max_row == 9


def test_in_progress_and_the_period(book, tmp_path):
    later = file_objection(NAMES[2], received_at=datetime(2026, 11, 20, 9, 0))
    assert export_objections(tmp_path / "a.xlsx", datetime(2026, 11, 17).date()) == 1
    row = [c.value for c in read(tmp_path / "a.xlsx")[7]]
    assert row[0] == later.number and row[17] == "Dalam proses" and row[18] is None
    assert export_objections(tmp_path / "b.xlsx", date_to=datetime(2026, 11, 16).date()) == 3


def test_print_settings_and_frozen_header(book, tmp_path):
    export_objections(tmp_path / "a4.xlsx")
    ws = read(tmp_path / "a4.xlsx")
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$5:$6" and ws.freeze_panes == "C7"
    assert int(ws.page_setup.paperSize) == 9 and ws["A3"].value == "Seluruh periode"
    export_objections(tmp_path / "f4.xlsx", paper="F4")
    assert int(read(tmp_path / "f4.xlsx").page_setup.paperSize) == 14
    with pytest.raises(ValidationError):
        export_objections(tmp_path / "x.xlsx", paper="Letter")
    with pytest.raises(ValidationError, match="sesudah tanggal akhir"):
        export_objections(tmp_path / "x.xlsx", datetime(2026, 12, 1).date(), datetime(2026, 11, 1).date())


def test_an_empty_period_says_so(store, tmp_path):
    assert export_objections(tmp_path / "none.xlsx") == 0
    ws = read(tmp_path / "none.xlsx")
    assert ws["A7"].value == "Tidak ada keberatan pada periode ini." and "A7:W7" in {str(r) for r in
                                                                                     ws.merged_cells.ranges}


def test_the_module_does_not_import_qt():
    code = ("import sys, ppid_desk.reports.objections_xlsx, ppid_desk.reports.objection_issuing; "
            "sys.exit(any(m.startswith(('PySide6', 'shiboken6', 'ppid_desk.ui')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
