"""One small dialog per step of a request: its inputs, the service call, the errors inline.

A dialog stays open with everything typed when the core refuses the step
(:class:`ValidationError`); the message is shown beside the field it names.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget,
)

from ppid_desk.register import service
from ppid_desk.register.codes import PASAL_17, Decision, DeliveryForm
from ppid_desk.register.lifecycle import Action
from ppid_desk.store.models import Request

from ..dip.decision_hint import prefill_from_dip
from ..widgets.step_dialog import StepDialog
from .unit_checklist import UnitChecklist


PASAL17_TEXT_WIDTH = 520


def text_box(height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    return edit


class ActionDialog(StepDialog):
    """Base: a form, a general error line, OK/Batal; subclasses build and perform."""

    ACTION: Action

    def load(self, record_id: int) -> Request:
        self.request_id = record_id
        return service.get_request(record_id)

    def intro(self) -> str:
        return self.tr("Permohonan {0} atas nama {1}.").format(self.row.number, self.row.requester.name)


class ConfirmDialog(ActionDialog):
    QUESTION = ""

    def intro(self) -> str:
        return super().intro() + " " + self.tr(self.QUESTION)


class CompleteDialog(ConfirmDialog):
    ACTION = Action.COMPLETE
    QUESTION = "Persyaratan sudah dilengkapi? Waktu 10 hari kerja dihitung ulang mulai hari ini."

    def perform(self) -> None:
        service.complete(self.request_id, self._calendar(), self.actor, self._now())


class LapseDialog(ConfirmDialog):
    ACTION = Action.LAPSE
    QUESTION = "Persyaratan tidak dilengkapi sampai batas waktunya; permohonan dibatalkan."

    def perform(self) -> None:
        service.lapse(self.request_id, self.actor, self._now())


class CloseDialog(ConfirmDialog):
    ACTION = Action.CLOSE
    QUESTION = "Tutup permohonan ini? Permohonan yang ditutup tidak dapat diproses lagi."

    def perform(self) -> None:
        service.close(self.request_id, self.actor, self._now())


class MarkIncompleteDialog(ActionDialog):
    ACTION = Action.MARK_INCOMPLETE

    def build(self) -> None:
        self.missing = text_box()
        self.errors.add_row(self.form, "missing", self.tr("Yang belum lengkap *"), self.missing)

    def perform(self) -> None:
        service.mark_incomplete(self.request_id, self.missing.toPlainText(), self.actor, self._now())


class WithdrawDialog(ActionDialog):
    ACTION = Action.WITHDRAW

    def build(self) -> None:
        self.reason = text_box()
        self.errors.add_row(self.form, "reason", self.tr("Alasan"), self.reason)

    def perform(self) -> None:
        service.withdraw(self.request_id, self.reason.toPlainText(), self.actor, self._now())


class ExtendDialog(ActionDialog):
    ACTION = Action.EXTEND

    def build(self) -> None:
        self.reason = text_box()
        self.days = QSpinBox()
        self.days.setRange(1, 7)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" hari kerja"))
        self.errors.add_row(self.form, "reason", self.tr("Alasan perpanjangan *"), self.reason)
        self.errors.add_row(self.form, "days", self.tr("Diperpanjang"), self.days)

    def perform(self) -> None:
        service.extend(self.request_id, self.reason.toPlainText(), self._calendar(), self.actor,
                       self.days.value(), self._now())


class RouteDialog(ActionDialog):
    ACTION = Action.ROUTE

    def build(self) -> None:
        self.units = UnitChecklist()
        self.units.setMinimumHeight(90)
        self.units.setMaximumHeight(170)
        self.units.setMinimumWidth(440)
        self.units.reload()
        self.note = text_box(54)
        self.use_due = QCheckBox(self.tr("Beri tenggat internal"))
        self.internal_due = date_edit(self._now().date())
        self.internal_due.setEnabled(False)
        self.use_due.toggled.connect(self.internal_due.setEnabled)
        self.errors.add_row(self.form, "units", self.tr("Unit *"), self.units)
        if not self.units.count():
            self.errors.set("units", self.tr("Belum ada unit aktif; tambahkan di Pengaturan \u203a Unit."))
        self.errors.add_row(self.form, "note", self.tr("Catatan"), self.note)
        self.form.addRow(self.use_due, self.errors.wrap("internal_due", self.internal_due))

    def problems(self) -> dict[str, str]:
        return {} if self.units.checked_ids() else {"units": self.tr("Pilih paling sedikit satu unit.")}

    def perform(self) -> None:
        due = self.internal_due.date().toPython() if self.use_due.isChecked() else None
        service.route(self.request_id, self.units.checked_ids(), self.note.toPlainText(), self.actor, due, self._now())


class DecideDialog(ActionDialog):
    ACTION = Action.DECIDE

    def build(self) -> None:
        self.decision = QComboBox()
        for member in Decision:
            self.decision.addItem(member.label, member.value)
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self.note = text_box(54)
        self.letters: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for row, (letter, wording) in enumerate(PASAL_17.items()):
            box = QCheckBox(self.tr("huruf {0}").format(letter))
            label = QLabel(wording)
            label.setWordWrap(True)
            label.setBuddy(box)
            # Nested in a form, a wrapped label is not always given the height of its lines.
            label.setMinimumHeight(label.heightForWidth(PASAL17_TEXT_WIDTH))
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            self.letters[letter] = box
        grid.setColumnStretch(1, 1)
        self.pasal17 = QWidget()
        self.pasal17.setLayout(grid)
        self.other_statute = QLineEdit()
        self.consequence_test = text_box(54)
        self.holder_body = QLineEdit()
        self.notice_date = date_edit(self._now().date())
        self.form.addRow(self.tr("Keputusan"), self.decision)
        self.errors.add_row(self.form, "note", self.tr("Catatan"), self.note)
        self.errors.add_row(self.form, "pasal17", self.tr("Pasal 17 UU KIP"), self.pasal17)
        self.errors.add_row(self.form, "other_statute", self.tr("Undang-undang lain"), self.other_statute)
        self.errors.add_row(self.form, "consequence_test", self.tr("Uji konsekuensi"), self.consequence_test)
        self.errors.add_row(self.form, "holder_body", self.tr("Badan publik yang menguasai"), self.holder_body)
        self.errors.add_row(self.form, "notice_date", self.tr("Tanggal pemberitahuan"), self.notice_date)
        self.pasal17.setMinimumWidth(PASAL17_TEXT_WIDTH + 90)
        self.dip_hint = prefill_from_dip(self)  # a request linked to the DIP: its entry's suggestion
        self._decision_changed()

    def _decision_changed(self) -> None:
        decision = Decision(self.decision.currentData())
        exempt = decision in (Decision.REJECTED, Decision.GRANTED_PARTIAL)
        for name in ("pasal17", "other_statute", "consequence_test"):
            self.form.setRowVisible(self.errors.widget(name).parentWidget(), exempt)
        self.form.setRowVisible(self.errors.widget("holder_body").parentWidget(), decision is Decision.NOT_HELD)
        note = {Decision.GRANTED_PARTIAL: self.tr("Yang dihitamkan/dikecualikan dan alasannya *")}
        caption = self.form.labelForField(self.errors.widget("note").parentWidget())
        if isinstance(caption, QLabel):
            caption.setText(note.get(decision, self.tr("Catatan")))
        self.adjustSize()

    def data(self) -> service.DecisionInput:
        decision = Decision(self.decision.currentData())
        exempt = decision in (Decision.REJECTED, Decision.GRANTED_PARTIAL)
        return service.DecisionInput(
            decision=decision, note=self.note.toPlainText(),
            pasal17=[k for k, box in self.letters.items() if box.isChecked()] if exempt else [],
            other_statute=self.other_statute.text() if exempt else "",
            consequence_test=self.consequence_test.toPlainText() if exempt else "",
            holder_body=self.holder_body.text() if decision is Decision.NOT_HELD else "",
            notice_date=self.notice_date.date().toPython(),
        )

    def problems(self) -> dict[str, str]:
        return service.decision_problems(self.data())

    def perform(self) -> None:
        service.decide(self.request_id, self.data(), self.actor, self._now())


class DeliverDialog(ActionDialog):
    ACTION = Action.DELIVER

    def build(self) -> None:
        self.delivery_form = QComboBox()
        for member in DeliveryForm:
            self.delivery_form.addItem(member.label, member.value)
        self.pages = QSpinBox()
        self.pages.setRange(0, 100_000)
        self.pages.setSpecialValueText(self.tr("tidak dihitung"))
        self.pages.setSuffix(self.tr(" halaman"))
        self.cost = QSpinBox()
        self.cost.setRange(0, 100_000_000)
        self.cost.setSingleStep(500)
        self.cost.setPrefix("Rp ")
        self.cost.setGroupSeparatorShown(True)
        self.payment_method = QLineEdit()
        self.payment_method.setPlaceholderText(self.tr("mis. tunai di loket, transfer bank"))
        self.delivered_on = date_edit(self._now().date())
        self.form.addRow(self.tr("Bentuk"), self.delivery_form)
        self.errors.add_row(self.form, "pages", self.tr("Jumlah halaman"), self.pages)
        self.errors.add_row(self.form, "cost", self.tr("Biaya salinan"), self.cost)
        self.errors.add_row(self.form, "payment_method", self.tr("Cara pembayaran"), self.payment_method)
        self.errors.add_row(self.form, "delivered_on", self.tr("Tanggal penyerahan"), self.delivered_on)

    def perform(self) -> None:
        service.deliver(self.request_id, DeliveryForm(self.delivery_form.currentData()), self.actor,
                        self.pages.value() or None, self.cost.value(), self.payment_method.text(),
                        self.delivered_on.date().toPython(), self._now())


DIALOGS: dict[Action, type[ActionDialog]] = {
    Action.MARK_INCOMPLETE: MarkIncompleteDialog,
    Action.COMPLETE: CompleteDialog,
    Action.LAPSE: LapseDialog,
    Action.ROUTE: RouteDialog,
    Action.EXTEND: ExtendDialog,
    Action.DECIDE: DecideDialog,
    Action.DELIVER: DeliverDialog,
    Action.CLOSE: CloseDialog,
    Action.WITHDRAW: WithdrawDialog,
}
