"""Tanggapan atas keberatan: the Atasan PPID's decision letter on an objection (UU KIP
Pasal 36, Perki 1/2021).

The objection it answers (register number, request, objector, grounds), then the
decision: the PPID upheld, with the Atasan's reasons; or the objection accepted, with
the reasons and the order to the PPID to give the information by its new deadline. The
objector's right to go to the Komisi Informasi within 14 working days closes it. Signed
by the Atasan PPID as recorded on the objection (the NIP from the settings).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ppid_desk.dates import long_date
from ppid_desk.objections.codes import Decision
from ppid_desk.office import OfficeSettings

from .blocks import Look, fields, make_look, signatures, text, title_block
from .letterhead import letterhead
from .objection_parts import (
    ATASAN, atasan_signer, dispute_right, grounds_text, objector_rows, proxy_row, register_rows,
)
from .objection_sources import ObjectionSource
from .page import LETTER_MARGINS, PdfInfo, build_pdf, frame_width

UPHELD_WORDS = "MENOLAK KEBERATAN DAN MENGUATKAN KEPUTUSAN PPID"
OVERTURNED_WORDS = "MENERIMA KEBERATAN DAN MEMERINTAHKAN PPID MEMBERIKAN INFORMASI"


def _stated(look: Look, words: str) -> Paragraph:
    return Paragraph(f"<b>{words}</b>", look.title)


def _reasons(look: Look, reasons: str) -> list[Flowable]:
    return [Paragraph("<b>Pertimbangan:</b>", look.label), Spacer(1, 1 * mm),
            Paragraph(text(reasons) or "-", look.body)]


def _order(look: Look, source: ObjectionSource) -> list[Flowable]:
    """The order as the Atasan worded it, then its deadline."""
    response = source.response
    story: list[Flowable] = [Paragraph("<b>Perintah kepada PPID untuk memberikan informasi kepada Pemohon:</b>",
                                       look.label), Spacer(1, 1 * mm),
                             Paragraph(text(response.order_text) or "-", look.body)]
    if response.order_due:
        story += [Spacer(1, 1 * mm),
                  Paragraph("PPID melaksanakan perintah ini dan memberikan informasi tersebut kepada Pemohon paling "
                            f"lambat <b>{long_date(response.order_due)}</b>.", look.body)]
    return story


def render(source: ObjectionSource, office: OfficeSettings, logo: bytes | None, paper: str, number: str,
           revision: int = 0) -> bytes:
    width = frame_width(paper, LETTER_MARGINS)
    look = make_look(10)
    facts, response = source.objection, source.response
    overturned = response.decision == Decision.OVERTURNED.value
    story: list[Flowable] = letterhead(office, logo, width)
    story += title_block(look, ["TANGGAPAN ATAS KEBERATAN"], f"Nomor: {number}")
    story.append(Paragraph("Menanggapi keberatan atas permohonan informasi publik dengan data sebagai berikut:",
                           look.body))
    story.append(Spacer(1, 2 * mm))
    rows = register_rows(facts, office)
    objector = objector_rows(facts)
    rows += [("Nama pengaju keberatan", objector[0][1]), *objector[1:]]
    if facts.objector.proxy_name.strip():
        rows.append(proxy_row(facts))
    rows += [("Informasi yang diminta", text(facts.information)),
             ("Alasan keberatan (Pasal 35 ayat (1) UU KIP)", grounds_text(facts, article=False))]
    story.append(fields(look, rows, width, width * 0.36, indent=8 * mm))
    story += [Spacer(1, look.gap),
              Paragraph(f"{' '.join([ATASAN, text(office.agency_name.strip())]).strip()}, setelah memeriksa "
                        "keberatan tersebut berdasarkan Pasal 36 UU KIP, memutuskan:", look.body),
              Spacer(1, 2 * mm), _stated(look, OVERTURNED_WORDS if overturned else UPHELD_WORDS),
              Spacer(1, 2 * mm)]
    story += _reasons(look, response.reasons)
    if overturned:
        story += [Spacer(1, look.gap / 2)] + _order(look, source)
    else:
        story += [Spacer(1, look.gap / 2),
                  Paragraph("Dengan demikian keputusan PPID atas permohonan tersebut tetap berlaku.", look.body)]
    closing = [Spacer(1, look.gap), Paragraph(dispute_right("menerima tanggapan ini"), look.small),
               Spacer(1, look.gap / 2), Paragraph("Demikian tanggapan atas keberatan ini disampaikan.", look.body)]
    signer = atasan_signer(office, response, response.decided_on)
    story.append(signatures(look, width, signer, lead=closing))
    info = PdfInfo(title=f"Tanggapan atas keberatan {number}", author=office.agency_name,
                   subject=f"Keberatan {facts.number}", footer=f"Tanggapan atas keberatan {number}")
    return build_pdf(story, paper, LETTER_MARGINS, info)
