"""The SALINAN mark on a reprint: a watermark page drawn with reportlab, laid over
every page of the stored PDF with pypdf. The stored bytes are not touched."""

from __future__ import annotations

import io
from functools import lru_cache

from pypdf import PdfReader, PdfWriter
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import SANS, SANS_BOLD, register_fonts

WORD = "SALINAN"
NOTE = ("SALINAN \u2014 cetak ulang dari dokumen yang telah diterbitkan; "
        "nomor dan isinya sama dengan aslinya.")
RED = Color(0.75, 0.05, 0.05)


@lru_cache(maxsize=8)
def _overlay(width: float, height: float) -> bytes:
    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1, initialFontName=SANS)
    canvas.saveState()
    canvas.setFillColor(RED)
    canvas.setFillAlpha(0.16)
    canvas.setFont(SANS_BOLD, width / 5.2)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -width / 14, WORD)
    canvas.restoreState()
    canvas.setFillColor(RED)
    canvas.setStrokeColor(RED)
    size = 9 if width > 160 * mm else 7
    canvas.setFont(SANS_BOLD, size + 3)
    tag_width = canvas.stringWidth(WORD, SANS_BOLD, size + 3) + 8
    canvas.setLineWidth(1.2)
    # Top left: the receipt's copy label sits top right.
    top = height - 5 * mm
    canvas.rect(10 * mm, top - size - 7, tag_width, size + 7)
    canvas.drawString(10 * mm + 4, top - size - 3, WORD)
    canvas.setFont(SANS, size - 1.5)
    canvas.drawCentredString(width / 2, 4 * mm, NOTE)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def mark_copy(pdf: bytes) -> bytes:
    """``pdf`` with the SALINAN mark on every page."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        box = page.mediabox
        overlay = PdfReader(io.BytesIO(_overlay(float(box.width), float(box.height)))).pages[0]
        page.merge_page(overlay)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
