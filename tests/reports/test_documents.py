"""Each printed document read back from its PDF: the facts, in Indonesian, on the paper
asked for, with every name printed in an embedded font."""

from __future__ import annotations

from datetime import date

import pytest
from document_samples import (
    NAMES, NIK, decide, deliver, extend, fonts, page_text, register, reject, set_office, size_mm, text,
)

from ppid_desk.office import load_office, save_office
from ppid_desk.register.codes import PASAL_17, Decision, DeliveryMethod, ObtainMethod
from ppid_desk.reports.issuing import produce


@pytest.fixture(autouse=True)
def office(store):
    set_office()


def test_receipt_has_the_request_the_due_dates_and_two_copies():
    row = register(NAMES[1])
    issued = produce(row.number, "receipt", "budi")
    assert issued.letter_number == row.number == "001/PPID/XI/2026" and not issued.copy
    first, archive = page_text(issued.pdf)
    assert "Lembar untuk Pemohon" in first and "Lembar Arsip" in archive
    for page in (first, archive):
        assert "TANDA BUKTI PENERIMAAN" in page and "Nomor pendaftaran: 001/PPID/XI/2026" in page
        assert "Senin, 2 November 2026 pukul 09.30 WIB" in page
        assert NAMES[1] in page and NIK in page  # the requester's own copy: the full NIK
        assert "Salinan DPA Dinas Kesehatan tahun 2026" in page and "Penelitian skripsi" in page
        assert "Mendapatkan salinan (hardcopy)" in page and "Mengambil langsung" in page
        assert "Senin, 16 November 2026 (10 hari kerja)" in page
        assert "Rabu, 25 November 2026" in page
        assert "30 (tiga puluh) hari kerja" in page and "Atasan PPID (Ir. Bambang Sutrisno" in page
        assert "Petugas Pelayanan Informasi" in page and "budi" in page
    assert size_mm(issued.pdf) == {(210, 297)}


@pytest.mark.parametrize("name", NAMES)
def test_names_outside_latin_1_print_in_an_embedded_font(name):
    row = register(name)
    issued = produce(row.number, "receipt", "budi")
    assert name in text(issued.pdf)
    used = fonts(issued.pdf)
    assert used and all(embedded for _, embedded in used), used
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= {font for font, _ in used}


def test_receipt_on_a5_one_copy_per_page():
    save_office(load_office().with_changes(receipt_paper="A5"))
    row = register()
    issued = produce(row.number, "receipt", "budi")
    assert issued.paper == "A5" and size_mm(issued.pdf) == {(148, 210)}
    assert len(page_text(issued.pdf)) == 2


def test_notice_granted_partly_says_what_was_blacked_out_and_why():
    row = register(NAMES[2], delivery=DeliveryMethod.POST)
    decide(row, Decision.GRANTED_PARTIAL, note="Nama dan NIP penerima honorarium dihitamkan", pasal17=["h"])
    issued = produce(row.number, "notice", "ppid")
    assert issued.letter_number == "001/PTT/PPID/XI/2026"
    words = text(issued.pdf)
    assert "PEMBERITAHUAN TERTULIS" in words and "Nomor: 001/PTT/PPID/XI/2026" in words
    assert NAMES[2] in words and "001/PPID/XI/2026 tanggal Senin, 2 November 2026" in words
    assert "Informasi dapat diberikan sebagian" in words
    assert "Dikuasai oleh kami (Dinas Komunikasi dan Informatika Kabupaten Kulon Progo)" in words
    assert "Hardcopy (salinan tercetak)" in words and "Pengiriman (pos)" in words
    assert "Nama dan NIP penerima honorarium dihitamkan" in words
    assert f"Pasal 17 huruf h Undang-Undang Nomor 14 Tahun 2008: informasi yang apabila dibuka dapat {PASAL_17['h']}" in words
    assert "paling lambat Senin, 16 November 2026" in words
    assert "Wates, 12 November 2026" in words and "NIP. 19650809 198603 1 012" in words
    assert "Pejabat Pengelola Informasi dan Dokumentasi" in words


def test_notice_of_softcopy_is_free_and_after_delivery_shows_the_cost():
    free = register(obtain=ObtainMethod.SOFTCOPY, delivery=DeliveryMethod.EMAIL)
    decide(free, Decision.GRANTED_FULL)
    assert "Gratis (Rp 0)" in text(produce(free.number, "notice", "ppid").pdf)
    paid = register()
    decide(paid, Decision.GRANTED_FULL)
    deliver(paid, cost=12000, pages=24)
    words = text(produce(paid.number, "notice", "ppid").pdf)
    assert "(24 halaman): Rp 12.000" in words and "Cara pembayaran: Tunai" in words


def test_notice_not_held_names_the_body_that_holds_it():
    row = register()
    decide(row, Decision.NOT_HELD, holder_body="Badan Pusat Statistik Kabupaten Kulon Progo",
           note="Data kemiskinan per desa disusun oleh BPS.")
    words = text(produce(row.number, "notice", "ppid").pdf)
    assert "Informasi tidak dapat diberikan karena" in words and "belum dikuasai" in words
    assert "dikuasai oleh Badan Pusat Statistik Kabupaten Kulon Progo" in words
    assert "Data kemiskinan per desa disusun oleh BPS." in words
    other = register()
    decide(other, Decision.NOT_DOCUMENTED)
    assert "belum didokumentasikan" in text(produce(other.number, "notice", "ppid").pdf)


def test_extension_letter_gives_the_reason_and_the_new_due_date():
    row = register()
    extend(row)
    issued = produce(row.number, "extension", "ppid")
    assert issued.letter_number == "001/PWK/PPID/XI/2026"
    words = text(issued.pdf)
    assert "Wates, 10 November 2026" in words and "Perpanjangan Jangka Waktu Pemberitahuan Tertulis" in words
    assert "semula paling lambat Senin, 16 November 2026" in words
    assert "7 (tujuh) hari kerja" in words and "Pasal 22 ayat (8)" in words
    assert "Informasi tersebar di beberapa bidang dan perlu dihimpun" in words
    assert "paling lambat Rabu, 25 November 2026" in words
    assert NAMES[0] in words and "NIP. 19650809 198603 1 012" in words


def test_rejection_names_each_pasal_17_letter_with_its_wording_and_the_right_to_object():
    row = register(NAMES[1])
    reject(row)
    issued = produce(row.number, "rejection", "ppid")
    assert issued.letter_number == "001/KEP-TOLAK/PPID/XI/2026"
    words = text(issued.pdf)
    assert "KEPUTUSAN PPID TENTANG PENOLAKAN PERMOHONAN INFORMASI" in words
    assert NAMES[1] in words and "INFORMASI YANG DIKECUALIKAN" in words
    assert f"Pasal 17 huruf a UU KIP: informasi yang apabila dibuka dapat {PASAL_17['a']}" in words
    assert f"Pasal 17 huruf h UU KIP: informasi yang apabila dibuka dapat {PASAL_17['h']}" in words
    assert "Pasal 57 Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan" in words
    assert "Membuka rekam medis akan mengungkap rahasia pribadi pasien." in words
    assert "PERMOHONAN INFORMASI DITOLAK" in words
    assert "keberatan secara tertulis kepada Atasan PPID" in words and "30 (tiga puluh) hari kerja" in words
    assert "Komisi Informasi" in words and "Wates, 9 November 2026" in words
    assert len(page_text(issued.pdf)) == 1


def test_handover_of_information_gives_form_pages_cost_payment_and_date():
    row = register()
    decide(row, Decision.GRANTED_FULL)
    deliver(row)
    issued = produce(row.number, "handover", "budi")
    assert issued.letter_number == "001/TBP/PPID/XI/2026"
    words = text(issued.pdf)
    assert "TANDA BUKTI PENYERAHAN INFORMASI PUBLIK" in words
    assert "Pada hari ini, Jumat, 13 November 2026" in words
    assert "Hardcopy" in words and "24 halaman" in words and "Rp 12.000" in words and "Tunai" in words
    assert "Yang menerima" in words and "Yang menyerahkan" in words and NAMES[0] in words


def test_handover_of_a_rejection_names_the_decision_letter():
    row = register()
    reject(row)
    decision = produce(row.number, "rejection", "ppid")
    words = text(produce(row.number, "handover", "budi").pdf)
    assert "TANDA BUKTI PENOLAKAN" in words
    assert f"Nomor {decision.letter_number} tanggal Senin, 9 November 2026" in words
    assert "Pasal 17 huruf h UU KIP" in words and "30 (tiga puluh) hari kerja" in words


def test_letters_on_f4_by_setting_or_by_argument():
    save_office(load_office().with_changes(paper="F4"))
    row = register()
    extend(row)
    decide(row, Decision.GRANTED_FULL, on=date(2026, 11, 20))
    assert size_mm(produce(row.number, "notice", "ppid").pdf) == {(215, 330)}
    assert size_mm(produce(row.number, "extension", "ppid", paper="A4").pdf) == {(210, 297)}
