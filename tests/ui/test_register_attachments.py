"""The "Lampiran" section of a request's detail: listing, adding through the dialog, opening."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from ppid_desk.register import service
from ppid_desk.register.attachments import AttachmentKind, add_attachment, attachment_path, list_attachments
from ppid_desk.register.codes import EventKind, RequesterKind
from ppid_desk.ui.register.attachments_view import AddAttachmentDialog, AttachmentsModel, guess_kind
from ppid_desk.ui.register.detail_page import DetailPage
from ppid_desk.ui.register.timeline_model import TimelineModel
from ppid_desk.workdays import load_calendar

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOW = datetime(2026, 11, 3, 10, 15)


@pytest.fixture
def request_id(store) -> int:
    row = service.register_request(service.RequestInput(
        requester=service.RequesterInput(RequesterKind.PERSON, "Budi Santoso", "3201010101900001",
                                         address="Jl. Melati 1", phone="0812345678"),
        information="Salinan kontrak pengadaan 2025", purpose="Pengawasan",
        received_at=datetime(2026, 11, 2, 10, 0)), load_calendar(), "petugas", now=datetime(2026, 11, 2, 10, 0))
    return row.id


@pytest.fixture
def detail(qtbot, store, request_id):
    page = DetailPage(store, actor=lambda: "ani", now=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1050, 760)
    page.show()
    qtbot.waitExposed(page)
    assert page.show_request(request_id)
    return page


@pytest.fixture
def ktp(tmp_path):
    path = tmp_path / "KTP Budi.jpg"
    path.write_bytes(b"\xff\xd8\xff jpeg ktp budi")
    return path


def test_without_attachments_the_section_says_so(detail):
    box = detail.attachments
    assert box.isVisible() and box.title() == "Lampiran"
    assert box.empty.isVisible() and not box.table.isVisible()
    assert box.add_button.isEnabled() and not box.open_button.isEnabled()


def test_section_lists_an_attachment_added_through_the_service(detail, store, request_id, ktp, qtmodeltester):
    add_attachment(store.data_dir, request_id, ktp, AttachmentKind.KTP, "budi", now=NOW)
    detail.reload()
    box = detail.attachments
    qtmodeltester.check(box.model)
    assert box.title() == "Lampiran (1)" and box.table.isVisible() and not box.empty.isVisible()
    row = [box.model.index(0, c).data() for c in range(box.model.columnCount())]
    assert row == ["Scan KTP", "KTP Budi.jpg", "17 B", "03-11-2026 10.15", "budi"]
    assert box.model.index(0, AttachmentsModel.NAME).data(Qt.ItemDataRole.DecorationRole) is None
    assert not box.warning.isVisible()
    assert box.open_button.isEnabled()


def test_changed_stored_file_gets_a_warning_mark(detail, store, request_id, ktp):
    attachment = add_attachment(store.data_dir, request_id, ktp, AttachmentKind.KTP, "budi", now=NOW)
    attachment_path(store.data_dir, attachment).write_bytes(b"diubah di luar aplikasi")
    detail.reload()
    box = detail.attachments
    name = box.model.index(0, AttachmentsModel.NAME)
    assert name.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "SHA-256 tidak cocok" in name.data(Qt.ItemDataRole.ToolTipRole)
    assert box.warning.isVisible() and "KTP Budi.jpg" in box.warning.text()


def test_adding_through_the_dialog(qtbot, detail, store, request_id, tmp_path):
    letter = tmp_path / "surat kuasa khusus.pdf"
    letter.write_bytes(b"%PDF-1.7 kuasa")
    dialog = detail.attachments.start_add(letter)  # a path given: no file dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.file_name.text() == "surat kuasa khusus.pdf"
    assert dialog.kind.currentData() == AttachmentKind.POWER_OF_ATTORNEY.value  # guessed from the name
    dialog.kind.setCurrentIndex(dialog.kind.findData(AttachmentKind.OTHER.value))
    with qtbot.waitSignal(detail.requestChanged) as changed:
        dialog.ok_button.click()
    assert changed.args == [request_id]
    assert not dialog.isVisible()
    [stored] = list_attachments(request_id)
    assert (stored.kind, stored.filename, stored.added_by, stored.added_at) == (
        "lainnya", "surat kuasa khusus.pdf", "ani", NOW)
    box = detail.attachments
    assert box.model.rowCount() == 1 and box.model.index(0, AttachmentsModel.KIND).data() == "Lainnya"
    kinds = [detail.timeline.index(r, TimelineModel.KIND).data() for r in range(detail.timeline.rowCount())]
    assert kinds[-1] == EventKind.ATTACHED.label


def test_dialog_errors_are_shown_in_indonesian(qtbot, store, request_id, tmp_path):
    dialog = AddAttachmentDialog(store.data_dir, request_id, "ani", lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.errors.message("path") == "Pilih berkas yang akan dilampirkan."
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    dialog.set_path(empty)
    assert dialog.errors.message("path") == ""
    assert not dialog.submit()
    assert dialog.errors.message("path") == "Berkas kosong.pdf kosong (0 byte); tidak dilampirkan."
    assert list_attachments(request_id) == []


def test_same_file_twice_is_refused_in_the_dialog(qtbot, store, request_id, ktp):
    add_attachment(store.data_dir, request_id, ktp, AttachmentKind.KTP, "budi", now=NOW)
    dialog = AddAttachmentDialog(store.data_dir, request_id, "ani", lambda: NOW, ktp)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.submit()
    assert "sudah dilampirkan" in dialog.errors.message("path")
    assert len(list_attachments(request_id)) == 1


def test_open_uses_the_desktop_and_reports_a_missing_file(qtbot, store, request_id, ktp):
    opened = []
    page = DetailPage(store, actor=lambda: "ani", now=lambda: NOW)
    qtbot.addWidget(page)
    page.attachments._opener = lambda url: opened.append(url) or True
    attachment = add_attachment(store.data_dir, request_id, ktp, AttachmentKind.KTP, "budi", now=NOW)
    assert page.show_request(request_id)
    page.attachments.open_button.click()
    assert [u.toLocalFile() for u in opened] == [str(attachment_path(store.data_dir, attachment))]
    page.attachments._opener = lambda url: False
    assert not page.attachments.open_attachment(0)
    assert page.attachments.error.text() == "Tidak ada aplikasi untuk membuka KTP Budi.jpg."
    attachment_path(store.data_dir, attachment).unlink()
    page.reload()
    assert not page.attachments.open_attachment(0)
    assert page.attachments.error.text().startswith("Berkas KTP Budi.jpg tidak ada lagi di folder data")


def test_detail_without_a_store_hides_the_section(qtbot, request_id):
    page = DetailPage(actor=lambda: "ani")
    qtbot.addWidget(page)
    page.show()
    assert page.show_request(request_id)
    assert not page.attachments.isVisible()
    assert page.attachments.start_add() is None


@pytest.mark.parametrize(("name", "kind"), [
    ("e-KTP Budi.png", AttachmentKind.KTP), ("Surat_Kuasa.pdf", AttachmentKind.POWER_OF_ATTORNEY),
    ("surat permohonan.docx", AttachmentKind.REQUEST_LETTER), ("foto.jpg", AttachmentKind.OTHER),
])
def test_kind_is_guessed_from_the_name(name, kind):
    assert guess_kind(name) is kind
