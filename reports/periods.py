"""What a periodic report is, without the workbook: the kinds, the period, the figures
returned, the period in words and its bounds.

Kept apart from :mod:`.periodic` and :mod:`.xlsx_book` (which import openpyxl, ~55 ms) so
that the Laporan page and the start of the app can name a period without loading the
Excel library; :mod:`.periodic` re-exports everything here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ppid_desk.dates import plain_date
from ppid_desk.errors import ValidationError

KINDS = ("daily", "weekly", "monthly", "annual", "custom")
KIND_WORDS = {"daily": "Harian", "weekly": "Mingguan (7 hari)", "monthly": "Bulanan (30 hari)",
              "annual": "Tahunan", "custom": "Periode pilihan"}


@dataclass(frozen=True)
class Period:
    kind: str
    first: date
    last: date

    @classmethod
    def ending(cls, kind: str, end: date) -> "Period":
        """The period of ``kind`` ending on ``end`` (annual: the calendar year of ``end``)."""
        if kind == "daily":
            return cls(kind, end, end)
        if kind == "weekly":
            return cls(kind, end - timedelta(days=6), end)
        if kind == "monthly":
            return cls(kind, end - timedelta(days=29), end)
        if kind == "annual":
            return cls(kind, date(end.year, 1, 1), date(end.year, 12, 31))
        raise ValidationError(f"Jenis laporan {kind!r} tidak dikenal.")

    @classmethod
    def custom(cls, first: date, last: date) -> "Period":
        if first > last:
            raise ValidationError("Tanggal awal periode sesudah tanggal akhir.")
        return cls("custom", first, last)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass
class ReportSummary:
    path: Path
    period: Period
    figures: dict[str, float | int | None] = field(default_factory=dict)
    by_channel: dict[str, int] = field(default_factory=dict)
    by_requester: dict[str, int] = field(default_factory=dict)
    by_pasal17: dict[str, int] = field(default_factory=dict)
    by_unit: dict[str, int] = field(default_factory=dict)
    by_class: dict[str, int] = field(default_factory=dict)
    by_objection: dict[str, int] = field(default_factory=dict)
    by_message: dict[str, int] = field(default_factory=dict)

    def tables(self) -> dict[str, dict[str, int]]:
        """The request breakdowns under their Ringkasan headings."""
        return {"Menurut saluran permohonan": self.by_channel, "Menurut jenis pemohon": self.by_requester,
                "Menurut alasan pengecualian (Pasal 17 UU 14/2008)": self.by_pasal17,
                "Menurut unit yang menguasai informasi": self.by_unit,
                "Menurut klasifikasi informasi (Daftar Informasi Publik)": self.by_class,
                "Pesan masuk (SMS, email, telepon, website) menurut jenis": self.by_message}

    def lines(self) -> list[str]:
        return [f"{k}: {shown(v)}" for k, v in self.figures.items()]


def shown(value) -> str:
    """A figure as the report prints it: ``-`` for none, one decimal with a comma."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


class ReportCancelled(Exception):
    """The progress callback asked to stop; nothing was written."""


def period_text(date_from: date | None, date_to: date | None) -> str:
    if date_from and date_to:
        if date_from == date_to:
            return f"Tanggal {plain_date(date_from)}"
        return f"Periode {plain_date(date_from)} s.d. {plain_date(date_to)}"
    if date_from:
        return f"Sejak {plain_date(date_from)}"
    if date_to:
        return f"Sampai dengan {plain_date(date_to)}"
    return "Seluruh periode"


def period_bounds(date_from: date | None, date_to: date | None) -> tuple[datetime | None, datetime | None]:
    """The first and last moment of the period (None: open)."""
    return (datetime.combine(date_from, time(0)) if date_from else None,
            datetime.combine(date_to, time.max) if date_to else None)
