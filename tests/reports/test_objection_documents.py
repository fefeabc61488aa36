"""The objection documents: the filled objection form (two copies), the Atasan PPID's
response, the response receipt. Read back with pypdf; which kinds fit an objection's
state; reprints marked SALINAN; numbers; standalone objections; pictures."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import date, datetime

import pytest
from document_samples import NAMES, NIK, page_text, set_office, size_mm, text
from objection_samples import (
    ANSWER_DUE, CASE, DISPUTE_DUE, ORDER, ORDER_DUE, REASONS, UPHOLD, decide, file_objection, file_standalone,
    hand_over,
)

from ppid_desk.errors import ValidationError
from ppid_desk.objections.codes import Ground
from ppid_desk.office import DEFAULT_OBJECTION_RESPONSE_PATTERN, OfficeSettings, load_office, save_office
from ppid_desk.register import service as requests
from ppid_desk.reports.issuing import issued_documents, stored_pdf
from ppid_desk.reports.objection_issuing import (
    ObjectionDocumentKind as Kind, fitting_objection_kinds, issued_objection_documents, produce_objection,
)
from ppid_desk.store.models import IssuedDocument, Objection

ATASAN_NIP = "196508091986031099"


@pytest.fixture(autouse=True)
def office(store):
    set_office(atasan_nip=ATASAN_NIP)


def fits(number: str) -> dict[Kind, str | None]:
    return dict(fitting_objection_kinds(number))


def test_kinds_are_the_cli_words_with_indonesian_labels():
    assert [k.value for k in Kind] == ["objection-receipt", "objection-response", "objection-response-receipt"]
    assert [k.label for k in Kind] == ["Tanda bukti penerimaan keberatan", "Tanggapan atas keberatan",
                                       "Tanda terima tanggapan"]


def test_which_kinds_fit_follows_the_objection_state():
    row = file_objection()
    assert fits(row.number) == {Kind.RECEIPT: None,
                                Kind.RESPONSE: "Keberatan ini belum diputuskan Atasan PPID.",
                                Kind.RESPONSE_RECEIPT: "Keberatan ini belum diputuskan Atasan PPID."}
    decide(row)
    assert fits(row.number)[Kind.RESPONSE] is None
    assert "belum diserahkan" in fits(row.number)[Kind.RESPONSE_RECEIPT]
    hand_over(row)
    assert set(fits(row.number).values()) == {None}
    with pytest.raises(ValidationError) as info:
        produce_objection(file_objection(NAMES[1]).number, "objection-response", "ppid")
    assert info.value.message == ("Tanggapan atas keberatan tidak dapat dicetak: Keberatan ini belum diputuskan "
                                  "Atasan PPID.")


def test_unknown_kind_number_or_paper_is_refused_and_issues_nothing():
    row = file_objection()
    with pytest.raises(ValidationError, match="Jenis dokumen tidak dikenal: receipt .pilih objection-receipt"):
        produce_objection(row.number, "receipt", "budi")
    with pytest.raises(ValidationError, match="Tidak ada keberatan bernomor 999/KEB/PPID/XI/2026"):
        produce_objection("999/KEB/PPID/XI/2026", Kind.RECEIPT, "budi")
    with pytest.raises(ValidationError, match="Tidak ada keberatan"):
        fitting_objection_kinds("999/KEB/PPID/XI/2026")
    with pytest.raises(ValidationError, match="tanda bukti penerimaan keberatan .pilih A4 atau F4"):
        produce_objection(row.number, Kind.RECEIPT, "budi", paper="A5")
    assert IssuedDocument.select().count() == 0


def test_the_receipt_is_the_filled_objection_form_in_two_copies():
    row = file_objection(proxy=True)
    issued = produce_objection(row.number, Kind.RECEIPT, "budi")
    assert not issued.copy and issued.letter_number == row.number == "001/KEB/PPID/XI/2026"
    assert issued.request_number == row.number and issued.kind is Kind.RECEIPT and issued.paper == "A4"
    pages = page_text(issued.pdf)
    assert len(pages) == 2 and size_mm(issued.pdf) == {(210, 297)}
    assert "Lembar untuk Pemohon" in pages[0] and "Lembar Arsip" in pages[1]
    for page in pages:
        assert "FORMULIR KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK" in page
        assert "TANDA BUKTI PENERIMAAN KEBERATAN" in page
        assert "Nomor registrasi keberatan : 001/KEB/PPID/XI/2026" in page
        assert "Nomor pendaftaran permohonan : 001/PPID/XI/2026 tanggal Senin, 2 November 2026" in page
        assert "Keberatan diterima : Senin, 16 November 2026 pukul 10.00 WIB" in page
        assert "Tujuan penggunaan informasi : Penelitian skripsi" in page
        assert f"Nama : {NAMES[0]}" in page and f"NIK : {NIK}" in page and "Pekerjaan : Mahasiswa" in page
        assert "Nama kuasa : Ahmad Fauzi, S.H." in page
        assert "Surat kuasa khusus : Surat Kuasa Khusus tanggal 12-11-2026" in page
        # Every Pasal 35(1) ground with its wording, the objection's ticked.
        assert "\u2612 a. Penolakan atas permintaan informasi berdasarkan alasan pengecualian" in page
        assert "\u2612 f. Pengenaan biaya yang tidak wajar" in page
        assert "\u2610 c. Tidak ditanggapinya permintaan informasi" in page
        assert page.count("\u2612") == 2 and page.count("\u2610") == 5
        assert " ".join(CASE.split()) in page
        assert "HARI/TANGGAL TANGGAPAN ATAS KEBERATAN AKAN DIBERIKAN Rabu, 30 Desember 2026" in page
        assert "Petugas Pelayanan Informasi (penerima keberatan)" in page and "Pengaju Keberatan" in page
        assert "Wates, 16 November 2026" in page and "budi" in page
    assert ANSWER_DUE == date(2026, 12, 30)


def test_a_reprint_is_the_stored_pdf_marked_salinan():
    row = file_objection()
    first = produce_objection(row.number, Kind.RECEIPT, "budi", now=datetime(2026, 11, 16, 10, 5))
    again = produce_objection(row.number, "objection-receipt", "ani", now=datetime(2026, 11, 20, 8, 0), paper="F4")
    assert again.copy and again.document_id == first.document_id and again.letter_number == first.letter_number
    assert again.paper == "A4" and again.sha256 == first.sha256 == hashlib.sha256(first.pdf).hexdigest()
    assert all("SALINAN" in page for page in page_text(again.pdf)) and "SALINAN" not in text(first.pdf)
    assert stored_pdf(first.document_id, copy=False) == first.pdf
    [info] = issued_objection_documents(row.number)
    assert (info.id, info.kind, info.letter_number, info.issued_by, info.issued_at) == (
        first.document_id, Kind.RECEIPT, row.number, "budi", datetime(2026, 11, 16, 10, 5))
    # The objection's documents are not the request's.
    assert issued_documents(row.request.number) == []
    doc = IssuedDocument.get_by_id(first.document_id)
    assert doc.request_id is None and doc.objection_id == row.id


def test_a_corrected_objector_gives_a_numbered_revision_of_the_receipt():
    row = file_objection()
    produce_objection(row.number, Kind.RECEIPT, "budi")
    requests.correct(row.request_id, {"requester.address": "Jl. Sutomo 14, Wates"}, "Alamat pindah", "budi",
                     now=datetime(2026, 11, 17, 9))
    revised = produce_objection(row.number, Kind.RECEIPT, "budi")
    assert not revised.copy and revised.letter_number == "001/KEB/PPID/XI/2026 (perbaikan 1)"
    words = text(revised.pdf)
    assert "Perbaikan ke-1" in words and "Jl. Sutomo 14, Wates" in words


def test_the_overturning_response_orders_the_information_by_its_new_deadline():
    row = file_objection(proxy=True)
    decide(row)
    issued = produce_objection(row.number, Kind.RESPONSE, "ppid")
    assert issued.letter_number == "001/TGP-KEB/PPID/XI/2026" and issued.paper == "A4"
    words = text(issued.pdf)
    assert "TANGGAPAN ATAS KEBERATAN Nomor: 001/TGP-KEB/PPID/XI/2026" in words
    assert "Nomor registrasi keberatan : 001/KEB/PPID/XI/2026" in words
    assert "Nomor pendaftaran permohonan : 001/PPID/XI/2026" in words
    assert f"Nama pengaju keberatan : {NAMES[0]}" in words and "Kuasa : Ahmad Fauzi, S.H." in words
    assert "huruf a: Penolakan atas permintaan informasi" in words and "huruf f: Pengenaan biaya" in words
    assert "MENERIMA KEBERATAN DAN MEMERINTAHKAN PPID MEMBERIKAN INFORMASI" in words
    assert " ".join(REASONS.split()) in words and ORDER in words
    assert "paling lambat Jumat, 4 Desember 2026" in words and ORDER_DUE == date(2026, 12, 4)
    assert "Komisi Informasi paling lambat 14 (empat belas) hari kerja sejak menerima tanggapan ini" in words
    # Signed by the Atasan PPID recorded on the objection, with the NIP from the settings.
    assert "Wates, 20 November 2026 Sekretaris Daerah selaku Atasan PPID" in words
    assert "Ir. Bambang Sutrisno NIP. 19650809 198603 1 099" in words
    assert "MENGUATKAN" not in words and "SALINAN" not in words
    assert produce_objection(row.number, Kind.RESPONSE, "ppid").copy


def test_the_upholding_response_gives_the_reasons_and_no_order():
    row = file_objection()
    decide(row, overturn=False, atasan_name="Dra. Sri Wahyuni", atasan_title="Asisten Administrasi Umum")
    words = text(produce_objection(row.number, Kind.RESPONSE, "ppid").pdf)
    assert "MENOLAK KEBERATAN DAN MENGUATKAN KEPUTUSAN PPID" in words and " ".join(UPHOLD.split()) in words
    assert "Perintah kepada PPID" not in words and "keputusan PPID atas permohonan tersebut tetap berlaku" in words
    # Another Atasan than the settings' signs without the settings' NIP.
    assert "Asisten Administrasi Umum selaku Atasan PPID" in words and "Dra. Sri Wahyuni" in words
    assert "NIP." not in words


def test_the_response_receipt_names_the_response_letter_and_the_dispute_window():
    row = file_objection()
    decide(row)
    hand_over(row)
    early = produce_objection(row.number, Kind.RESPONSE_RECEIPT, "budi")  # before the response was issued
    assert early.letter_number == "001/KEB/PPID/XI/2026/TT"
    assert "Tanggapan Atasan PPID atas Keberatan tanggal Jumat, 20 November 2026" in text(early.pdf)
    produce_objection(row.number, Kind.RESPONSE, "ppid")
    again = produce_objection(row.number, Kind.RESPONSE_RECEIPT, "budi")
    assert again.copy and again.document_id == early.document_id  # a reprint, not a new receipt
    other = file_objection(NAMES[1])
    decide(other)
    hand_over(other)
    produce_objection(other.number, Kind.RESPONSE, "ppid")
    receipt = produce_objection(other.number, Kind.RESPONSE_RECEIPT, "budi")
    words = text(receipt.pdf)
    assert receipt.letter_number == "002/KEB/PPID/XI/2026/TT"
    assert "TANDA TERIMA TANGGAPAN ATAS KEBERATAN Nomor: 002/KEB/PPID/XI/2026/TT" in words
    assert "Pada hari ini, Senin, 23 November 2026, telah diserahkan tanggapan Atasan PPID" in words
    assert "Tanggapan Atasan PPID atas Keberatan Nomor 002/TGP-KEB/PPID/XI/2026 tanggal Jumat, 20 November" in words
    assert "Keputusan Atasan PPID : Memerintahkan PPID memberikan informasi" in words
    assert "Tanggal penyerahan : Senin, 23 November 2026" in words
    assert "yaitu sampai dengan Jumat, 11 Desember 2026" in words and DISPUTE_DUE == date(2026, 12, 11)
    assert "Yang menerima, Pengaju Keberatan" in words and NAMES[1] in words
    assert [d.kind for d in issued_objection_documents(other.number)] == [Kind.RESPONSE, Kind.RESPONSE_RECEIPT]


def test_a_standalone_objection_has_its_documents_too():
    row = file_standalone()
    assert row.request_id is None
    receipt = text(produce_objection(row.number, Kind.RECEIPT, "budi").pdf)
    assert ("Nomor pendaftaran permohonan : Surat tanggal 1 Oktober 2026 (tidak tercatat di register permohonan)"
            in receipt)
    assert "Informasi yang diminta : Laporan realisasi anggaran 2025" in receipt
    assert "Nama kuasa : - (diajukan sendiri oleh pemohon)" in receipt
    assert "\u2612 c. Tidak ditanggapinya permintaan informasi" in receipt
    assert f"Nama : {NAMES[2]}" in receipt and "Wartawan" in receipt
    decide(row)
    response = text(produce_objection(row.number, Kind.RESPONSE, "ppid").pdf)
    assert "(tidak tercatat di register permohonan)" in response
    # No request to reopen: the order's deadline is order_days working days after the decision.
    assert "paling lambat Jumat, 4 Desember 2026" in response
    hand_over(row)
    assert produce_objection(row.number, Kind.RESPONSE_RECEIPT, "budi").letter_number == f"{row.number}/TT"
    assert len(issued_objection_documents(row.number)) == 3


def test_the_response_number_follows_its_pattern_setting_on_f4():
    save_office(load_office().with_changes(objection_response_number_pattern="TGP/{seq:02d}/{year}", paper="F4"))
    row = file_objection()
    decide(row)
    issued = produce_objection(row.number, Kind.RESPONSE, "ppid")
    assert issued.letter_number == "TGP/01/2026" and issued.paper == "F4" and size_mm(issued.pdf) == {(215, 330)}
    receipt = produce_objection(row.number, Kind.RECEIPT, "budi")
    assert receipt.paper == "F4" and len(page_text(receipt.pdf)) == 2


@pytest.mark.parametrize("pattern, wanted", [
    ("{seq}/TGP", "{year}"),
    ("TGP/{year}", "{seq}"),
    ("{seq:03d}/KEB/PPID/{roman_month}/{year}", "harus berbeda"),  # the objection's own pattern
])
def test_the_response_pattern_is_checked_like_the_others(pattern, wanted):
    with pytest.raises(ValidationError) as info:
        save_office(load_office().with_changes(objection_response_number_pattern=pattern))
    assert info.value.field == "objection_response_number_pattern" and wanted in info.value.message


def test_the_response_pattern_has_a_default():
    assert OfficeSettings().objection_response_number_pattern == DEFAULT_OBJECTION_RESPONSE_PATTERN == \
        "{seq:03d}/TGP-KEB/PPID/{roman_month}/{year}"
    saved = save_office(load_office().with_changes(objection_response_number_pattern=""))
    assert saved.objection_response_number_pattern == DEFAULT_OBJECTION_RESPONSE_PATTERN


def test_every_objection_document_renders_to_pictures(tmp_path):
    assert shutil.which("pdftoppm"), "pdftoppm missing: `make test` installs poppler-utils (scripts/system-deps.sh)"
    row = file_objection(proxy=True)
    decide(row)
    hand_over(row)
    for kind in Kind:
        pdf = tmp_path / f"{kind.value}.pdf"
        pdf.write_bytes(produce_objection(row.number, kind, "budi").pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / kind.value)], check=True,
                       capture_output=True, timeout=30)
        pictures = sorted(tmp_path.glob(f"{kind.value}-*.png"))
        # The form is a page per copy; each letter fits one page.
        assert len(pictures) == (2 if kind is Kind.RECEIPT else 1), kind
        assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 5000 for p in pictures)


def test_objection_documents_use_every_ground_wording():
    row = file_objection(grounds=list(Ground))
    words = text(produce_objection(row.number, Kind.RECEIPT, "budi").pdf)
    for ground in Ground:
        assert f"\u2612 {ground.value}. {ground.label[:30]}" in words
    assert Objection.get_by_id(row.id).grounds == "a,b,c,d,e,f,g"
