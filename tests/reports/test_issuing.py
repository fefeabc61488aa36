"""Issuing documents: which kinds fit a request now, reprints marked SALINAN with the
stored bytes untouched, new numbers for changed data, settings, clear refusals."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from document_samples import decide, deliver, extend, page_text, register, reject, set_office, text

from ppid_desk.errors import ValidationError
from ppid_desk.office import OfficeSettings, load_office, save_office
from ppid_desk.register import service
from ppid_desk.register.codes import Decision
from ppid_desk.reports.documents.sources import build_source
from ppid_desk.reports.documents import notice
from ppid_desk.reports.issuing import (
    DocumentKind, fitting_kinds, issued_documents, produce, stored_pdf,
)
from ppid_desk.store.models import IssuedDocument, Request


@pytest.fixture(autouse=True)
def office(store):
    set_office()


def _fits(number: str) -> dict[DocumentKind, str | None]:
    return dict(fitting_kinds(number))


def test_kinds_are_the_cli_words_with_indonesian_labels():
    assert [k.value for k in DocumentKind] == ["receipt", "notice", "extension", "rejection", "handover"]
    assert DocumentKind.NOTICE.label == "Pemberitahuan tertulis"
    assert DocumentKind.REJECTION.label == "Keputusan penolakan"


def test_which_kinds_fit_follows_the_request_state():
    row = register()
    fits = _fits(row.number)
    assert fits[DocumentKind.RECEIPT] is None
    assert fits[DocumentKind.NOTICE] == "Permohonan ini belum diputuskan."
    assert fits[DocumentKind.EXTENSION] == "Waktu permohonan ini tidak diperpanjang."
    extend(row)
    decide(row, Decision.GRANTED_FULL)
    fits = _fits(row.number)
    assert fits[DocumentKind.NOTICE] is None and fits[DocumentKind.EXTENSION] is None
    assert "tidak ditolak" in fits[DocumentKind.REJECTION]
    assert "belum diserahkan" in fits[DocumentKind.HANDOVER]
    deliver(row)
    assert _fits(row.number)[DocumentKind.HANDOVER] is None
    refused = register()
    reject(refused)
    fits = _fits(refused.number)
    assert fits[DocumentKind.REJECTION] is None and fits[DocumentKind.HANDOVER] is None
    assert "cetak keputusan penolakan" in fits[DocumentKind.NOTICE]


def test_a_kind_that_does_not_fit_is_refused_with_a_one_line_reason():
    row = register()
    with pytest.raises(ValidationError) as info:
        produce(row.number, "rejection", "ppid")
    assert info.value.message == "Keputusan penolakan tidak dapat dicetak: Permohonan ini belum diputuskan."
    assert "\n" not in info.value.message
    with pytest.raises(ValidationError, match="Jenis dokumen tidak dikenal: surat"):
        produce(row.number, "surat", "ppid")
    with pytest.raises(ValidationError, match="Tidak ada permohonan bernomor 999/PPID/XI/2026"):
        produce("999/PPID/XI/2026", "receipt", "ppid")
    with pytest.raises(ValidationError, match="Tidak ada permohonan"):
        fitting_kinds("999/PPID/XI/2026")
    with pytest.raises(ValidationError, match="Ukuran kertas B5 tidak dapat dipakai untuk tanda bukti penerimaan"):
        produce(row.number, "receipt", "ppid", paper="B5")
    assert IssuedDocument.select().count() == 0


def test_a_letter_is_not_printed_on_a5():
    row = register()
    extend(row)
    with pytest.raises(ValidationError, match="pilih A4 atau F4"):
        produce(row.number, DocumentKind.EXTENSION, "ppid", paper="A5")


def test_reprint_is_the_stored_pdf_marked_salinan_and_the_store_is_untouched():
    row = register()
    first = produce(row.number, "receipt", "budi", now=datetime(2026, 11, 2, 9, 31))
    assert not first.copy and first.sha256 == hashlib.sha256(first.pdf).hexdigest()
    again = produce(row.number, DocumentKind.RECEIPT, "ani", now=datetime(2026, 11, 20, 8, 0), paper="A5")
    assert again.copy and again.document_id == first.document_id
    assert again.letter_number == first.letter_number and again.sha256 == first.sha256
    assert again.paper == "A4"  # a copy is the issued document, on its paper
    assert all("SALINAN" in page for page in page_text(again.pdf))
    assert "SALINAN" not in text(first.pdf)
    assert stored_pdf(first.document_id, copy=False) == first.pdf
    assert "SALINAN" in text(stored_pdf(first.document_id))
    [info] = issued_documents(row.number)
    assert (info.id, info.kind, info.letter_number, info.issued_by, info.sha256) == (
        first.document_id, DocumentKind.RECEIPT, row.number, "budi", first.sha256)
    assert info.issued_at == datetime(2026, 11, 2, 9, 31)
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        stored_pdf(first.document_id + 100)


def test_the_same_source_gives_the_same_bytes():
    row = register()
    decide(row, Decision.GRANTED_FULL)
    issued = produce(row.number, "notice", "ppid")
    source = build_source("notice", Request.get_by_id(row.id), "ppid")
    again = notice.render(source, load_office(), None, "A4", issued.letter_number)
    assert again == issued.pdf


def test_changed_data_issues_a_new_document_with_a_new_number():
    row = register()
    decide(row, Decision.GRANTED_PARTIAL, note="Data pribadi dihitamkan", pasal17=["h"])
    first = produce(row.number, "notice", "ppid")
    service.correct(row.id, {"requester.name": "Nguyễn Thị Ánh Hồng"}, "Salah tulis nama", "budi",
                    now=datetime(2026, 11, 12, 11))
    second = produce(row.number, "notice", "ppid")
    assert not second.copy and second.letter_number == "002/PTT/PPID/XI/2026" != first.letter_number
    assert "Nguyễn Thị Ánh Hồng" in text(second.pdf)
    # A changed decision (as an objection's outcome will write it) is a new notice too.
    Request.update(decision_note="Hanya NIK yang dihitamkan").where(Request.id == row.id).execute()
    third = produce(row.number, "notice", "ppid")
    assert third.letter_number == "003/PTT/PPID/XI/2026" and "Hanya NIK yang dihitamkan" in text(third.pdf)
    assert stored_pdf(first.document_id, copy=False) == first.pdf
    assert [d.letter_number for d in issued_documents(row.number)] == [
        first.letter_number, second.letter_number, third.letter_number]


def test_a_corrected_receipt_is_a_numbered_revision():
    row = register()
    produce(row.number, "receipt", "budi")
    service.correct(row.id, {"purpose": "Bahan tesis"}, "Tujuan dikoreksi pemohon", "budi",
                    now=datetime(2026, 11, 2, 10))
    revised = produce(row.number, "receipt", "budi")
    assert not revised.copy and revised.letter_number == "001/PPID/XI/2026 (perbaikan 1)"
    words = text(revised.pdf)
    assert "Perbaikan ke-1" in words and "Nomor pendaftaran: 001/PPID/XI/2026" in words and "Bahan tesis" in words


def test_a_notice_printed_before_delivery_is_reprinted_after_it():
    row = register()
    decide(row, Decision.GRANTED_FULL)
    first = produce(row.number, "notice", "ppid")
    assert "lembar = Rp" in text(first.pdf)  # the copying cost is not known yet
    deliver(row)
    again = produce(row.number, "notice", "ppid")
    assert again.copy and again.document_id == first.document_id


def test_numbers_follow_the_pattern_setting_per_kind():
    save_office(load_office().with_changes(rejection_number_pattern="KEP/{seq:02d}/{year}"))
    row = register()
    reject(row)
    assert produce(row.number, "rejection", "ppid").letter_number == "KEP/01/2026"


@pytest.mark.parametrize("changes, field", [
    ({"paper": "Letter"}, "paper"),
    ({"receipt_paper": "F4"}, "receipt_paper"),
    ({"notice_number_pattern": "{seq}/PTT"}, "notice_number_pattern"),
    ({"handover_number_pattern": "{seq:03d}/PTT/PPID/{roman_month}/{year}"}, "handover_number_pattern"),
])
def test_document_settings_are_checked(changes, field):
    with pytest.raises(ValidationError) as info:
        save_office(load_office().with_changes(**changes))
    assert info.value.field == field


def test_document_settings_have_defaults_and_round_trip():
    defaults = OfficeSettings()
    assert (defaults.paper, defaults.receipt_paper, defaults.printer_name) == ("A4", "A4", "")
    assert defaults.notice_number_pattern == "{seq:03d}/PTT/PPID/{roman_month}/{year}"
    assert defaults.rejection_number_pattern == "{seq:03d}/KEP-TOLAK/PPID/{roman_month}/{year}"
    saved = save_office(load_office().with_changes(paper="f4", receipt_paper="a5", printer_name="Epson L3110"))
    assert (saved.paper, saved.receipt_paper, saved.printer_name) == ("F4", "A5", "Epson L3110")
    assert load_office() == saved
