"""Asking before an entry leaves the DIP or comes back: Nonaktifkan (with the reason, kept
in the entry's history) and Aktifkan kembali."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ppid_desk.dip.queries import get_entry, linked_count
from ppid_desk.dip.service import reactivate_entry, retire_entry

from ..register.action_dialogs import text_box
from ..widgets.save_dialog import SaveDialog

SUMMARY_CHARS = 160


def _summary(text: str) -> str:
    squashed = " ".join(text.split())
    return squashed if len(squashed) <= SUMMARY_CHARS else squashed[:SUMMARY_CHARS - 1] + "\u2026"


class EntryStepDialog(SaveDialog):
    """An intro naming the entry, the step's inputs, and a button named after the step."""

    performed = Signal(int)
    TITLE = ""
    BUTTON = ""

    def __init__(self, entry_id: int, actor: str, now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.entry_id, self.actor, self._now = entry_id, actor, now
        self.entry = get_entry(entry_id)
        self.setWindowTitle(self.tr(self.TITLE))
        self.intro = QLabel(self.intro_text())
        self.intro.setWordWrap(True)
        self.intro.setMinimumWidth(460)
        self.form.addRow(self.intro)
        self.build()
        self.lay_out()
        self.save_button.setText(self.tr(self.BUTTON))

    def intro_text(self) -> str:
        return self.tr("Entri DIP \u201c{0}\u201d.").format(_summary(self.entry.summary))

    def build(self) -> None:
        """Add the step's inputs to :attr:`form`."""

    def perform(self) -> None:
        """Take the step; a ValidationError keeps the dialog open with its message."""
        raise NotImplementedError

    def save(self) -> None:
        self.perform()
        self.performed.emit(self.entry_id)


class RetireDialog(EntryStepDialog):
    TITLE = "Nonaktifkan entri DIP"
    BUTTON = "&Nonaktifkan"

    def intro_text(self) -> str:
        linked = linked_count(self.entry_id)
        text = super().intro_text() + " " + self.tr(
            "Entri yang dinonaktifkan tidak tampil lagi di DIP dan tidak diusulkan saat mencatat permohonan; "
            "riwayatnya tetap tersimpan dan entri dapat diaktifkan kembali.")
        if linked:
            text += " " + self.tr("{0} permohonan yang sudah dikaitkan tetap terkait.").format(linked)
        return text

    def build(self) -> None:
        self.reason = text_box()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("mis. diganti entri baru; informasi sudah tidak dikuasai"))
        self.errors.add_row(self.form, "reason", self.tr("&Alasan *"), self.reason)

    def perform(self) -> None:
        retire_entry(self.entry_id, self.reason.toPlainText(), self.actor, self._now())


class ReactivateDialog(EntryStepDialog):
    TITLE = "Aktifkan kembali entri DIP"
    BUTTON = "&Aktifkan kembali"

    def intro_text(self) -> str:
        return super().intro_text() + " " + self.tr("Aktifkan kembali? Entri akan tampil lagi di DIP dan diusulkan "
                                                    "saat mencatat permohonan.")

    def perform(self) -> None:
        reactivate_entry(self.entry_id, self.actor, self._now())
