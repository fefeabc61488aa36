"""Pesan baru: recording a message of the inbox, made for the keyboard as the intake form is.

Enter moves to the next field (Ctrl+Enter in the message box), Ctrl+S saves, Esc goes
back. Problems are shown beside their fields when a field is left and on saving, and the
first bad field gets the focus; nothing typed is lost. The time the message arrived
follows the clock until the officer changes it (an SMS read the next morning arrived the
night before); the answer deadline counts from the recording. After a save the
confirmation (number, deadline) stays on top and the form is empty for the next message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import clock, long_date
from ppid_desk.errors import ValidationError
from ppid_desk.inbox.codes import CHANNELS, MessageKind
from ppid_desk.inbox.service import MessageInput, message_problems, record_message
from ppid_desk.register.codes import Channel
from ppid_desk.store.models import InboxMessage
from ppid_desk.workdays import load_calendar

from ..session import current_actor
from ..widgets.field_errors import FieldErrors, error_label
from ..widgets.received_time import received_time_edit, show_time

# Every field in tab order; problems are focused in this order.
ORDER = ("sender", "contact", "channel", "kind", "received_at", "text")


class MessageForm(QWidget):
    messageSaved = Signal(int)
    openRequested = Signal(int)  # "Buka detail" of the message just saved
    closeRequested = Signal()

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(parent)
        self._actor, self._now, self._calendar = actor, now or datetime.now, calendar
        self.saved_id: int | None = None
        self._touched: set[str] = set()
        self._time_edited = False
        self._quiet = False
        self.errors = FieldErrors()

        title = QLabel(self.tr("Pesan baru"))
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("Enter: kolom berikutnya \u00b7 Ctrl+Enter di kotak isi pesan \u00b7 Ctrl+S: simpan "
                              "\u00b7 Esc: kembali"))
        hint.setObjectName("hint")
        self.back_button = QPushButton(self.tr("\u2190 Pesan Masuk"))
        self.back_button.setToolTip(self.tr("Kembali ke daftar pesan; isian formulir tetap tersimpan di sini (Esc)"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.closeRequested)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.closeRequested)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.back_button)

        self.general_error = error_label()
        self.save_button = QPushButton(self.tr("&Simpan (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.save_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.save_button.clicked.connect(self.save)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(self.general_error, 1)
        bar.addStretch(1)
        bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(head)
        layout.addWidget(hint)
        layout.addWidget(self._confirmation())
        row = QHBoxLayout()
        row.addWidget(self._message_group(), 3)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(bar)
        layout.addStretch(1)
        for widget in self._inputs():
            widget.installEventFilter(self)
        chain = [*self._inputs(), self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.reset()

    # ------------------------------------------------------------------ building
    def _message_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Pesan"))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.sender = QLineEdit()
        self.sender.setObjectName("sender")
        self.sender.setPlaceholderText(self.tr("nama pengirim, atau \u201ctanpa nama\u201d"))
        self.contact = QLineEdit()
        self.contact.setObjectName("contact")
        self.contact.setPlaceholderText(self.tr("nomor telepon atau alamat email, untuk menjawab"))
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for channel in CHANNELS:
            self.channel.addItem(channel.label, channel.value)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in MessageKind:
            self.kind.addItem(kind.label, kind.value)
        self.received_at = received_time_edit(self._time_changed)
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(160)
        self.text.setPlaceholderText(self.tr("Isi pesan seperti yang diterima"))
        self.errors.add_row(form, "sender", self.tr("&Pengirim *"), self.sender)
        self.errors.add_row(form, "contact", self.tr("&Kontak *"), self.contact)
        self.errors.add_row(form, "channel", self.tr("&Saluran"), self.channel)
        self.errors.add_row(form, "kind", self.tr("&Jenis"), self.kind)
        caption = self.errors.add_row(form, "received_at", self.tr("&Masuk"), self.received_at)
        caption.setToolTip(self.tr("Kapan pesan masuk; batas jawaban dihitung sejak pesan dicatat"))
        self.errors.add_row(form, "text", self.tr("&Isi pesan *"), self.text)
        self.sender.textEdited.connect(self._revalidate)
        self.contact.textEdited.connect(self._revalidate)
        return group

    def _inputs(self) -> list[QWidget]:
        return [self.sender, self.contact, self.channel, self.kind, self.received_at, self.text]

    def _confirmation(self) -> QWidget:
        self.confirmation = QWidget()
        self.confirmation.setObjectName("confirmation")
        self.confirmation.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.confirmation_text = QLabel()
        self.confirmation_text.setWordWrap(True)
        self.confirmation_text.setTextFormat(Qt.TextFormat.RichText)
        self.confirmation_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Buka detail"))
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(lambda: self.saved_id and self.openRequested.emit(self.saved_id))
        row = QHBoxLayout(self.confirmation)
        row.addWidget(self.confirmation_text, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.confirmation.hide()
        return self.confirmation

    # ------------------------------------------------------------------ state
    def reset(self) -> None:
        """An empty form for the next message (the confirmation, if any, stays)."""
        self._quiet = True
        self.sender.clear()
        self.contact.clear()
        self.text.clear()
        self.channel.setCurrentIndex(self.channel.findData(Channel.SMS.value))
        self.kind.setCurrentIndex(self.kind.findData(MessageKind.QUESTION.value))
        self._set_time_now()
        self._touched.clear()
        self.errors.clear()
        self.general_error.hide()
        self.sender.setFocus()
        self._quiet = False

    def start_new(self) -> None:
        """A fresh form (the last confirmation goes too)."""
        self.confirmation.hide()
        self.saved_id = None
        self.reset()

    def is_dirty(self) -> bool:
        return bool(self.sender.text().strip() or self.contact.text().strip() or self.text.toPlainText().strip())

    def _set_time_now(self) -> None:
        show_time(self.received_at, self._now())
        self._time_edited = False

    def _time_changed(self) -> None:
        self._time_edited = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._time_edited:
            self._set_time_now()
        focused = self.focusWidget()
        if focused is None or not focused.isVisible():
            self.sender.setFocus()

    # ------------------------------------------------------------------ data and saving
    def data(self) -> MessageInput:
        return MessageInput(
            sender=self.sender.text(), contact=self.contact.text(), channel=Channel(self.channel.currentData()),
            kind=MessageKind(self.kind.currentData()), text=self.text.toPlainText(),
            received_at=self.received_at.dateTime().toPython() if self._time_edited else None)

    def problems(self) -> dict[str, str]:
        return message_problems(self.data(), self._now())

    def _revalidate(self) -> None:
        if not self._quiet:
            self.errors.show_all(self.problems(), [n for n in self._touched if n in self.errors])

    def save(self) -> int | None:
        """Record the message; its id, or None when something must be fixed first."""
        problems = self.problems()
        self._touched.update(ORDER)
        self.errors.show_all(problems)
        self.general_error.hide()
        if problems:
            self._quiet = True
            self.errors.focus_first(problems, ORDER)
            self._quiet = False
            return None
        try:
            row = record_message(self.data(), self._calendar(), self._actor(), self._now())
        except ValidationError as exc:
            self.errors.show(exc.field, exc.message, self.general_error)
            return None
        self._confirm(row)
        self.reset()
        self.messageSaved.emit(row.id)
        return row.id

    def _confirm(self, row: InboxMessage) -> None:
        self.saved_id = row.id
        lines = [
            self.tr("<b>Pesan {0} tercatat</b> dari {1} ({2}, {3}).").format(
                row.number, row.sender, Channel(row.channel).label, MessageKind(row.kind).label.lower()),
            self.tr("Dicatat {0} pukul {1}; dijawab paling lambat <b>{2}</b> (10 hari kerja).").format(
                long_date(row.recorded_at.date()), clock(row.recorded_at), long_date(row.response_due)),
        ]
        self.confirmation_text.setText("<br>".join(lines))
        self.confirmation.show()

    # ------------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._moves_on(watched, event):
                self.focusNextChild()
                return True
        elif kind == QEvent.Type.FocusOut and not self._quiet and event.reason() != Qt.FocusReason.PopupFocusReason:
            name = watched.objectName()
            if name in self.errors:
                self._touched.add(name)
                self._revalidate()
        return super().eventFilter(watched, event)

    def _moves_on(self, watched: QObject, event: QKeyEvent) -> bool:
        if isinstance(watched, QPlainTextEdit):
            return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False
        return True
