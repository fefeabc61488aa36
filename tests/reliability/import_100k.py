"""Time and memory of importing a very large old register, in a process of its own so
that its peak memory is its own.

    python tests/reliability/import_100k.py csv|xlsx ROWS FOLDER

Writes a register of ROWS rows to FOLDER, checks and imports it into a new register in
FOLDER/data, and prints one line: ``rows=... write=...s check=...s apply=...s
imported=... peak_mb=...``. ``test_hostile_import.py`` runs it for 100,000 CSV rows;
the .xlsx figure (slower to write and to read) is measured by hand.
"""

from __future__ import annotations

import csv
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HEADER = ["No. Pendaftaran", "Tanggal", "Nama Pemohon", "NIK", "Alamat", "No. Telp", "Informasi yang Diminta",
          "Tujuan Penggunaan", "Keputusan", "Tanggal Pemberitahuan"]


def rows(count: int):
    for i in range(count):
        day = date(2024, 1, 1) + timedelta(days=i % 700)
        yield [f"B{i}/REG/{day.year}", f"{day:%d/%m/%Y}", f"Pemohon {i}", "3201014506900001", "Jl. Merdeka 1",
               "0812-3456-7890", f"Salinan dokumen anggaran nomor {i}", "Penelitian", "Dikabulkan Seluruhnya",
               f"{day + timedelta(days=3):%d/%m/%Y}"]


def write(kind: str, count: int, folder: Path) -> Path:
    if kind == "csv":
        path = folder / "register-besar.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(HEADER)
            writer.writerows(rows(count))
        return path
    import openpyxl

    path = folder / "register-besar.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Register")
    ws.append(HEADER)
    for row in rows(count):
        ws.append(row)
    wb.save(path)
    return path


def main() -> None:
    kind, count, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    path = write(kind, count, folder)
    written = time.perf_counter()

    from ppid_desk.register.importer import apply, check_file
    from ppid_desk.store import open_store

    store = open_store(folder / "data")
    opened = time.perf_counter()
    plan = check_file(path)
    checked = time.perf_counter()
    result = apply(plan, "petugas")
    applied = time.perf_counter()
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows={count} write={written - started:.1f}s check={checked - opened:.1f}s "
          f"apply={applied - checked:.1f}s problems={len(plan.problems)} imported={result.imported} "
          f"peak_mb={peak:.0f}")


if __name__ == "__main__":
    main()
