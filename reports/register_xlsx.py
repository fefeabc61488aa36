"""The register book (Register Permohonan Informasi Publik) as an Excel workbook.

The layout follows the paper book of the Perki service standard (DOMAIN.md,
"Registers"): a title block (the office, the register's name, the period), a two-row
header with group headers merged over their sub-columns, then one row per request
received in the period, ordered by the time it was received.

Written with openpyxl's write-only mode (rows are streamed to the file), so 100,000
requests need little memory. Dates are real Excel dates shown as ``dd/mm/yyyy``; the
"Hari & Tanggal" columns show the Indonesian day name too (number format with the
Indonesian locale tag ``[$-421]``). Printing: landscape, fit to one page wide, the
header rows repeated on every page, panes frozen below the header and right of the
number and date columns.

Paper: ``paper="A4"`` (openpyxl paper size 9) or ``paper="F4"``. Excel has no F4
paper code; F4 (215 x 330 mm) is printed as Folio (code 14, 8.5 x 13 in = 216 x 330
mm), which is what Indonesian offices' printer drivers call F4. When the office gets a
paper setting, pass it here.

Personal data: the NIK is not part of the register book and is not exported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from ppid_desk.dates import plain_date
from ppid_desk.errors import ValidationError
from ppid_desk.office import load_office
from ppid_desk.register.codes import GRANTED, PASAL_17, Decision, DeliveryForm, ObtainMethod
from ppid_desk.store.models import Request, Requester

TITLE = "REGISTER PERMOHONAN INFORMASI PUBLIK"
PAPER_SIZES = {"A4": 9, "F4": 14}  # openpyxl / Excel paper codes; F4 printed as Folio
DATE_FORMAT = "dd/mm/yyyy"
DAY_DATE_FORMAT = "[$-421]dddd, dd/mm/yyyy"  # "Senin, 23/11/2026"
MONEY_FORMAT = "#,##0"
TICK = "\u2713"


@dataclass(frozen=True)
class Column:
    group: str  # "" for a column without a group header (merged over both header rows)
    title: str
    width: float
    kind: str = "text"  # text, date, day_date, money, centre


# DOMAIN.md "Registers": No · Tanggal · Nama · Alamat · Nomor kontak · Pekerjaan ·
# Informasi yang diminta · Tujuan penggunaan · Status informasi · Bentuk informasi ·
# Jenis permohonan · Keputusan · Alasan penolakan · Hari & tanggal pemberitahuan
# tertulis · Hari & tanggal pemberian informasi · Biaya & cara pembayaran.
COLUMNS: tuple[Column, ...] = (
    Column("", "No", 20, "centre"),
    Column("", "Tanggal", 12, "date"),
    Column("Pemohon", "Nama", 22),
    Column("Pemohon", "Alamat", 28),
    Column("Pemohon", "Nomor Kontak", 18),
    Column("Pemohon", "Pekerjaan", 15),
    Column("", "Informasi yang Diminta", 40),
    Column("", "Tujuan Penggunaan Informasi", 28),
    Column("Status Informasi", "Dikuasai", 12, "centre"),
    Column("Status Informasi", "Badan Publik yang Menguasai", 20),
    Column("Bentuk Informasi", "Softcopy", 9, "centre"),
    Column("Bentuk Informasi", "Hardcopy", 9, "centre"),
    Column("Jenis Permohonan", "Melihat/ Mengetahui", 11, "centre"),
    Column("Jenis Permohonan", "Meminta Salinan", 10, "centre"),
    Column("", "Keputusan", 15),
    Column("", "Alasan Penolakan", 24),
    Column("Hari & Tanggal", "Pemberitahuan Tertulis", 19, "day_date"),
    Column("Hari & Tanggal", "Pemberian Informasi", 19, "day_date"),
    Column("Biaya & Cara Pembayaran", "Biaya (Rp)", 11, "money"),
    Column("Biaya & Cara Pembayaran", "Cara Pembayaran", 15),
)

TITLE_ROWS = 4  # office, register name, period, blank
HEADER_TOP = TITLE_ROWS + 1
HEADER_BOTTOM = TITLE_ROWS + 2
FIRST_DATA_ROW = HEADER_BOTTOM + 1

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
GRANTED_VALUES = {d.value for d in GRANTED}
_SEE = {ObtainMethod.SEE.value, ObtainMethod.READ.value, ObtainMethod.LISTEN.value, ObtainMethod.NOTE.value}


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


def rejection_reason(pasal17: str, other_statute: str) -> str:
    """"Pasal 17 huruf a dan h UU 14/2008" and/or the other statute."""
    letters = [p for p in (pasal17 or "").split(",") if p in PASAL_17]
    parts = []
    if letters:
        named = letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " dan " + letters[-1]
        parts.append(f"Pasal 17 huruf {named} UU 14/2008")
    if other_statute:
        parts.append(other_statute)
    return "; ".join(parts)


def _held(decision: str | None) -> str:
    if not decision:
        return ""
    if decision == Decision.NOT_HELD.value:
        return "Tidak"
    if decision == Decision.NOT_DOCUMENTED.value:
        return "Belum didokumentasikan"
    return "Ya"


def _forms(delivery_form: str, obtain: str) -> tuple[str | None, str | None]:
    if delivery_form == DeliveryForm.SOFTCOPY.value or (not delivery_form and obtain == ObtainMethod.SOFTCOPY.value):
        return TICK, None
    if delivery_form == DeliveryForm.HARDCOPY.value or (not delivery_form and obtain == ObtainMethod.HARDCOPY.value):
        return None, TICK
    return None, None


def _contact(phone: str, email: str) -> str:
    return " / ".join(x for x in (phone, email) if x)


def _day(value: date | None) -> datetime | None:
    return datetime.combine(value, time(0)) if value else None


def register_rows(date_from: date | None = None, date_to: date | None = None):
    """The register's lines as tuples in column order (dates as datetimes)."""
    query = (Request.select(Request.number, Request.received_at, Requester.name, Requester.address, Requester.phone,
                            Requester.email, Requester.occupation, Request.information, Request.purpose,
                            Request.decision, Request.holder_body, Request.delivery_form, Request.obtain_method,
                            Request.pasal17, Request.other_statute, Request.notice_date, Request.delivered_on,
                            Request.cost, Request.payment_method)
             .join(Requester).order_by(Request.received_at, Request.id))
    if date_from:
        query = query.where(Request.received_at >= datetime.combine(date_from, time(0)))
    if date_to:
        query = query.where(Request.received_at <= datetime.combine(date_to, time.max))
    for (number, received, name, address, phone, email, occupation, information, purpose, decision, holder,
         form, obtain, pasal17, other, notice, delivered, cost, payment) in query.tuples().iterator():
        # the form the information is held in is known once it is given
        soft, hard = _forms(form, obtain) if decision in GRANTED_VALUES else (None, None)
        reason = rejection_reason(pasal17, other) if decision in (Decision.REJECTED.value,
                                                                  Decision.GRANTED_PARTIAL.value) else ""
        yield (
            number, _day(received.date()) if received else None, name, address, _contact(phone, email), occupation,
            information, purpose, _held(decision), holder or None, soft, hard,
            TICK if obtain in _SEE else None, None if obtain in _SEE else TICK,
            Decision(decision).label if decision else "Dalam proses", reason or None,
            _day(notice), _day(delivered),
            cost, payment or None,
        )


def _styled(ws, value, font=None, alignment=None, border=None, fill=None, number_format=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
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


def export_register(path: Path | str, date_from: date | None = None, date_to: date | None = None,
                    paper: str = "A4") -> int:
    """Write the register book of requests received in [date_from, date_to]; returns the row count."""
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
    office = load_office()
    width = len(COLUMNS)
    last_letter = get_column_letter(width)

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Register Permohonan")
    for index, column in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.row_dimensions[HEADER_TOP].height = 30
    ws.row_dimensions[HEADER_BOTTOM].height = 30
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    ws.print_title_rows = f"{HEADER_TOP}:{HEADER_BOTTOM}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_SIZES[paper]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "Halaman &P dari &N"

    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    title_font = Font(bold=True, size=13)
    office_name = office.agency_name or office.ppid_unit or "PPID"
    ws.append([_styled(ws, office_name.upper(), Font(bold=True, size=12), centre)])
    ws.append([_styled(ws, TITLE, title_font, centre)])
    ws.append([_styled(ws, period_text(date_from, date_to), Font(italic=True), centre)])
    ws.append([])
    for row in (1, 2, 3):
        ws.merged_cells.add(f"A{row}:{last_letter}{row}")

    bold = Font(bold=True)
    top, bottom = [], []
    index = 0
    while index < width:
        column = COLUMNS[index]
        if not column.group:
            top.append(_styled(ws, column.title, bold, centre, _BOX, _HEADER_FILL))
            bottom.append(_styled(ws, None, bold, centre, _BOX, _HEADER_FILL))
            letter = get_column_letter(index + 1)
            ws.merged_cells.add(f"{letter}{HEADER_TOP}:{letter}{HEADER_BOTTOM}")
            index += 1
            continue
        span = 1
        while index + span < width and COLUMNS[index + span].group == column.group:
            span += 1
        for offset in range(span):
            top.append(_styled(ws, column.group if offset == 0 else None, bold, centre, _BOX, _HEADER_FILL))
            bottom.append(_styled(ws, COLUMNS[index + offset].title, bold, centre, _BOX, _HEADER_FILL))
        ws.merged_cells.add(f"{get_column_letter(index + 1)}{HEADER_TOP}:{get_column_letter(index + span)}{HEADER_TOP}")
        index += span
    ws.append(top)
    ws.append(bottom)

    # One styled cell per column, reused for every row: the writer serialises each cell
    # as it is yielded, so only the value changes (much faster than a cell per value).
    wrap = Alignment(vertical="top", wrap_text=True)
    middle = Alignment(horizontal="center", vertical="top", wrap_text=True)
    formats = {"date": DATE_FORMAT, "day_date": DAY_DATE_FORMAT, "money": MONEY_FORMAT}
    templates = [
        _styled(ws, None, alignment=middle if c.kind in ("centre", "date", "day_date") else wrap, border=_BOX,
                number_format=formats.get(c.kind))
        for c in COLUMNS
    ]
    count = 0
    for values in register_rows(date_from, date_to):
        for cell, value in zip(templates, values):
            cell.value = value
        ws.append(templates)
        count += 1
    if not count:
        empty = _styled(ws, "Tidak ada permohonan pada periode ini.", Font(italic=True), centre, _BOX)
        ws.append([empty])
        ws.merged_cells.add(f"A{FIRST_DATA_ROW}:{last_letter}{FIRST_DATA_ROW}")
    tmp = path.with_name(path.name + ".part")  # a half-written book never replaces a good one
    try:
        wb.save(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"Berkas {path} tidak dapat ditulis: {exc.strerror or exc}") from None
    return count
