"""Formulir permohonan informasi / tanda bukti penerimaan, in two copies: one for the
requester, one for the archive (a page each, on A4 or A5)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from ppid_desk.dates import clock, long_date
from ppid_desk.office import OfficeSettings
from ppid_desk.register.codes import Channel, DeliveryMethod, ObtainMethod

from .blocks import Look, Signer, boxed, copy_label, fields, make_look, signatures, text, title_block
from .letterhead import letterhead
from .page import A5_MARGINS, LETTER_MARGINS, PdfInfo, build_pdf, frame_width
from .parts import label, objection_right, requester_rows
from .sources import Source

COPIES = ("Lembar untuk Pemohon", "Lembar Arsip")
HOW_RECEIVED = {
    Channel.WALK_IN.value: "langsung di meja layanan",
    Channel.PHONE.value: "melalui telepon",
    Channel.FAX.value: "melalui faksimili",
    Channel.EMAIL.value: "melalui pos-el (email)",
    Channel.WEBSITE.value: "melalui laman (website)",
    Channel.SMS.value: "melalui SMS",
    Channel.LETTER.value: "melalui surat/pos",
}


def _received(source: Source, office: OfficeSettings) -> str:
    facts = source.request
    when = f"{long_date(facts.received_at.date())} pukul {clock(facts.received_at)} {office.timezone}"
    return f"{when}, {HOW_RECEIVED.get(facts.channel, label(Channel, facts.channel))}"


def _copy(source: Source, office: OfficeSettings, logo: bytes | None, look: Look, width: float, scale: float,
          caption: str, revision: int) -> list[Flowable]:
    facts = source.request
    story: list[Flowable] = [copy_label(look, caption), Spacer(1, 1 * mm)]
    story += letterhead(office, logo, width, scale)
    story += title_block(look, ["FORMULIR PERMOHONAN INFORMASI PUBLIK", "TANDA BUKTI PENERIMAAN"],
                         f"Nomor pendaftaran: {facts.number}")
    if revision:
        story += [Paragraph(f"<b>Perbaikan ke-{revision}</b>: menggantikan tanda bukti penerimaan yang diberikan "
                            "sebelumnya, karena data permohonan dikoreksi.", look.small), Spacer(1, look.gap / 2)]
    label_width = width * 0.34
    rows = [("Diterima", _received(source, office))]
    if facts.effective_day != facts.received_at.date():
        rows.append(("Dihitung diterima", f"{long_date(facts.effective_day)} (di luar jam layanan atau "
                                          "persyaratan dilengkapi kemudian)"))
    rows += requester_rows(facts, full=True)
    rows += [
        ("Rincian informasi yang dibutuhkan", text(facts.information)),
        ("Tujuan penggunaan informasi", text(facts.purpose)),
        ("Cara memperoleh informasi", label(ObtainMethod, facts.obtain_method)),
        ("Cara mendapatkan salinan informasi", label(DeliveryMethod, facts.delivery_method)),
    ]
    story.append(fields(look, rows, width, label_width))
    story.append(Spacer(1, look.gap))
    due = [
        Paragraph("<b>Jangka waktu jawaban</b> (Pasal 22 Undang-Undang Nomor 14 Tahun 2008 tentang "
                  "Keterbukaan Informasi Publik, UU KIP):", look.label),
        fields(look, [
            ("Pemberitahuan tertulis paling lambat", f"<b>{long_date(facts.response_due)}</b> (10 hari kerja)"),
            ("Bila diperpanjang, paling lambat", f"<b>{long_date(facts.extended_due)}</b> (tambahan paling "
                                                 "lama 7 hari kerja, dengan pemberitahuan tertulis)"),
        ], width - 10, label_width - 5),
    ]
    story.append(boxed(look, due, width))
    story.append(Spacer(1, look.gap / 2))
    story.append(Paragraph("<b>Hak pemohon.</b> " + objection_right(
        office, "permohonan tidak ditanggapi, tidak dipenuhi, atau ditanggapi tidak sebagaimana yang diminta"),
        look.small))
    officer = Signer(("Petugas Pelayanan Informasi", "(penerima permohonan)"), facts.officer)
    requester = Signer(("Pemohon Informasi", "(yang mengajukan permohonan)"), facts.requester.name)
    story.append(signatures(look, width, requester, officer, space=(14 if scale < 1 else 20) * mm))
    return story


def render(source: Source, office: OfficeSettings, logo: bytes | None, paper: str, number: str,
           revision: int = 0) -> bytes:
    small = paper == "A5"
    margins = A5_MARGINS if small else LETTER_MARGINS
    width = frame_width(paper, margins)
    look = make_look(8 if small else 10, serif=False)
    scale = 0.72 if small else 1.0
    story: list[Flowable] = []
    for i, caption in enumerate(COPIES):
        if i:
            story.append(PageBreak())
        story += _copy(source, office, logo, look, width, scale, caption, revision)
    info = PdfInfo(title=f"Tanda bukti penerimaan {number}", author=office.agency_name,
                   subject=f"Permohonan informasi {source.request.number}")
    return build_pdf(story, paper, margins, info)
