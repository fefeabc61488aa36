"""Tanda bukti penyerahan informasi (form, pages, cost, payment, date), or for a
rejected request the tanda bukti penolakan: the decision handed to the requester."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ppid_desk.dates import long_date
from ppid_desk.office import OfficeSettings
from ppid_desk.register.codes import Decision, DeliveryForm, DeliveryMethod

from .blocks import Signer, fields, make_look, rupiah, signatures, text, title_block
from .letterhead import letterhead
from .page import LETTER_MARGINS, PdfInfo, build_pdf, frame_width
from .parts import label, objection_right, pasal17_grounds, ppid_signer, requester_rows
from .sources import Source


def _delivered_rows(source: Source) -> list[tuple[str, str]]:
    delivery, decision = source.delivery, source.decision
    pages = f"{delivery.pages} halaman" if delivery.pages else "-"
    cost = rupiah(delivery.cost) if delivery.cost else "Gratis (Rp 0)"
    rows = [
        ("Keputusan", f"{label(Decision, decision.decision)} (pemberitahuan tertulis "
                      f"{long_date(decision.notice_date)})"),
        ("Bentuk informasi", label(DeliveryForm, delivery.form)),
        ("Cara penyerahan", label(DeliveryMethod, source.request.delivery_method)),
        ("Jumlah halaman", pages),
        ("Biaya", f"<b>{cost}</b>"),
    ]
    if delivery.cost:
        rows.append(("Cara pembayaran", text(delivery.payment_method)))
    rows.append(("Tanggal penyerahan", f"<b>{long_date(delivery.delivered_on)}</b>"))
    return rows


def _rejected_rows(source: Source) -> list[tuple[str, str]]:
    decision = source.decision
    letter = "Keputusan PPID tentang Penolakan Permohonan Informasi"
    if source.rejection_number:
        letter += f" Nomor {text(source.rejection_number)}"
    grounds = [text(g) for g in pasal17_grounds(decision.pasal17)]
    if decision.other_statute.strip():
        grounds.append(text(decision.other_statute))
    if len(grounds) > 1:
        grounds = [f"{i}. {ground}" for i, ground in enumerate(grounds, start=1)]
    return [
        ("Yang diserahkan", f"{letter} tanggal {long_date(decision.notice_date)}"),
        ("Alasan penolakan", "<br/>".join(grounds) or "-"),
        ("Tanggal penyerahan", f"<b>{long_date(decision.notice_date)}</b>"),
    ]


def render(source: Source, office: OfficeSettings, logo: bytes | None, paper: str, number: str,
           revision: int = 0) -> bytes:
    width = frame_width(paper, LETTER_MARGINS)
    look = make_look(10.5)
    facts = source.request
    delivered = source.delivery is not None
    titles = (["TANDA BUKTI PENYERAHAN INFORMASI PUBLIK"] if delivered
              else ["TANDA BUKTI PENOLAKAN", "PERMOHONAN INFORMASI PUBLIK"])
    story: list[Flowable] = letterhead(office, logo, width)
    story += title_block(look, titles, f"Nomor: {number}")
    day = long_date(source.letter_date)
    opening = (f"Pada hari ini, {day}, telah diserahkan informasi publik kepada Pemohon atas permohonan berikut:"
               if delivered else
               f"Pada hari ini, {day}, telah diserahkan keputusan penolakan permohonan informasi publik kepada "
               "Pemohon atas permohonan berikut:")
    story += [Paragraph(opening, look.label), Spacer(1, 2 * mm)]
    rows = [("Nomor pendaftaran", f"<b>{text(facts.number)}</b>"),
            ("Tanggal permohonan", long_date(facts.received_at.date()))]
    rows += requester_rows(facts)
    rows.append(("Informasi yang diminta", text(facts.information)))
    rows += _delivered_rows(source) if delivered else _rejected_rows(source)
    story.append(fields(look, rows, width, width * 0.3, indent=8 * mm))
    lead = [Spacer(1, look.gap), Paragraph(objection_right(office, "menerima keputusan penolakan ini"),
                                               look.small)] if not delivered else []
    receiver = Signer(("", "Yang menerima,", "Pemohon Informasi"), facts.requester.name)
    giver = ppid_signer(office, source.letter_date)
    giver = Signer((giver.lines[0], "Yang menyerahkan,", *giver.lines[1:]), giver.name, giver.nip)
    story.append(signatures(look, width, giver, receiver, lead=lead))
    title = " ".join(titles).capitalize()
    info = PdfInfo(title=f"{title} {number}", author=office.agency_name,
                   subject=f"Permohonan informasi {facts.number}", footer=f"{title} {number}")
    return build_pdf(story, paper, LETTER_MARGINS, info)
