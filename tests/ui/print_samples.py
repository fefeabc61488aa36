"""Requests, stand-in dialogs and a PDF-file printer for the printing tests."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from ppid_desk.office import load_office, save_office
from ppid_desk.register import service
from ppid_desk.register.codes import Decision, RequesterKind
from ppid_desk.store.models import Request
from ppid_desk.ui.printing.pdf_printer import file_printer
from ppid_desk.ui.printing.print_flow import FlowDialogs
from ppid_desk.workdays import load_calendar

RECEIVED = datetime(2026, 11, 2, 9, 30)  # a Monday without holidays around it
NAME = "Nguy\u1ec5n Th\u1ecb \u00c1nh"  # letters outside Latin-1


def set_office(**changes) -> None:
    save_office(load_office().with_changes(
        agency_name="Dinas Komunikasi dan Informatika Kota Bandung", ppid_unit="PPID Utama", city="Bandung",
        address="Jalan Wastukencana Nomor 2", ppid_name="Ir. Siti Aminah", ppid_nip="196508091986031012",
        **changes))


def register(name: str = NAME) -> Request:
    data = service.RequestInput(
        requester=service.RequesterInput(RequesterKind.PERSON, name, "3201014507900003", address="Jl. Kenanga 5",
                                         phone="0812 3456 7890"),
        information="Salinan DPA Dinas Pendidikan tahun 2026", purpose="Penelitian skripsi", received_at=RECEIVED)
    return service.register_request(data, load_calendar(), "petugas", now=RECEIVED)


def decide(row: Request, decision: Decision = Decision.GRANTED_FULL) -> Request:
    on = date(2026, 11, 12)
    return service.decide(row.id, service.DecisionInput(decision, notice_date=on), "ppid",
                          now=datetime(2026, 11, 12, 10, 0))


def words(path_or_bytes: Path | bytes) -> str:
    """The PDF's text with every run of whitespace made one space."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def page_sizes(path: Path) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(path).pages]


class FileFactory:
    """A printer factory that prints through Qt into PDF files, counting the jobs."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.calls: list[tuple[str | None, str]] = []

    def __call__(self, name: str | None, paper: str):
        path = self.folder / f"job-{len(self.calls)}.pdf"  # job-0.pdf, job-1.pdf, ...
        self.calls.append((name, paper))
        return file_printer(str(path), paper)


class FakeDialogs(FlowDialogs):
    """Answers the print flow's questions without windows and records what was asked."""

    def __init__(self, confirm: bool = True, offer: bool = True, save_to: Path | None = None):
        self.confirm, self.offer, self.save_to = confirm, offer, save_to
        self.asked: list[tuple[str, str]] = []

    def confirm_printer(self, parent, printer) -> bool:
        self.asked.append(("printer", printer.printerName() or printer.outputFileName()))
        return self.confirm

    def offer_save(self, parent, title: str, message: str) -> bool:
        self.asked.append(("offer", message))
        return self.offer

    def save_path(self, parent, suggested: str) -> str:
        self.asked.append(("path", suggested))
        return str(self.save_to) if self.save_to else ""

    def tell(self, parent, title: str, message: str) -> None:
        self.asked.append(("tell", message))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.asked]
