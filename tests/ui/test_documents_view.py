"""The "Dokumen" section of a request's detail: a button per kind (dimmed with the reason
when it does not fit), the preview, and the list of issued documents."""

from __future__ import annotations

import hashlib

import pytest

from ppid_desk.reports.issuing import DocumentKind
from ppid_desk.store.models import IssuedDocument
from ppid_desk.ui.printing.preview import PreviewDialog
from ppid_desk.ui.register.detail_page import DetailPage
from ppid_desk.ui.register.documents_view import IssuedModel
from print_samples import FakeDialogs, FileFactory, decide, register, set_office, words

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def detail(qtbot, store):
    set_office()
    page = DetailPage(actor=lambda: "ani")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_kind_buttons_follow_the_request_state(qtbot, detail):
    row = register()
    assert detail.show_request(row.id)
    box = detail.documents
    assert box.kind_buttons[DocumentKind.RECEIPT].isEnabled()
    notice = box.kind_buttons[DocumentKind.NOTICE]
    assert not notice.isEnabled() and notice.toolTip() == "Permohonan ini belum diputuskan."
    assert box.kind_buttons[DocumentKind.EXTENSION].toolTip() == "Waktu permohonan ini tidak diperpanjang."
    assert box.empty.isVisible() and not box.table.isVisible()
    assert box.issue(DocumentKind.NOTICE) is None  # a dimmed kind issues nothing
    decide(row)
    detail.reload()
    assert notice.isEnabled()
    assert not box.kind_buttons[DocumentKind.REJECTION].isEnabled()


def test_issue_preview_list_reprint_and_save(qtbot, detail, tmp_path, qtmodeltester):
    row = decide(register())
    detail.show_request(row.id)
    box = detail.documents
    factory = FileFactory(tmp_path)
    saved = tmp_path / "asli.pdf"
    box.dialogs, box.printer_factory = FakeDialogs(save_to=saved), factory

    box.kind_buttons[DocumentKind.NOTICE].click()
    preview = box.preview
    assert isinstance(preview, PreviewDialog) and preview.isVisible()
    assert not preview.issued.copy and preview.issued.kind is DocumentKind.NOTICE
    qtbot.waitUntil(lambda: not preview.page_labels[0].pixmap().isNull())
    letter = preview.issued.letter_number
    preview.close()
    # The list shows it: kind, letter number, when, by whom.
    qtmodeltester.check(box.model)
    assert box.table.isVisible() and box.title() == "Dokumen (1)"
    cells = [box.proxy.index(0, c).data() for c in range(box.proxy.columnCount())]
    assert cells[IssuedModel.KIND] == "Pemberitahuan tertulis" and cells[IssuedModel.NUMBER] == letter
    assert cells[IssuedModel.BY] == "ani" and cells[IssuedModel.PAPER] == "A4"

    # The same button again: the same document, marked SALINAN; no new letter number.
    box.kind_buttons[DocumentKind.NOTICE].click()
    assert box.preview.issued.copy and box.preview.issued.letter_number == letter
    box.preview.close()
    assert IssuedDocument.select().count() == 1

    # Cetak ulang (SALINAN) and Simpan PDF on the (only) listed document.
    result = box.reprint(box.table.target_row())
    assert result.printed and box.dialogs.kinds() == ["printer"]
    text = words(tmp_path / "job-0.pdf")
    assert letter in text and "SALINAN" in text
    assert "(SALINAN) dikirim ke" in box.status.text()
    assert box.save(box.table.target_row()) == str(saved)
    stored = IssuedDocument.get()
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == stored.sha256  # the original, as issued


def test_two_documents_and_the_selected_one(qtbot, detail, tmp_path):
    row = decide(register())
    detail.show_request(row.id)
    box = detail.documents
    box.dialogs = FakeDialogs()
    box.issue(DocumentKind.RECEIPT).close()
    box.issue(DocumentKind.NOTICE).close()
    assert box.model.rowCount() == 2
    # The newest is selected (sorted by issue time), ready to be printed again.
    assert box.reprint_button.isEnabled()
    assert box.model.row(box.table.target_row()).kind is DocumentKind.NOTICE
    box.table.clearSelection()
    assert box.table.target_row() == -1 and not box.reprint_button.isEnabled()
    box.table.selectRow(0)
    chosen = box.model.row(box.table.target_row())
    assert chosen.kind is DocumentKind.RECEIPT
    preview = box.preview_issued(box.table.target_row())
    assert preview.issued.copy and preview.issued.letter_number == chosen.letter_number
    preview.close()
