"""The Daftar Informasi Publik (DIP) as an Excel workbook.

The columns of the Perki DIP (DOMAIN.md, "Information classes and the DIP"): ringkasan
isi informasi · pejabat/unit yang menguasai · penanggung jawab · waktu dan tempat
pembuatan · format · jangka waktu penyimpanan; then the class, and for an excluded entry
its classification decision under one merged header. One row per active entry, by class
(berkala, serta merta, setiap saat, dikecualikan) and in the order added. The workbook
itself (title block, two-row header, print set-up) is :mod:`.xlsx_book`'s, so the file
reads back with ``ppid-desk import-dip``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ppid_desk.accounts.officer import Actor, require
from ppid_desk.accounts.roles import Permission
from ppid_desk.dip.codes import InfoClass, pasal17_text
from ppid_desk.dip.queries import holder_text, list_entries

from .xlsx_book import Column, check_export, day, write_book

TITLE = "DAFTAR INFORMASI PUBLIK"
DECISION_GROUP = "Keputusan Pengecualian (Informasi yang Dikecualikan)"

COLUMNS: tuple[Column, ...] = (
    Column("", "No", 6, "centre"),
    Column("", "Ringkasan Isi Informasi", 44),
    Column("", "Pejabat/Unit yang Menguasai Informasi", 28),
    Column("", "Penanggung Jawab Pembuatan/Penerbitan Informasi", 24),
    Column("", "Waktu dan Tempat Pembuatan Informasi", 20),
    Column("", "Format Informasi", 16),
    Column("", "Jangka Waktu Penyimpanan", 16),
    Column("", "Klasifikasi Informasi", 14, "centre"),
    Column(DECISION_GROUP, "Pasal 17 UU KIP", 16),
    Column(DECISION_GROUP, "Dasar Hukum Lain", 18),
    Column(DECISION_GROUP, "Uji Konsekuensi", 36),
    Column(DECISION_GROUP, "Jangka Waktu Pengecualian", 16),
    Column(DECISION_GROUP, "PPID yang Memutuskan", 20),
    Column(DECISION_GROUP, "Nomor Keputusan", 18),
    Column(DECISION_GROUP, "Tanggal Keputusan", 12, "date"),
)


def dip_rows() -> Iterator[tuple]:
    """The active entries as tuples in column order."""
    for number, entry in enumerate(list_entries(), 1):
        excluded = InfoClass(entry.info_class) is InfoClass.EXCLUDED
        yield (
            number, entry.summary, holder_text(entry), entry.official or None, entry.made or None,
            entry.format or None, entry.retention or None, InfoClass(entry.info_class).label,
            pasal17_text(entry.pasal17) or None if excluded else None, entry.other_statute or None,
            entry.consequence or None, entry.exclusion_period or None, entry.decided_by or None,
            entry.decision_number or None, day(entry.decision_date),
        )


def export_dip(path: Path | str, paper: str = "A4", today: date | None = None, *, actor: Actor = "") -> int:
    """Write the DIP (active entries) to ``path``; returns the number of entries. No
    personal data, so no audit entry."""
    require(actor, Permission.EXPORT_REGISTER)
    path, paper = check_export(path, None, None, paper)
    return write_book(path, "DIP", TITLE, COLUMNS, dip_rows(), None, today or date.today(), paper,
                      "Daftar Informasi Publik belum berisi entri.")
