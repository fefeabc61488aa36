"""Pengaturan awal: the wizard shown while no office is configured; with ``ask_admin`` it
also asks for the first admin account (a register without accounts)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizard, QWizardPage

from ppid_desk import APP_NAME
from ppid_desk.errors import ValidationError
from ppid_desk.accounts.officer import Officer
from ppid_desk.office import OfficeSettings, load_office, save_office, validate_office

from .accounts.admin_setup import AdminPage
from .settings.office_tab import TIMEZONE_NAMES
from .widgets.field_errors import FieldErrors, error_label

WELCOME, IDENTITY, CONTACT, OFFICIALS, SUMMARY = range(5)
ACCOUNT = 5  # shown between OFFICIALS and SUMMARY (see FirstRunWizard.nextId)
TIMEZONE_CODES = tuple(TIMEZONE_NAMES)


class FormPage(QWizardPage):
    """A page of fields, each registered with the wizard under its OfficeSettings name."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.errors = FieldErrors()
        self.names: list[str] = []
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def add_line(self, name: str, caption: str, required: bool = False, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self.add_field(name, caption, edit, required)
        return edit

    def add_field(self, name: str, caption: str, widget: QWidget, required: bool = False) -> None:
        self.errors.add_row(self.form, name, caption + (" *" if required else ""), widget)
        self.registerField(name + ("*" if required else ""), widget)
        self.names.append(name)

    def add_heading(self, text: str) -> None:
        self.form.addRow(QLabel(f"<b>{escape(text)}</b>"))

    def show_error(self, exc: ValidationError) -> bool:
        return self.errors.show(exc.field, exc.message)

    def validatePage(self) -> bool:
        """Check this page's fields with the core rules before moving on."""
        self.errors.clear()
        try:
            validate_office(self.wizard().office_typed())
        except ValidationError as exc:
            if exc.field in self.names:
                return not self.show_error(exc)
        return True


class SummaryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Selesai"))
        self.setSubTitle(self.tr("Periksa data di bawah, lalu tekan Selesai untuk menyimpan."))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.error = error_label()
        later = QLabel(self.tr("Kepala Subbag TU, logo kop surat, unit, jam layanan dan hari libur kantor "
                               "dapat dilengkapi kapan saja di menu Pengaturan."))
        later.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(later)

    def initializePage(self) -> None:
        office = self.wizard().office_typed()
        dash = "\u2014"
        rows = [
            (self.tr("Nama badan publik"), office.agency_name),
            (self.tr("Unit PPID"), office.ppid_unit),
            (self.tr("Alamat"), office.address),
            (self.tr("Kota"), office.city),
            (self.tr("Zona waktu"), TIMEZONE_NAMES.get(office.timezone, office.timezone)),
            (self.tr("Telepon / Faksimile"), " / ".join(filter(None, (office.phone, office.fax)))),
            (self.tr("Email / Situs web"), " / ".join(filter(None, (office.email, office.website)))),
            (self.tr("PPID"), " \u00b7 ".join(filter(None, (office.ppid_name, office.ppid_nip)))),
            (self.tr("Atasan PPID"), " \u00b7 ".join(filter(None, (office.atasan_name, office.atasan_nip)))),
        ]
        if self.wizard().account is not None:
            rows.append((self.tr("Akun admin"), self.wizard().account.form.summary()))
        cells = "".join(f"<tr><td style='padding-right:16px'>{escape(label)}</td>"
                        f"<td><b>{escape(value.strip()) or dash}</b></td></tr>" for label, value in rows)
        self.summary.setText(f"<table cellspacing='4'>{cells}</table>")
        self.error.hide()


class FirstRunWizard(QWizard):
    """Asks for the office's identity, contacts and officials, then saves them."""

    def __init__(self, parent: QWidget | None = None, ask_admin: bool = False):
        super().__init__(parent)
        self.saved: OfficeSettings | None = None
        self.admin: Officer | None = None  # the admin account created at the end (``ask_admin``)
        self._base = load_office()
        self.setWindowTitle(self.tr("{0} \u2014 Pengaturan awal").format(APP_NAME))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Berikutnya >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setMinimumSize(640, 480)

        self.setPage(WELCOME, self._welcome_page(ask_admin))
        self.identity = FormPage(self.tr("Identitas kantor"),
                                 self.tr("Nama dan alamat ini dicetak pada kop surat. Kolom bertanda * wajib diisi."))
        self.identity.add_line("agency_name", self.tr("&Nama badan publik"), True,
                               self.tr("mis. Dinas Komunikasi dan Informatika Kota ..."))
        self.identity.add_line("ppid_unit", self.tr("&Unit PPID"), placeholder=self.tr("mis. PPID Pelaksana"))
        self.identity.add_line("address", self.tr("&Alamat"))
        self.identity.add_line("city", self.tr("&Kota (tanggal surat)"), True)
        self.timezone = QComboBox()
        self.timezone.addItems(list(TIMEZONE_NAMES.values()))
        self.identity.add_field("timezone", self.tr("&Zona waktu"), self.timezone)
        self.setPage(IDENTITY, self.identity)

        self.contact = FormPage(self.tr("Kontak"), self.tr("Dicetak pada kop surat; boleh dikosongkan."))
        self.contact.add_line("phone", self.tr("&Telepon"))
        self.contact.add_line("fax", self.tr("&Faksimile"))
        self.contact.add_line("email", self.tr("&Email"), placeholder="ppid@contoh.go.id")
        self.contact.add_line("website", self.tr("Situs &web"), placeholder="https://ppid.contoh.go.id")
        self.setPage(CONTACT, self.contact)

        self.officials = FormPage(self.tr("Pejabat"),
                                  self.tr("Nama dan NIP untuk tanda tangan surat; boleh dilengkapi nanti."))
        self.officials.add_heading(self.tr("PPID"))
        self.officials.add_line("ppid_name", self.tr("Nama"))
        self.officials.add_line("ppid_nip", self.tr("NIP"), placeholder=self.tr("18 angka"))
        self.officials.add_heading(self.tr("Atasan PPID"))
        self.officials.add_line("atasan_name", self.tr("Nama"))
        self.officials.add_line("atasan_nip", self.tr("NIP"), placeholder=self.tr("18 angka"))
        self.setPage(OFFICIALS, self.officials)

        self.account: AdminPage | None = None
        if ask_admin:
            self.account = AdminPage()
            self.setPage(ACCOUNT, self.account)
        self.summary = SummaryPage()
        self.setPage(SUMMARY, self.summary)
        self._prefill()

    def nextId(self) -> int:
        current = self.currentId()
        if self.account is not None:
            if current == OFFICIALS:
                return ACCOUNT
            if current == ACCOUNT:
                return SUMMARY
            if current == SUMMARY:
                return -1
        return super().nextId()

    def _welcome_page(self, ask_admin: bool = False) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Selamat datang di {0}").format(APP_NAME))
        text = QLabel(self.tr(
            "<p>{0} membantu petugas PPID mencatat permohonan informasi publik dan keberatan, "
            "menghitung tenggat dalam hari kerja (UU 14/2008), serta mencetak surat dan laporan.</p>"
            "<p>Sebelum mulai, isi data kantor Anda:</p>"
            "<ul><li>identitas badan publik dan kota (untuk kop dan tanggal surat),</li>"
            "<li>kontak yang dicetak pada kop surat,</li>"
            "<li>nama dan NIP PPID serta Atasan PPID (boleh nanti){1}</li></ul>"
            "<p>Semua data ini dapat diubah kemudian di menu Pengaturan. "
            "Tekan Enter atau <b>Berikutnya</b> untuk lanjut.</p>").format(
                APP_NAME, self.tr(",</li><li>akun admin untuk masuk ke aplikasi.") if ask_admin else "."))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addStretch(1)
        return page

    def _prefill(self) -> None:
        """Start from what is stored (a half-finished earlier run keeps its values)."""
        for page in (self.identity, self.contact, self.officials):
            for name in page.names:
                if name != "timezone":
                    self.setField(name, getattr(self._base, name))
        zone = self._base.timezone
        self.setField("timezone", TIMEZONE_CODES.index(zone) if zone in TIMEZONE_CODES else 0)

    def office_typed(self) -> OfficeSettings:
        """The office as typed so far, on top of what is stored."""
        changes = {name: str(self.field(name) or "")
                   for page in (self.identity, self.contact, self.officials) for name in page.names
                   if name != "timezone"}
        changes["timezone"] = TIMEZONE_CODES[int(self.field("timezone") or 0)]
        return self._base.with_changes(**changes)

    def accept(self) -> None:
        try:
            office = validate_office(self.office_typed())
            if self.account is not None and self.admin is None:
                self.admin = self.account.form.create()
                if self.admin is None:  # refused: the problem is shown on the account page
                    self._go_back_to(ACCOUNT)
                    return
            self.saved = save_office(office, actor=self.admin if self.admin is not None else "")
        except ValidationError as exc:
            self._show_error(exc)
            return
        super().accept()

    def _go_back_to(self, page_id: int) -> None:
        while self.currentId() != page_id:
            before = self.currentId()
            self.back()
            if self.currentId() == before:
                break

    def _show_error(self, exc: ValidationError) -> None:
        """Go back to the page that holds the offending field and show the message there."""
        for page_id, page in ((IDENTITY, self.identity), (CONTACT, self.contact), (OFFICIALS, self.officials)):
            if exc.field in page.names:
                self._go_back_to(page_id)
                page.show_error(exc)
                return
        self.summary.error.setText(exc.message)
        self.summary.error.show()
