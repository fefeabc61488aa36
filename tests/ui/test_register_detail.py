"""A request's detail: fields, deadlines, history, and the steps through their dialogs."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from ppid_desk.dates import long_date
from ppid_desk.register import service
from ppid_desk.register.codes import Decision, RequesterKind, Status
from ppid_desk.register.lifecycle import Action
from ppid_desk.store.models import Request
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.register.detail_page import DetailPage
from ppid_desk.ui.register.timeline_model import TimelineModel
from ppid_desk.units import save_unit
from ppid_desk.workdays import load_calendar
from register_samples import make_requests

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def request_id(store) -> int:
    row = service.register_request(service.RequestInput(
        requester=service.RequesterInput(RequesterKind.PERSON, "Budi Santoso", "3201010101900001",
                                         address="Jl. Melati 1", phone="0812345678"),
        information="Salinan kontrak pengadaan 2025", purpose="Pengawasan"), load_calendar(), "petugas")
    return row.id


@pytest.fixture
def detail(qtbot, store, request_id):
    page = DetailPage(actor=lambda: "ani")
    qtbot.addWidget(page)
    page.resize(1050, 760)
    page.show()
    qtbot.waitExposed(page)
    assert page.show_request(request_id)
    return page


def test_detail_shows_fields_deadlines_and_events(detail, request_id, qtmodeltester):
    row = Request.get_by_id(request_id)
    assert detail.title.text() == f"Permohonan {row.number}"
    assert detail.status.text() == "Terdaftar"
    texts = [detail.request_form.itemAt(i).widget().text() for i in range(detail.request_form.count())
             if detail.request_form.itemAt(i).widget() is not None]
    assert "Salinan kontrak pengadaan 2025" in texts and "Pengawasan" in texts
    # Each deadline explains itself.
    explanation = detail.deadlines.explanations["response"]
    assert not explanation.isVisible()
    detail.deadlines.toggles["response"].click()
    assert explanation.isVisible()
    assert explanation.text().startswith("Hari kerja ke-10 setelah")
    assert long_date(row.response_due) in detail.deadlines.days["response"].text()
    # The timeline.
    qtmodeltester.check(detail.timeline)
    assert detail.timeline.rowCount() == 1
    assert detail.timeline.index(0, TimelineModel.KIND).data() == "Didaftarkan"
    assert row.number in detail.timeline.index(0, TimelineModel.DETAILS).data()
    assert detail.timeline.index(0, TimelineModel.ACTOR).data() == "petugas"


def test_illegal_action_is_disabled_with_its_reason(detail):
    deliver = detail.action_buttons[Action.DELIVER]
    assert not deliver.isEnabled()
    assert deliver.toolTip() == "Tidak dapat \u201cserahkan informasi\u201d: status permohonan terdaftar."
    assert detail.action_buttons[Action.ROUTE].isEnabled()
    assert detail.start_action(Action.DELIVER) is None


def test_routing_through_the_dialog_changes_the_status(qtbot, detail, request_id):
    unit = save_unit("Bidang Pengadaan", "bidang")
    qtbot.mouseClick(detail.action_buttons[Action.ROUTE], Qt.MouseButton.LeftButton)
    dialog = detail.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.note, "Mohon salinan kontrak")
    dialog.ok_button.click()                            # no unit chosen
    assert dialog.isVisible()
    assert dialog.errors.message("units") == "Pilih paling sedikit satu unit."
    assert dialog.note.toPlainText() == "Mohon salinan kontrak"
    dialog.units.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(detail.requestChanged) as changed:
        dialog.ok_button.click()
    assert changed.args == [request_id]
    assert not dialog.isVisible()
    assert Request.get_by_id(request_id).status == Status.ROUTED.value
    assert detail.status.text() == Status.ROUTED.label
    assert detail.timeline.rowCount() == 2
    assert detail.timeline.index(1, TimelineModel.DETAILS).data() == \
        f"Ke {unit.name}; catatan: Mohon salinan kontrak."


def test_decision_errors_are_inline_and_input_is_kept(qtbot, detail, request_id):
    dialog = detail.start_action(Action.DECIDE)
    dialog.decision.setCurrentIndex(dialog.decision.findData(Decision.REJECTED.value))
    assert dialog.letters["h"].isVisible() and not dialog.holder_body.isVisible()
    qtbot.keyClicks(dialog.other_statute, "")
    dialog.ok_button.click()
    assert dialog.errors.message("pasal17").startswith("Penolakan harus menyebut huruf Pasal 17")
    assert dialog.errors.message("consequence_test") == "Penolakan harus memuat hasil uji konsekuensi."
    dialog.letters["h"].setChecked(True)
    qtbot.keyClicks(dialog.consequence_test, "Membuka data pribadi merugikan pemiliknya")
    with qtbot.waitSignal(dialog.performed):
        dialog.ok_button.click()
    row = Request.get_by_id(request_id)
    assert (row.status, row.decision, row.pasal17) == ("diputuskan", "ditolak", "h")
    assert "huruf h (mengungkap rahasia pribadi)" in [
        detail.outcome_form.itemAt(i).widget().text() for i in range(detail.outcome_form.count())
        if detail.outcome_form.itemAt(i).widget() is not None]
    # Now delivering is refused (rejected), closing is allowed.
    assert not detail.action_buttons[Action.DELIVER].isEnabled()
    assert detail.action_buttons[Action.CLOSE].isEnabled()


def test_extension_is_refused_inline_when_days_are_wrong(qtbot, detail, request_id):
    dialog = detail.start_action(Action.EXTEND)
    dialog.ok_button.click()
    assert dialog.errors.message("reason") == "Alasan perpanjangan wajib diisi."
    qtbot.keyClicks(dialog.reason, "Dokumen tersebar di tiga unit")
    dialog.days.setValue(5)
    with qtbot.waitSignal(detail.requestChanged):
        dialog.ok_button.click()
    row = Request.get_by_id(request_id)
    assert row.extended and detail.deadlines.explanations["extended"].text().startswith("Hari kerja ke-15")
    assert not detail.action_buttons[Action.EXTEND].isEnabled()
    assert "sekali" in detail.action_buttons[Action.EXTEND].toolTip()


def test_beranda_row_opens_the_detail_and_back_returns(qtbot, store):
    now = datetime.now()
    make_requests(40, now - timedelta(days=1), days_back=40, seed=5, steps=False)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    home = window.home
    assert home.count("overdue") > 0
    assert home.work.tiles["overdue"].count.text() == str(home.count("overdue"))
    assert home.work.current_key() == "overdue"
    view = home.work.views["overdue"]
    first = home.work.models["overdue"].rows[0]
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() == "permohonan"
    assert window.register.currentWidget() is window.register.detail
    assert window.register.detail.request_id == first.request_id
    assert "terlambat" in window.register.detail.subtitle.text()
    window.register.detail.back_button.click()
    assert window.current_page() == "beranda"
