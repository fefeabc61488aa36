"""Keputusan PPID tentang Penolakan Permohonan Informasi (Perki 1/2021): the exemption
(UU KIP Pasal 17 letters with their wording, or another statute), the consequence test,
and the requester's right to object to the Atasan PPID and then the Komisi Informasi."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph, Spacer

from ppid_desk.office import OfficeSettings

from .blocks import Look, fields, make_look, signatures, text, title_block
from .letterhead import letterhead
from .page import LETTER_MARGINS, PdfInfo, build_pdf, frame_width
from .parts import UU_KIP, objection_right, pasal17_grounds, ppid_signer, request_line, requester_rows
from .sources import Source


def _bullets(look: Look, lines: list[str]) -> ListFlowable:
    items = [ListItem(Paragraph(line, look.label), leftIndent=12) for line in lines]
    return ListFlowable(items, bulletType="bullet", start="\u2022", leftIndent=12, bulletFontName=look.body.fontName,
                        bulletFontSize=look.size)


def _stated(look: Look, words: str) -> Paragraph:
    return Paragraph(f"<b>{words}</b>", look.title)


def render(source: Source, office: OfficeSettings, logo: bytes | None, paper: str, number: str,
           revision: int = 0) -> bytes:
    width = frame_width(paper, LETTER_MARGINS)
    look = make_look(10)
    facts, decision = source.request, source.decision
    story: list[Flowable] = letterhead(office, logo, width)
    story += title_block(look, ["KEPUTUSAN PPID", "TENTANG PENOLAKAN PERMOHONAN INFORMASI"], f"Nomor: {number}")
    story.append(Paragraph(f"Atas permohonan informasi publik dengan {request_line(facts)}:", look.label))
    story.append(Spacer(1, 2 * mm))
    rows = requester_rows(facts)
    rows += [("Rincian informasi yang dibutuhkan", text(facts.information)),
             ("Tujuan penggunaan informasi", text(facts.purpose))]
    story.append(fields(look, rows, width, width * 0.32, indent=8 * mm))
    story += [Spacer(1, look.gap),
              Paragraph("PPID memutuskan bahwa informasi yang dimohon adalah:", look.body),
              Spacer(1, 1 * mm), _stated(look, "INFORMASI YANG DIKECUALIKAN"), Spacer(1, 1 * mm)]
    grounds = [text(line) for line in pasal17_grounds(decision.pasal17)]
    if decision.other_statute.strip():
        grounds.append(f"Undang-undang lain: {text(decision.other_statute)}")
    story.append(Paragraph(f"Pengecualian informasi didasarkan pada alasan ({UU_KIP}, selanjutnya disebut "
                           "UU KIP):", look.body))
    story += [_bullets(look, grounds), Spacer(1, look.gap / 2)]
    story.append(Paragraph("Bahwa berdasarkan ketentuan di atas, membuka informasi tersebut dapat menimbulkan "
                           "konsekuensi sebagai berikut (uji konsekuensi):", look.body))
    story += [_bullets(look, [text(decision.consequence_test)]), Spacer(1, look.gap / 2)]
    if decision.note.strip():
        story += [Paragraph(f"Keterangan: {text(decision.note)}", look.body), Spacer(1, look.gap / 2)]
    story += [Paragraph("Dengan demikian menyatakan bahwa:", look.body), Spacer(1, 1 * mm),
              _stated(look, "PERMOHONAN INFORMASI DITOLAK"), Spacer(1, look.gap)]
    right = Paragraph(objection_right(
        office, "menerima Keputusan ini", "Jika Pemohon Informasi keberatan atas penolakan ini, Pemohon"),
        look.small)
    story.append(signatures(look, width, ppid_signer(office, decision.notice_date), lead=[right]))
    info = PdfInfo(title=f"Keputusan penolakan {number}", author=office.agency_name,
                   subject=f"Permohonan informasi {facts.number}", footer=f"Keputusan PPID {number}")
    return build_pdf(story, paper, LETTER_MARGINS, info)
