"""Register Permohonan: the lazy table model, search, filters and sorting, on real SQLite."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from ppid_desk.register import queries, service
from ppid_desk.register.codes import Channel, RequesterKind, Status
from ppid_desk.store.models import Request
from ppid_desk.ui.register.register_page import RegisterPage
from ppid_desk.ui.register.table_model import PAGE_SIZE, RegisterFilter, RegisterModel
from ppid_desk.workdays import load_calendar
from register_samples import make_requests

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOW = datetime.now().replace(microsecond=0)


@pytest.fixture
def filled(store):
    """450 requests over 60 days (no steps): more than two pages."""
    return make_requests(450, NOW, steps=False)


@pytest.fixture
def few(store):
    return make_requests(30, NOW, steps=False)


@pytest.fixture
def page(qtbot, store):
    widget = RegisterPage(store.db)
    qtbot.addWidget(widget)
    widget.resize(1050, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def all_rows(model: RegisterModel) -> list[int]:
    while model.canFetchMore():
        model.fetchMore()
    return [model.request_id(r) for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, store):
    make_requests(PAGE_SIZE + 30, NOW, steps=False)
    model = RegisterModel(store.db)
    model.refresh()
    qtmodeltester.check(model)
    model.set_filter(RegisterFilter(text="salinan"))
    qtmodeltester.check(model)
    model.sort(RegisterModel.NAME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_lazy_fetch_loads_more_on_scroll(qtbot, store, filled):
    widget = RegisterPage(store.db)
    qtbot.addWidget(widget)
    widget.resize(1050, 700)
    widget.show()
    qtbot.waitExposed(widget)
    model = widget.model
    assert model.total == 450 and model.rowCount() == PAGE_SIZE
    assert widget.count.text() == "450 permohonan"
    widget.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE)
    widget.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 450)
    assert not model.canFetchMore()
    ids = [model.request_id(r) for r in range(450)]
    assert ids == sorted(filled, reverse=True)  # newest number first, none twice, none missing


    # Sorting is done in SQL, page after page.
    rows = {r.id: r for r in Request.select()}
    keys = {
        RegisterModel.NAME: lambda i: (rows[i].requester.name, i),
        RegisterModel.DATE: lambda i: (rows[i].received_at, i),
        RegisterModel.DUE: lambda i: (rows[i].response_due, i),
        RegisterModel.NO: lambda i: (rows[i].year, rows[i].seq, i),
    }
    for column, order in ((RegisterModel.NAME, Qt.SortOrder.AscendingOrder),
                          (RegisterModel.DATE, Qt.SortOrder.DescendingOrder),
                          (RegisterModel.DUE, Qt.SortOrder.AscendingOrder),
                          (RegisterModel.NO, Qt.SortOrder.AscendingOrder)):
        model.sort(column, order)
        ids = all_rows(model)
        assert sorted(ids) == sorted(filled)
        assert ids == sorted(ids, key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder), column


def test_clicking_an_unsortable_header_keeps_the_order(qtbot, page, few):
    page.refresh()
    header = page.table.horizontalHeader()
    header.setSortIndicator(RegisterModel.PURPOSE, Qt.SortOrder.AscendingOrder)
    assert page.model.sort_column == RegisterModel.NO
    assert header.sortIndicatorSection() == RegisterModel.NO


def test_search_finds_by_name_word_and_by_number(qtbot, page, store):
    calendar = load_calendar()
    for name, info in (("Wayan Sudarsana", "Peta jalan desa"), ("Made Sudarta", "Anggaran pasar"),
                       ("Ketut Arsana", "Data sekolah")):
        service.register_request(service.RequestInput(
            requester=service.RequesterInput(RequesterKind.PERSON, name, "5171014507900003", phone="0812345678"),
            information=info, purpose="Tugas"), calendar, "petugas")
    page.refresh()
    assert page.model.total == 3
    qtbot.keyClicks(page.search, "sudar")
    qtbot.waitUntil(lambda: page.model.filter.text == "sudar")
    names = {page.model.index(r, RegisterModel.NAME).data() for r in range(page.model.rowCount())}
    assert names == {"Wayan Sudarsana", "Made Sudarta"}
    assert page.count.text() == "2 permohonan"

    number = Request.get(Request.information == "Data sekolah").number
    page.search.clear()
    qtbot.keyClicks(page.search, number)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter searches at once and moves to the table
    assert page.model.rowCount() == 1
    assert page.model.index(0, RegisterModel.NO).data() == number
    assert page.table.hasFocus()

    page.search.clear()
    qtbot.keyClicks(page.search, "pasar")  # a word of the request itself
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert [page.model.index(0, RegisterModel.NAME).data()] == ["Made Sudarta"]


def test_filters_narrow_the_register(qtbot, page, store):
    make_requests(120, NOW, seed=3)
    page.refresh()
    total = page.model.total
    page.status.setCurrentIndex(page.status.findData(Status.ROUTED.value))
    routed = Request.select().where(Request.status == Status.ROUTED.value).count()
    assert 0 < page.model.total == routed < total
    assert {page.model.index(r, RegisterModel.STATUS).data() for r in range(page.model.rowCount())} \
        == {Status.ROUTED.label}

    page.clear_filters()
    assert page.model.total == total
    page.late_only.setChecked(True)
    late = queries.overdue(NOW.date())
    assert page.model.total == len(late) > 0
    assert all(page.model.index(r, RegisterModel.LATE).data().endswith("hari kerja")
               for r in range(page.model.rowCount()))

    page.clear_filters()
    page.channel.setCurrentIndex(page.channel.findData(Channel.EMAIL.value))
    assert page.model.total == Request.select().where(Request.channel == "email").count()

    page.clear_filters()
    page.unit.setCurrentIndex(1)
    unit_id = page.unit.currentData()
    assert 0 < page.model.total < total
    assert all(page.unit.currentText() in page.model.index(r, RegisterModel.UNIT).data()
               for r in range(page.model.rowCount())), unit_id

    page.clear_filters()
    start = (NOW - timedelta(days=10)).date()
    page.date_from.setDate(start)
    page.date_to.setDate(NOW.date())
    page.period.setChecked(True)
    expected = Request.select().where(Request.received_at >= datetime.combine(start, datetime.min.time())).count()
    assert page.model.total == expected < total


def test_enter_on_a_row_opens_the_request(qtbot, page, few):
    page.refresh()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    with qtbot.waitSignal(page.openRequest) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [page.model.request_id(2)]
    with qtbot.waitSignal(page.newRequested):
        page.new_button.click()
