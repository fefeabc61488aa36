"""Importing a 30,000-row old register from Excel, and exporting the register book.

The register is made to look like a real one: two title rows, a header with odd
spellings, a mix of Excel dates and dd/mm/yyyy text, every decision, Pasal 17 reasons,
returning requesters. Making the file is not timed; reading + checking (check_file),
writing (apply) and the export are.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from ppid_desk.register.importer import apply, check_file
from ppid_desk.reports.register_xlsx import export_register
from ppid_desk.store import open_store
from ppid_desk.store.models import Request

N = 30_000
HEADER = ["NO. PENDAFTARAN", "Tanggal", "Nama  Pemohon", "NIK", "Alamat", "no.telp/email", "Pekerjaan",
          "Informasi yang Diminta", "Tujuan Penggunaan", "Keputusan", "Alasan Penolakan", "Tanggal Pemberitahuan",
          "Tanggal Pemberian Informasi"]
DECISIONS = ["Dikabulkan Seluruhnya"] * 6 + ["Dikabulkan Sebagian", "Ditolak", "Belum Dikuasai",
                                             "Belum Didokumentasikan", None]
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def make_register(path: Path, n: int = N, seed: int = 2026) -> None:
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Register")
    ws.append(["PEMERINTAH KABUPATEN SUKAMAJU"])
    ws.append(["REGISTER PERMOHONAN INFORMASI PUBLIK 2021-2025"])
    ws.append(HEADER)
    people = [(f"Pemohon {i}", f"3201{rng.randrange(10, 99)}{rng.randrange(1, 28):02d}{rng.randrange(1, 12):02d}"
               f"{rng.randrange(60, 99)}{rng.randrange(1, 9999):04d}", f"Jl. Contoh No. {i}, Sukamaju",
               f"08{rng.randrange(10**9, 10**10)}", rng.choice(["Guru", "Wiraswasta", "Mahasiswa", "PNS", "Petani"]))
              for i in range(n // 3)]
    start = datetime(2021, 1, 4, 8, 0)
    span = (datetime(2025, 12, 31) - start).total_seconds()
    moments = sorted(start + timedelta(seconds=rng.randrange(int(span))) for _ in range(n))
    seq: dict[int, int] = {}
    for when in moments:
        seq[when.year] = seq.get(when.year, 0) + 1
        name, nik, address, phone, job = rng.choice(people)
        decision = rng.choice(DECISIONS)
        reason = rng.choice(["Pasal 17 huruf h", "Pasal 17 huruf a dan i", "psl 17 j"]) if decision in (
            "Ditolak", "Dikabulkan Sebagian") else None
        notice = (when + timedelta(days=rng.randrange(1, 14))).date() if decision else None
        granted = bool(notice) and decision.startswith("Dikabulkan")
        delivered = notice + timedelta(days=rng.randrange(0, 3)) if granted else None
        if notice and notice >= date(2025, 12, 31):
            notice = delivered = None
            decision = None
            reason = None
        received = when if rng.random() < 0.5 else when.strftime("%d/%m/%Y")
        ws.append([f"{seq[when.year]:03d}/PPID/{ROMAN[when.month - 1]}/{when.year}", received, name, nik, address,
                   phone, job, f"Dokumen anggaran kegiatan nomor {rng.randrange(1, 500)} tahun {when.year}",
                   "Penelitian", decision, reason, notice.strftime("%d/%m/%Y") if notice else None, delivered])
    wb.save(path)


def run():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "register-lama.xlsx"
        make_register(source)
        with open_store(Path(tmp) / "data"):
            began = time.perf_counter()
            plan = check_file(source)
            checked = time.perf_counter()
            assert plan.ok, plan.problems[:5]
            result = apply(plan, "bench")
            applied = time.perf_counter()
            assert Request.select().count() == N == result.imported
            count = export_register(Path(tmp) / "register.xlsx")
            exported = time.perf_counter()
            assert count == N
        total = applied - began
        rows += [
            (f"import {N:,} rows: check_file (read + check)", checked - began, "s", f"{plan.rows_read:,} rows read"),
            (f"import {N:,} rows: apply (one transaction)", applied - checked, "s",
             f"{result.requesters:,} requesters, {result.events:,} events"),
            (f"import {N:,} rows: total", total, "s", "target < 15 s"),
            (f"export {N:,} rows to the register book (.xlsx)", exported - applied, "s",
             f"{(Path(tmp) / 'register.xlsx').stat().st_size / 1e6:.1f} MB"),
        ]
    return rows
