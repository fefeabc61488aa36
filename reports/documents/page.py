"""Paper sizes and the page template every document is built on.

PDFs are made with reportlab's ``invariant`` mode (fixed dates and document id), so
the same data gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from .fonts import SANS, register_fonts

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * mm, 297 * mm),
    "F4": (215 * mm, 330 * mm),  # folio, as Indonesian offices use it
    "A5": (148 * mm, 210 * mm),
}


@dataclass(frozen=True)
class Margins:
    top: float
    right: float
    bottom: float
    left: float


LETTER_MARGINS = Margins(top=12 * mm, right=20 * mm, bottom=18 * mm, left=25 * mm)
A5_MARGINS = Margins(top=8 * mm, right=10 * mm, bottom=10 * mm, left=12 * mm)


@dataclass(frozen=True)
class PdfInfo:
    title: str
    author: str
    subject: str
    footer: str = ""  # printed with the page number from page 2 on ("" = none)


FRAME_PADDING = 6  # points, reportlab's default frame padding on each side


def frame_width(paper: str, margins: Margins) -> float:
    """The width flowables may use between the margins."""
    return PAPER_SIZES[paper][0] - margins.left - margins.right - 2 * FRAME_PADDING


def build_pdf(story: Sequence[Flowable], paper: str, margins: Margins, info: PdfInfo) -> bytes:
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=PAPER_SIZES[paper], leftMargin=margins.left, rightMargin=margins.right,
        topMargin=margins.top, bottomMargin=margins.bottom, title=info.title, author=info.author,
        subject=info.subject, creator="PPID Desk", invariant=1, lang="id-ID",
        initialFontName=SANS, initialFontSize=10,  # no unembedded Helvetica in the file
    )

    def later_page(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        if not info.footer:
            return
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillGray(0.35)
        canvas.drawRightString(PAPER_SIZES[paper][0] - margins.right, margins.bottom / 2,
                               f"{info.footer} \u2014 halaman {canvas.getPageNumber()}")
        canvas.restoreState()

    doc.build(list(story), onFirstPage=lambda c, d: None, onLaterPages=later_page)
    return out.getvalue()
