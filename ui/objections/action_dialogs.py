"""One small dialog per step of an objection: its inputs, the service call, the errors inline.

As for requests (:mod:`ppid_desk.ui.register.action_dialogs`), a dialog stays open with
everything typed when the core refuses the step; the message is shown beside the field
it names.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget

from ppid_desk.objections import service
from ppid_desk.objections.codes import Decision, ObjectorResponse
from ppid_desk.objections.lifecycle import Action
from ppid_desk.office import load_office
from ppid_desk.store.models import Objection

from ..register.action_dialogs import date_edit, text_box
from ..widgets.step_dialog import StepDialog


class ObjectionDialog(StepDialog):
    """Base: a form, a general error line, OK/Batal; subclasses build and perform."""

    ACTION: Action
    INTRO_WIDTH = 480

    def load(self, record_id: int) -> Objection:
        self.objection_id = record_id
        return service.get_objection(record_id)

    def intro(self) -> str:
        return self.tr("Keberatan {0} atas nama {1}.").format(self.row.number, self.row.requester.name)


class ForwardDialog(ObjectionDialog):
    ACTION = Action.FORWARD

    def intro(self) -> str:
        return super().intro() + " " + self.tr("Keberatan sudah diperiksa unit PPID dan diteruskan kepada Atasan "
                                               "PPID untuk diputuskan.")

    def build(self) -> None:
        self.note = text_box()
        self.errors.add_row(self.form, "note", self.tr("Catatan pemeriksaan"), self.note)

    def perform(self) -> None:
        service.forward(self.objection_id, self.note.toPlainText(), self.actor, self._now())


class DecideDialog(ObjectionDialog):
    """The Atasan PPID's decision: uphold the PPID, or overturn it with an order."""

    ACTION = Action.DECIDE

    def build(self) -> None:
        office = load_office()
        self.upheld = QRadioButton(Decision.UPHELD.label)
        self.overturned = QRadioButton(Decision.OVERTURNED.label)
        self.upheld.setChecked(True)
        self.choice = QButtonGroup(self)
        choice_box = QWidget()
        row = QHBoxLayout(choice_box)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.upheld, self.overturned):
            self.choice.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.overturned.toggled.connect(self._decision_changed)
        self.reasons = text_box(90)
        self.order_text = text_box(64)
        self.order_text.setPlaceholderText(self.tr("Informasi apa yang harus diberikan PPID kepada pemohon"))
        self.decided_on = date_edit(self._now().date())
        self.atasan_name = QLineEdit(office.atasan_name)
        self.atasan_title = QLineEdit(office.atasan_title)
        self.errors.add_row(self.form, "decision", self.tr("Keputusan"), choice_box, focus=self.upheld)
        self.errors.add_row(self.form, "reasons", self.tr("Pertimbangan *"), self.reasons)
        self.errors.add_row(self.form, "order_text", self.tr("Perintah kepada PPID *"), self.order_text)
        self.errors.add_row(self.form, "decided_on", self.tr("Tanggal keputusan"), self.decided_on)
        self.errors.add_row(self.form, "atasan_name", self.tr("Nama Atasan PPID *"), self.atasan_name)
        self.errors.add_row(self.form, "atasan_title", self.tr("Jabatan"), self.atasan_title)
        self.reopen_note = QLabel()
        self.reopen_note.setObjectName("hint")
        self.reopen_note.setWordWrap(True)
        self.form.addRow(self.reopen_note)
        self._decision_changed()

    def _decision_changed(self) -> None:
        overturned = self.overturned.isChecked()
        self.form.setRowVisible(self.errors.widget("order_text").parentWidget(), overturned)
        request = self.row.request
        if overturned and request is not None:
            self.reopen_note.setText(self.tr("Permohonan {0} akan dibuka kembali: PPID wajib memberikan "
                                             "informasinya paling lambat {1} hari kerja setelah tanggal keputusan.")
                                     .format(request.number, load_office().order_days))
        self.form.setRowVisible(self.reopen_note, overturned and request is not None)
        self.adjustSize()

    def data(self) -> service.ObjectionDecisionInput:
        decision = Decision.OVERTURNED if self.overturned.isChecked() else Decision.UPHELD
        return service.ObjectionDecisionInput(
            decision=decision, reasons=self.reasons.toPlainText(),
            order_text=self.order_text.toPlainText() if decision is Decision.OVERTURNED else "",
            decided_on=self.decided_on.date().toPython(), atasan_name=self.atasan_name.text(),
            atasan_title=self.atasan_title.text())

    def problems(self) -> dict[str, str]:
        problems = service.decision_problems(self.data())
        if not self.atasan_name.text().strip() and not load_office().atasan_name.strip():
            problems["atasan_name"] = self.tr("Nama Atasan PPID wajib diisi (atau isi di Pengaturan kantor).")
        return problems

    def perform(self) -> None:
        service.decide(self.objection_id, self.data(), self._calendar(), self.actor, self._now())


class HandOverDialog(ObjectionDialog):
    ACTION = Action.HAND_OVER

    def intro(self) -> str:
        return super().intro() + " " + self.tr("Tanggapan atas keberatan diserahkan kepada pemohon dengan tanda "
                                               "terima; sejak hari itu pemohon punya 14 hari kerja untuk mengajukan "
                                               "sengketa ke Komisi Informasi.")

    def build(self) -> None:
        self.handed_on = date_edit(self._now().date())
        self.errors.add_row(self.form, "handed_on", self.tr("Tanggal penyerahan"), self.handed_on)

    def perform(self) -> None:
        service.hand_over_response(self.objection_id, self._calendar(), self.actor,
                                   self.handed_on.date().toPython(), self._now())


class ResponseDialog(ObjectionDialog):
    """The objector's answer: accepts the response, or goes to the Komisi Informasi."""

    RESPONSE: ObjectorResponse

    def build(self) -> None:
        self.note = text_box()
        self.errors.add_row(self.form, "note", self.tr("Catatan"), self.note)

    def perform(self) -> None:
        service.record_objector_response(self.objection_id, self.RESPONSE, self.actor, self.note.toPlainText(),
                                         self._now())


class AcceptDialog(ResponseDialog):
    ACTION = Action.ACCEPT
    RESPONSE = ObjectorResponse.ACCEPTS


class DisputeDialog(ResponseDialog):
    ACTION = Action.DISPUTE
    RESPONSE = ObjectorResponse.DISPUTE

    def intro(self) -> str:
        text = super().intro() + " " + self.tr("Pemohon mengajukan penyelesaian sengketa informasi ke Komisi "
                                               "Informasi.")
        if self._now().date() > self.row.dispute_window_due:
            text += " " + self.tr("<b>Batas 14 hari kerja ({0:%d-%m-%Y}) sudah lewat;</b> tetap dicatat, dengan "
                                  "tanda terlambat.").format(self.row.dispute_window_due)
        return text


class RecordDisputeDialog(ObjectionDialog):
    ACTION = Action.RECORD_DISPUTE

    def build(self) -> None:
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("nomor registrasi sengketa di Komisi Informasi"))
        self.registered_on = date_edit(self._now().date())
        self.errors.add_row(self.form, "dispute_number", self.tr("Nomor registrasi *"), self.number)
        self.errors.add_row(self.form, "dispute_registered_on", self.tr("Tanggal registrasi"), self.registered_on)

    def perform(self) -> None:
        service.record_dispute(self.objection_id, self.number.text(), self.registered_on.date().toPython(),
                               self.actor, self._now())


class RecordOutcomeDialog(ObjectionDialog):
    ACTION = Action.RECORD_OUTCOME

    def build(self) -> None:
        self.outcome = text_box(90)
        self.outcome.setPlaceholderText(self.tr("Putusan Komisi Informasi atau hasil mediasi"))
        self.errors.add_row(self.form, "dispute_outcome", self.tr("Putusan / hasil *"), self.outcome)

    def perform(self) -> None:
        service.record_dispute_outcome(self.objection_id, self.outcome.toPlainText(), self.actor, self._now())


class CloseDialog(ObjectionDialog):
    ACTION = Action.CLOSE

    def intro(self) -> str:
        return super().intro() + " " + self.tr("Tutup keberatan ini? Keberatan yang ditutup tidak dapat diproses "
                                               "lagi.")

    def perform(self) -> None:
        service.close(self.objection_id, self.actor, self._now())


class WithdrawDialog(ObjectionDialog):
    ACTION = Action.WITHDRAW

    def build(self) -> None:
        self.reason = text_box()
        self.errors.add_row(self.form, "reason", self.tr("Alasan"), self.reason)

    def perform(self) -> None:
        service.withdraw(self.objection_id, self.reason.toPlainText(), self.actor, self._now())


DIALOGS: dict[Action, type[ObjectionDialog]] = {
    Action.FORWARD: ForwardDialog,
    Action.DECIDE: DecideDialog,
    Action.HAND_OVER: HandOverDialog,
    Action.ACCEPT: AcceptDialog,
    Action.DISPUTE: DisputeDialog,
    Action.RECORD_DISPUTE: RecordDisputeDialog,
    Action.RECORD_OUTCOME: RecordOutcomeDialog,
    Action.CLOSE: CloseDialog,
    Action.WITHDRAW: WithdrawDialog,
}
