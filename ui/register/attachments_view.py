"""A request's attachments in its detail: the list, "Tambah lampiran…" and "Buka".

Each stored copy is checked against its recorded SHA-256 when the list is shown; a
copy that is missing or changed gets a warning mark (attachments are never deleted,
so a mismatch means something outside the app touched the data folder).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLayout, QLineEdit, QPushButton, QStyle, QVBoxLayout, QWidget,
)

from ppid_desk.accounts.roles import Permission
from ppid_desk.dates import clock, short_date
from ppid_desk.errors import PpidError, ValidationError
from ppid_desk.register.attachments import (
    MAX_SIZE, AttachmentKind, add_attachment, list_attachments, local_copy, size_text, verify_attachment,
)
from ppid_desk.register.service import get_request
from ppid_desk.store.models import Attachment

from ..access import refusal_of
from ..widgets.field_errors import ERROR_COLOUR, FieldErrors, error_label
from ..widgets.fitted_table import FittedTable
from ..widgets.list_model import ListTableModel

# Words in a file name that tell its kind (the officer can still choose another).
_KIND_HINTS = ((AttachmentKind.KTP, ("ktp", "e-ktp", "identitas")),
               (AttachmentKind.POWER_OF_ATTORNEY, ("kuasa",)),
               (AttachmentKind.REQUEST_LETTER, ("permohonan", "surat")))


def guess_kind(name: str) -> AttachmentKind:
    words = name.lower().replace("_", " ").replace("-", " ")
    for kind, hints in _KIND_HINTS:
        if any(hint in words for hint in hints):
            return kind
    return AttachmentKind.OTHER


def tr(text: str) -> str:
    return QCoreApplication.translate("attachments_view", text)


def ask_for_file(parent: QWidget, start: str = "") -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent, tr("Pilih berkas lampiran"), start,
        tr("Dokumen dan gambar (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.odt);;Semua berkas (*)"))
    return Path(chosen) if chosen else None


class AttachmentsModel(ListTableModel[tuple[Attachment, bool]]):
    """Rows of (attachment, whether its stored copy is intact)."""

    KIND, NAME, SIZE, ADDED, BY = range(5)

    def __init__(self, parent=None):
        super().__init__((self.tr("Jenis"), self.tr("Nama berkas"), self.tr("Ukuran"), self.tr("Ditambahkan"),
                          self.tr("Oleh")), parent)
        self._warning_icon = None

    def load(self, data_dir: Path | None, request_id: int | None) -> None:
        rows = list_attachments(request_id) if data_dir is not None and request_id is not None else []
        self.set_rows((a, verify_attachment(data_dir, a)) for a in rows)

    def attachment(self, row: int) -> Attachment | None:
        item = self.row(row)
        return item[0] if item is not None else None

    def intact(self, row: int) -> bool:
        item = self.row(row)
        return item is not None and item[1]

    def display(self, row: tuple[Attachment, bool], column: int) -> str:
        attachment = row[0]
        if column == self.KIND:
            try:
                return AttachmentKind(attachment.kind).label
            except ValueError:
                return attachment.kind
        if column == self.NAME:
            return attachment.filename
        if column == self.SIZE:
            return size_text(attachment.size)
        if column == self.ADDED:
            return f"{short_date(attachment.added_at.date())} {clock(attachment.added_at)}"
        return attachment.added_by

    def role_data(self, row: tuple[Attachment, bool], column: int, role: int):
        attachment, intact = row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NAME and not intact:
                return self.tr("Berkas simpanan hilang atau isinya berubah sejak dilampirkan "
                               "(SHA-256 tidak cocok). Periksa folder data atau pulihkan dari cadangan.")
            if column == self.NAME:
                return self.tr("SHA-256: {0}").format(attachment.sha256)
            return self.display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME and not intact:
            return self._warning()
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NAME and not intact:
            return QColor(ERROR_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _warning(self):
        if self._warning_icon is None:
            self._warning_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning_icon


class AddAttachmentDialog(QDialog):
    """The file (given, or chosen with "Pilih berkas…") and its kind; attaches on OK."""

    attached = Signal(int)

    def __init__(self, data_dir: Path, request_id: int, actor: str, now: Callable[[], datetime],
                 path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir, self.request_id, self.actor, self._now = data_dir, request_id, actor, now
        self.path: Path | None = None
        self.attachment: Attachment | None = None
        row = get_request(request_id)
        self.setWindowTitle(self.tr("Tambah lampiran \u2014 {0}").format(row.number))
        self.errors = FieldErrors()
        self.file_name = QLineEdit()
        self.file_name.setReadOnly(True)
        self.file_name.setPlaceholderText(self.tr("belum dipilih"))
        self.choose_button = QPushButton(self.tr("Pilih berkas\u2026"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QWidget()
        file_box = QHBoxLayout(file_row)
        file_box.setContentsMargins(0, 0, 0, 0)
        file_box.addWidget(self.file_name, 1)
        file_box.addWidget(self.choose_button)
        self.kind = QComboBox()
        for member in AttachmentKind:
            self.kind.addItem(member.label, member.value)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, "path", self.tr("Berkas *"), file_row)
        self.errors.add_row(form, "kind", self.tr("Jenis"), self.kind)
        intro = QLabel(self.tr("Lampiran untuk permohonan {0} atas nama {1}. Berkas disalin ke folder data "
                               "(paling besar {2}) dan tidak dapat dihapus dari register.")
                       .format(row.number, row.requester.name, size_text(MAX_SIZE)))
        intro.setWordWrap(True)
        intro.setMinimumWidth(460)
        self.general_error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Lampirkan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        if path is not None:
            self.set_path(Path(path))

    def set_path(self, path: Path) -> None:
        self.path = path
        self.file_name.setText(path.name)
        self.file_name.setToolTip(str(path))
        self.kind.setCurrentIndex(self.kind.findData(guess_kind(path.name).value))
        self.errors.set("path", "")
        self._fit()

    def _fit(self) -> None:
        """Wrapped messages in a form are not always given their lines' height: size by the layout."""
        self.layout().activate()
        self.adjustSize()

    def choose_file(self) -> None:
        chosen = ask_for_file(self, str(self.path.parent) if self.path else "")
        if chosen:
            self.set_path(chosen)

    def submit(self) -> bool:
        self.errors.clear()
        self.general_error.hide()
        if self.path is None:
            self.errors.set("path", self.tr("Pilih berkas yang akan dilampirkan."))
            self.choose_button.setFocus()
            self._fit()
            return False
        try:
            self.attachment = add_attachment(self.data_dir, self.request_id, self.path,
                                             AttachmentKind(self.kind.currentData()), self.actor, self._now())
        except PpidError as exc:
            field = exc.field if isinstance(exc, ValidationError) else None
            if field in self.errors:
                self.errors.set(field, exc.message)
            else:
                self.general_error.setText(exc.message)
                self.general_error.show()
            self._fit()
            return False
        self.attached.emit(self.request_id)
        self.accept()
        return True


class AttachmentsBox(QGroupBox):
    """The "Lampiran" section of a request's detail."""

    attached = Signal(int)

    def __init__(self, data_dir: Path | None, actor: Callable[[], str], now: Callable[[], datetime],
                 opener: Callable[[QUrl], bool] = QDesktopServices.openUrl, parent: QWidget | None = None):
        super().__init__(self.tr("Lampiran"), parent)
        self.data_dir, self._actor, self._now, self._opener = data_dir, actor, now, opener
        self.request_id: int | None = None
        self.dialog: AddAttachmentDialog | None = None

        self.model = AttachmentsModel(self)
        self.table = FittedTable(self.model, "attachments",
                                 ((AttachmentsModel.KIND, 130), (AttachmentsModel.SIZE, 72),
                                  (AttachmentsModel.ADDED, 118), (AttachmentsModel.BY, 90)),
                                 stretch=AttachmentsModel.NAME)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the extension visible
        self.table.doubleClicked.connect(lambda index: self.open_attachment(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(self.tr("Belum ada lampiran (scan KTP, surat kuasa, surat permohonan)."))
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)  # the detail's left column is narrow at 1280 px
        self.warning = error_label()
        self.error = error_label()

        self.add_button = QPushButton(self.tr("Tambah lampiran\u2026"))
        self.add_button.clicked.connect(lambda: self.start_add())
        self.open_button = QPushButton(self.tr("Buka"))
        self.open_button.clicked.connect(lambda: self.open_attachment(self.table.target_row()))
        # The buttons above the list: the list may run below the fold of the detail.
        top = QHBoxLayout()
        top.addWidget(self.empty, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        self._update_buttons()

    # ------------------------------------------------------------------ showing
    def show_request(self, request_id: int) -> None:
        self.request_id = request_id
        self.error.hide()
        self.model.load(self.data_dir, request_id)
        count = self.model.rowCount()
        self.table.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        broken = [self.model.attachment(r).filename for r in range(count) if not self.model.intact(r)]
        self.warning.setText(self.tr("\u26a0 Berkas simpanan hilang atau berubah sejak dilampirkan: {0}. "
                                     "Periksa folder data atau pulihkan dari cadangan.").format(", ".join(broken)))
        self.warning.setVisible(bool(broken))
        self.setTitle(self.tr("Lampiran ({0})").format(count) if count else self.tr("Lampiran"))
        self.table.fit()
        self._update_buttons()

    def _update_buttons(self) -> None:
        refused = refusal_of((Permission.ATTACH,), self._actor())
        self.add_button.setEnabled(self.data_dir is not None and self.request_id is not None and refused is None)
        self.add_button.setToolTip(refused or "")
        self.open_button.setEnabled(self.table.target_row() >= 0)
        self.open_button.setToolTip(
            self.tr("Buka lampiran yang dipilih dengan aplikasi bawaan komputer") if self.table.target_row() >= 0
            else self.tr("Pilih lampiran yang akan dibuka"))

    # ------------------------------------------------------------------ actions
    def start_add(self, path: Path | None = None) -> AddAttachmentDialog | None:
        """The small dialog; without ``path`` the file is asked for first."""
        if self.data_dir is None or self.request_id is None:
            return None
        if path is None:
            path = ask_for_file(self)
            if path is None:
                return None
        self.dialog = AddAttachmentDialog(self.data_dir, self.request_id, self._actor(), self._now, path, self)
        self.dialog.attached.connect(self._attached)
        self.dialog.open()
        return self.dialog

    def _attached(self, request_id: int) -> None:
        self.show_request(request_id)
        self.attached.emit(request_id)

    def open_attachment(self, row: int) -> bool:
        self.error.hide()
        attachment = self.model.attachment(row)
        if attachment is None or self.data_dir is None:
            return False
        try:
            path = local_copy(self.data_dir, attachment)  # fetched from the server when attached elsewhere
        except PpidError as exc:
            return self._fail(exc.message)
        if not path.is_file():
            return self._fail(self.tr("Berkas {0} tidak ada lagi di folder data ({1}).")
                              .format(attachment.filename, path))
        if not self._opener(QUrl.fromLocalFile(str(path))):
            return self._fail(self.tr("Tidak ada aplikasi untuk membuka {0}.").format(attachment.filename))
        return True

    def _fail(self, message: str) -> bool:
        self.error.setText(message)
        self.error.show()
        return False
