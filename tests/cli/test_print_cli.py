"""``ppid-desk print KIND NUMBER (--pdf FILE | --printer NAME)``, down to a real CUPS queue."""

from __future__ import annotations

import io
import os
import pwd
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from ppid_desk.main import main
from ppid_desk.office import load_office, save_office
from ppid_desk.register import service
from ppid_desk.register.codes import RequesterKind
from ppid_desk.reports.issuing import DocumentKind
from ppid_desk.store import open_store
from ppid_desk.store.models import IssuedDocument
from ppid_desk.reports.objection_issuing import ObjectionDocumentKind
from ppid_desk.ui.print_command import KINDS, OBJECTION_KINDS, REQUEST_KINDS
from ppid_desk.workdays import load_calendar

CUPS_QUEUE = "PPID_Test_PDF"
CUPS_WAIT = 30.0  # seconds for cups-pdf to write the job
NAME = "Nguy\u1ec5n Th\u1ecb \u00c1nh"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def number(data_dir) -> str:
    """A registered request in a register of its own (closed again, as the CLI opens it)."""
    received = datetime(2026, 11, 2, 9, 30)
    with open_store(data_dir):
        save_office(load_office().with_changes(agency_name="Dinas Komunikasi dan Informatika Kota Bandung",
                                               city="Bandung"))
        row = service.register_request(service.RequestInput(
            requester=service.RequesterInput(RequesterKind.PERSON, NAME, "3201014507900003", phone="08123456789"),
            information="Salinan DPA Dinas Pendidikan tahun 2026", purpose="Penelitian skripsi",
            received_at=received), load_calendar(), "petugas", now=received)
        return row.number


def words(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def issued_count(data_dir) -> int:
    with open_store(data_dir):
        return IssuedDocument.select().count()


def test_kinds_are_the_documents_kinds():
    assert REQUEST_KINDS == tuple(kind.value for kind in DocumentKind)
    assert OBJECTION_KINDS == tuple(kind.value for kind in ObjectionDocumentKind)
    assert KINDS == REQUEST_KINDS + OBJECTION_KINDS


def test_print_to_pdf_file(capsys, data_dir, number, tmp_path):
    out_file = tmp_path / "tanda-bukti.pdf"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", "receipt", number, "--pdf", str(out_file))
    assert code == 0, err
    assert out.splitlines() == [f"letter: {number}", "copy: no", f"pdf: {out_file}"]
    text = words(out_file.read_bytes())
    assert number in text and NAME in text and "SALINAN" not in text
    # Again: the stored receipt, marked SALINAN.
    again = tmp_path / "lagi.pdf"
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "print", "receipt", number, "--pdf", str(again))
    assert code == 0 and "copy: yes" in out.splitlines()
    assert "SALINAN" in words(again.read_bytes())
    assert issued_count(data_dir) == 1


@pytest.mark.parametrize(("argv", "message"), [
    (["receipt", "999/PPID/XI/2026"], "Tidak ada permohonan bernomor 999/PPID/XI/2026."),
    (["notice", "{number}"], "Pemberitahuan tertulis tidak dapat dicetak: Permohonan ini belum diputuskan."),
    (["rejection", "{number}"], "Keputusan penolakan tidak dapat dicetak: Permohonan ini belum diputuskan."),
])
def test_unknown_number_or_unfit_kind_is_one_line_exit_1(capsys, data_dir, number, tmp_path, argv, message):
    argv = [a.format(number=number) for a in argv]
    target = tmp_path / "x.pdf"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", *argv, "--pdf", str(target))
    assert code == 1 and out == ""
    assert err == f"ppid-desk: {message}\n"
    assert not target.exists()


def test_unknown_printer_is_one_line_exit_1_and_issues_nothing(capsys, data_dir, number):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", "receipt", number, "--printer",
                         "Printer_Yang_Hilang")
    assert code == 1 and out == ""
    assert err.startswith("ppid-desk: Printer \u201cPrinter_Yang_Hilang\u201d tidak ditemukan.")
    assert err.count("\n") == 1
    assert issued_count(data_dir) == 0


def test_unwritable_pdf_target_issues_nothing(capsys, data_dir, number, tmp_path):
    code, _, err = run(capsys, "--data-dir", str(data_dir), "print", "receipt", number, "--pdf",
                       str(tmp_path / "tidak-ada" / "x.pdf"))
    assert code == 1 and "tidak dapat ditulis" in err
    assert issued_count(data_dir) == 0


@pytest.mark.parametrize("argv", [
    ["receipt", "001/PPID/XI/2026"],                                    # neither --pdf nor --printer
    ["receipt", "001/PPID/XI/2026", "--pdf", "a.pdf", "--printer", "P"],  # both
    ["surat", "001/PPID/XI/2026", "--pdf", "a.pdf"],                     # unknown kind
    ["receipt", "--pdf", "a.pdf"],                                       # no number
])
def test_bad_arguments_exit_2(capsys, data_dir, argv):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", *argv)
    assert code == 2 and out == ""
    assert err.startswith("ppid-desk: ") and err.count("\n") == 1


# --- a real CUPS queue -------------------------------------------------------------------

def cups_pdf_folders() -> list[Path]:
    """Where cups-pdf writes jobs of this user: ``Out`` of /etc/cups/cups-pdf.conf, and the
    folder for anonymous jobs."""
    settings = {"Out": "/var/spool/cups-pdf/${USER}", "AnonDirName": "/var/spool/cups-pdf/ANONYMOUS"}
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.is_file():
        for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split(None, 1)
            if len(parts) == 2 and parts[0] in settings:
                settings[parts[0]] = parts[1].strip()
    user = pwd.getpwuid(os.getuid())
    return [Path(value.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name)) for value in settings.values()]


def cups_problem() -> str | None:
    """Why the CUPS test cannot run here, or None."""
    if not sys.platform.startswith("linux"):
        return None
    if not shutil.which("lpstat") or not shutil.which("cupsd"):
        return "CUPS is not installed: run `make system-deps` as root (cups cups-bsd printer-driver-cups-pdf)"
    running = subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout
    if "scheduler is running" not in running:
        return f"the CUPS scheduler is not running ({running.strip() or 'lpstat -r: no answer'}): " \
               "run `make system-deps` as root, it starts cupsd"
    queue = subprocess.run(["lpstat", "-p", CUPS_QUEUE], capture_output=True, text=True)
    if queue.returncode != 0:
        return f"the CUPS queue {CUPS_QUEUE} does not exist ({queue.stderr.strip()}): run `make system-deps` as root"
    return None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CUPS and cups-pdf are Linux's")
def test_print_to_a_real_cups_queue(data_dir, number, qapp):
    problem = cups_problem()
    if problem:
        pytest.fail(f"cannot print to a real CUPS queue: {problem}")
    folders = cups_pdf_folders()
    before = {p for folder in folders if folder.is_dir() for p in folder.glob("*.pdf")}
    started = time.time()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-m", "ppid_desk", "--data-dir", str(data_dir), "print", "receipt",
                           number, "--printer", CUPS_QUEUE], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"letter: {number}", "copy: no", f"printer: {CUPS_QUEUE}"]

    found: list[Path] = []
    while time.time() - started < CUPS_WAIT and not found:
        time.sleep(0.2)
        found = [p for folder in folders if folder.is_dir() for p in folder.glob("*.pdf")
                 if p not in before and p.stat().st_mtime >= started - 1 and p.stat().st_size > 0]
    if not found:
        jobs = subprocess.run(["lpstat", "-o", CUPS_QUEUE], capture_output=True, text=True).stdout.strip()
        pytest.fail(f"cups-pdf wrote no PDF within {CUPS_WAIT:.0f} s into {', '.join(map(str, folders))} "
                    f"(jobs still queued: {jobs or 'none'}; see /var/log/cups/error_log)")
    job = max(found, key=lambda p: p.stat().st_mtime)
    time.sleep(0.5)  # cups-pdf may still be finishing the file it just created
    reader = PdfReader(job)
    assert len(reader.pages) == 2  # Lembar untuk Pemohon, Lembar Arsip
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(595, 842)}
    # cups-pdf re-encodes the fonts (its text reads back as symbols), so the pages are compared
    # as pictures with the issued receipt instead.
    assert re.search(r"Tanda_bukti", job.name)
    from ppid_desk.reports.issuing import stored_pdf
    from ppid_desk.ui.printing.pdf_printer import PdfPages

    with open_store(data_dir):
        issued = stored_pdf(IssuedDocument.get().id, copy=False)
    printed, original = PdfPages(job.read_bytes()), PdfPages(issued)
    job.unlink()  # ours; cups-pdf's folder is not the test's to fill
    for page in range(2):
        a, b = ink_profile(printed, page), ink_profile(original, page)
        assert sum(b) > 0, "the issued page is blank?"
        # Same layout: another receipt scores about 0.65, the same one about 0.95.
        assert correlation(a, b) > 0.85, f"page {page + 1} through CUPS does not look like the issued receipt"


def ink_profile(pages, page: int, band: int = 4) -> list[float]:
    """How much ink each band of 4 lines of a 36-dpi picture of the page holds (the layout,
    not the anti-aliasing)."""
    from PySide6.QtGui import QImage

    image = pages.render(page, pages.point_size(page).toSize() / 2).convertToFormat(QImage.Format.Format_Grayscale8)
    width, stride = image.width(), image.bytesPerLine()
    data = image.constBits().tobytes()
    lines = [sum(255 - v for v in data[y * stride:y * stride + width]) for y in range(image.height())]
    return [sum(lines[y:y + band]) for y in range(0, len(lines), band)]


def correlation(a: list[float], b: list[float]) -> float:
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(a, b))
    var = (sum((x - mean_a) ** 2 for x in a) * sum((y - mean_b) ** 2 for y in b)) ** 0.5
    return cov / var if var else 0.0
