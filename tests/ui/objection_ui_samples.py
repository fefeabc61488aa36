"""Requests and objections for the Keberatan screens' tests (through the real services).

The story (November 2026 has no holidays): a request received Monday 2 November 2026,
rejected with a written notice on Monday 9 November; the desk's clock stands at Monday
16 November 2026, 10.00, well within the 30 working days to object.
"""

from __future__ import annotations

from datetime import date, datetime

from print_samples import register, set_office

from ppid_desk.objections import service
from ppid_desk.objections.codes import Decision, Ground
from ppid_desk.objections.service import ObjectionDecisionInput, ObjectionInput
from ppid_desk.register import service as requests
from ppid_desk.register.codes import Decision as RequestDecision, RequesterKind
from ppid_desk.store.models import Objection, Request
from ppid_desk.workdays import load_calendar

NOW = datetime(2026, 11, 16, 10, 0)
REJECTED_ON = date(2026, 11, 9)
ATASAN = "Drs. Bambang Sutrisno, M.Si."
CASE = "PPID menolak permohonan dengan alasan rahasia pribadi, padahal DPA adalah dokumen anggaran."


def office() -> None:
    set_office(atasan_name=ATASAN, atasan_title="Sekretaris Daerah")


def reject(row: Request) -> Request:
    data = requests.DecisionInput(RequestDecision.REJECTED, notice_date=REJECTED_ON, pasal17=["h"],
                                  consequence_test="Membuka data itu mengungkap rahasia pribadi.")
    return requests.decide(row.id, data, "ppid", now=datetime.combine(REJECTED_ON, datetime.min.time()))


def rejected_request(name: str = "Siti Aminah") -> Request:
    return reject(register(name))


def file_objection(request_row: Request | None = None, case: str = CASE, received: datetime = NOW,
                   **changes) -> Objection:
    """An objection on ``request_row`` (a new rejected request when None), ground a."""
    request_row = request_row or rejected_request()
    data = ObjectionInput(request_id=request_row.id, grounds=[Ground.REJECTED], case_summary=case,
                          received_at=received, **changes)
    return service.register_objection(data, load_calendar(), "budi", now=received)


def file_standalone(name: str, case: str, received: datetime = NOW) -> Objection:
    data = ObjectionInput(
        grounds=[Ground.NOT_ANSWERED], case_summary=case, information="Laporan realisasi anggaran 2025",
        purpose="Pengawasan anggaran", request_reference="Surat tanggal 1 Oktober 2026",
        requester=requests.RequesterInput(RequesterKind.PERSON, name, "3201014507900003", address="Jl. Melati 3"),
        received_at=received)
    return service.register_objection(data, load_calendar(), "budi", now=received)


def decide(objection: Objection, decision: Decision = Decision.UPHELD, at: datetime = NOW) -> Objection:
    service.forward(objection.id, "", "budi", now=at)
    data = ObjectionDecisionInput(decision, reasons="Alasan penolakan sudah tepat.",
                                  order_text="Berikan salinan DPA." if decision is Decision.OVERTURNED else "")
    return service.decide(objection.id, data, load_calendar(), "atasan", now=at)
