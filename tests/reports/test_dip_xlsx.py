"""The DIP in Excel: title block, the Perki columns with the exclusion decision under one
merged header, entries by class, print settings, and a round trip through the importer."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from ppid_desk.dip import service
from ppid_desk.dip.codes import InfoClass
from ppid_desk.dip.importer import apply, check_file
from ppid_desk.dip.service import DipInput
from ppid_desk.errors import ValidationError
from ppid_desk.office import load_office, save_office
from ppid_desk.reports.dip_xlsx import COLUMNS, export_dip
from ppid_desk.store import open_store
from ppid_desk.store.models import DipEntry
from ppid_desk.units import save_unit

NOW = datetime(2026, 11, 2, 10, 0)
TODAY = date(2026, 11, 23)
FIELDS = ("summary", "holder_name", "official", "made", "format", "retention", "info_class", "pasal17",
          "other_statute", "consequence", "exclusion_period", "decided_by", "decision_number", "decision_date", "active")


@pytest.fixture
def dip(store):
    save_office(load_office().with_changes(agency_name="Dinas Kominfo Kabupaten Sukamaju"), require_identity=False)
    bappeda = save_unit("Badan Perencanaan Pembangunan Daerah", "skpd")
    social = save_unit("Dinas Sosial", "skpd")
    entries = [
        DipInput("Data pribadi penerima bantuan sosial", InfoClass.EXCLUDED, social.id, "Kepala Bidang Linjamsos",
                 "Kepala Dinas Sosial", "Setiap penyaluran, Dinas Sosial", "Softcopy dan hardcopy", "5 tahun",
                 pasal17=["h", "j"], other_statute="UU 27/2022 tentang Pelindungan Data Pribadi",
                 consequence="Membuka data ini mengungkap rahasia pribadi penerima.",
                 exclusion_period="Selama data dikelola", decided_by="PPID Utama",
                 decision_number="003/KEP-PPID/I/2026", decision_date=date(2026, 1, 12)),
        DipInput("Rencana Kerja Pemerintah Daerah (RKPD)", InfoClass.PERIODIC, bappeda.id, "",
                 "Kepala Bappeda", "Setiap tahun, Bappeda", "Softcopy (laman resmi)", "10 tahun"),
        DipInput("Peringatan dini bencana banjir", InfoClass.IMMEDIATE, None, "Badan Penanggulangan Bencana Daerah",
                 "Kepala Pelaksana BPBD", "Saat ada ancaman", "Softcopy", "5 tahun"),
        DipInput("Daftar Informasi Publik", InfoClass.ANY_TIME, bappeda.id, official="PPID Pelaksana"),
        DipInput("Renstra periode lalu", InfoClass.PERIODIC, bappeda.id),
    ]
    rows = [service.add_entry(data, "ppid", now=NOW) for data in entries]
    service.retire_entry(rows[-1].id, "Diganti", "ppid", now=NOW)
    return rows


def _sheet(path):
    return openpyxl.load_workbook(path).active


def test_title_and_the_perki_columns_with_the_decision_group(dip, tmp_path):
    assert export_dip(tmp_path / "dip.xlsx", today=TODAY) == 4  # the retired entry is not published
    ws = _sheet(tmp_path / "dip.xlsx")
    assert ws.title == "DIP"
    assert ws["A1"].value == "DINAS KOMINFO KABUPATEN SUKAMAJU"
    assert ws["A2"].value == "DAFTAR INFORMASI PUBLIK"
    assert ws["A3"].value == "Sampai dengan 23 November 2026"
    top = [c.value for c in ws[5]]
    bottom = [c.value for c in ws[6]]
    assert top[:8] == ["No", "Ringkasan Isi Informasi", "Pejabat/Unit yang Menguasai Informasi",
                       "Penanggung Jawab Pembuatan/Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
                       "Format Informasi", "Jangka Waktu Penyimpanan", "Klasifikasi Informasi"]
    assert top[8] == "Keputusan Pengecualian (Informasi yang Dikecualikan)"
    assert bottom[8:] == ["Pasal 17 UU KIP", "Dasar Hukum Lain", "Uji Konsekuensi", "Jangka Waktu Pengecualian",
                          "PPID yang Memutuskan", "Nomor Keputusan", "Tanggal Keputusan"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A5:A6", "B5:B6", "H5:H6", "I5:O5", "A1:O1"} <= merged
    assert len(top) == len(COLUMNS) == 15


def test_entries_by_class_with_the_exclusion_decision(dip, tmp_path):
    export_dip(tmp_path / "dip.xlsx", today=TODAY)
    ws = _sheet(tmp_path / "dip.xlsx")
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=7)]
    assert [r[7] for r in rows] == ["Berkala", "Serta merta", "Setiap saat", "Dikecualikan"]
    assert rows[0] == [1, "Rencana Kerja Pemerintah Daerah (RKPD)", "Badan Perencanaan Pembangunan Daerah",
                       "Kepala Bappeda", "Setiap tahun, Bappeda", "Softcopy (laman resmi)", "10 tahun", "Berkala",
                       None, None, None, None, None, None, None]
    assert rows[3] == [4, "Data pribadi penerima bantuan sosial", "Kepala Bidang Linjamsos, Dinas Sosial",
                       "Kepala Dinas Sosial", "Setiap penyaluran, Dinas Sosial", "Softcopy dan hardcopy", "5 tahun",
                       "Dikecualikan", "Pasal 17 huruf h dan j", "UU 27/2022 tentang Pelindungan Data Pribadi",
                       "Membuka data ini mengungkap rahasia pribadi penerima.", "Selama data dikelola", "PPID Utama",
                       "003/KEP-PPID/I/2026", datetime(2026, 1, 12)]
    assert ws["O10"].is_date and ws["O10"].number_format == "dd/mm/yyyy"
    assert ws["B10"].alignment.wrap_text


def test_print_settings_and_an_empty_dip(store, tmp_path):
    assert export_dip(tmp_path / "kosong.xlsx", paper="F4", today=TODAY) == 0
    ws = _sheet(tmp_path / "kosong.xlsx")
    assert ws["A7"].value == "Daftar Informasi Publik belum berisi entri."
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 14
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$5:$6" and ws.freeze_panes == "C7"
    with pytest.raises(ValidationError, match="Ukuran kertas"):
        export_dip(tmp_path / "x.xlsx", paper="Letter")


def test_the_exported_dip_imports_into_another_register(dip, store, tmp_path):
    export_dip(tmp_path / "dip.xlsx", today=TODAY)
    published = [e for e in DipEntry.select().order_by(DipEntry.id) if e.active]
    before = sorted(tuple(getattr(e, f) for f in FIELDS) + (e.unit.name if e.unit_id else None,) for e in published)
    store.close()
    with open_store(tmp_path / "other"):
        save_unit("Dinas Sosial", "skpd")
        save_unit("Badan Perencanaan Pembangunan Daerah", "skpd")
        plan = check_file(tmp_path / "dip.xlsx", today=TODAY)
        assert plan.problems == [] and plan.warnings == [] and plan.sheets[0].header_row == 6
        assert plan.unmatched_holders == {"Badan Penanggulangan Bencana Daerah"}
        apply(plan, "admin")
        after = sorted(tuple(getattr(e, f) for f in FIELDS) + (e.unit.name if e.unit_id else None,)
                       for e in DipEntry.select())
    assert after == before
