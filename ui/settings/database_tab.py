"""Pengaturan → Basis data (Admin): where this desk's register lives — the SQLite file
in its data folder (one desk) or the office's PostgreSQL server (several desks) — and a
test of the connection before it is saved.

The choice is saved for this desk in ``<data>/database.json`` (the URL only,
:func:`ppid_desk.store.location.save_database_url`); the password goes to the operating
system's keyring (:func:`~ppid_desk.store.location.store_keyring_password`) or is asked
for at every start, and is never written to a file or a log. The register in use does
not change while the app runs: the new choice is used from the next start.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from ppid_desk.errors import StoreError
from ppid_desk.store import Store
from ppid_desk.store.location import (
    DEFAULT_PORT, ENV_DATABASE, ServerAddress, forget_keyring_password, keyring_password, parse_database_url,
    save_database_url, saved_database_url, setting_path, store_keyring_password,
)
from ppid_desk.store.migrations import latest_version

from ..connection import problem_text
from ..widgets.background import Task
from ..widgets.confirm import confirm_destructive

OK_COLOUR = "#1b5e20"
ERROR_COLOUR = "#b00020"
SQLITE, SERVER = "sqlite", "postgresql"
FIELD_WIDTH = 460


@dataclass(frozen=True)
class ServerCheck:
    """The outcome of "Uji sambungan": ``ok`` with the server's version and the register's
    schema version, or the reason in words."""

    ok: bool
    text: str
    version: str = ""
    schema: int | None = None


def check_server(address: ServerAddress, password: str | None) -> ServerCheck:
    """On a worker thread: connect to ``address`` on a connection of its own (never the
    register's), read the server's version and the register's schema, close again. Nothing
    is created or changed on the server."""
    from ppid_desk.store import postgres

    db = postgres.open_database(address, password or keyring_password(address))
    try:
        db.connect()
        version = str(db.execute_sql("SHOW server_version").fetchone()[0]).split()[0]
        schema = postgres.schema_version(db)
    except Exception as exc:  # noqa: BLE001 - every failure is the answer of the test
        return ServerCheck(False, problem_text(exc, address))
    finally:
        try:
            db.close()
        except Exception:  # noqa: BLE001 - a connection that died with the error
            pass
    text = f"Tersambung: PostgreSQL {version}, skema {schema}"
    newest = latest_version()
    if schema == 0:
        text += " (basis data masih kosong; tabel register dibuat saat PPID Desk pertama kali membukanya)."
    elif schema > newest:
        return ServerCheck(False, text + f", dibuat oleh PPID Desk yang lebih baru (versi ini mengenal sampai skema "
                                         f"{newest}). Perbarui aplikasi di desk ini dahulu.", version, schema)
    elif schema < newest:
        text += f" (diperbarui ke skema {newest} saat dibuka)."
    else:
        text += "."
    return ServerCheck(True, text, version, schema)


class DatabaseTab(QWidget):
    """``saved(str)`` with the URL saved ("" = SQLite) after "Simpan"; ``checked(object)``
    with the :class:`ServerCheck` after "Uji sambungan"."""

    saved = Signal(str)
    checked = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.task: Task | None = None

        intro = QLabel(self.tr(
            "Satu desk menyimpan register di berkas SQLite di folder datanya. Kantor dengan beberapa desk memakai "
            "satu server PostgreSQL di jaringan kantor: semua desk membuka register yang sama. Kata sandi server "
            "disimpan di keyring sistem (atau ditanyakan saat aplikasi dibuka), tidak pernah di berkas."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")

        current = QGroupBox(self.tr("Register yang dipakai sekarang"))
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.override = QLabel()
        self.override.setWordWrap(True)
        self.override.setObjectName("hint")
        box = QVBoxLayout(current)
        box.addWidget(self.current)
        box.addWidget(self.override)

        group = QGroupBox(self.tr("Register untuk desk ini"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("SQLite lokal (satu desk)"), SQLITE)
        self.kind.addItem(self.tr("Server PostgreSQL (beberapa desk)"), SERVER)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("mis. 192.168.1.10 atau server-ppid"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setMaximumWidth(120)
        self.dbname = QLineEdit()
        self.dbname.setPlaceholderText("ppid")
        self.user = QLineEdit()
        self.user.setPlaceholderText("ppid")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kosong: kata sandi yang tersimpan di keyring"))
        self.remember = QCheckBox(self.tr("Simpan kata sandi di &keyring sistem"))
        self.remember.setToolTip(self.tr("Tanpa ini, kata sandi ditanyakan setiap kali PPID Desk dibuka."))
        form = QFormLayout(group)
        form.addRow(self.tr("&Jenis"), self.kind)
        form.addRow(self.tr("&Host"), self.host)
        form.addRow(self.tr("P&ort"), self.port)
        form.addRow(self.tr("&Nama basis data"), self.dbname)
        form.addRow(self.tr("&Pengguna"), self.user)
        form.addRow(self.tr("Kata &sandi"), self.password)
        form.addRow("", self.remember)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and isinstance(label.widget(), QLabel) and field is not None:
                label.widget().setBuddy(field.widget())
        self.server_fields = (self.host, self.port, self.dbname, self.user, self.password, self.remember)
        for widget in (self.kind, self.host, self.dbname, self.user, self.password):
            widget.setMaximumWidth(FIELD_WIDTH)

        self.test_button = QPushButton(self.tr("&Uji sambungan"))
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("Si&mpan"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.result = QLabel()
        self.result.setObjectName("databaseResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        restart = QLabel(self.tr("Perubahan berlaku setelah PPID Desk ditutup dan dibuka kembali di desk ini."))
        restart.setObjectName("hint")
        restart.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(current)
        layout.addWidget(group)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(restart)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.reload()

    # --- showing ---------------------------------------------------------------------------

    def reload(self) -> None:
        """The register in use, and the form filled from this desk's saved choice (else the
        register in use)."""
        store = self.store
        if store.is_postgres:
            self.current.setText(self.tr("Server PostgreSQL: <b>{0}</b>").format(store.where))
        else:
            self.current.setText(self.tr("SQLite lokal: <b>{0}</b>").format(store.where))
        try:
            saved = parse_database_url(saved_database_url(store.data_dir))
            saved_problem = ""
        except StoreError as exc:
            saved, saved_problem = None, exc.message
        notes = []
        if os.environ.get(ENV_DATABASE, "").strip():
            notes.append(self.tr("Aplikasi ini dibuka dengan {0}; isian di bawah dipakai bila variabel itu (dan "
                                 "--database) tidak diberikan.").format(ENV_DATABASE))
        if saved_problem:
            notes.append(saved_problem)
        self.override.setText("\n".join(notes))
        self.override.setVisible(bool(notes))
        address = saved if saved is not None or setting_path(store.data_dir).exists() else store.address
        self._fill(address)
        self.result.hide()

    def _fill(self, address: ServerAddress | None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(SERVER if address else SQLITE))
        self.host.setText(address.host if address else "")
        self.port.setValue(address.port if address else DEFAULT_PORT)
        self.dbname.setText(address.dbname if address else "")
        self.user.setText(address.user if address else "")
        self.password.clear()
        self.remember.setChecked(bool(address and keyring_password(address)))
        self._kind_changed()

    def _kind_changed(self) -> None:
        server = self.kind.currentData() == SERVER
        for widget in self.server_fields:
            widget.setEnabled(server)
        self.test_button.setEnabled(server and self.task is None)

    def _say(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        palette = self.result.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(OK_COLOUR if ok else ERROR_COLOUR))
        self.result.setPalette(palette)
        self.result.setProperty("ok", ok)
        self.result.show()

    # --- the form ---------------------------------------------------------------------------

    def address(self) -> ServerAddress | None:
        """The server typed in (None for SQLite); a :class:`StoreError` naming what is wrong."""
        if self.kind.currentData() != SERVER:
            return None
        host, dbname, user = self.host.text().strip(), self.dbname.text().strip(), self.user.text().strip()
        missing = [label for label, value in ((self.tr("host"), host), (self.tr("nama basis data"), dbname),
                                              (self.tr("pengguna"), user)) if not value]
        if missing:
            raise StoreError(self.tr("Isi dahulu: {0}.").format(", ".join(missing)))
        if any(c in host for c in "/@:? ") and not host.startswith("["):
            raise StoreError(self.tr("Host {0} tidak sah: tulis nama komputer atau alamat IP saja.").format(host))
        return parse_database_url(f"postgresql://{user}@{host}:{self.port.value()}/{dbname}")

    def test_connection(self) -> None:
        """Connect off the UI thread and say what the server answered."""
        if self.task is not None:
            return
        try:
            address = self.address()
        except StoreError as exc:
            self._say(exc.message, False)
            return
        if address is None:
            return
        password = self.password.text()
        self._say(self.tr("Menyambung ke {0}\u2026").format(address), True)
        self.test_button.setEnabled(False)
        task = Task(lambda _progress: check_server(address, password), parent=self)
        task.finished.connect(self._tested)
        task.failed.connect(lambda message: self._tested(ServerCheck(False, message)))
        task.done.connect(self._test_done)
        self.task = task
        task.start()

    def _tested(self, outcome: ServerCheck) -> None:
        self._say(outcome.text, outcome.ok)
        self.checked.emit(outcome)

    def _test_done(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.deleteLater()
        self._kind_changed()

    def save(self) -> bool:
        """Save this desk's choice (and the password in the keyring when asked); True when saved."""
        try:
            address = self.address()
        except StoreError as exc:
            self._say(exc.message, False)
            return False
        if address is None and self.store.is_postgres and not confirm_destructive(
                self, self.tr("Basis data"),
                self.tr("Desk ini akan membuka register SQLite lokalnya sendiri, terpisah dari register kantor di "
                        "server {0}. Permohonan yang dicatat di sana tidak terlihat di desk lain.").format(
                    self.store.where),
                self.tr("Pakai SQLite lokal")):
            return False
        warning = ""
        if address is not None:
            password = self.password.text()
            try:
                if self.remember.isChecked():
                    if password:
                        store_keyring_password(address, password)
                else:
                    forget_keyring_password(address)
            except StoreError as exc:
                warning = " " + exc.message
            self.password.clear()
        try:
            save_database_url(self.store.data_dir, address.url if address else "")
        except (StoreError, OSError) as exc:
            self._say(self.tr("Pengaturan basis data tidak dapat disimpan: {0}").format(
                getattr(exc, "message", str(exc))), False)
            return False
        where = self.tr("server {0}").format(address) if address else self.tr("register SQLite lokal")
        if address == self.store.address:
            text = self.tr("Disimpan. Desk ini sudah memakai {0}.").format(where)
        else:
            text = self.tr("Disimpan. Tutup PPID Desk lalu buka kembali: desk ini akan memakai {0}.").format(where)
        self._say(text + warning, not warning)
        self.saved.emit(address.url if address else "")
        return True
