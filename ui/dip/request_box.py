"""The "Daftar Informasi Publik" section of a request's detail: the DIP entry the request is
linked to (a click opens it), "Kaitkan ke DIP…" (a small search dialog) and "Lepas kaitan…"
(with the reason, kept in the request's history)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton,
    QVBoxLayout, QWidget,
)

from ppid_desk.dip.codes import InfoClass
from ppid_desk.dip.queries import DipMatch, get_entry, holder_text, search, suggest
from ppid_desk.dip.service import link_request, unlink_request
from ppid_desk.errors import PpidError
from ppid_desk.store.models import DipEntry, Request

from ..register.action_dialogs import text_box
from ..widgets.field_errors import error_label
from ..widgets.save_dialog import SaveDialog
from .badges import BadgeDelegate, badge_html, letters_short
from .suggestions import DipMatchModel, match_text

SEARCH_DELAY_MS = 200
FOUND = 30


def as_match(entry: DipEntry) -> DipMatch:
    return DipMatch(entry.id, entry.summary, InfoClass(entry.info_class), holder_text(entry), entry.pasal17, 0.0)


class LinkDialog(QDialog):
    """Kaitkan ke DIP: the entries that match the request's text, or what the officer searches."""

    linked = Signal(int)  # the request's id

    def __init__(self, request_id: int, actor: str, now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.request_id, self.actor, self._now = request_id, actor, now
        self.row = Request.get_by_id(request_id)
        self.setWindowTitle(self.tr("Kaitkan ke DIP \u2014 {0}").format(self.row.number))
        intro = QLabel(self.tr("Permohonan {0}: \u201c{1}\u201d").format(
            self.row.number, html.escape(" ".join(self.row.information.split())[:300])))
        intro.setWordWrap(True)
        intro.setMinimumWidth(620)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Cari entri DIP (kosong: usulan dari informasi yang diminta)\u2026"))
        self.caption = QLabel()
        self.caption.setObjectName("hint")
        self.model = DipMatchModel(self)
        self.list = QListView()
        self.list.setObjectName("dipLinkList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(BadgeDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long lines end in "…"
        self.list.setMinimumHeight(220)
        self.list.activated.connect(lambda _index: self.submit())
        self.general_error = error_label()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("&Kaitkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("&Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._enter_list)
        self.search.installEventFilter(self)
        self.refresh()
        self.resize(760, 440)

    def refresh(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        if text:
            found = [as_match(e) for e in search(text, limit=FOUND)]
            self.caption.setText(self.tr("{0} entri ditemukan").format(len(found)) if found
                                 else self.tr("Tidak ada entri DIP aktif yang memuat semua kata itu."))
        else:
            found = suggest(self.row.information, limit=10)
            self.caption.setText(self.tr("Usulan dari informasi yang diminta:") if found
                                 else self.tr("Tidak ada usulan; ketik kata kunci untuk mencari."))
        found = [m for m in found if m.id != self.row.dip_entry_id]
        self.model.set_matches(found)
        if found:
            self.list.setCurrentIndex(self.model.index(0))
        self.ok_button.setEnabled(bool(found))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down:
            self._enter_list()
            return True
        return super().eventFilter(watched, event)

    def _enter_list(self) -> None:
        self.refresh()
        if self.model.rowCount():
            self.list.setFocus()

    def chosen(self) -> DipMatch | None:
        index = self.list.currentIndex()
        return self.model.matches[index.row()] if index.isValid() else None

    def submit(self) -> bool:
        match = self.chosen()
        if match is None:
            self.general_error.setText(self.tr("Pilih entri DIP dari daftar."))
            self.general_error.show()
            return False
        try:
            link_request(self.request_id, match.id, self.actor, self._now())
        except PpidError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            return False
        self.linked.emit(self.request_id)
        self.accept()
        return True


class UnlinkDialog(SaveDialog):
    unlinked = Signal(int)

    def __init__(self, request_id: int, actor: str, now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.request_id, self.actor, self._now = request_id, actor, now
        row = Request.get_by_id(request_id)
        self.setWindowTitle(self.tr("Lepas kaitan DIP \u2014 {0}").format(row.number))
        summary = " ".join(row.dip_entry.summary.split())[:200] if row.dip_entry_id else ""
        intro = QLabel(self.tr("Permohonan {0} tidak lagi dikaitkan dengan entri DIP \u201c{1}\u201d. Alasannya "
                               "tercatat di riwayat permohonan.").format(row.number, html.escape(summary)))
        intro.setWordWrap(True)
        intro.setMinimumWidth(460)
        self.form.addRow(intro)
        self.reason = text_box()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("mis. salah memilih entri"))
        self.errors.add_row(self.form, "reason", self.tr("&Alasan *"), self.reason)
        self.lay_out()
        self.save_button.setText(self.tr("&Lepas kaitan"))

    def save(self) -> None:
        unlink_request(self.request_id, self.reason.toPlainText(), self.actor, self._now())
        self.unlinked.emit(self.request_id)


class RequestDipBox(QGroupBox):
    changed = Signal(int)  # the request's id: linked or unlinked
    openEntry = Signal(int)

    def __init__(self, actor: Callable[[], str], now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(self.tr("Daftar Informasi Publik"), parent)
        self._actor, self._now = actor, now
        self.request_id: int | None = None
        self.entry_id: int | None = None
        self.dialog: QDialog | None = None
        self.entry_label = QLabel()
        self.entry_label.setObjectName("dipLinked")
        self.entry_label.setWordWrap(True)
        self.entry_label.setTextFormat(Qt.TextFormat.RichText)
        self.entry_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.entry_label.linkActivated.connect(lambda _link: self.entry_id and self.openEntry.emit(self.entry_id))
        self.link_button = QPushButton(self.tr("Kaitkan ke DIP\u2026"))
        self.link_button.setObjectName("linkDip")
        self.link_button.clicked.connect(self.start_link)
        self.unlink_button = QPushButton(self.tr("Lepas kaitan\u2026"))
        self.unlink_button.setObjectName("unlinkDip")
        self.unlink_button.clicked.connect(self.start_unlink)
        buttons = QVBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.entry_label, 1)
        row.addLayout(buttons)

    def show_request(self, row: Request) -> None:
        self.request_id = row.id
        self.entry_id = row.dip_entry_id
        if row.dip_entry_id:
            entry = get_entry(row.dip_entry_id)
            match = as_match(entry)
            info_class = InfoClass(entry.info_class)
            hint = self.tr("Usulan keputusan: ditolak ({0})").format(letters_short(entry.pasal17)) \
                if info_class is InfoClass.EXCLUDED else self.tr("Usulan keputusan: dikabulkan seluruhnya")
            retired = "" if entry.active else self.tr(" <span style='color:#b00020'>(entri sudah nonaktif)</span>")
            summary = " ".join(entry.summary.split())
            rest = match_text(match)[len(summary):] if match_text(match).startswith(summary) else \
                " \u00b7 " + match.holder
            self.entry_label.setText(f"{badge_html(info_class)} <a href='entry'>{html.escape(summary)}</a>"
                                     f"{html.escape(rest)}{retired}<br><span style='color:#5a6b80'>{hint}</span>")
            self.entry_label.setToolTip(self.tr("Klik untuk membuka entri DIP"))
            self.link_button.setText(self.tr("Ganti entri\u2026"))
        else:
            self.entry_label.setText(self.tr("<span style='color:#5a6b80'>Belum dikaitkan dengan entri DIP.</span>"))
            self.link_button.setText(self.tr("Kaitkan ke DIP\u2026"))
        self.unlink_button.setVisible(bool(row.dip_entry_id))

    def start_link(self) -> LinkDialog | None:
        if self.request_id is None:
            return None
        dialog = LinkDialog(self.request_id, self._actor(), self._now, self)
        dialog.linked.connect(self.changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def start_unlink(self) -> UnlinkDialog | None:
        if self.request_id is None or self.entry_id is None:
            return None
        dialog = UnlinkDialog(self.request_id, self._actor(), self._now, self)
        dialog.unlinked.connect(self.changed)
        self.dialog = dialog
        dialog.open()
        return dialog
