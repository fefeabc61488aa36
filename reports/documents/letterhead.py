"""The kop surat: logo, agency, PPID unit, address and contacts, and the double rule."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from ppid_desk.office import OfficeSettings

from .fonts import SANS, SANS_BOLD, SERIF_BOLD


class DoubleRule(Flowable):
    """The thick-and-thin line under an Indonesian letterhead."""

    def __init__(self, width: float, scale: float = 1.0):
        super().__init__()
        self.width, self.scale = width, scale
        self.height = 4 * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(1.8 * self.scale)
        c.line(0, self.height, self.width, self.height)
        c.setLineWidth(0.6 * self.scale)
        c.line(0, self.height - 2.6 * self.scale, self.width, self.height - 2.6 * self.scale)


def _logo(data: bytes, height: float) -> Image | None:
    try:
        reader = ImageReader(io.BytesIO(data))
        w, h = reader.getSize()
    except Exception:  # a logo reportlab cannot read must not stop the document
        return None
    if not w or not h:
        return None
    width = height * w / h
    if width > height * 1.6:  # a wide logo: limit by width instead
        width, height = height * 1.6, height * 1.6 * h / w
    return Image(io.BytesIO(data), width=width, height=height)


def contact_lines(office: OfficeSettings) -> list[str]:
    first = [office.address.replace("\n", ", ").strip()] if office.address.strip() else []
    if office.phone.strip():
        first.append(f"Telepon {office.phone.strip()}")
    if office.fax.strip():
        first.append(f"Faksimile {office.fax.strip()}")
    second = []
    if office.email.strip():
        second.append(f"Pos-el {office.email.strip()}")
    if office.website.strip():
        second.append(f"Laman {office.website.strip()}")
    return [", ".join(part for part in line) for line in (first, second) if line]


def letterhead(office: OfficeSettings, logo: bytes | None, width: float, scale: float = 1.0) -> list[Flowable]:
    """The kop surat as flowables across ``width``; ``scale`` shrinks it for A5."""
    agency = ParagraphStyle("kop-agency", fontName=SERIF_BOLD, fontSize=14 * scale, leading=17 * scale,
                            alignment=TA_CENTER)
    unit = ParagraphStyle("kop-unit", fontName=SANS_BOLD, fontSize=11 * scale, leading=14 * scale,
                          alignment=TA_CENTER)
    small = ParagraphStyle("kop-contact", fontName=SANS, fontSize=8.5 * scale, leading=10.5 * scale,
                           alignment=TA_CENTER)
    lines: list[Flowable] = []
    if office.agency_name.strip():
        lines.append(Paragraph(escape(office.agency_name.strip().upper()), agency))
    if office.ppid_unit.strip():
        lines.append(Paragraph(escape(office.ppid_unit.strip().upper()), unit))
    lines += [Paragraph(escape(line), small) for line in contact_lines(office)]
    if not lines:
        lines.append(Paragraph("PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI", unit))
    image = _logo(logo, 22 * mm * scale) if logo else None
    side = (image.drawWidth + 3 * mm * scale) if image else 0
    table = Table([[image or "", lines, ""]], colWidths=[side, width - 2 * side, side])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), SANS, 8),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return [table, Spacer(1, 1.5 * mm * scale), DoubleRule(width, scale), Spacer(1, 5 * mm * scale)]
