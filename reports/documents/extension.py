"""Surat perpanjangan waktu: the PPID extends the time for the written notice once, by
at most 7 working days, in writing and with reasons (UU KIP Pasal 22 ayat (8))."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ppid_desk.dates import long_date
from ppid_desk.office import OfficeSettings

from .blocks import Look, days_words, fields, make_look, signatures, text
from .letterhead import letterhead
from .page import LETTER_MARGINS, PdfInfo, build_pdf, frame_width
from .parts import UU_KIP, place_date, ppid_signer, request_line
from .sources import Source


def _heading(look: Look, office: OfficeSettings, source: Source, number: str, width: float) -> list[Flowable]:
    date_line = Table([[Paragraph(place_date(office, source.letter_date), look.label)]],
                      colWidths=[width * 0.45], hAlign="RIGHT")
    date_line.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), look.body.fontName, look.size),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    head = fields(look, [("Nomor", text(number)), ("Sifat", "Biasa"), ("Lampiran", "-"),
                         ("Perihal", "<b>Perpanjangan Jangka Waktu Pemberitahuan Tertulis</b>")],
                  width, 22 * mm)
    party = source.request.requester
    to = [Paragraph("Kepada Yth.", look.label), Paragraph(f"<b>{text(party.name)}</b>", look.label)]
    if party.address.strip():
        to.append(Paragraph(text(party.address), look.label))
    to.append(Paragraph("di tempat", look.label))
    return [date_line, Spacer(1, 3 * mm), head, Spacer(1, 6 * mm), *to, Spacer(1, 6 * mm)]


def render(source: Source, office: OfficeSettings, logo: bytes | None, paper: str, number: str,
           revision: int = 0) -> bytes:
    width = frame_width(paper, LETTER_MARGINS)
    look = make_look(10.5)
    facts, ext = source.request, source.extension
    story: list[Flowable] = letterhead(office, logo, width)
    story += _heading(look, office, source, number, width)
    story.append(Paragraph("Dengan hormat,", look.body))
    story.append(Spacer(1, look.gap))
    story.append(Paragraph(
        f"Menindaklanjuti permohonan informasi publik Saudara dengan {request_line(facts)} mengenai:",
        look.label))
    story += [Spacer(1, 1.5 * mm), fields(look, [("Informasi yang diminta", text(facts.information)),
                                                 ("Tujuan penggunaan", text(facts.purpose))],
                                          width, width * 0.3, indent=8 * mm), Spacer(1, 1.5 * mm)]
    story.append(Paragraph(
        "dengan ini kami beritahukan bahwa jangka waktu pemberitahuan tertulis atas permohonan tersebut, yang "
        f"semula paling lambat {long_date(ext.old_due)}, kami perpanjang selama <b>{days_words(ext.days)} hari "
        f"kerja</b> sesuai Pasal 22 ayat (8) {UU_KIP}, dengan alasan:", look.body))
    story += [Spacer(1, 1.5 * mm),
              fields(look, [("Alasan", text(ext.reason) or "-")], width, 18 * mm, indent=8 * mm),
              Spacer(1, look.gap)]
    story.append(Paragraph(
        f"Pemberitahuan tertulis akan kami sampaikan paling lambat <b>{long_date(ext.new_due)}</b>.", look.body))
    story.append(Spacer(1, look.gap))
    closing = Paragraph("Demikian pemberitahuan ini kami sampaikan. Atas perhatian dan pengertian Saudara, "
                        "kami ucapkan terima kasih.", look.body)
    story.append(signatures(look, width, ppid_signer(office), lead=[closing]))
    info = PdfInfo(title=f"Surat perpanjangan waktu {number}", author=office.agency_name,
                   subject=f"Permohonan informasi {facts.number}", footer=f"Surat perpanjangan waktu {number}")
    return build_pdf(story, paper, LETTER_MARGINS, info)
