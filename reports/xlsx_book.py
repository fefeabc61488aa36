"""What the register workbooks share (:mod:`.register_xlsx`, :mod:`.objections_xlsx`):
the title block, the two-row header with group headers merged over their sub-columns,
the streamed data rows, the print set-up, and writing the file safely.

Written with openpyxl's write-only mode (rows are streamed to the file), so 100,000
lines need little memory. Dates are real Excel dates shown as ``dd/mm/yyyy``; the
"Hari & Tanggal" columns show the Indonesian day name too (number format with the
Indonesian locale tag ``[$-421]``). Printing: landscape, fit to one page wide, the
header rows repeated on every page, panes frozen below the header and right of the
number and date columns.

Paper: ``"A4"`` (openpyxl paper size 9) or ``"F4"``. Excel has no F4 paper code; F4
(215 x 330 mm) is printed as Folio (code 14, 8.5 x 13 in = 216 x 330 mm), which is what
Indonesian offices' printer drivers call F4.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from ppid_desk.errors import ValidationError
from ppid_desk.office import load_office

from .periods import period_bounds, period_text  # kept importable from here

PAPER_SIZES = {"A4": 9, "F4": 14}  # openpyxl / Excel paper codes; F4 printed as Folio
DATE_FORMAT = "dd/mm/yyyy"
DAY_DATE_FORMAT = "[$-421]dddd, dd/mm/yyyy"  # "Senin, 23/11/2026"
MONEY_FORMAT = "#,##0"
TICK = "\u2713"

TITLE_ROWS = 4  # office, register name, period, blank
HEADER_TOP = TITLE_ROWS + 1
HEADER_BOTTOM = TITLE_ROWS + 2
FIRST_DATA_ROW = HEADER_BOTTOM + 1
FROZEN = f"C{FIRST_DATA_ROW}"  # below the header, right of the number and date columns


@dataclass(frozen=True)
class Column:
    group: str  # "" for a column without a group header (merged over both header rows)
    title: str
    width: float
    kind: str = "text"  # text, date, day_date, money, centre


_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_FORMATS = {"date": DATE_FORMAT, "day_date": DAY_DATE_FORMAT, "money": MONEY_FORMAT}


def day(value: date | None) -> datetime | None:
    """A date as the midnight datetime openpyxl writes as an Excel date."""
    return datetime.combine(value, time(0)) if value else None


def put(cell: Cell, value) -> None:
    """Give ``cell`` the value ``value``, text always as text: openpyxl would write
    ``"=1+1"`` or ``"=HYPERLINK(...)"`` typed in a register field as a live formula and
    ``"#N/A"`` as an error value, and refuses control characters (NUL, ...) that an .xlsx
    cannot hold; those are dropped."""
    try:
        cell.value = value
    except IllegalCharacterError:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if cell.data_type in ("f", "e"):
        cell.data_type = "s"


def _styled(ws, value, font=None, alignment=None, border=None, fill=None, number_format=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws)
    put(cell, value)
    if font:
        cell.font = font
    if alignment:
        cell.alignment = alignment
    if border:
        cell.border = border
    if fill:
        cell.fill = fill
    if number_format:
        cell.number_format = number_format
    return cell


def stream_cells(ws) -> None:
    """Let the write-only sheet ``ws`` take ready-made (styled) cells without an exception each.

    openpyxl 3.1's ``WriteOnlyWorksheet._values_to_row`` assigns every appended value to a
    spare cell; a cell as the value makes that raise (and format) a ValueError it then
    catches, about 3 µs a cell: a third of the time of a 50,000-row register. This is the
    same loop with an ``isinstance`` test instead, so the file is byte for byte the same.
    Without that method (another openpyxl) nothing changes."""
    if not hasattr(type(ws), "_values_to_row"):
        return

    def values_to_row(values, row_idx):
        cell = WriteOnlyCell(ws)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                put(cell, value)
            cell.column = col_idx
            cell.row = row_idx
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
            yield cell
            if cell.has_style or cell.hyperlink:
                cell = WriteOnlyCell(ws)

    ws._values_to_row = values_to_row


class Book(Workbook):
    """A write-only workbook whose every sheet writes text as text (:func:`put`: a unit
    named "=1+1" or a user name is never a live formula) and takes ready-made cells
    quickly (:func:`stream_cells`)."""

    def __init__(self) -> None:
        super().__init__(write_only=True)

    def create_sheet(self, title=None, index=None):
        ws = super().create_sheet(title, index)
        stream_cells(ws)
        return ws


def check_export(path: Path | str, date_from: date | None, date_to: date | None, paper: str) -> tuple[Path, str]:
    """The target path (its folder made) and the paper, or ValidationError."""
    path = Path(path)
    paper = paper.upper()
    if paper not in PAPER_SIZES:
        raise ValidationError(f"Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4.")
    if date_from and date_to and date_from > date_to:
        raise ValidationError("Tanggal awal periode sesudah tanggal akhir.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(f"Berkas {path} tidak dapat ditulis: {exc.strerror or exc}") from None
    return path, paper


def _print_setup(ws, columns: Sequence[Column], paper: str) -> None:
    for index, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.row_dimensions[HEADER_TOP].height = 30
    ws.row_dimensions[HEADER_BOTTOM].height = 30
    print_setup(ws, paper, FROZEN, f"{HEADER_TOP}:{HEADER_BOTTOM}")


def print_setup(ws, paper: str, frozen: str | None, title_rows: str | None) -> None:
    """Landscape on ``paper``, one page wide, ``title_rows`` ("5:6") repeated on every
    page, panes frozen at ``frozen`` ("C7"), page numbers in the footer."""
    if frozen:
        ws.freeze_panes = frozen
    if title_rows:
        ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_SIZES[paper]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "Halaman &P dari &N"


def _header(ws, columns: Sequence[Column]) -> None:
    """The two header rows: a group's title merged over its columns, a column without a
    group merged over both rows."""
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    bold = Font(bold=True)
    width = len(columns)
    top, bottom = [], []
    index = 0
    while index < width:
        column = columns[index]
        if not column.group:
            top.append(_styled(ws, column.title, bold, centre, _BOX, _HEADER_FILL))
            bottom.append(_styled(ws, None, bold, centre, _BOX, _HEADER_FILL))
            letter = get_column_letter(index + 1)
            ws.merged_cells.add(f"{letter}{HEADER_TOP}:{letter}{HEADER_BOTTOM}")
            index += 1
            continue
        span = 1
        while index + span < width and columns[index + span].group == column.group:
            span += 1
        for offset in range(span):
            top.append(_styled(ws, column.group if offset == 0 else None, bold, centre, _BOX, _HEADER_FILL))
            bottom.append(_styled(ws, columns[index + offset].title, bold, centre, _BOX, _HEADER_FILL))
        ws.merged_cells.add(f"{get_column_letter(index + 1)}{HEADER_TOP}:{get_column_letter(index + span)}{HEADER_TOP}")
        index += span
    ws.append(top)
    ws.append(bottom)


def write_book(path: Path, sheet: str, title: str, columns: Sequence[Column], rows: Iterable[tuple],
               date_from: date | None, date_to: date | None, paper: str, empty: str) -> int:
    """Write a register book (title block, header, ``rows`` in column order) to ``path``
    (checked with :func:`check_export`); returns the number of rows. ``empty`` is the
    line written when there are none."""
    wb = Book()
    count = add_register_sheet(wb, sheet, title, columns, rows, date_from, date_to, paper, empty)
    save_book(wb, path)
    return count


def styled(ws, value, font=None, alignment=None, border=None, fill=None, number_format=None) -> WriteOnlyCell:
    """A write-only cell with its style."""
    return _styled(ws, value, font, alignment, border, fill, number_format)


def add_register_sheet(wb: Workbook, sheet: str, title: str, columns: Sequence[Column], rows: Iterable[tuple],
                       date_from: date | None, date_to: date | None, paper: str, empty: str) -> int:
    """Add a register sheet (title block, header, ``rows`` in column order) to the
    write-only workbook ``wb``; returns the number of rows."""
    office = load_office()
    last_letter = get_column_letter(len(columns))
    ws = wb.create_sheet(sheet)
    stream_cells(ws)
    _print_setup(ws, columns, paper)

    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    office_name = office.agency_name or office.ppid_unit or "PPID"
    ws.append([_styled(ws, office_name.upper(), Font(bold=True, size=12), centre)])
    ws.append([_styled(ws, title, Font(bold=True, size=13), centre)])
    ws.append([_styled(ws, period_text(date_from, date_to), Font(italic=True), centre)])
    ws.append([])
    for row in (1, 2, 3):
        ws.merged_cells.add(f"A{row}:{last_letter}{row}")
    _header(ws, columns)

    # One styled cell per column, reused for every row: the writer serialises each cell
    # as it is yielded, so only the value changes (much faster than a cell per value).
    wrap = Alignment(vertical="top", wrap_text=True)
    middle = Alignment(horizontal="center", vertical="top", wrap_text=True)
    templates = [
        _styled(ws, None, alignment=middle if c.kind in ("centre", "date", "day_date") else wrap, border=_BOX,
                number_format=_FORMATS.get(c.kind))
        for c in columns
    ]
    count = 0
    for values in rows:
        for cell, value in zip(templates, values):
            put(cell, value)
        ws.append(templates)
        count += 1
    if not count:
        ws.append([_styled(ws, empty, Font(italic=True), centre, _BOX)])
        ws.merged_cells.add(f"A{FIRST_DATA_ROW}:{last_letter}{FIRST_DATA_ROW}")
    return count


def save_book(wb: Workbook, path: Path) -> None:
    """Save ``wb`` to ``path`` safely: a half-written book never replaces a good one.

    The book is put together in memory first and then written in one go, synced, and
    renamed: saved straight to a disk that fills up, openpyxl leaves its zip file open
    and Python prints two tracebacks on the terminal when it is collected."""
    tmp = path.with_name(path.name + ".part")
    book = io.BytesIO()
    wb.save(book)
    try:
        with tmp.open("wb") as out:
            out.write(book.getbuffer())
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"Berkas {path} tidak dapat ditulis: {exc.strerror or exc}") from None


def discard_book(wb: Workbook) -> None:
    """Close a write-only workbook that will not be saved (cancelled or failed) and
    remove the temporary files its sheets were streaming to."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        try:
            ws.close()
        except Exception:  # noqa: BLE001 - already closed or half-written: only cleaning up
            pass
        if writer is not None:
            Path(writer.out).unlink(missing_ok=True)


class Rows:
    """Appends rows to a write-only sheet, counting them, so that a row's height can be
    set before it is written (a write-only sheet cannot change a written row)."""

    def __init__(self, ws):
        self.ws = ws
        self.count = 0

    def append(self, cells: list, height: float | None = None) -> None:
        self.count += 1
        if height:
            self.ws.row_dimensions[self.count].height = height
        self.ws.append(cells)
