"""Failures around the register: a full disk, a read-only data folder, files removed
under the app. Each must give a clear one-line message in Indonesian (a
:class:`~ppid_desk.errors.PpidError`; on the command line ``ppid-desk: ...`` and exit
status 1), never a traceback, and leave nothing half written.

The full disk is a 2 MB tmpfs mounted for the test (the tests run as root in CI; without
the right to mount they are skipped). The read-only folder is checked two ways, because
root ignores ``chmod``: the tmpfs remounted read-only (a write-protected USB stick), and
a ``chmod 0555`` folder used by an unprivileged user through ``setpriv`` (a folder
without write permission).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from ppid_desk.errors import PpidError, StoreError
from ppid_desk.inbox import service as inbox
from ppid_desk.main import main
from ppid_desk.objections import service as objections
from ppid_desk.objections.codes import Ground
from ppid_desk.register import service
from ppid_desk.register.attachments import AttachmentKind, add_attachment, attachment_path, verify_attachment
from ppid_desk.register.codes import Decision
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.store import open_store
from ppid_desk.store.models import Request
from ppid_desk.units import save_unit
from ppid_desk.workdays import load_calendar

NIK = "3201014506900001"
TABLES = ("request", "requester", "request_event", "request_unit", "objection", "objection_event", "attachment",
          "inbox_message", "issued_document", "unit", "counter")


def one_line(message: str) -> str:
    """A message a person can read: one line, Indonesian, no traceback."""
    assert message.strip() and "\n" not in message.strip(), message
    assert "Traceback" not in message and "kesalahan tak terduga" not in message, message
    assert any(w in message.lower() for w in ("tidak", "penuh", "berkas", "folder")), message
    return message


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of ``folder`` up to ``leave`` free bytes (0: completely)."""
    filler = folder / f"pengisi-{len(list(folder.glob('pengisi-*')))}"
    with filler.open("wb") as out:
        block = b"\0" * 65536
        try:
            while True:
                stat = os.statvfs(folder)
                free = stat.f_bavail * stat.f_frsize - leave
                if free <= 0:
                    break
                out.write(block[:min(len(block), free)])
                out.flush()
        except OSError:
            pass
    return filler


def request_input(i: int, size: int = 200) -> RequestInput:
    text = "".join(random.Random(i).choices("abcdefghij klmnopqrstuvwxyz", k=size))
    return RequestInput(RequesterInput(name=f"Pemohon {i}", nik=NIK, phone="0812-3456-7890"),
                        information=f"Dokumen {i}: {text}", purpose="Penelitian")


def check_whole(db: Path, numbers: list[str]) -> None:
    """Integrity ok, every number given is there with its event, no request without one."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        found = {n for (n,) in con.execute("SELECT r.number FROM request r JOIN request_event e "
                                           "ON e.request_id = r.id AND e.kind = 'didaftarkan'")}
        assert set(numbers) <= found
        assert con.execute("SELECT count(*) FROM request").fetchone()[0] == len(found)
        assert con.execute("SELECT count(*) FROM request_search").fetchone()[0] == len(found)
    finally:
        con.close()


# --- a full disk -------------------------------------------------------------------------

def test_registering_until_the_disk_is_full(small_disk, capsys, figures):
    data = small_disk / "data"
    db = data / "ppid-desk.sqlite3"
    store = open_store(data)
    calendar = load_calendar()
    unit = save_unit("Bidang Anggaran", "bidang").id
    ballast = small_disk / "ballast"
    ballast.write_bytes(b"\0" * 600_000)  # freed at the end, as the office would free space

    numbers: list[str] = []
    failures: list[PpidError] = []
    for i in range(2000):
        before = counts(db)
        try:
            numbers.append(service.register_request(request_input(i, 1000), calendar, "petugas").number)
        except PpidError as exc:
            failures.append(exc)
            assert counts(db) == before, "a refused request left something behind"
            if len(failures) == 5:
                break
    assert len(numbers) >= 5 and len(failures) == 5
    for exc in failures:
        assert isinstance(exc, StoreError)
        assert one_line(exc.message).startswith("Disk penuh: perubahan tidak tersimpan.")

    # every other kind of write is refused the same way, and changes nothing
    filler = fill(small_disk)
    first = service.find_by_number(numbers[0])
    writes = {
        "route": lambda: service.route(first.id, [unit], "", "petugas"),
        "decide": lambda: service.decide(first.id, DecisionInput(Decision.GRANTED_FULL), "ppid"),
        "objection": lambda: objections.register_objection(
            objections.ObjectionInput(request_id=first.id, grounds=[Ground("c")], case_summary="Tidak dijawab"),
            calendar, "petugas"),
        "message": lambda: inbox.record_message(
            inbox.MessageInput(sender="Ani", contact="0812-1111-2222", text="Jam layanan?"), calendar, "petugas"),
        "unit": lambda: save_unit("Bidang Baru", "bidang"),
    }
    refused = []
    for name, write in writes.items():
        before = counts(db)
        try:
            write()  # a small write may still fit in the write-ahead log's room
        except StoreError as exc:
            assert one_line(exc.message).startswith("Disk penuh"), name
            assert counts(db) == before, name
            refused.append(name)
    print(f"refused on the full disk: {refused}")
    assert len(refused) >= 3
    check_whole(db, numbers)
    store.close()  # quitting the app on a full disk: no error

    # the command line says the same in one line: an import, a receipt (stored in the register)
    sheet = small_disk.parent / "lama.csv"
    sheet.write_text("No. Pendaftaran;Tanggal;Nama Pemohon;Informasi yang Diminta\n"
                     + "".join(f"L{i}/2025;02/01/2025;Budi {i};Data {i}\n" for i in range(50)), encoding="utf-8")
    # (writing commands first take the folder's lock file, which a full disk may refuse too)
    full = ("ppid-desk: Disk penuh", "ppid-desk: Kunci folder data")
    code, _, err = cli(capsys, "--data-dir", str(data), "import-register", str(sheet))
    assert code == 1 and one_line(err).startswith(full)
    pdf = small_disk.parent / "tanda-bukti.pdf"
    code, _, err = cli(capsys, "--data-dir", str(data), "print", "receipt", numbers[0], "--pdf", str(pdf))
    assert code == 1 and one_line(err).startswith(full) and not pdf.exists()
    code, out, err = cli(capsys, "--data-dir", str(data), "check")
    assert code == 0 and "integrity: ok" in out, err

    # space freed: the register opens, nothing is missing, numbering goes on without a gap or a twin
    filler.unlink()
    ballast.unlink()
    store = open_store(data)
    try:
        check_whole(db, numbers)
        row = service.register_request(request_input(9999), calendar, "petugas")
        assert row.seq == max(service.find_by_number(n).seq for n in numbers) + 1
        numbers.append(row.number)
    finally:
        store.close()
    check_whole(db, numbers)
    assert counts(db)["issued_document"] == 0
    figures["disk full: refused writes, each a clear message and nothing half stored"] += len(failures) + len(refused) + 2


def test_the_intake_form_on_a_full_disk_says_so_and_keeps_what_was_typed(small_disk, qtbot):
    from ppid_desk.ui.register.intake_form import IntakeForm

    data = small_disk / "data"
    store = open_store(data)
    try:
        form = IntakeForm(actor=lambda: "petugas")
        qtbot.addWidget(form)
        for name, value in (("name", "Siti Anggraini"), ("nik", NIK), ("phone", "0812-3456-7890")):
            form.edits[name].setText(value)
        form.information.setPlainText("Salinan DPA 2026 " * 200)
        form.purpose.setPlainText("Penelitian")
        filler = fill(small_disk)
        before = counts(data / "ppid-desk.sqlite3")
        assert form.save() is None
        assert one_line(form.general_error.text()).startswith("Disk penuh: perubahan tidak tersimpan.")
        assert form.edits["name"].text() == "Siti Anggraini"  # nothing typed is lost
        assert counts(data / "ppid-desk.sqlite3") == before
        filler.unlink()
        assert form.save() is not None
    finally:
        store.close()


def test_attachment_copy_on_a_full_disk_leaves_nothing(small_disk, tmp_path):
    data = small_disk / "data"
    store = open_store(data)
    try:
        row = service.register_request(request_input(1), load_calendar(), "petugas")
        scan = tmp_path / "KTP Budi.pdf"
        scan.write_bytes(os.urandom(700_000))
        filler = fill(small_disk, leave=300_000)
        before = counts(data / "ppid-desk.sqlite3")
        with pytest.raises(PpidError) as caught:
            add_attachment(data, row.id, scan, AttachmentKind.KTP, "petugas")
        assert one_line(caught.value.message).startswith("Lampiran tidak dapat disimpan")
        assert counts(data / "ppid-desk.sqlite3") == before
        assert [p for p in (data / "lampiran").rglob("*") if p.is_file()] == []
        filler.unlink()
        attachment = add_attachment(data, row.id, scan, AttachmentKind.KTP, "petugas")
        assert verify_attachment(data, attachment)
    finally:
        store.close()


@pytest.fixture
def register_with_requests(tmp_path, capsys):
    data = tmp_path / "data"
    code, _, err = cli(capsys, "--data-dir", str(data), "demo", "--requests", "400", "--seed", "7")
    assert code == 0, err
    return data


@pytest.mark.parametrize("command", [
    ["export-register"], ["export-objections"], ["report", "annual"],
])
def test_export_to_a_full_disk_leaves_no_partial_file(small_disk, register_with_requests, command):
    """Run as its own process: what Python prints when it collects a half-written zip
    file would reach the terminal too."""
    out = small_disk / "register.xlsx"
    fill(small_disk)
    done = subprocess.run([sys.executable, "-m", "ppid_desk", "--data-dir", str(register_with_requests), *command,
                           "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert one_line(done.stderr).startswith(f"ppid-desk: Berkas {out} tidak dapat ditulis"), done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["pengisi-0"]


def test_pdf_to_a_full_disk_leaves_no_partial_file(small_disk, register_with_requests, capsys):
    old = small_disk / "tanda-bukti.pdf"
    old.write_bytes(b"%PDF-1.4 an older receipt")
    fill(small_disk, leave=4096)
    store = open_store(register_with_requests)
    number = Request.select().order_by(Request.id).first().number
    store.close()
    code, _, err = cli(capsys, "--data-dir", str(register_with_requests), "print", "receipt", number,
                       "--pdf", str(old))
    assert code == 1 and one_line(err).startswith(f"ppid-desk: PDF tidak dapat ditulis ke {old}")
    assert old.read_bytes() == b"%PDF-1.4 an older receipt"  # the older file is not spoilt
    assert sorted(p.name for p in small_disk.iterdir()) == ["pengisi-0", "tanda-bukti.pdf"]


def test_saving_a_pdf_from_the_window_to_a_full_disk(small_disk, qapp):
    from ppid_desk.ui.printing.print_flow import save_pdf

    told = []

    class Dialogs:
        def save_path(self, parent, suggested):
            return str(small_disk / "tanda-bukti")

        def tell(self, parent, title, message):
            told.append(message)

    fill(small_disk, leave=4096)
    assert save_pdf(None, b"%PDF-1.4 " + os.urandom(200_000), "tanda-bukti.pdf", Dialogs()) is None
    assert len(told) == 1 and one_line(told[0]).startswith(f"PDF tidak dapat disimpan ke {small_disk}/tanda-bukti.pdf")
    assert sorted(p.name for p in small_disk.iterdir()) == ["pengisi-0"]


# --- a read-only data folder -------------------------------------------------------------

def test_read_only_file_system(small_disk, tmp_path, capsys, monkeypatch, qapp):
    data = small_disk / "data"
    store = open_store(data)
    number = service.register_request(request_input(1), load_calendar(), "petugas").number
    store.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)

    with pytest.raises(StoreError) as caught:
        open_store(data)
    assert "hanya-baca" in one_line(caught.value.message)
    with pytest.raises(StoreError) as caught:
        open_store(small_disk / "baru")
    assert one_line(caught.value.message).startswith(f"Folder data {small_disk / 'baru'} tidak dapat dibuat")

    for argv in (["check"], ["export-register", "--out", str(tmp_path / "r.xlsx")],
                 ["print", "receipt", number, "--pdf", str(tmp_path / "r.pdf")], ["holidays", "2026"]):
        code, _, err = cli(capsys, "--data-dir", str(data), *argv)
        assert code == 1, argv
        assert one_line(err).startswith("ppid-desk: ")
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "r.pdf").exists()

    # the window: a message box with the same sentence, then exit status 1
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    code, _, err = cli(capsys, "--data-dir", str(data), "gui")
    assert code == 1 and len(shown) == 1 and "hanya-baca" in one_line(shown[0])


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root and setpriv "
                    "to run the app as an unprivileged user")
def test_folder_without_write_permission_for_an_ordinary_user():
    """chmod 0555 stops everyone but root; the app runs as ``nobody`` here."""
    top = Path(tempfile.mkdtemp(prefix="ppid-ro-"))
    try:
        top.chmod(0o755)
        data = top / "data"
        store = open_store(data)
        number = service.register_request(request_input(1), load_calendar(), "petugas").number
        store.close()
        before = sorted(p.name for p in data.iterdir())  # the register (and the audit head)
        data.chmod(0o555)
        (data / "ppid-desk.sqlite3").chmod(0o444)
        out = top / "keluar"
        out.mkdir(mode=0o777)
        out.chmod(0o777)
        for argv in (["check"], ["export-register", "--out", str(out / "r.xlsx")],
                     ["print", "receipt", number, "--pdf", str(out / "r.pdf")], ["import-register", "/dev/null"]):
            done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                   sys.executable, "-m", "ppid_desk", "--data-dir", str(data), *argv],
                                  capture_output=True, text=True, cwd=top, env=dict(os.environ, HOME=str(top)),
                                  timeout=60)
            assert done.returncode == 1, (argv, done.stdout, done.stderr)
            assert one_line(done.stderr).startswith("ppid-desk: "), done.stderr
            assert "tanpa izin tulis" in done.stderr or "tidak dapat d" in done.stderr, done.stderr
        assert sorted(p.name for p in data.iterdir()) == before  # nothing half written left behind
        assert list(out.iterdir()) == []
    finally:
        for path in (top, *top.rglob("*")):
            path.chmod(0o755) if path.is_dir() else None
        shutil.rmtree(top)


# --- files removed under the app ---------------------------------------------------------

def test_attachment_removed_from_the_data_folder(store, data_dir, tmp_path, qtbot):
    from ppid_desk.ui.register.attachments_view import AttachmentsBox

    row = service.register_request(request_input(1), load_calendar(), "petugas")
    scan = tmp_path / "KTP Siti.jpg"
    scan.write_bytes(b"\xff\xd8\xff" + os.urandom(5000))
    attachment = add_attachment(data_dir, row.id, scan, AttachmentKind.KTP, "petugas")
    opened = []
    box = AttachmentsBox(data_dir, lambda: "petugas", datetime.now, opener=lambda url: opened.append(url) or True)
    qtbot.addWidget(box)
    attachment_path(data_dir, attachment).unlink()
    box.show_request(row.id)
    assert not verify_attachment(data_dir, attachment)
    assert box.warning.isVisibleTo(box)
    assert one_line(box.warning.text()).startswith("\u26a0 Berkas simpanan hilang atau berubah sejak dilampirkan: "
                                                   "KTP Siti.jpg.")
    assert not box.open_attachment(0) and opened == []
    assert one_line(box.error.text()).startswith("Berkas KTP Siti.jpg tidak ada lagi di folder data")
    # the whole lampiran folder gone: the same, and a new attachment still goes in
    shutil.rmtree(data_dir / "lampiran")
    box.show_request(row.id)
    assert box.warning.isVisibleTo(box)
    other = tmp_path / "surat.pdf"
    other.write_bytes(b"%PDF-1.4 surat")
    assert verify_attachment(data_dir, add_attachment(data_dir, row.id, other, AttachmentKind.OTHER, "petugas"))
