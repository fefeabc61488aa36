"""Tanda terima tanggapan atas keberatan: the Atasan PPID's response handed to the
objector (seeds 000 and 004: "mencatat dan menyampaikan tanggapan atas keberatan"), with
the day the 14 working days to go to the Komisi Informasi run out."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ppid_desk.dates import long_date
from ppid_desk.objections.codes import Decision
from ppid_desk.office import OfficeSettings

from .blocks import Signer, fields, make_look, signatures, text, title_block
from .letterhead import letterhead
from .objection_parts import dispute_right, objector_name, objector_rows, proxy_row, register_rows
from .objection_sources import ObjectionSource
from .page import LETTER_MARGINS, PdfInfo, build_pdf, frame_width
from .parts import label, place_date


def _handed_rows(source: ObjectionSource) -> list[tuple[str, str]]:
    response, handover = source.response, source.handover
    letter = "Tanggapan Atasan PPID atas Keberatan"
    if source.response_number:
        letter += f" Nomor {text(source.response_number)}"
    who = text(response.atasan_name)
    if response.atasan_title.strip():
        who += f" ({text(response.atasan_title)})"
    return [
        ("Yang diserahkan", f"{letter} tanggal {long_date(response.decided_on)}"),
        ("Keputusan Atasan PPID", label(Decision, response.decision)),
        ("Diputuskan oleh", who),
        ("Tanggal penyerahan", f"<b>{long_date(handover.handed_on)}</b>"),
    ]


def render(source: ObjectionSource, office: OfficeSettings, logo: bytes | None, paper: str, number: str,
           revision: int = 0) -> bytes:
    width = frame_width(paper, LETTER_MARGINS)
    look = make_look(10.5)
    facts, handover = source.objection, source.handover
    story: list[Flowable] = letterhead(office, logo, width)
    story += title_block(look, ["TANDA TERIMA", "TANGGAPAN ATAS KEBERATAN"], f"Nomor: {number}")
    if revision:
        story += [Paragraph(f"<b>Perbaikan ke-{revision}</b>: menggantikan tanda terima yang diberikan "
                            "sebelumnya, karena data keberatan dikoreksi.", look.small), Spacer(1, look.gap / 2)]
    story += [Paragraph(f"Pada hari ini, {long_date(handover.handed_on)}, telah diserahkan tanggapan Atasan PPID "
                        "atas keberatan berikut kepada Pengaju Keberatan:", look.label), Spacer(1, 2 * mm)]
    rows = register_rows(facts, office)
    objector = objector_rows(facts)
    rows += [("Nama pengaju keberatan", objector[0][1]), *objector[1:]]
    if facts.objector.proxy_name.strip():
        rows.append(proxy_row(facts))
    rows.append(("Informasi yang diminta", text(facts.information)))
    rows += _handed_rows(source)
    story.append(fields(look, rows, width, width * 0.35, indent=8 * mm))
    lead = [Spacer(1, look.gap), Paragraph(dispute_right("menerima tanggapan ini", long_date(handover.dispute_due)),
                                           look.small)]
    receiver = Signer(("", "Yang menerima,", "Pengaju Keberatan"), objector_name(facts))
    giver = Signer((place_date(office, handover.handed_on), "Yang menyerahkan,", "Petugas Pelayanan Informasi"),
                   handover.officer)
    story.append(signatures(look, width, giver, receiver, lead=lead))
    info = PdfInfo(title=f"Tanda terima tanggapan atas keberatan {number}", author=office.agency_name,
                   subject=f"Keberatan {facts.number}", footer=f"Tanda terima tanggapan {number}")
    return build_pdf(story, paper, LETTER_MARGINS, info)
