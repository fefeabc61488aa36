"""Requests in every state a document needs, and ways to read a PDF back.

November 2026 has no holidays: a request received Monday 2 November 09.30 has its
written notice due Monday 16 November (10th working day) and, extended by 7 days,
Wednesday 25 November (17th).
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime

from pypdf import PdfReader

from ppid_desk.office import load_office, save_office
from ppid_desk.register import service
from ppid_desk.register.codes import Channel, Decision, DeliveryForm, DeliveryMethod, ObtainMethod
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.store.models import Request
from ppid_desk.workdays import load_calendar

RECEIVED = datetime(2026, 11, 2, 9, 30)  # Monday
NIK = "3401054506900001"
# Names with letters outside Latin-1 (Vietnamese, Polish, Arabic transliteration).
NAMES = ("Nguyễn Thị Ánh", "Żaneta Ṣāliḥah Đặng", "Ngurah Rai Pèrmana")
MM = 72 / 25.4


def set_office(**changes) -> None:
    office = load_office().with_changes(
        agency_name="Dinas Komunikasi dan Informatika Kabupaten Kulon Progo", ppid_unit="PPID Utama",
        address="Jalan Perwakilan Nomor 1, Wates", phone="(0274) 773001", fax="(0274) 774060",
        email="ppid@kulonprogokab.go.id", website="ppid.kulonprogokab.go.id", city="Wates",
        ppid_name="Drs. Ngurah Rai Pèrmana, M.Si.", ppid_nip="196508091986031012",
        atasan_name="Ir. Bambang Sutrisno", atasan_title="Sekretaris Daerah")
    save_office(office.with_changes(**changes))


def register(name: str = NAMES[0], received: datetime = RECEIVED, obtain: ObtainMethod = ObtainMethod.HARDCOPY,
             delivery: DeliveryMethod = DeliveryMethod.PICK_UP) -> Request:
    data = RequestInput(
        requester=RequesterInput(name=name, nik=NIK, address="Jl. Sutomo 12, Wates", occupation="Mahasiswa",
                                 phone="0812-3456-7890", email="anh@example.id"),
        information="Salinan DPA Dinas Kesehatan tahun 2026", purpose="Penelitian skripsi",
        channel=Channel.WALK_IN, received_at=received, obtain_method=obtain, delivery_method=delivery)
    return service.register_request(data, load_calendar(), "budi", now=received)


def decide(row: Request, decision: Decision, on: date = date(2026, 11, 12), **changes) -> Request:
    data = DecisionInput(decision, notice_date=on, **changes)
    return service.decide(row.id, data, "ppid", now=datetime.combine(on, datetime.min.time()).replace(hour=10))


def extend(row: Request, reason: str = "Informasi tersebar di beberapa bidang dan perlu dihimpun") -> Request:
    return service.extend(row.id, reason, load_calendar(), "ppid", now=datetime(2026, 11, 10, 10))


def deliver(row: Request, cost: int = 12000, pages: int = 24, on: date = date(2026, 11, 13)) -> Request:
    return service.deliver(row.id, DeliveryForm.HARDCOPY, "budi", pages=pages, cost=cost,
                           payment_method="Tunai" if cost else "", delivered_on=on,
                           now=datetime.combine(on, datetime.min.time()).replace(hour=10))


def reject(row: Request) -> Request:
    return decide(row, Decision.REJECTED, on=date(2026, 11, 9), pasal17=["h", "a"],
                  other_statute="Pasal 57 Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan",
                  consequence_test="Membuka rekam medis akan mengungkap rahasia pribadi pasien.")


def pages(pdf: bytes) -> list:
    return PdfReader(io.BytesIO(pdf)).pages


def text(pdf: bytes) -> str:
    """The PDF's text with every run of whitespace made one space (lines wrap anywhere)."""
    return " ".join(" ".join(page.extract_text().split()) for page in pages(pdf))


def page_text(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pages(pdf)]


def size_mm(pdf: bytes) -> set[tuple[int, int]]:
    return {(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in pages(pdf)}


def fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(base font name, embedded as a TrueType file) of every font of every page."""
    found = []
    for page in pages(pdf):
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.append((re.sub(r"^/[A-Z]{6}\+", "", str(font["/BaseFont"])), embedded))
    return found
