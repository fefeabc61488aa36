"""One small dialog per step of a message: its inputs, the service call, the errors inline.

As for requests and objections, a dialog stays open with everything typed when the core
refuses the step; the message is shown beside the field it names. "Jadikan permohonan"
has no dialog: it opens the request form (:mod:`.conversion_form`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from ppid_desk.dates import long_date
from ppid_desk.inbox import service
from ppid_desk.inbox.lifecycle import Action
from ppid_desk.register.codes import Channel
from ppid_desk.store.models import InboxMessage
from ppid_desk.units import list_units

from ..register.action_dialogs import text_box
from ..widgets.received_time import received_time_edit, show_time
from ..widgets.step_dialog import StepDialog


class MessageDialog(StepDialog):
    """Base: a form, a general error line, OK/Batal; subclasses build and perform."""

    ACTION: Action

    def load(self, record_id: int) -> InboxMessage:
        self.message_id = record_id
        return service.get_message(record_id)

    def intro(self) -> str:
        return self.tr("Pesan {0} dari {1} ({2}).").format(self.row.number, self.row.sender,
                                                         Channel(self.row.channel).label)


class ReviewDialog(MessageDialog):
    ACTION = Action.REVIEW

    def intro(self) -> str:
        return super().intro() + " " + self.tr("PPID sudah membaca pesan ini dan tahu siapa yang menguasai "
                                               "jawabannya.")

    def build(self) -> None:
        self.note = text_box()
        self.note.setPlaceholderText(self.tr("mis. pokok pesan, unit yang dapat menjawab"))
        self.errors.add_row(self.form, "note", self.tr("Catatan telaah"), self.note)

    def perform(self) -> None:
        service.review(self.message_id, self.note.toPlainText(), self.actor, self._now())


class ForwardDialog(MessageDialog):
    ACTION = Action.FORWARD

    def intro(self) -> str:
        return super().intro() + " " + self.tr("Teruskan kepada unit (SKPD / PPID Pembantu) yang dapat menjawab.")

    def build(self) -> None:
        self.unit = QComboBox()
        for unit in list_units(include_inactive=False):
            self.unit.addItem(unit.name, unit.id)
        if self.row.unit_id is not None:  # forwarded before: the same unit first
            self.unit.setCurrentIndex(max(0, self.unit.findData(self.row.unit_id)))
        self.note = text_box()
        self.errors.add_row(self.form, "unit", self.tr("Unit tujuan *"), self.unit)
        self.errors.add_row(self.form, "note", self.tr("Catatan"), self.note)
        if self.unit.count() == 0:
            self.unit.setEnabled(False)

    def problems(self) -> dict[str, str]:
        if self.unit.currentData() is None:
            return {"unit": self.tr("Belum ada unit aktif; tambahkan di Pengaturan \u203a Unit.")}
        return {}

    def perform(self) -> None:
        service.forward(self.message_id, self.unit.currentData(), self.note.toPlainText(), self.actor, self._now())


class ExtendDialog(MessageDialog):
    ACTION = Action.EXTEND

    def intro(self) -> str:
        return super().intro() + " " + self.tr("Waktu menjawab diperpanjang sekali, 7 hari kerja: paling lambat "
                                               "{0}.").format(long_date(self.row.extended_due))

    def build(self) -> None:
        self.reason = text_box()
        self.errors.add_row(self.form, "reason", self.tr("Alasan perpanjangan *"), self.reason)

    def perform(self) -> None:
        service.extend(self.message_id, self.reason.toPlainText(), self.actor, self._now())


class AnswerDialog(MessageDialog):
    ACTION = Action.ANSWER

    def intro(self) -> str:
        return super().intro() + " " + self.tr("Jawaban yang diberikan kepada pengirim (lewat {0}, {1}).").format(
            Channel(self.row.channel).label, self.row.contact)

    def build(self) -> None:
        self.question = QLabel(" ".join(self.row.text.split())[:400])
        self.question.setWordWrap(True)
        self.question.setObjectName("hint")
        self.answer = text_box(120)
        self._time_edited = False
        self.answered_at = received_time_edit(self._time_changed)
        self.answered_at.setObjectName("answered_at")
        show_time(self.answered_at, self._now())
        self.form.addRow(self.tr("Pesan"), self.question)
        self.errors.add_row(self.form, "answer", self.tr("Jawaban *"), self.answer)
        self.errors.add_row(self.form, "answered_at", self.tr("Dijawab"), self.answered_at)

    def _time_changed(self) -> None:
        self._time_edited = True

    def perform(self) -> None:
        at = self.answered_at.dateTime().toPython() if self._time_edited else None
        service.answer(self.message_id, self.answer.toPlainText(), self.actor, at, self._now())


DIALOGS: dict[Action, type[MessageDialog]] = {
    Action.REVIEW: ReviewDialog,
    Action.FORWARD: ForwardDialog,
    Action.EXTEND: ExtendDialog,
    Action.ANSWER: AnswerDialog,
}
