"""Building blocks shared by the documents: type styles, label/value tables, titles,
signature blocks, and the words numbers and money are written with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, register_fonts

NUMBER_WORDS = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 10: "sepuluh",
                14: "empat belas", 30: "tiga puluh"}


def text(value: object) -> str:
    """User text made safe for a paragraph: markup escaped, line breaks kept."""
    lines = str(value or "").strip().splitlines()
    return "<br/>".join(escape(" ".join(line.split())) for line in lines if line.strip())


def days_words(n: int) -> str:
    """``7`` -> ``"7 (tujuh)"`` as letters write a number of days."""
    return f"{n} ({NUMBER_WORDS[n]})" if n in NUMBER_WORDS else str(n)


def rupiah(amount: int) -> str:
    """``5000`` -> ``"Rp 5.000"`` (with a no-break space: the amount never leaves its "Rp")."""
    return "Rp\u00a0" + f"{amount:,}".replace(",", ".")


@dataclass(frozen=True)
class Look:
    """The type styles of one document at one size."""

    body: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    center: ParagraphStyle
    size: float

    @property
    def gap(self) -> float:
        return self.size * 0.8


def make_look(size: float = 11, serif: bool = True) -> Look:
    register_fonts()
    regular, bold = (SERIF, SERIF_BOLD) if serif else (SANS, SANS_BOLD)
    leading = size * 1.3
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=leading, alignment=TA_JUSTIFY)
    return Look(
        body=body,
        bold=ParagraphStyle("bold", parent=body, fontName=bold, alignment=TA_LEFT),
        small=ParagraphStyle("small", parent=body, fontSize=size * 0.82, leading=size * 1.08),
        label=ParagraphStyle("label", parent=body, alignment=TA_LEFT),
        title=ParagraphStyle("title", parent=body, fontName=bold, fontSize=size * 1.18, leading=size * 1.5,
                             alignment=TA_CENTER),
        subtitle=ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER),
        center=ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        size=size,
    )


def title_block(look: Look, titles: Sequence[str], number_line: str = "") -> list[Flowable]:
    """Centred document title lines and the ``Nomor: ...`` line under them."""
    story: list[Flowable] = [Paragraph(escape(t), look.title) for t in titles]
    if number_line:
        story.append(Paragraph(escape(number_line), look.subtitle))
    story.append(Spacer(1, look.gap))
    return story


def fields(look: Look, rows: Sequence[tuple[str, str]], width: float, label_width: float,
           indent: float = 0) -> Table:
    """Label : value lines; values are already paragraph text (see :func:`text`)."""
    data = [[Paragraph(escape(label), look.label), ":", Paragraph(value or "-", look.label)] for label, value in rows]
    table = Table(data, colWidths=[label_width, 3 * mm, width - label_width - 3 * mm - indent], hAlign="RIGHT",
                  splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), look.body.fontName, look.size),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
    ]))
    return table


def numbered_table(look: Look, header: Sequence[str], rows: Sequence[tuple[str, str]], width: float,
                   label_width: float) -> Table:
    """A ruled three-column table: No | Hal | Keterangan (the Perki notice form)."""
    head = [Paragraph(f"<b>{escape(h)}</b>", look.label) for h in header]
    data = [head] + [[Paragraph(f"{i}.", look.label), Paragraph(escape(label), look.label), Paragraph(value, look.label)]
                     for i, (label, value) in enumerate(rows, start=1)]
    number_width = look.size * 2.8
    table = Table(data, colWidths=[number_width, label_width, width - label_width - number_width], repeatRows=1,
                  splitInRow=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), look.body.fontName, look.size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]))
    return table


def boxed(look: Look, flowables: list[Flowable], width: float) -> Table:
    """Flowables inside a thin frame (the due dates on the receipt)."""
    table = Table([[flowables]], colWidths=[width])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), look.body.fontName, look.size),
        ("BOX", (0, 0), (-1, -1), 0.7, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def copy_label(look: Look, caption: str) -> Table:
    """The boxed caption at the top right of each copy of a two-copy form ("Lembar Arsip")."""
    size = look.small.fontSize
    tag = Table([[caption]], colWidths=[stringWidth(caption, SANS_BOLD, size) + 8], hAlign="RIGHT")
    tag.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, "black"), ("FONT", (0, 0), (-1, -1), SANS_BOLD, size),
                             ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                             ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return tag


@dataclass(frozen=True)
class Signer:
    """One signature block: the lines above the space, the name, the NIP if any."""

    lines: tuple[str, ...]
    name: str
    nip: str = ""


def signatures(look: Look, width: float, right: Signer, left: Signer | None = None, space: float = 16 * mm,
               lead: Sequence[Flowable] = ()) -> Flowable:
    """One signature block on the right, or two side by side with their names on one line.

    ``lead`` (the letter's last paragraph) stays on the page of the signatures, so a
    signature never stands alone on a page.
    """
    right_share = 0.5 if left else 0.58
    widths = [width * (1 - right_share), width * right_share]

    def lines(signer: Signer | None, count: int) -> list[Flowable]:
        words = list(signer.lines) if signer else []
        words += [""] * (count - len(words))
        return [Paragraph(escape(line) or "&nbsp;", look.label) for line in words]

    def name(signer: Signer | None) -> Paragraph | str:
        if signer is None:
            return ""
        shown = f"<u><b>{escape(signer.name)}</b></u>" if signer.name.strip() else "(" + "." * 40 + ")"
        return Paragraph(shown, look.label)

    def nip(signer: Signer | None) -> Paragraph | str:
        return Paragraph(f"NIP. {escape(signer.nip)}", look.label) if signer and signer.nip else ""

    count = max(len(right.lines), len(left.lines) if left else 0)
    rows = [[lines(left, count) if left else "", lines(right, count)], ["", ""], [name(left), name(right)],
            [nip(left), nip(right)]]
    table = Table(rows, colWidths=widths, rowHeights=[None, space, None, None])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), look.body.fontName, look.size),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return KeepTogether([*lead, Spacer(1, look.gap * 1.5), table])
