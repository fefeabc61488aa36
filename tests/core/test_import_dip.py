"""Importing an office's DIP: header finding with synonyms, class wordings, section rows,
a sheet per class, merged cells, units matched, every bad row named, all or nothing,
entries already in the DIP, and garbage that must never crash."""

from __future__ import annotations

import csv
from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppid_desk.dip import queries
from ppid_desk.dip.codes import DipEventKind, InfoClass
from ppid_desk.dip.import_cells import field_of, letters_in, parse_class, section_class
from ppid_desk.dip.importer import apply, check_file
from ppid_desk.errors import ValidationError
from ppid_desk.register.importer.cells import Unknown
from ppid_desk.store.models import DipEntry, DipEvent
from ppid_desk.units import save_unit

TODAY = date(2026, 11, 20)
TITLE = [["DAFTAR INFORMASI PUBLIK"], ["PEMERINTAH KABUPATEN SUKAMAJU TAHUN 2026"], []]
HEADER = ["No.", "Ringkasan Isi Informasi", "Pejabat/Unit yang Menguasai Informasi",
          "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
          "Bentuk Informasi yang Tersedia", "Jangka Waktu Penyimpanan atau Retensi Arsip", "Jenis Informasi"]


def write_xlsx(path, sheets):
    """``sheets``: {name: rows}; the first is active."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def line(no, summary, holder="Badan Perencanaan Pembangunan Daerah", klass="Berkala",
         official="Kepala Bappeda", made="Setiap tahun, Bappeda", form="Softcopy dan hardcopy", retention="10 tahun"):
    return [no, summary, holder, official, made, form, retention, klass]


@pytest.fixture
def units(store):
    return {u.name: u.id for u in (save_unit("Badan Perencanaan Pembangunan Daerah", "skpd"),
                                   save_unit("Dinas Sosial", "skpd"))}


GOOD = [
    line(1, "Rencana Kerja Pemerintah Daerah (RKPD)", klass="Informasi Berkala"),
    line(2, "Peringatan dini bencana banjir", holder="BPBD Kabupaten", klass="Serta-Merta"),
    line(3, "Daftar Informasi Publik", holder="badan perencanaan  PEMBANGUNAN daerah", klass="Tersedia Setiap Saat"),
    line(4, "Data pribadi penerima bantuan sosial", holder="Kepala Bidang Linjamsos, Dinas Sosial",
         klass="Dikecualikan (Pasal 17 huruf h)"),
]


def test_header_synonyms_title_rows_and_class_wordings(units, tmp_path):
    rows = [*TITLE, HEADER, [f"({i})" for i in range(1, 9)], *GOOD]
    rows[-1] = [*GOOD[-1], None]
    path = write_xlsx(tmp_path / "dip.xlsx", {"DIP 2026": rows})
    # the excluded row also needs its decision: columns of the classification decision
    rows[3] = [*HEADER, "Uji Konsekuensi", "PPID yang Memutuskan"]
    rows[-1] = [*GOOD[-1], "Membuka data pribadi penerima bantuan.", "PPID Utama"]
    write_xlsx(path, {"DIP 2026": rows})
    plan = check_file(path, today=TODAY)
    assert plan.lines(plan.problems) == []
    [sheet] = plan.sheets
    assert (sheet.name, sheet.header_row, sheet.rows_read) == ("DIP 2026", 4, 4)
    assert set(sheet.columns) == {"summary", "holder", "official", "made", "format", "retention", "info_class",
                                  "consequence", "decided_by"}
    got = [(r.row, r.data.info_class, r.data.pasal17, r.data.unit_id, r.data.holder_name) for r in plan.rows]
    assert got == [
        (6, InfoClass.PERIODIC, [], units["Badan Perencanaan Pembangunan Daerah"], ""),
        (7, InfoClass.IMMEDIATE, [], None, "BPBD Kabupaten"),
        (8, InfoClass.ANY_TIME, [], units["Badan Perencanaan Pembangunan Daerah"], ""),
        (9, InfoClass.EXCLUDED, ["h"], units["Dinas Sosial"], "Kepala Bidang Linjamsos"),
    ]
    assert plan.unmatched_holders == {"BPBD Kabupaten"}
    result = apply(plan, "admin", now=datetime(2026, 11, 20, 9, 0))
    assert result.imported == 4 and result.by_class == {c: 1 for c in InfoClass}
    entry = DipEntry.get(DipEntry.summary == "Data pribadi penerima bantuan sosial")
    assert (entry.pasal17, entry.consequence, entry.decided_by, entry.created_by) == (
        "h", "Membuka data pribadi penerima bantuan.", "PPID Utama", "admin")
    assert queries.holder_text(entry) == "Kepala Bidang Linjamsos, Dinas Sosial"
    [event] = queries.events_of(entry.id)
    assert event.kind == DipEventKind.IMPORTED.value
    assert queries.event_data(event) == {"file": "dip.xlsx", "sheet": "DIP 2026", "row": 9}
    assert [e.id for e in queries.search("bantuan sosial")] == [entry.id]


@pytest.mark.parametrize("text, expected", [
    ("Berkala", (InfoClass.PERIODIC, [])),
    ("Informasi Berkala", (InfoClass.PERIODIC, [])),
    ("serta-merta", (InfoClass.IMMEDIATE, [])),
    ("Informasi Serta Merta", (InfoClass.IMMEDIATE, [])),
    ("Tersedia Setiap Saat", (InfoClass.ANY_TIME, [])),
    ("setiap saat", (InfoClass.ANY_TIME, [])),
    ("Dikecualikan", (InfoClass.EXCLUDED, [])),
    ("Dikecualikan (Pasal 17 huruf b)", (InfoClass.EXCLUDED, ["b"])),
    ("dikecualikan, huruf h dan j", (InfoClass.EXCLUDED, ["h", "j"])),
    ("Informasi yang Dikecualikan", (InfoClass.EXCLUDED, [])),
    (None, None),
    ("-", None),
])
def test_class_wordings(text, expected):
    assert parse_class(text) == expected


@pytest.mark.parametrize("text", ["Terbuka", "Rahasia", "12"])
def test_unknown_class_wordings(text):
    with pytest.raises(Unknown):
        parse_class(text)


@pytest.mark.parametrize("text, letters", [
    ("Pasal 17 huruf b dan h", ["b", "h"]), ("huruf h", ["h"]), ("b, h", ["b", "h"]), ("i", ["i"]),
    ("Pasal 17 huruf a s/d c UU KIP", ["a", "b", "c"]), ("UU 27/2022", []),
])
def test_pasal17_wordings(text, letters):
    assert letters_in(text) == letters


@pytest.mark.parametrize("header, field", [
    ("Ringkasan Isi Informasi", "summary"), ("Judul Informasi", "summary"), ("Informasi Publik", "summary"),
    ("Pejabat/Unit yang Menguasai Informasi", "holder"), ("Unit Kerja", "holder"), ("OPD", "holder"),
    ("Penanggung Jawab", "official"), ("Penanggungjawab Pembuatan Informasi", "official"),
    ("Waktu dan Tempat Pembuatan", "made"), ("Format", "format"), ("Bentuk Informasi", "format"),
    ("Jangka Waktu Penyimpanan", "retention"), ("Retensi Arsip", "retention"),
    ("Klasifikasi Informasi", "info_class"), ("Kategori", "info_class"), ("Sifat Informasi", "info_class"),
    ("Pasal 17 UU KIP", "pasal17"), ("Dasar Pengecualian", "pasal17"), ("Uji Konsekuensi", "consequence"),
    ("Jangka Waktu Pengecualian", "exclusion_period"), ("Masa Pengecualian", "exclusion_period"),
    ("PPID yang Memutuskan", "decided_by"), ("Ditetapkan Oleh", "decided_by"),
    ("Nomor Keputusan", "decision_number"), ("Tanggal Penetapan", "decision_date"),
    ("Dasar Hukum Lain", "other_statute"), ("No", "row_no"), ("Keterangan", None), ("Jenis Informasi",
                                                                                     "kind_of_information"),
])
def test_header_synonyms(header, field):
    assert field_of(header) == field


@pytest.mark.parametrize("row, expected", [
    (("A. Informasi yang Wajib Disediakan dan Diumumkan secara Berkala",), InfoClass.PERIODIC),
    (("II", "INFORMASI YANG WAJIB DIUMUMKAN SECARA SERTA MERTA", None), InfoClass.IMMEDIATE),
    ((None, "C. Informasi yang Wajib Tersedia Setiap Saat (Pasal 11 UU KIP)"), InfoClass.ANY_TIME),
    (("4)", "Informasi yang Dikecualikan"), InfoClass.EXCLUDED),
    (("Daftar informasi yang dikecualikan",), None),  # an entry's summary, not a heading
    ((1, "Laporan berkala", "Bappeda"), None),
    (("Informasi tentang profil badan publik",), None),
])
def test_section_rows(row, expected):
    assert section_class(row) == expected


def test_section_rows_give_the_class_and_sub_headings_are_skipped(units, tmp_path):
    header = HEADER[:-1]  # no class column
    rows = [*TITLE, header,
            ["A", "Informasi yang Wajib Disediakan dan Diumumkan secara Berkala"],
            [None, "1. Informasi tentang profil badan publik"],
            line(1, "Struktur organisasi")[:-1],
            line(2, "Rencana Strategis")[:-1],
            ["B. INFORMASI YANG WAJIB TERSEDIA SETIAP SAAT"],
            line(3, "Daftar Informasi Publik")[:-1],
            [None, None, None, None, None, None, "Sukamaju, 2 Januari 2026"]]
    plan = check_file(write_xlsx(tmp_path / "dip.xlsx", {"DIP": rows}), today=TODAY)
    assert plan.problems == []
    assert [(r.row, r.data.info_class) for r in plan.rows] == [(7, InfoClass.PERIODIC), (8, InfoClass.PERIODIC),
                                                              (10, InfoClass.ANY_TIME)]
    assert plan.lines(plan.warnings) == [
        "baris 6: baris dilewati: judul sub-bagian (hanya ringkasan yang terisi)",
        "baris 11: baris dilewati: bukan baris DIP (ringkasan isi informasi kosong)",
    ]
    assert plan.sheets[0].sections == 2


def test_one_sheet_per_class_and_merged_holder_cells(units, tmp_path):
    header = HEADER[:-1]
    sheets = {
        "Berkala": [header, line(1, "RKPD")[:-1], line(2, "Renstra", holder=None)[:-1]],
        "Serta Merta": [header, line(1, "Peringatan dini banjir", holder="BPBD")[:-1]],
        "Petunjuk": [["Isi setiap lembar sesuai klasifikasi"]],
        "Dikecualikan": [[*header, "Pasal 17", "Uji Konsekuensi", "PPID yang Memutuskan"],
                         [*line(1, "Data pribadi penerima bansos", holder="Dinas Sosial")[:-1], "huruf h",
                          "Mengungkap rahasia pribadi", "PPID Utama"]],
    }
    path = write_xlsx(tmp_path / "dip.xlsx", sheets)
    wb = openpyxl.load_workbook(path)
    wb["Berkala"].merge_cells("C2:C3")  # the unit written once for both lines
    wb.save(path)
    plan = check_file(path, today=TODAY)
    assert plan.problems == [] and plan.many_sheets
    assert [(s.name, s.rows_read) for s in plan.sheets] == [("Berkala", 2), ("Serta Merta", 1), ("Dikecualikan", 1)]
    assert [(r.sheet, r.data.info_class, r.data.unit_id, r.data.pasal17) for r in plan.rows] == [
        ("Berkala", InfoClass.PERIODIC, units["Badan Perencanaan Pembangunan Daerah"], []),
        ("Berkala", InfoClass.PERIODIC, units["Badan Perencanaan Pembangunan Daerah"], []),
        ("Serta Merta", InfoClass.IMMEDIATE, None, []),
        ("Dikecualikan", InfoClass.EXCLUDED, units["Dinas Sosial"], ["h"]),
    ]
    only = check_file(path, sheet="Serta Merta", today=TODAY)
    assert [r.data.summary for r in only.rows] == ["Peringatan dini banjir"] and not only.many_sheets


BAD = [  # from sheet row 4
    line(1, "RKPD", holder=None),  # row 4: no holder
    line(2, "Peringatan dini", klass="Terbuka"),  # row 5: unknown class
    line(3, None, official="Kepala", made="2026"),  # row 6: data but no summary
    [*line(4, "Data pribadi", klass="Dikecualikan"), None, None],  # row 7: no letters, no test, no PPID
    [*line(5, "Renstra"), "Pasal 17 huruf b", None],  # row 8: open information with a Pasal 17 letter
    line(6, "RKPD"),  # row 9: fine (row 4, the same text, is bad itself)
    line(7, "RKPD"),  # row 10: the same as row 9
    [*line(8, "Putusan", klass="Dikecualikan (Pasal 17 huruf a)"), None, "Bahaya", "PPID", "31/13/2025"],  # row 11
]


def test_every_bad_row_is_named_and_nothing_is_imported(units, tmp_path):
    header = [*HEADER, "Pasal 17 UU KIP", "Uji Konsekuensi", "PPID yang Memutuskan", "Tanggal Keputusan"]
    rows = [TITLE[0], header, [], *[[*r, *[None] * (12 - len(r))] for r in BAD]]
    rows[-1] = [*line(8, "Putusan", klass="Dikecualikan (Pasal 17 huruf a)"), None, "Bahaya", "PPID", "31/13/2025"]
    plan = check_file(write_xlsx(tmp_path / "dip.xlsx", {"DIP": rows}), today=TODAY)
    assert plan.lines(plan.problems) == [
        "baris 4, kolom Pejabat/Unit yang Menguasai Informasi: pejabat/unit yang menguasai informasi wajib diisi",
        "baris 5, kolom Jenis Informasi: klasifikasi tidak dikenal: \u201cTerbuka\u201d (pilih: Berkala, Serta Merta, "
        "Setiap Saat atau Dikecualikan)",
        "baris 6, kolom Ringkasan Isi Informasi: ringkasan isi informasi kosong",
        "baris 7, kolom Pasal 17 UU KIP: informasi yang dikecualikan harus menyebut huruf Pasal 17 UU KIP (a sampai j)",
        "baris 7, kolom Uji Konsekuensi: informasi yang dikecualikan harus memuat hasil uji konsekuensi",
        "baris 7, kolom PPID yang Memutuskan: sebutkan PPID yang memutuskan pengecualian",
        "baris 8, kolom Pasal 17 UU KIP: pasal 17 UU KIP hanya diisi untuk informasi yang dikecualikan; kosongkan "
        "atau pilih klasifikasi Dikecualikan",
        "baris 10, kolom Ringkasan Isi Informasi: sama dengan baris 9 (ringkasan dan pemegang informasi sama)",
        "baris 11, kolom Tanggal Keputusan: tanggal keputusan tidak terbaca: \u201c31/13/2025\u201d (tulis dd/mm/yyyy)",
    ]
    assert plan.bad_rows == 7
    with pytest.raises(ValidationError, match="7 baris bermasalah"):
        apply(plan, "admin")
    assert DipEntry.select().count() == 0


def test_entries_already_in_the_dip_are_left_out_with_a_warning(units, tmp_path):
    path = write_xlsx(tmp_path / "dip.xlsx", {"DIP": [HEADER, *GOOD[:3]]})
    apply(check_file(path, today=TODAY), "admin")
    updated = write_xlsx(tmp_path / "baru.xlsx", {"DIP": [HEADER, *GOOD[:3], line(4, "LKjIP")]})
    plan = check_file(updated, today=TODAY)
    assert plan.problems == [] and plan.already_in_dip == 3
    assert [r.data.summary for r in plan.rows] == ["LKjIP"]
    assert plan.lines(plan.warnings)[0] == ("baris 2: sudah ada di DIP (ringkasan dan pemegang informasi sama); "
                                            "tidak diimpor lagi")
    apply(plan, "admin")
    assert DipEntry.select().count() == 4


def test_a_row_added_between_check_and_apply_stops_the_import(units, tmp_path):
    path = write_xlsx(tmp_path / "dip.xlsx", {"DIP": [HEADER, *GOOD[:2]]})
    plan = check_file(path, today=TODAY)
    apply(check_file(path, today=TODAY), "admin")
    with pytest.raises(ValidationError, match="sudah ada di DIP sejak berkas diperiksa"):
        apply(plan, "admin")
    assert DipEntry.select().count() == 2 and DipEvent.select().count() == 2


def test_files_that_cannot_be_used_as_a_whole(units, tmp_path):
    with pytest.raises(ValidationError, match="Judul kolom DIP tidak ditemukan"):
        check_file(write_xlsx(tmp_path / "a.xlsx", {"X": [["apa"], ["saja"]]}), today=TODAY)
    with pytest.raises(ValidationError, match="Kolom wajib tidak ditemukan di baris judul 1 .*: Pejabat/Unit"):
        check_file(write_xlsx(tmp_path / "b.xlsx", {"X": [["Ringkasan Isi Informasi", "Format", "Klasifikasi",
                                                            "Penanggung Jawab"]]}), today=TODAY)
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        check_file(tmp_path / "tidak-ada.xlsx", today=TODAY)
    with pytest.raises(ValidationError, match="Lembar \u201cZ\u201d tidak ada"):
        check_file(write_xlsx(tmp_path / "c.xlsx", {"DIP": [HEADER, *GOOD]}), sheet="Z", today=TODAY)


def test_jenis_informasi_is_the_summary_when_nothing_else_is(units, tmp_path):
    header = ["No", "Jenis Informasi", "Unit Pengelola", "Klasifikasi", "Format"]
    rows = [header, [1, "Profil Dinas", "Dinas Sosial", "Berkala", "Softcopy"]]
    plan = check_file(write_xlsx(tmp_path / "dip.xlsx", {"DIP": rows}), today=TODAY)
    assert [(r.data.summary, r.data.info_class, r.data.unit_id) for r in plan.rows] == [
        ("Profil Dinas", InfoClass.PERIODIC, units["Dinas Sosial"])]


def test_csv_files_are_read_too(units, tmp_path):
    path = tmp_path / "dip.csv"
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerow(line(1, "Rencana Kerja Pemerintah Daerah"))
    plan = check_file(path, today=TODAY)
    assert plan.problems == [] and [r.data.summary for r in plan.rows] == ["Rencana Kerja Pemerintah Daerah"]


_CELLS = st.one_of(
    st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)), st.booleans(),
    st.sampled_from(["Berkala", "Dikecualikan (huruf z)", "Pasal 17 huruf", "serta merta", "A. Informasi Berkala",
                     "Dinas Sosial", "-", "  ", "31/02/2026", "=SUM(A1)"]),
)
_ROWS = st.lists(st.lists(_CELLS, min_size=0, max_size=14), max_size=8)


@settings(max_examples=40)
@given(rows=_ROWS)
def test_garbage_cells_never_crash(units, tmp_path, rows):
    header = [*HEADER, "Pasal 17", "Uji Konsekuensi", "PPID yang Memutuskan", "Tanggal Keputusan", "Nomor Keputusan"]
    path = write_xlsx(tmp_path / "sampah.xlsx", {"DIP": [header, *rows]})
    plan = check_file(path, today=TODAY)
    for text in plan.lines(plan.problems) + plan.lines(plan.warnings):
        assert text.startswith("baris ")
    if plan.ok:
        before = DipEntry.select().count()
        apply(plan, "admin")
        assert DipEntry.select().count() == before + len(plan.rows)
