"""Data Kantor: who the office is, who signs its letters, and its service rules."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ppid_desk.errors import ValidationError
from ppid_desk.office import (
    MAX_LOCK_MINUTES, MIN_LOCK_MINUTES, OfficeSettings, load_office, logo_bytes, remove_logo, save_office, set_logo,
)

from ..session import current_actor
from ..widgets.field_errors import FieldErrors, error_label
from ..widgets.scroll_page import scroll_page
from .print_group import PrintGroup

LOGO_SIZE = 112
TWO_COLUMNS_WIDTH = 860
TIMEZONE_NAMES = {"WIB": "WIB (UTC+7)", "WITA": "WITA (UTC+8)", "WIT": "WIT (UTC+9)"}


class OfficeTab(QWidget):
    """The office form; saves through :func:`ppid_desk.office.save_office`."""

    officeChanged = Signal()
    calendarChanged = Signal()

    TEXT_FIELDS = ("agency_name", "ppid_unit", "address", "city", "phone", "fax", "email", "website",
                   "ppid_name", "ppid_nip", "ppid_title", "atasan_name", "atasan_nip", "atasan_title",
                   "kasubbag_name", "kasubbag_nip")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = FieldErrors()
        self.edits: dict[str, QLineEdit] = {}
        for name in self.TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.textEdited.connect(self._edited)
            self.edits[name] = edit
        self.completeness_days = QSpinBox()
        self.completeness_days.setRange(1, 10)
        self.completeness_days.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.completeness_days.setMinimumWidth(70)
        self.completeness_days.valueChanged.connect(self._edited)
        self.cuti_bersama_off = QCheckBox(self.tr("Cuti bersama dihitung hari libur"))
        self.cuti_bersama_off.toggled.connect(self._edited)
        self.timezone = QComboBox()
        for code, name in TIMEZONE_NAMES.items():
            self.timezone.addItem(name, code)
        self.timezone.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.timezone.currentIndexChanged.connect(self._edited)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("lock_minutes")
        self.lock_minutes.setRange(MIN_LOCK_MINUTES, MAX_LOCK_MINUTES)
        self.lock_minutes.setSuffix(self.tr(" menit"))
        self.lock_minutes.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.lock_minutes.setMinimumWidth(100)
        self.lock_minutes.valueChanged.connect(self._edited)

        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(16)
        left = QVBoxLayout()
        left.addWidget(self._identity_group())
        left.addWidget(self._contact_group())
        left.addWidget(self._logo_group())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._officials_group())
        right.addWidget(self._rules_group())
        self.print_group = PrintGroup(self.errors)
        self.print_group.edited.connect(self._edited)
        right.addWidget(self.print_group)
        right.addWidget(self._security_group())
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.scroll = scroll = scroll_page(columns)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.general_error = error_label()
        self.save_button = QPushButton(self.tr("&Simpan"))
        self.save_button.setToolTip(self.tr("Simpan data kantor (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(self.general_error, 1)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        self.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns when there is room, one below the other when the window is narrow."""
        super().resizeEvent(event)
        wide = event.size().width() >= TWO_COLUMNS_WIDTH
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    # ------------------------------------------------------------------ building
    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return group, form

    def _identity_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Identitas badan publik"))
        self.edits["agency_name"].setPlaceholderText(self.tr("mis. Dinas Komunikasi dan Informatika Kota ..."))
        self.edits["ppid_unit"].setPlaceholderText(self.tr("mis. PPID Pelaksana"))
        self.errors.add_row(form, "agency_name", self.tr("&Nama badan publik *"), self.edits["agency_name"])
        self.errors.add_row(form, "ppid_unit", self.tr("&Unit PPID"), self.edits["ppid_unit"])
        self.errors.add_row(form, "address", self.tr("&Alamat"), self.edits["address"])
        self.errors.add_row(form, "city", self.tr("&Kota (tanggal surat) *"), self.edits["city"])
        return group

    def _contact_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Kontak"))
        self.edits["email"].setPlaceholderText("ppid@contoh.go.id")
        self.edits["website"].setPlaceholderText("https://ppid.contoh.go.id")
        self.errors.add_row(form, "phone", self.tr("&Telepon"), self.edits["phone"])
        self.errors.add_row(form, "fax", self.tr("&Faksimile"), self.edits["fax"])
        self.errors.add_row(form, "email", self.tr("&Email"), self.edits["email"])
        self.errors.add_row(form, "website", self.tr("Situs &web"), self.edits["website"])
        return group

    def _logo_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Logo kop surat"))
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(LOGO_SIZE, LOGO_SIZE)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_logo_button = QPushButton(self.tr("Pilih &logo..."))
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Hapus logo"))
        self.remove_logo_button.clicked.connect(self.confirm_remove_logo)
        hint = QLabel(self.tr("Gambar PNG atau JPEG, paling besar 2 MB. Logo langsung tersimpan."))
        hint.setWordWrap(True)
        logo_error = error_label()
        self.errors.register("logo", self.choose_logo_button, logo_error)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_logo_button)
        buttons.addWidget(self.remove_logo_button)
        buttons.addWidget(hint)
        buttons.addStretch(1)
        grid = QGridLayout(group)
        grid.addWidget(self.logo_preview, 0, 0)
        grid.addLayout(buttons, 0, 1)
        grid.addWidget(logo_error, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return group

    def _officials_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Pejabat penandatangan"))
        for prefix, heading in (("ppid", self.tr("PPID")), ("atasan", self.tr("Atasan PPID")),
                                ("kasubbag", self.tr("Kepala Subbag Tata Usaha"))):
            title = QLabel(f"<b>{heading}</b>")
            form.addRow(title)
            self.errors.add_row(form, f"{prefix}_name", self.tr("Nama"), self.edits[f"{prefix}_name"])
            self.edits[f"{prefix}_nip"].setPlaceholderText(self.tr("18 angka"))
            self.errors.add_row(form, f"{prefix}_nip", self.tr("NIP"), self.edits[f"{prefix}_nip"])
            if f"{prefix}_title" in self.edits:
                self.errors.add_row(form, f"{prefix}_title", self.tr("Jabatan"), self.edits[f"{prefix}_title"])
        return group

    def _security_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Keamanan"))
        self.errors.add_row(form, "lock_minutes", self.tr("Kunci layar setelah tidak dipakai"), self.lock_minutes)
        hint = QLabel(self.tr("Tanpa ketikan atau gerakan tetikus selama itu, layar terkunci; petugas membukanya "
                              "dengan kata sandinya. Kunci sendiri kapan saja dengan Ctrl+L."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        return group

    def _rules_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Aturan layanan"))
        self.errors.add_row(form, "completeness_days", self.tr("Batas melengkapi persyaratan (hari kerja)"),
                            self.completeness_days)
        self.errors.add_row(form, "cuti_bersama_off", "", self.cuti_bersama_off)
        self.errors.add_row(form, "timezone", self.tr("&Zona waktu"), self.timezone)
        return group

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        """Fill the form from the database, discarding unsaved edits."""
        self._show(load_office())
        self._refresh_logo()
        self.errors.clear()
        self.general_error.hide()
        self.status.clear()

    def _show(self, office: OfficeSettings) -> None:
        self._loaded = office
        for name, edit in self.edits.items():
            edit.setText(getattr(office, name))
        for widget in (self.completeness_days, self.cuti_bersama_off, self.timezone, self.lock_minutes):
            widget.blockSignals(True)
        self.lock_minutes.setValue(office.lock_minutes)
        self.completeness_days.setValue(office.completeness_days)
        self.cuti_bersama_off.setChecked(office.cuti_bersama_off)
        index = self.timezone.findData(office.timezone)
        self.timezone.setCurrentIndex(max(index, 0))
        for widget in (self.completeness_days, self.cuti_bersama_off, self.timezone, self.lock_minutes):
            widget.blockSignals(False)
        self.print_group.show_office(office)

    def values(self) -> OfficeSettings:
        """The settings as typed (not yet validated); the settings this tab does not
        show are the database's current ones (other pages change them meanwhile)."""
        typed = {name: edit.text() for name, edit in self.edits.items()}
        return OfficeSettings(**{
            **asdict(load_office()),
            **typed,
            "completeness_days": self.completeness_days.value(),
            "cuti_bersama_off": self.cuti_bersama_off.isChecked(),
            "timezone": self.timezone.currentData(),
            "lock_minutes": self.lock_minutes.value(),
            **self.print_group.values(),
        })

    def _edited(self, *_: object) -> None:
        self.status.setText(self.tr("Ada perubahan yang belum disimpan."))

    def is_dirty(self) -> bool:
        """Edits not saved yet (what the status line says)."""
        return self.status.text() == self.tr("Ada perubahan yang belum disimpan.")

    def save(self) -> bool:
        self.errors.clear()
        self.general_error.hide()
        before = self._loaded
        try:
            saved = save_office(self.values(), actor=current_actor())
        except ValidationError as exc:
            self.status.clear()
            if self.errors.show(exc.field, exc.message, self.general_error):
                self.scroll.ensureWidgetVisible(self.errors.widget(exc.field))
            return False
        self._show(saved)
        self.status.setText(self.tr("Tersimpan."))
        self.officeChanged.emit()
        if saved.cuti_bersama_off != before.cuti_bersama_off:
            self.calendarChanged.emit()
        return True

    # ------------------------------------------------------------------ logo
    def _refresh_logo(self) -> None:
        data = logo_bytes()
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(pixmap.scaled(
                LOGO_SIZE - 8, LOGO_SIZE - 8, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setText(self.tr("Belum ada logo"))
        self.remove_logo_button.setEnabled(data is not None)

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo kop surat"), "", self.tr("Gambar PNG atau JPEG (*.png *.jpg *.jpeg)"))
        if path:
            self.use_logo(Path(path))

    def use_logo(self, path: Path) -> bool:
        self.errors.clear()
        try:
            set_logo(path, actor=current_actor())
        except ValidationError as exc:
            self.errors.show("logo", exc.message)
            return False
        self._refresh_logo()
        self.officeChanged.emit()
        return True

    def confirm_remove_logo(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Hapus logo"),
                          self.tr("Hapus logo kop surat? Surat berikutnya dicetak tanpa logo."), parent=self)
        yes = box.addButton(self.tr("Hapus"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is yes:
            self.drop_logo()

    def drop_logo(self) -> None:
        remove_logo(actor=current_actor())
        self.logo_preview.clear()
        self._refresh_logo()
        self.officeChanged.emit()
