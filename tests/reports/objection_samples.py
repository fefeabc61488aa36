"""Objections in every state their documents need (on top of :mod:`document_samples`).

The story (dates hand-checked, November 2026 has no holidays): a request received
Monday 2 November 2026 is rejected on 9 November; the objection comes Monday 16 November
10.00 (answer due Wednesday 30 December, the 30th working day), is forwarded on the
17th, decided on Friday 20 November and its response handed over on Monday 23 November
(Komisi Informasi until Friday 11 December, the 14th working day). Overturned, the PPID
must give the information by Friday 4 December (10 working days after the decision).
"""

from __future__ import annotations

from datetime import date, datetime

from document_samples import NAMES, NIK, register, reject

from ppid_desk.objections import service
from ppid_desk.objections.codes import Decision, Ground
from ppid_desk.objections.service import ObjectionDecisionInput, ObjectionInput
from ppid_desk.register.service import RequesterInput
from ppid_desk.store.models import Objection
from ppid_desk.workdays import load_calendar

FILED = datetime(2026, 11, 16, 10, 0)
FORWARDED = datetime(2026, 11, 17, 10, 0)
DECIDED = datetime(2026, 11, 20, 10, 0)
HANDED = datetime(2026, 11, 23, 10, 0)
ANSWER_DUE = date(2026, 12, 30)
ORDER_DUE = date(2026, 12, 4)
DISPUTE_DUE = date(2026, 12, 11)
CASE = ("Pemohon meminta salinan DPA Dinas Kesehatan tahun 2026 untuk penelitian skripsi. PPID menolak "
        "permohonan dengan alasan rahasia pribadi, padahal DPA adalah dokumen anggaran yang wajib "
        "tersedia setiap saat.")
REASONS = ("DPA memuat rincian anggaran belanja yang wajib diumumkan; data pribadi di dalamnya dapat "
           "dihitamkan sehingga alasan penolakan tidak tepat.")
ORDER = "Salinan DPA Dinas Kesehatan tahun 2026 dengan data pribadi dihitamkan"
UPHOLD = "Rekam medis pasien adalah rahasia pribadi menurut Pasal 17 huruf h; uji konsekuensi PPID sudah tepat."


def file_objection(name: str = NAMES[0], proxy: bool = False, **changes) -> Objection:
    """An objection against a rejected request (grounds a and f)."""
    request_row = reject(register(name))
    values = dict(request_id=request_row.id, grounds=[Ground.REJECTED, Ground.UNREASONABLE_FEE], case_summary=CASE,
                  received_at=FILED, proxy_name="Ahmad Fauzi, S.H." if proxy else "",
                  proxy_letter="Surat Kuasa Khusus tanggal 12-11-2026" if proxy else "")
    data = ObjectionInput(**{**values, **changes})
    return service.register_objection(data, load_calendar(), "budi", now=data.received_at)


def file_standalone(name: str = NAMES[2]) -> Objection:
    """An objection to a request the office has no record of (ground c)."""
    data = ObjectionInput(
        grounds=[Ground.NOT_ANSWERED], case_summary="Permohonan lewat pos tanggal 1 Oktober 2026 tidak dijawab.",
        information="Laporan realisasi anggaran 2025", purpose="Pengawasan anggaran",
        request_reference="Surat tanggal 1 Oktober 2026",
        requester=RequesterInput(name=name, nik=NIK, address="Jl. Diponegoro 7, Wates", occupation="Wartawan",
                                 phone="0813-1111-2222"),
        received_at=FILED)
    return service.register_objection(data, load_calendar(), "budi", now=FILED)


def decide(row: Objection, overturn: bool = True, **changes) -> Objection:
    service.forward(row.id, "Berkas lengkap", "ppid", now=FORWARDED)
    data = ObjectionDecisionInput(Decision.OVERTURNED if overturn else Decision.UPHELD,
                                  reasons=REASONS if overturn else UPHOLD, order_text=ORDER if overturn else "",
                                  decided_on=DECIDED.date(), **changes)
    return service.decide(row.id, data, load_calendar(), "ppid", now=DECIDED)


def hand_over(row: Objection) -> Objection:
    return service.hand_over_response(row.id, load_calendar(), "budi", handed_on=HANDED.date(), now=HANDED)
