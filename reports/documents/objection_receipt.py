"""Formulir keberatan / tanda bukti penerimaan keberatan (the Perki 1/2021 objection
form, filled), in two copies: one for the objector, one for the archive.

A. the objector (nomor registrasi keberatan, nomor pendaftaran permohonan, tujuan
penggunaan, identity of the objector and of the proxy); B. the Pasal 35(1) grounds, all
seven listed with the objection's ticked; C. kasus posisi; D. the day the Atasan PPID's
response is due; then the officer's and the objector's signatures.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from ppid_desk.dates import long_date
from ppid_desk.objections.codes import Ground
from ppid_desk.office import OfficeSettings

from .blocks import Look, Signer, boxed, copy_label, fields, make_look, signatures, text, title_block
from .letterhead import letterhead
from .objection_parts import objector_name, objector_rows, proxy_rows, register_rows
from .objection_sources import ObjectionSource
from .page import LETTER_MARGINS, PdfInfo, build_pdf, frame_width
from .parts import place_date
from .receipt import COPIES

TICKED, UNTICKED = "\u2612", "\u2610"  # ☒ ☐
NOT_ANSWERED_RIGHT = ("Apabila tanggapan tidak diberikan sampai tanggal tersebut, atau Pemohon tidak puas dengan "
                      "tanggapan Atasan PPID, Pemohon dapat mengajukan penyelesaian sengketa informasi publik kepada "
                      "Komisi Informasi paling lambat 14 (empat belas) hari kerja sejak itu (Pasal 37 ayat (2) "
                      "UU KIP).")


def _heading(look: Look, words: str) -> Paragraph:
    return Paragraph(f"<b>{words}</b>", look.label)


def _grounds(look: Look, source: ObjectionSource, width: float) -> Table:
    chosen = set(source.objection.grounds)
    rows = []
    for ground in Ground:
        mark = TICKED if ground.value in chosen else UNTICKED
        words = text(ground.label)
        rows.append([Paragraph(mark, look.label), Paragraph(f"{ground.value}.", look.label),
                     Paragraph(f"<b>{words}</b>" if ground.value in chosen else words, look.label)])
    box = look.size * 1.6
    table = Table(rows, colWidths=[box, box, width - 2 * box - 6 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 0.4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0.4)]))
    return table


def _copy(source: ObjectionSource, office: OfficeSettings, logo: bytes | None, look: Look, width: float,
          caption: str, revision: int) -> list[Flowable]:
    facts = source.objection
    gap = look.gap * 0.6
    indent = 6 * mm
    label_width = width * 0.40
    story: list[Flowable] = [copy_label(look, caption), Spacer(1, 1 * mm)]
    story += letterhead(office, logo, width)
    story += title_block(look, ["FORMULIR KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK",
                                "TANDA BUKTI PENERIMAAN KEBERATAN"])
    if revision:
        story += [Paragraph(f"<b>Perbaikan ke-{revision}</b>: menggantikan tanda bukti penerimaan keberatan yang "
                            "diberikan sebelumnya, karena data keberatan dikoreksi.", look.small), Spacer(1, gap)]
    story.append(_heading(look, "A. INFORMASI PENGAJU KEBERATAN"))
    rows = register_rows(facts, office) + [
        ("Informasi yang diminta", text(facts.information)),
        ("Tujuan penggunaan informasi", text(facts.purpose)),
    ]
    story.append(fields(look, rows, width, label_width - indent, indent=indent))
    story += [Spacer(1, gap / 2), Paragraph("Identitas pemohon:", look.label)]
    story.append(fields(look, objector_rows(facts, full=True), width, label_width - indent, indent=indent))
    story += [Spacer(1, gap / 2), Paragraph("Identitas kuasa pemohon:", look.label)]
    story.append(fields(look, proxy_rows(facts), width, label_width - indent, indent=indent))
    story += [Spacer(1, gap), _heading(look, "B. ALASAN PENGAJUAN KEBERATAN (Pasal 35 ayat (1) UU KIP)"),
              _grounds(look, source, width)]
    story += [Spacer(1, gap), _heading(look, "C. KASUS POSISI"),
              boxed(look, [Paragraph(text(facts.case_summary) or "-", look.body)], width)]
    due = [Paragraph(f"<b>{long_date(facts.answer_due)}</b>", look.label),
           Paragraph("(paling lambat 30 hari kerja sejak keberatan diterima, Pasal 36 ayat (1) UU KIP)",
                     look.small)]
    story += [Spacer(1, gap), _heading(look, "D. HARI/TANGGAL TANGGAPAN ATAS KEBERATAN AKAN DIBERIKAN"),
              boxed(look, due, width), Spacer(1, gap / 2), Paragraph(NOT_ANSWERED_RIGHT, look.small)]
    officer = Signer(("", "Petugas Pelayanan Informasi", "(penerima keberatan)"), facts.officer)
    objector = Signer((place_date(office, facts.received_at.date()), "Pengaju Keberatan", ""),
                      objector_name(facts))
    story.append(signatures(look, width, objector, officer, space=14 * mm))
    return story


def render(source: ObjectionSource, office: OfficeSettings, logo: bytes | None, paper: str, number: str,
           revision: int = 0) -> bytes:
    """Two copies, a page each on A4 or F4 (the whole form does not fit A5)."""
    width = frame_width(paper, LETTER_MARGINS)
    look = make_look(9.5, serif=False)
    story: list[Flowable] = []
    for i, caption in enumerate(COPIES):
        if i:
            story.append(PageBreak())
        story += _copy(source, office, logo, look, width, caption, revision)
    info = PdfInfo(title=f"Tanda bukti penerimaan keberatan {number}", author=office.agency_name,
                   subject=f"Keberatan {source.objection.number}")
    return build_pdf(story, paper, LETTER_MARGINS, info)
