"""Pemberitahuan tertulis (Perki 1/2021): whether the information is held, granted fully
or partly, in which form, at what cost, when, and what was blacked out and why; or why
it cannot be given (not held, not yet documented)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ppid_desk.dates import long_date
from ppid_desk.office import OfficeSettings
from ppid_desk.register.codes import Decision, DeliveryForm, DeliveryMethod, ObtainMethod

from .blocks import Look, fields, make_look, numbered_table, rupiah, signatures, text, title_block
from .letterhead import letterhead
from .page import LETTER_MARGINS, PdfInfo, build_pdf, frame_width
from .parts import label, pasal17_grounds, ppid_signer, request_line, requester_rows
from .sources import Source

FREE = (ObtainMethod.SEE.value, ObtainMethod.READ.value, ObtainMethod.LISTEN.value, ObtainMethod.NOTE.value,
        ObtainMethod.SOFTCOPY.value)
BLANK = "\u2026" * 6


def _form(source: Source) -> str:
    if source.delivery:
        return label(DeliveryForm, source.delivery.form)
    obtain = source.request.obtain_method
    if obtain == ObtainMethod.SOFTCOPY.value:
        return "Softcopy (berkas elektronik)"
    if obtain == ObtainMethod.HARDCOPY.value:
        return "Hardcopy (salinan tercetak)"
    return f"{label(ObtainMethod, obtain)} di tempat layanan informasi"


def _cost(source: Source) -> str:
    delivery = source.delivery
    if delivery is not None:
        pages = f" ({delivery.pages} halaman)" if delivery.pages else ""
        if not delivery.cost:
            return f"Gratis (Rp 0){pages}."
        lines = [f"Penyalinan dan pengiriman{pages}: <b>{rupiah(delivery.cost)}</b>"]
        if delivery.payment_method.strip():
            lines.append(f"Cara pembayaran: {text(delivery.payment_method)}")
        return "<br/>".join(lines)
    facts = source.request
    lines = []
    if facts.obtain_method in FREE:
        lines.append("Gratis (Rp 0): informasi diberikan tanpa biaya penyalinan.")
    else:
        lines.append(f"Penyalinan: Rp {BLANK} \u00d7 {BLANK} lembar = Rp {BLANK}")
    if facts.delivery_method in (DeliveryMethod.POST.value, DeliveryMethod.COURIER.value):
        lines.append(f"Pengiriman ({label(DeliveryMethod, facts.delivery_method).lower()}): Rp {BLANK}")
    if len(lines) > 1 or facts.obtain_method not in FREE:
        lines.append("Biaya ditanggung Pemohon, dibayar sebelum salinan diserahkan atau dikirim.")
    return "<br/>".join(lines)


def _when(source: Source) -> str:
    decision = source.decision
    start = long_date(decision.notice_date)
    if decision.notice_date <= decision.due:
        return f"Mulai {start}, pada jam layanan; paling lambat {long_date(decision.due)}."
    return f"Mulai {start}, pada jam layanan."


def _granted(look: Look, source: Source, office: OfficeSettings, width: float) -> list[Flowable]:
    decision = source.decision
    full = decision.decision == Decision.GRANTED_FULL.value
    holder = office.agency_name.strip() or "badan publik ini"
    rows = [
        ("Penguasaan informasi publik", f"Dikuasai oleh kami ({text(holder)})."),
        ("Bentuk fisik yang tersedia", _form(source)),
        ("Biaya yang dibutuhkan", _cost(source)),
        ("Cara penyampaian", label(DeliveryMethod, source.request.delivery_method)),
        ("Waktu penyediaan", _when(source)),
    ]
    if full:
        if decision.note.strip():
            rows.append(("Keterangan", text(decision.note)))
    else:
        blacked = text(decision.note)
        grounds = pasal17_grounds(decision.pasal17, "Undang-Undang Nomor 14 Tahun 2008")
        if grounds:
            blacked += "<br/>Dasar pengecualian: " + "; ".join(text(g) for g in grounds) + "."
        rows.append(("Penjelasan penghitaman / pengaburan informasi", blacked))
    heading = "Informasi dapat diberikan " + ("seluruhnya" if full else "sebagian") + ":"
    return [Paragraph(f"<b>{heading}</b>", look.label), Spacer(1, 2 * mm),
            numbered_table(look, ("No", "Hal", "Keterangan"), rows, width, width * 0.34)]


def _refused(look: Look, source: Source, office: OfficeSettings) -> list[Flowable]:
    decision = source.decision
    holder = text(office.agency_name.strip() or "badan publik ini")
    story: list[Flowable] = [Paragraph("<b>Informasi tidak dapat diberikan karena:</b>", look.label),
                             Spacer(1, 2 * mm)]
    if decision.decision == Decision.NOT_HELD.value:
        reason = f"Informasi yang diminta <b>belum dikuasai</b> oleh {holder}."
        if decision.holder_body.strip():
            reason += (f" Informasi tersebut dikuasai oleh <b>{text(decision.holder_body)}</b>; Pemohon dapat "
                       "mengajukan permohonan kepada badan publik tersebut.")
        else:
            reason += " Badan publik yang menguasai informasi tersebut tidak kami ketahui."
    else:
        reason = (f"Informasi yang diminta <b>belum didokumentasikan</b> oleh {holder}. Penyediaan informasi "
                  "yang belum didokumentasikan akan kami beritahukan kepada Pemohon.")
    story.append(Paragraph(reason, look.body))
    if decision.note.strip():
        story += [Spacer(1, 2 * mm), Paragraph(f"Keterangan: {text(decision.note)}", look.body)]
    return story


def render(source: Source, office: OfficeSettings, logo: bytes | None, paper: str, number: str,
           revision: int = 0) -> bytes:
    width = frame_width(paper, LETTER_MARGINS)
    look = make_look(10)
    facts, decision = source.request, source.decision
    story: list[Flowable] = letterhead(office, logo, width)
    story += title_block(look, ["PEMBERITAHUAN TERTULIS"], f"Nomor: {number}")
    story.append(Paragraph(f"Berdasarkan permohonan informasi publik dengan {request_line(facts)}, "
                           "kami sampaikan kepada:", look.label))
    story.append(Spacer(1, 2 * mm))
    rows = requester_rows(facts)
    rows.append(("Informasi yang diminta", text(facts.information)))
    story.append(fields(look, rows, width, width * 0.3, indent=8 * mm))
    story += [Spacer(1, 2 * mm), Paragraph("pemberitahuan sebagai berikut:", look.body), Spacer(1, look.gap)]
    if decision.decision in (Decision.GRANTED_FULL.value, Decision.GRANTED_PARTIAL.value):
        story += _granted(look, source, office, width)
    else:
        story += _refused(look, source, office)
    closing = [Spacer(1, look.gap), Paragraph("Demikian pemberitahuan ini kami sampaikan.", look.body)]
    story.append(signatures(look, width, ppid_signer(office, decision.notice_date), lead=closing))
    info = PdfInfo(title=f"Pemberitahuan tertulis {number}", author=office.agency_name,
                   subject=f"Permohonan informasi {facts.number}", footer=f"Pemberitahuan tertulis {number}")
    return build_pdf(story, paper, LETTER_MARGINS, info)
