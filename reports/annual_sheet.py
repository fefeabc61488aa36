"""The Laporan Tahunan sheet itself (openpyxl), apart from :mod:`.annual`, whose texts the
Laporan page reads and saves without loading the Excel library."""

from __future__ import annotations

import math
from collections.abc import Mapping

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ppid_desk.office import OfficeSettings

from .annual import SECTIONS
from .xlsx_book import Rows, print_setup, styled

_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_CHARS_PER_LINE = 110  # column B at width 100 holds about this many characters per line


class _Rows(Rows):
    """The annual sheet's rows: headings, wrapped texts, figures."""

    def heading(self, number: str, title: str, gap: bool = True) -> None:
        if gap:
            self.append([])
        self.append([styled(self.ws, number, _BOLD), styled(self.ws, title, _BOLD)])

    def text(self, text: str) -> None:
        lines = sum(max(1, math.ceil(len(part) / _CHARS_PER_LINE)) for part in (text.splitlines() or [""]))
        self.append([None, styled(self.ws, text, alignment=_WRAP)], height=15 * lines + 3)

    def figures(self, items) -> None:
        for label, value in items:
            fmt = "0.0" if isinstance(value, float) else "0"
            self.append([None, label, styled(self.ws, value, number_format=fmt)])


def write_annual_sheet(wb: Workbook, year: int, office: OfficeSettings, texts: Mapping[str, str],
                       figures: Mapping[str, object], tables: Mapping[str, Mapping[str, int]],
                       objections: Mapping[str, int], paper: str) -> None:
    """The Laporan Tahunan sheet of ``year``: ``texts`` (:func:`.annual.section_texts`) around
    the year's figures."""
    ws = wb.create_sheet("Laporan Tahunan")
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 100
    ws.column_dimensions["C"].width = 14
    print_setup(ws, paper, None, None)
    rows = _Rows(ws)
    rows.append([None, styled(ws, (office.agency_name or office.ppid_unit or "PPID").upper(), _BOLD)])
    rows.append([None, styled(ws, f"LAPORAN TAHUNAN LAYANAN INFORMASI PUBLIK TAHUN {year}", Font(bold=True, size=13))])
    rows.append([None, styled(ws, "Disusun menurut Peraturan Komisi Informasi Nomor 1 Tahun 2021", Font(italic=True))])
    key, number, title = SECTIONS[0]
    rows.heading(number, title)
    rows.text(texts[key])
    rows.heading("II", "Gambaran umum pelaksanaan pelayanan informasi publik")
    for key, number, title in SECTIONS[1:4]:
        rows.heading(number, title, gap=False)
        rows.text(texts[key])
    rows.heading("III", "Rincian pelayanan informasi publik")
    rows.figures(figures.items())
    for name, table in tables.items():
        rows.append([None, styled(ws, name, Font(italic=True))])
        rows.figures(table.items())
    rows.heading("IV", "Rincian penyelesaian keberatan dan sengketa informasi")
    rows.figures(objections.items())
    for key, number, title in SECTIONS[4:]:
        rows.heading(number, title)
        rows.text(texts[key])
