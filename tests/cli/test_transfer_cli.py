"""``import-register`` and ``export-register`` through main(): output lines and exit codes.

Dates are in 2024 so that none of them is "in the future" on any test machine.
"""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from ppid_desk.main import main
from ppid_desk.store import open_store
from ppid_desk.store.models import Request

HEADER = ["No. Registrasi", "Tanggal Permohonan", "Nama Pemohon", "No KTP", "Alamat", "No. Telp", "Pekerjaan",
          "Rincian Informasi", "Tujuan Penggunaan Informasi", "Keputusan", "Alasan Penolakan",
          "Tanggal Pemberitahuan", "Tanggal Pemberian Informasi"]


def run(capsys, *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def write(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(["REGISTER PERMOHONAN INFORMASI PUBLIK"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def good_rows():
    return [
        ["001/PPID/II/2024", datetime(2024, 2, 5), "Siti Anggraini", "3201014506900001", "Jl. Merdeka 1",
         "081234567890", "Guru", "DPA 2024", "Penelitian", "Dikabulkan Seluruhnya", None, "12/02/2024", "13/02/2024"],
        ["002/PPID/II/2024", "06/02/2024", "Budi Santoso", "123", "Jl. Sudirman 2", "081398765432", "Petani",
         "Data irigasi", "Usulan", "Ditolak", "Pasal 17 huruf h", "14/02/2024", None],
        ["003/PPID/II/2024", "07/02/2024", "Rina", None, "Jl. Ahmad Yani 3", None, None, "Peta desa", None, None,
         None, None, None],
    ]


def count(data_dir) -> int:
    with open_store(data_dir):
        return Request.select().count()


def test_import_prints_a_summary(capsys, data_dir, tmp_path):
    path = write(tmp_path / "lama.xlsx", good_rows())
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import-register", str(path))
    assert code == 0, err
    assert out[0] == "berkas: lama.xlsx, lembar \u201cRegister\u201d (judul kolom di baris 2)"
    assert out[1:] == ["baris dibaca: 3", "diimpor: 3 permohonan, 3 pemohon", "  Dikabulkan seluruhnya: 1",
                       "  Ditolak: 1", "  Dalam proses: 1"]
    assert err == ["peringatan: baris 4, kolom No KTP: NIK \u201c123\u201d bukan 16 angka; NIK tidak disimpan"]
    assert count(data_dir) == 3


def test_dry_run_only_checks(capsys, data_dir, tmp_path):
    path = write(tmp_path / "lama.xlsx", good_rows())
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import-register", str(path), "--dry-run")
    assert code == 0
    assert "akan diimpor: 3" in out
    assert out[-1] == "pemeriksaan selesai; tidak ada yang diimpor (--dry-run)."
    assert count(data_dir) == 0


@pytest.mark.parametrize("dry_run", [False, True])
def test_bad_rows_are_listed_and_nothing_is_imported(capsys, data_dir, tmp_path, dry_run):
    rows = good_rows()
    rows[1][2] = None  # sheet row 4: no name
    rows[2][1] = "32/13/2024"  # sheet row 5: no such date
    rows.append(list(rows[0]))  # sheet row 6: the number of row 3 again
    path = write(tmp_path / "lama.xlsx", rows)
    argv = ["--data-dir", str(data_dir), "import-register", str(path)] + (["--dry-run"] if dry_run else [])
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == []
    problems = [line for line in err if not line.startswith("peringatan:")]
    assert problems == [
        "baris 4, kolom Nama Pemohon: nama pemohon kosong",
        "baris 5, kolom Tanggal Permohonan: tanggal permohonan tidak terbaca: \u201c32/13/2024\u201d "
        "(tulis dd/mm/yyyy)",
        "baris 6, kolom No. Registrasi: nomor 001/PPID/II/2024 ganda: sama dengan baris 3",
        "ppid-desk: impor dibatalkan: 3 baris bermasalah; tidak ada yang diimpor.",
    ]
    assert count(data_dir) == 0


def test_import_errors_are_one_line(capsys, data_dir, tmp_path):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import-register", str(tmp_path / "tidak-ada.xlsx"))
    assert code == 1 and len(err) == 1 and err[0].startswith("ppid-desk: Berkas ") and "tidak ditemukan" in err[0]
    (tmp_path / "kosong.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import-register", str(tmp_path / "kosong.csv"))
    assert code == 1 and err == ["ppid-desk: Judul kolom register tidak ditemukan di 30 baris pertama; perlu kolom "
                                 "Nomor, Tanggal, Nama dan Informasi yang Diminta."]
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import-register")
    assert code == 2 and len(err) == 1


def test_export_writes_the_book(capsys, data_dir, tmp_path):
    run(capsys, "--data-dir", str(data_dir), "import-register", str(write(tmp_path / "lama.xlsx", good_rows())))
    out_file = tmp_path / "keluar" / "register.xlsx"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export-register", "--out", str(out_file))
    assert code == 0, err
    assert out == [f"3 permohonan ditulis ke {out_file}"]
    assert openpyxl.load_workbook(out_file).active["A9"].value == "003/PPID/II/2024"
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "export-register", "--out", str(out_file),
                       "--from", "2024-02-06", "--to", "2024-02-06", "--paper", "F4")
    assert code == 0 and out == [f"1 permohonan ditulis ke {out_file}"]


@pytest.mark.parametrize("argv, wanted", [
    (["--out", "r.xlsx", "--from", "06-02-2024"], "--from: tanggal tidak sah '06-02-2024'; tulis YYYY-MM-DD"),
    (["--out", "r.csv"], "--out: berkas keluaran harus berakhiran .xlsx"),
    (["--out", "r.xlsx", "--from", "2024-03-01", "--to", "2024-02-01"], "--from sesudah --to"),
    ([], "argumen wajib belum diberikan: --out"),
])
def test_export_bad_arguments_exit_2(capsys, data_dir, tmp_path, argv, wanted):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export-register", *argv)
    assert code == 2 and out == [] and len(err) == 1
    assert err[0].startswith("ppid-desk: ") and wanted in err[0]


def test_export_to_an_unwritable_place_is_one_line(capsys, data_dir, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export-register", "--out", str(blocker / "r.xlsx"))
    assert code == 1 and len(err) == 1 and err[0].startswith("ppid-desk: Berkas ")
