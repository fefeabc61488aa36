"""The objection form's "Pemohon keberatan" part: the requester of a registered request
(shown, not typed), or for a standalone objection a requester typed in or found in the
register; either way possibly acting through a proxy with a surat kuasa khusus."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ppid_desk.register.codes import RequesterKind
from ppid_desk.register.nik import mask_nik
from ppid_desk.register.queries import RequesterMatch
from ppid_desk.register.service import RequesterInput
from ppid_desk.store.models import Requester

from ..register.intake_form import combo
from ..register.requester_lookup import RequesterLookup
from ..session import masker
from ..widgets.field_errors import FieldErrors

REQUESTER_FIELDS = ("nik", "name", "legal_number", "address", "occupation", "phone", "email")
BY_SELF, BY_PROXY = "sendiri", "kuasa"


class ObjectorGroup(QGroupBox):
    """Who objects. :meth:`show_linked` for a registered request's requester,
    :meth:`show_standalone` for someone typed in (or found: :attr:`requester_id`)."""

    changed = Signal()

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(self.tr("Pemohon keberatan"), parent)
        self.requester_id: int | None = None
        self.linked = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form = form
        self.person = QLabel()
        self.person.setWordWrap(True)
        self.person.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Pemohon"), self.person)
        self.kind = combo(RequesterKind, RequesterKind.PERSON)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.edits: dict[str, QLineEdit] = {}
        for name in (*REQUESTER_FIELDS, "proxy_name", "proxy_letter"):
            edit = QLineEdit()
            edit.setObjectName(name)
            self.edits[name] = edit
            edit.textEdited.connect(self.changed)
        for name in REQUESTER_FIELDS:
            self.edits[name].textEdited.connect(self._typed)
        self.edits["nik"].setMaxLength(24)
        self.edits["nik"].setPlaceholderText(self.tr("16 angka; ketik untuk mencari pemohon lama"))
        self.edits["name"].setPlaceholderText(self.tr("ketik untuk mencari pemohon lama"))
        self.edits["proxy_letter"].setPlaceholderText(self.tr("nomor / tanggal surat kuasa khusus"))
        self.kind_caption = QLabel(self.tr("&Jenis pemohon"))
        self.kind_caption.setBuddy(self.kind)
        form.addRow(self.kind_caption, self.kind)
        captions = {"nik": self.tr("&NIK *"), "name": self.tr("N&ama *"), "legal_number": self.tr("Nomor SK/a&kta *"),
                    "address": self.tr("A&lamat"), "occupation": self.tr("Peker&jaan"), "phone": self.tr("&Telepon"),
                    "email": self.tr("&Email")}
        self.captions = {name: errors.add_row(form, name, text, self.edits[name]) for name, text in captions.items()}
        self.by = QComboBox()
        self.by.setObjectName("by")
        self.by.addItem(self.tr("Pemohon sendiri"), BY_SELF)
        self.by.addItem(self.tr("Kuasa pemohon (dengan surat kuasa khusus)"), BY_PROXY)
        self.by.currentIndexChanged.connect(self._by_changed)
        form.addRow(self.tr("&Diajukan oleh"), self.by)
        errors.add_row(form, "proxy_name", self.tr("Nama k&uasa *"), self.edits["proxy_name"])
        errors.add_row(form, "proxy_letter", self.tr("Surat &kuasa *"), self.edits["proxy_letter"])
        self.lookup = RequesterLookup([self.edits["nik"], self.edits["name"]], self)
        self.lookup.chosen.connect(self.use_requester)

    def inputs(self) -> list[QWidget]:
        """The fields in tab order (hidden ones are skipped by Qt)."""
        return [self.kind, *[self.edits[n] for n in REQUESTER_FIELDS], self.by, self.edits["proxy_name"],
                self.edits["proxy_letter"]]

    # ------------------------------------------------------------------ modes
    def show_linked(self, requester: Requester) -> None:
        self.linked = True
        self.lookup.enabled = False
        self.requester_id = requester.id
        self._show_person(requester, self.tr("pemohon informasi pada permohonan ini"))
        self._clear_typed()
        self._set_proxy(False)
        self._rows()

    def show_standalone(self) -> None:
        self.linked = False
        self.lookup.enabled = True
        self.requester_id = None
        self.person.clear()
        self._clear_typed()
        self.kind.setCurrentIndex(self.kind.findData(RequesterKind.PERSON.value))
        self._set_proxy(False)
        self._rows()

    def use_requester(self, match: RequesterMatch) -> None:
        """A returning requester found while typing: the objection is linked to them."""
        person = Requester.get_or_none(Requester.id == match.id)
        if person is None:
            return
        self.lookup.hide()
        self.kind.setCurrentIndex(max(0, self.kind.findData(person.kind)))
        for name in REQUESTER_FIELDS:
            value = getattr(person, name)
            self.edits[name].setText(value or "")
        self.requester_id = person.id
        self._show_person(person, self.tr("pemohon lama dari register; mengubah datanya mencatat pemohon baru"))
        self._rows()
        self.changed.emit()
        self.by.setFocus()

    def _show_person(self, person: Requester, note: str) -> None:
        details = [mask_nik(person.nik) if person.nik else person.legal_number, person.address, masker().phone(person.phone)]
        self.person.setText(f"<b>{person.name}</b><br>" + " \u00b7 ".join(d for d in details if d)
                            + f"<br><span style='color:#5a6b80'>{note}</span>")

    def _typed(self) -> None:
        if not self.linked and self.requester_id is not None:
            self.requester_id = None  # changed by hand: a new requester
            self._rows()

    def _clear_typed(self) -> None:
        for edit in self.edits.values():
            edit.clear()

    def _set_proxy(self, proxy: bool) -> None:
        self.by.setCurrentIndex(self.by.findData(BY_PROXY if proxy else BY_SELF))
        self._by_changed()

    def _rows(self) -> None:
        form = self.form
        form.setRowVisible(self.person, self.requester_id is not None)
        form.setRowVisible(self.kind, not self.linked)
        for name in REQUESTER_FIELDS:
            form.setRowVisible(self.edits[name].parentWidget(), not self.linked)
        self._kind_changed()

    def _kind_changed(self) -> None:
        if self.linked:
            return
        kind = RequesterKind(self.kind.currentData())
        self.form.setRowVisible(self.edits["legal_number"].parentWidget(), kind is RequesterKind.LEGAL_BODY)
        self.form.setRowVisible(self.edits["nik"].parentWidget(), kind is not RequesterKind.LEGAL_BODY)
        self.captions["nik"].setText(self.tr("&NIK *") if kind is RequesterKind.PERSON else self.tr("&NIK perwakilan"))
        self.changed.emit()

    def _by_changed(self) -> None:
        proxy = self.by.currentData() == BY_PROXY
        for name in ("proxy_name", "proxy_letter"):
            self.form.setRowVisible(self.edits[name].parentWidget(), proxy)
        self.changed.emit()

    # ------------------------------------------------------------------ data
    def through_proxy(self) -> bool:
        return self.by.currentData() == BY_PROXY

    def requester_input(self) -> RequesterInput | None:
        """The typed requester (standalone, not found in the register), else None."""
        if self.linked or self.requester_id is not None:
            return None
        kind = RequesterKind(self.kind.currentData())
        e = {name: self.edits[name].text() for name in REQUESTER_FIELDS}
        return RequesterInput(kind, e["name"], "" if kind is RequesterKind.LEGAL_BODY else e["nik"],
                              e["legal_number"], e["address"], e["occupation"], e["phone"], e["email"])

    def proxy(self) -> tuple[str, str]:
        if not self.through_proxy():
            return "", ""
        return self.edits["proxy_name"].text(), self.edits["proxy_letter"].text()

    def problems(self) -> dict[str, str]:
        """What the core does not check: a proxy chosen needs a name."""
        if self.through_proxy() and not self.edits["proxy_name"].text().strip():
            return {"proxy_name": self.tr("Nama kuasa wajib diisi (atau pilih \u201cPemohon sendiri\u201d).")}
        return {}

    def is_dirty(self) -> bool:
        return any(edit.text().strip() for edit in self.edits.values())
