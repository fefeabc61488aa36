"""The main window: title, navigation, keyboard, and the office data flowing through."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ppid_desk.office import load_office, save_office
from ppid_desk.ui.main_window import AREAS, MainWindow


def make_window(qtbot, store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def press_shortcut(window: MainWindow, text: str) -> None:
    """Trigger the window's action bound to ``text`` (offscreen windows never become
    active under pytest-qt, so key events would not reach window shortcuts)."""
    matches = [a for a in window.actions() if a.shortcut().toString() == text]
    assert len(matches) == 1, f"one action for {text}"
    matches[0].trigger()


def test_title_and_navigation(qtbot, store):
    save_office(load_office().with_changes(agency_name="Dinas Kominfo Kabupaten Kulon Progo", city="Wates"))
    window = make_window(qtbot, store)
    assert window.windowTitle() == "PPID Desk \u2014 Dinas Kominfo Kabupaten Kulon Progo"
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Beranda", "Register Permohonan", "Keberatan", "Pesan Masuk", "Daftar Informasi Publik",
                      "Laporan", "Pengaturan"]
    assert window.current_page() == "beranda"


def test_areas_not_built_yet_cannot_be_opened(qtbot, store):
    window = make_window(qtbot, store)
    for row, area in enumerate(AREAS):
        enabled = bool(window.nav.item(row).flags() & Qt.ItemFlag.ItemIsEnabled)
        assert enabled == area.ready
        if not area.ready:
            assert window.nav.item(row).toolTip() == area.note
            assert window.show_page(area.key) is False
            assert window.statusBar().currentMessage() == area.note


def test_keyboard_shortcut_opens_settings_and_saving_updates_the_title(qtbot, store):
    window = make_window(qtbot, store)
    press_shortcut(window, "Ctrl+7")
    assert window.current_page() == "pengaturan"
    save_office(load_office().with_changes(agency_name="Sekretariat Daerah Kabupaten Contoh", city="Wates"))
    window.settings.officeChanged.emit()
    assert window.windowTitle().endswith("Sekretariat Daerah Kabupaten Contoh")
    press_shortcut(window, "Ctrl+1")
    assert window.current_page() == "beranda"


def test_home_page_shows_today_and_deadlines(qtbot, store):
    from datetime import datetime

    from ppid_desk.ui.home_page import HomePage

    page = HomePage(store, now=datetime(2026, 3, 17, 10, 0))
    qtbot.addWidget(page)
    assert page.greeting.text().startswith("Selasa, 17 Maret 2026")
    text = page.deadline_card.body.text()
    assert "Rabu, 8 April 2026" in text  # the 10th working day after 17 March 2026
    assert "Jumat, 17 April 2026" in text  # the 17th
    assert "Hari Suci Nyepi" in page.upcoming_card.body.text()


def test_home_page_says_whether_the_counter_is_open(qtbot, store):
    from datetime import datetime

    from ppid_desk.ui.home_page import HomePage

    for moment, words in [(datetime(2026, 11, 23, 7, 30), "belum dibuka"), (datetime(2026, 11, 23, 10, 0), "sedang buka"),
                          (datetime(2026, 11, 23, 12, 30), "istirahat"), (datetime(2026, 11, 23, 15, 0), "sudah ditutup")]:
        page = HomePage(store, now=moment)
        qtbot.addWidget(page)
        assert words in page.today_card.body.text()
