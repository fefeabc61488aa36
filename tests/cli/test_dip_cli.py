"""``import-dip`` and ``export-dip`` through main(): output lines and exit codes
(0 done, 1 a file or row problem, 2 a wrong command line)."""

from __future__ import annotations

import openpyxl
import pytest

from ppid_desk.main import main
from ppid_desk.store import open_store
from ppid_desk.store.models import DipEntry
from ppid_desk.units import save_unit

HEADER = ["No", "Ringkasan Isi Informasi", "Pejabat/Unit yang Menguasai", "Penanggung Jawab",
          "Waktu dan Tempat Pembuatan", "Format", "Jangka Waktu Penyimpanan", "Klasifikasi"]


def run(capsys, *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def write(path, rows, sheet="DIP"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["DAFTAR INFORMASI PUBLIK"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def good_rows():
    return [
        [1, "Rencana Kerja Pemerintah Daerah (RKPD)", "Bappeda", "Kepala Bappeda", "Setiap tahun", "Softcopy",
         "10 tahun", "Informasi Berkala"],
        [2, "Peringatan dini banjir", "BPBD", "Kepala Pelaksana BPBD", "Saat ada ancaman", "Softcopy", "5 tahun",
         "Serta Merta"],
        [3, "Daftar Informasi Publik", "Bappeda", "PPID", "Setiap tahun", "Hardcopy", "5 tahun",
         "Tersedia Setiap Saat"],
        [None, None, None, None, None, None, "Ditetapkan di Sukamaju"],
    ]


def count(data_dir) -> int:
    with open_store(data_dir):
        return DipEntry.select().count()


@pytest.fixture
def office(data_dir):
    with open_store(data_dir):
        save_unit("Bappeda", "skpd")
    return data_dir


def test_import_prints_a_summary(capsys, office, tmp_path):
    path = write(tmp_path / "dip.xlsx", good_rows())
    code, out, err = run(capsys, "--data-dir", str(office), "import-dip", str(path))
    assert code == 0, err
    assert out == ["berkas: dip.xlsx, lembar \u201cDIP\u201d (judul kolom di baris 2)", "baris dibaca: 4",
                   "baris dilewati: 1", "pemegang informasi yang tidak cocok dengan unit (disimpan sebagai teks): 1",
                   "diimpor: 3 entri DIP", "  Berkala: 1", "  Serta merta: 1", "  Setiap saat: 1"]
    assert err == ["peringatan: baris 6: baris dilewati: bukan baris DIP (ringkasan isi informasi kosong)"]
    assert count(office) == 3
    code, out, err = run(capsys, "--data-dir", str(office), "import-dip", str(path))
    assert code == 0 and "sudah ada di DIP: 3" in out and "diimpor: 0 entri DIP" in out


def test_dry_run_only_checks(capsys, office, tmp_path):
    path = write(tmp_path / "dip.xlsx", good_rows())
    code, out, _ = run(capsys, "--data-dir", str(office), "import-dip", str(path), "--dry-run")
    assert code == 0
    assert "akan diimpor: 3 entri DIP" in out
    assert out[-1] == "pemeriksaan selesai; tidak ada yang diimpor (--dry-run)."
    assert count(office) == 0


@pytest.mark.parametrize("dry_run", [False, True])
def test_bad_rows_are_listed_and_nothing_is_imported(capsys, office, tmp_path, dry_run):
    rows = good_rows()
    rows[0][2] = None  # sheet row 3: no holder
    rows[1][7] = "Dikecualikan"  # sheet row 4: excluded without its decision columns
    path = write(tmp_path / "dip.xlsx", rows)
    code, out, err = run(capsys, "--data-dir", str(office), "import-dip", str(path), *(["--dry-run"] if dry_run
                                                                                        else []))
    assert code == 1 and out == []
    assert err[1:] == [
        "baris 3, kolom Pejabat/Unit yang Menguasai: pejabat/unit yang menguasai informasi wajib diisi",
        "baris 4, kolom Pasal 17 UU KIP: informasi yang dikecualikan harus menyebut huruf Pasal 17 UU KIP (a sampai j)",
        "baris 4, kolom Uji Konsekuensi: informasi yang dikecualikan harus memuat hasil uji konsekuensi",
        "baris 4, kolom PPID yang Memutuskan: sebutkan PPID yang memutuskan pengecualian",
        "ppid-desk: impor dibatalkan: 2 baris bermasalah; tidak ada yang diimpor.",
    ]
    assert count(office) == 0


def test_several_sheets_name_their_sheet_in_problems(capsys, office, tmp_path):
    path = write(tmp_path / "dip.xlsx", [good_rows()[0]], sheet="Berkala")
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Dikecualikan")
    ws.append(HEADER[:-1])
    ws.append([1, "Data pribadi pegawai", "BKD", "Kepala BKD"])
    wb.save(path)
    code, _, err = run(capsys, "--data-dir", str(office), "import-dip", str(path))
    assert code == 1
    assert err[0] == ("lembar \u201cDikecualikan\u201d, baris 2, kolom Pasal 17 UU KIP: informasi yang dikecualikan "
                      "harus menyebut huruf Pasal 17 UU KIP (a sampai j)")


def test_a_file_that_cannot_be_used_is_one_line_and_exit_1(capsys, office, tmp_path):
    code, out, err = run(capsys, "--data-dir", str(office), "import-dip", str(tmp_path / "tidak-ada.xlsx"))
    assert (code, out) == (1, [])
    assert err == [f"ppid-desk: Berkas {tmp_path / 'tidak-ada.xlsx'} tidak ditemukan."]
    (tmp_path / "lama.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run(capsys, "--data-dir", str(office), "import-dip", str(tmp_path / "lama.xls"))
    assert code == 1 and "simpan ulang sebagai .xlsx" in err[0]


@pytest.mark.parametrize("argv, message", [
    (["import-dip"], "argumen wajib belum diberikan: FILE"),
    (["export-dip"], "argumen wajib belum diberikan: --out"),
    (["export-dip", "--out", "dip.pdf"], "--out: berkas keluaran harus berakhiran .xlsx"),
    (["export-dip", "--out", "dip.xlsx", "--paper", "Letter"], "--paper: pilihan tidak dikenal"),
])
def test_a_wrong_command_line_is_exit_2(capsys, data_dir, argv, message):
    code, _, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert code == 2
    assert message in err[0]


def test_export_then_import_into_another_register(capsys, office, tmp_path):
    run(capsys, "--data-dir", str(office), "import-dip", str(write(tmp_path / "dip.xlsx", good_rows())))
    out_file = tmp_path / "keluar" / "dip.xlsx"
    code, out, err = run(capsys, "--data-dir", str(office), "export-dip", "--out", str(out_file), "--paper", "F4")
    assert code == 0, err
    assert out == [f"3 entri DIP ditulis ke {out_file}"]
    other = tmp_path / "other"
    code, out, _ = run(capsys, "--data-dir", str(other), "import-dip", str(out_file))
    assert code == 0 and "diimpor: 3 entri DIP" in out
    assert count(other) == 3
