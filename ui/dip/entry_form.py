"""Entri DIP baru / Ubah entri DIP: one entry of the DIP, made for the keyboard as the
intake form is.

Enter moves to the next field (Ctrl+Enter in the long text boxes), Ctrl+S saves, Esc goes
back. Problems come from the core (:func:`ppid_desk.dip.service.entry_problems`) and are
shown beside their fields when a field is left and on saving; the first bad field gets the
focus and nothing typed is lost. The classification decision (Pasal 17 letters,
consequence test, deciding PPID...) is shown only for the class Dikecualikan; what was
typed there stays while another class is chosen but is not saved with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from ppid_desk.dip.codes import InfoClass
from ppid_desk.dip.queries import get_entry
from ppid_desk.dip.service import DipInput, add_entry, edit_entry, entry_problems, input_of
from ppid_desk.errors import PpidError
from ppid_desk.office import load_office
from ppid_desk.register.codes import PASAL_17
from ppid_desk.store.models import DipEntry, Unit
from ppid_desk.units import list_units

from ..session import current_actor
from ..widgets.field_errors import FieldErrors, error_label
from ..widgets.scroll_page import scroll_page

# Every field in tab order; problems are focused in this order.
ORDER = ("summary", "info_class", "holder", "holder_name", "official", "made", "format", "retention", "pasal17",
         "other_statute", "consequence", "exclusion_period", "decided_by", "decision_number", "decision_date",
         "reason")
NO_DATE = QDate(1900, 1, 1)  # the date edit's "no date" (shown as a dash)


class EntryForm(QWidget):
    entrySaved = Signal(int)
    closeRequested = Signal()

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._actor, self._now = actor, now or datetime.now
        self.entry_id: int | None = None  # None: a new entry
        self._unit_was: int | None = None
        self._touched: set[str] = set()
        self._quiet = False
        self.errors = FieldErrors()

        self.title = QLabel(self.tr("Entri DIP baru"))
        self.title.setObjectName("pageTitle")
        hint = QLabel(self.tr("Enter: kolom berikutnya \u00b7 Ctrl+Enter di kotak teks panjang \u00b7 Ctrl+S: simpan "
                              "\u00b7 Esc: kembali"))
        hint.setObjectName("hint")
        self.back_button = QPushButton(self.tr("\u2190 Kembali"))
        self.back_button.setToolTip(self.tr("Kembali tanpa menyimpan (Esc)"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.closeRequested)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.closeRequested)
        head = QHBoxLayout()
        head.addWidget(self.title)
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

        columns = QHBoxLayout()
        columns.setSpacing(16)
        self.decision_note = QLabel(self.tr(
            "Keputusan pengecualian (huruf Pasal 17 UU KIP, uji konsekuensi, PPID yang memutuskan) diisi untuk "
            "informasi yang dikecualikan: pilih klasifikasi Dikecualikan."))
        self.decision_note.setObjectName("hint")
        self.decision_note.setWordWrap(True)
        for widgets in ((self._entry_group(),), (self._decision_group(), self.decision_note)):
            column = QVBoxLayout()
            for widget in widgets:
                column.addWidget(widget)
            column.addStretch(1)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(head)
        layout.addWidget(hint)
        layout.addWidget(scroll_page(columns), 1)
        layout.addLayout(bar)
        for widget in self._inputs():
            widget.installEventFilter(self)
        chain = [*self._inputs(), self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.start_new()

    # ------------------------------------------------------------------ building
    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        return form

    @staticmethod
    def _line(name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    @staticmethod
    def _text(name: str, height: int) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setObjectName(name)
        box.setTabChangesFocus(True)
        box.setFixedHeight(height)
        return box

    def _entry_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Entri DIP"))
        form = self._form(group)
        self.summary = self._text("summary", 96)
        self.summary.setPlaceholderText(self.tr("mis. Rencana Kerja dan Anggaran (RKA) Dinas Pendidikan"))
        self.info_class = QComboBox()
        self.info_class.setObjectName("info_class")
        for member in InfoClass:
            self.info_class.addItem(member.label, member.value)
        self.info_class.currentIndexChanged.connect(self._class_changed)
        self.unit = QComboBox()
        self.unit.setObjectName("holder")
        # Unit names are long; the box takes the column's width, not the longest name's.
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(24)
        self.holder_name = self._line("holder_name", self.tr("mis. Kepala Bidang Anggaran"))
        self.official = self._line("official", self.tr("mis. Kepala Dinas"))
        self.made = self._line("made", self.tr("mis. Setiap tahun, Bappeda"))
        self.format = self._line("format", self.tr("mis. Softcopy dan hardcopy"))
        self.retention = self._line("retention", self.tr("mis. 5 tahun"))
        self.reason = self._line("reason", self.tr("boleh dikosongkan"))
        self.reason.setToolTip(self.tr("Tercatat di riwayat entri bersama nilai lama dan barunya"))
        self.errors.add_row(form, "summary", self.tr("&Ringkasan isi informasi *"), self.summary)
        self.errors.add_row(form, "info_class", self.tr("&Klasifikasi *"), self.info_class)
        caption = self.errors.add_row(form, "holder", self.tr("&Unit yang menguasai"), self.unit)
        caption.setToolTip(self.tr("Unit kantor yang menguasai informasi; tanpa unit, tulis pejabat/unitnya di "
                                   "kolom berikut"))
        caption = self.errors.add_row(form, "holder_name", self.tr("&Pejabat yang menguasai"), self.holder_name)
        caption.setToolTip(self.tr("Pejabat atau unit seperti tertulis di DIP; wajib bila unit tidak dipilih. "
                                   "Bersama unit ditampilkan \u201cpejabat, unit\u201d"))
        self.errors.add_row(form, "official", self.tr("Penanggung &jawab"), self.official)
        self.errors.add_row(form, "made", self.tr("&Waktu dan tempat pembuatan"), self.made)
        self.errors.add_row(form, "format", self.tr("&Format"), self.format)
        self.errors.add_row(form, "retention", self.tr("Jangka waktu pe&nyimpanan"), self.retention)
        self.errors.add_row(form, "reason", self.tr("&Alasan perubahan"), self.reason)
        self.entry_form = form
        return group

    def _decision_group(self) -> QGroupBox:
        self.decision_group = QGroupBox(self.tr("Keputusan pengecualian (informasi yang dikecualikan)"))
        form = self._form(self.decision_group)
        self.letters: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        for i, (letter, wording) in enumerate(PASAL_17.items()):
            box = QCheckBox(letter)
            box.setObjectName(f"pasal17_{letter}")
            box.setToolTip(wording)
            box.toggled.connect(self._letters_changed)
            grid.addWidget(box, i // 5, i % 5)
            self.letters[letter] = box
        self.letters_words = QLabel()
        self.letters_words.setObjectName("hint")
        self.letters_words.setWordWrap(True)
        letters = QWidget()
        letters.setLayout(grid)
        self.other_statute = self._line("other_statute", self.tr("mis. UU 27/2022 tentang Pelindungan Data Pribadi"))
        self.consequence = self._text("consequence", 86)
        self.consequence.setPlaceholderText(self.tr("akibat yang timbul bila informasi dibuka, dibandingkan "
                                                    "dengan kepentingan yang dilindungi"))
        self.exclusion_period = self._line("exclusion_period", self.tr("mis. 5 tahun; selama data dikelola"))
        self.decided_by = self._line("decided_by")
        self.decision_number = self._line("decision_number")
        self.decision_date = QDateEdit()
        self.decision_date.setObjectName("decision_date")
        self.decision_date.setDisplayFormat("dd-MM-yyyy")
        self.decision_date.setCalendarPopup(True)
        self.decision_date.setMinimumDate(NO_DATE)
        self.decision_date.setSpecialValueText("\u2014")
        self.decision_date.setToolTip(self.tr("Tanggal penetapan pengecualian; \u201c\u2014\u201d: tidak diisi"))
        letters_cell = QWidget()
        cell = QVBoxLayout(letters_cell)
        cell.setContentsMargins(0, 0, 0, 0)
        cell.addWidget(letters)
        cell.addWidget(self.letters_words)
        self.errors.add_row(form, "pasal17", self.tr("Pasal 17 UU KIP, huruf *"), letters_cell, focus=self.letters["a"])
        self.errors.add_row(form, "other_statute", self.tr("Dasar hukum &lain"), self.other_statute)
        self.errors.add_row(form, "consequence", self.tr("Uji kons&ekuensi *"), self.consequence)
        self.errors.add_row(form, "exclusion_period", self.tr("Jangka waktu pen&gecualian"), self.exclusion_period)
        self.errors.add_row(form, "decided_by", self.tr("PPID yang &memutuskan *"), self.decided_by)
        self.errors.add_row(form, "decision_number", self.tr("N&omor keputusan"), self.decision_number)
        self.errors.add_row(form, "decision_date", self.tr("&Tanggal keputusan"), self.decision_date)
        return self.decision_group

    def _inputs(self) -> list[QWidget]:
        return [self.summary, self.info_class, self.unit, self.holder_name, self.official, self.made, self.format,
                self.retention, self.reason, *self.letters.values(), self.other_statute, self.consequence,
                self.exclusion_period, self.decided_by, self.decision_number, self.decision_date]

    # ------------------------------------------------------------------ state
    def _load_units(self, keep: int | None) -> None:
        """Active units, and ``keep`` (the entry's own unit) even when it was retired since."""
        self.unit.clear()
        self.unit.addItem(self.tr("\u2014 tanpa unit \u2014"), None)
        for unit in list_units(include_inactive=False):
            self.unit.addItem(unit.name, unit.id)
        if keep is not None and self.unit.findData(keep) < 0:
            retired = Unit.get_or_none(Unit.id == keep)
            if retired is not None:
                self.unit.addItem(self.tr("{0} (nonaktif)").format(retired.name), retired.id)

    def start_new(self) -> None:
        """An empty form for a new entry."""
        self.entry_id, self._unit_was = None, None
        self.title.setText(self.tr("Entri DIP baru"))
        self._fill(DipInput())
        self.entry_form.setRowVisible(self.reason.parentWidget(), False)

    def start_edit(self, entry_id: int) -> bool:
        """The form filled with entry ``entry_id``; False when it cannot be read."""
        try:
            entry = get_entry(entry_id)
        except PpidError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            return False
        self.entry_id, self._unit_was = entry.id, entry.unit_id
        self.title.setText(self.tr("Ubah entri DIP"))
        self._fill(input_of(entry))
        self.entry_form.setRowVisible(self.reason.parentWidget(), True)
        return True

    def _fill(self, data: DipInput) -> None:
        self._quiet = True
        self._load_units(data.unit_id)
        self.summary.setPlainText(data.summary)
        self.info_class.setCurrentIndex(self.info_class.findData(InfoClass(data.info_class).value))
        self.unit.setCurrentIndex(max(0, self.unit.findData(data.unit_id)) if data.unit_id else 0)
        for edit, value in ((self.holder_name, data.holder_name), (self.official, data.official),
                            (self.made, data.made), (self.format, data.format), (self.retention, data.retention),
                            (self.other_statute, data.other_statute), (self.exclusion_period, data.exclusion_period),
                            (self.decided_by, data.decided_by), (self.decision_number, data.decision_number)):
            edit.setText(value)
        self.reason.clear()
        self.consequence.setPlainText(data.consequence)
        for letter, box in self.letters.items():
            box.setChecked(letter in data.pasal17)
        day = data.decision_date
        self.decision_date.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        self._touched.clear()
        self.errors.clear()
        self.general_error.hide()
        self._class_changed()
        self.summary.setFocus()
        self._quiet = False

    def _excluded(self) -> bool:
        return self.info_class.currentData() == InfoClass.EXCLUDED.value

    def _class_changed(self) -> None:
        excluded = self._excluded()
        self.decision_group.setVisible(excluded)
        self.decision_note.setVisible(not excluded)
        if excluded and not self.decided_by.text().strip() and not self._quiet:
            self.decided_by.setText(load_office().ppid_name)
        self._revalidate()

    def _letters_changed(self) -> None:
        chosen = [(k, PASAL_17[k]) for k, box in self.letters.items() if box.isChecked()]
        self.letters_words.setText("\n".join(f"{k}. {w}" for k, w in chosen))
        self.letters_words.setVisible(bool(chosen))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or not focused.isVisible():
            self.summary.setFocus()

    # ------------------------------------------------------------------ data and saving
    def data(self) -> DipInput:
        excluded = self._excluded()
        day = self.decision_date.date()
        data = DipInput(
            summary=self.summary.toPlainText(), info_class=InfoClass(self.info_class.currentData()),
            unit_id=self.unit.currentData(), holder_name=self.holder_name.text(), official=self.official.text(),
            made=self.made.text(), format=self.format.text(), retention=self.retention.text())
        if excluded:
            data.pasal17 = [k for k, box in self.letters.items() if box.isChecked()]
            data.other_statute = self.other_statute.text()
            data.consequence = self.consequence.toPlainText()
            data.exclusion_period = self.exclusion_period.text()
            data.decided_by = self.decided_by.text()
            data.decision_number = self.decision_number.text()
            data.decision_date = None if day == NO_DATE else day.toPython()
        return data

    def problems(self) -> dict[str, str]:
        return entry_problems(self.data(), self._today(), unit_was=self._unit_was)

    def _today(self) -> date:
        return self._now().date()

    def _revalidate(self) -> None:
        if not self._quiet:
            self.errors.show_all(self.problems(), [n for n in self._touched if n in self.errors])

    def save(self) -> int | None:
        """Add or change the entry; its id, or None when something must be fixed first."""
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
            if self.entry_id is None:
                entry: DipEntry = add_entry(self.data(), self._actor(), self._now())
            else:
                entry = edit_entry(self.entry_id, self.data(), self._actor(), self.reason.text(), self._now())
        except PpidError as exc:  # refused input, or the register cannot be written (disk full)
            self.errors.show(getattr(exc, "field", None), exc.message, self.general_error)
            return None
        self.entrySaved.emit(entry.id)
        return entry.id

    # ------------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._moves_on(watched, event):
                self.focusNextChild()
                return True
        elif kind == QEvent.Type.FocusOut and not self._quiet and event.reason() != Qt.FocusReason.PopupFocusReason:
            name = watched.objectName()
            if name.startswith("pasal17_"):
                name = "pasal17"
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
