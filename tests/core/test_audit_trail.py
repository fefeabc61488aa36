"""The audit trail of the services (issue 8): what one step's entry says (and what it
keeps out: personal data), one entry per bulk operation, entries rolled back with a
refused step, and a register edited with the sqlite3 module behind the app's back
caught by ``ppid-desk audit verify``."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time as clock
from datetime import date, datetime

import openpyxl
import pytest

from ppid_desk import audit
from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.roles import Role
from ppid_desk.errors import ValidationError
from ppid_desk.main import main
from ppid_desk.paths import database_path
from ppid_desk.register import importer, service
from ppid_desk.register.codes import Decision
from ppid_desk.register.demo import generate
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.store import open_store
from ppid_desk.store.models import AuditEntry, Request, RequestEvent
from ppid_desk.workdays import add_override, load_calendar

T0 = datetime(2026, 11, 2, 10, 0)
T1 = datetime(2026, 11, 3, 10, 0)
NIK = "3201014506900001"
RINA = Officer(7, "rina", "Rina Wulandari", frozenset({Role.PETUGAS}))
ANDI = Officer(8, "andi", "Andi Pratama", frozenset({Role.PPID}))


def register(actor=RINA, name="Siti Anggraini", when=T0):
    data = RequestInput(RequesterInput(name=name, nik=NIK, address="Jl. Merdeka 1, Bandung", phone="0812-3456-7890"),
                        information="Salinan DPA Dinas Kesehatan 2026", purpose="Penelitian")
    return service.register_request(data, load_calendar(), actor, now=when)


def entries() -> list[AuditEntry]:
    return list(AuditEntry.select().order_by(AuditEntry.id))


def test_a_registration_leaves_one_entry_naming_the_request_and_the_officer(store):
    row = register()
    [entry] = entries()
    assert entry.action == "request.registered"
    assert (entry.target_kind, entry.target_id) == ("request", "001/PPID/XI/2026")
    assert entry.summary == "Permohonan 001/PPID/XI/2026: didaftarkan."
    assert (entry.actor_name, entry.actor_username) == ("Rina Wulandari", "rina")
    assert entry.at == T0
    event = RequestEvent.get(RequestEvent.request == row.id)
    assert event.actor == "Rina Wulandari" and row.created_by == "Rina Wulandari"
    data = json.loads(entry.data)
    assert data["event_id"] == event.id and data["event"] == "didaftarkan"
    assert data["data_sha256"] == hashlib.sha256(event.data.encode()).hexdigest()
    assert audit.verify().ok


def test_a_correction_entry_names_the_fields_but_never_their_values(store):
    row = register()
    service.correct(row.id, {"requester.nik": "3201014506900002", "requester.phone": "081299998888"},
                    "Salah ketik", RINA, now=T1)
    entry = entries()[-1]
    assert entry.summary == "Permohonan 001/PPID/XI/2026: koreksi data (data: requester.nik, requester.phone)."
    text = entry.summary + entry.data
    for secret in (NIK, "3201014506900002", "0812-3456-7890", "081299998888", "Siti"):
        assert secret not in text


def test_a_decision_entry_says_which(store):
    row = register()
    service.decide(row.id, DecisionInput(Decision.GRANTED_PARTIAL, note="Lampiran dihitamkan"), ANDI, now=T1)
    assert entries()[-1].summary == "Permohonan 001/PPID/XI/2026: diputuskan (dikabulkan sebagian)."


def test_a_step_that_fails_leaves_neither_its_change_nor_its_entry(store):
    row = register()
    with pytest.raises(ValidationError):
        service.decide(row.id, DecisionInput(Decision.GRANTED_FULL, notice_date=date(2026, 10, 1)), ANDI, now=T1)
    assert [e.action for e in entries()] == ["request.registered"]
    assert Request.get_by_id(row.id).decision is None
    assert audit.verify().ok


def test_an_import_is_one_entry_whatever_its_size(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No. Pendaftaran", "Tanggal", "Nama Pemohon", "Informasi yang Diminta"])
    for i in range(1, 301):
        ws.append([f"{i:03d}/PPID/III/2026", datetime(2026, 3, 2, 9, 30), f"Pemohon {i}", "DPA 2026"])
    path = tmp_path / "register lama.xlsx"
    wb.save(path)
    importer.apply(importer.check_file(path), "budi", now=T1)
    [entry] = entries()
    assert entry.action == "register.import" and entry.target_id == "register lama.xlsx"
    assert entry.summary == "Register diimpor dari berkas register lama.xlsx: 300 permohonan, 300 pemohon."
    assert json.loads(entry.data)["requests"] == 300
    assert audit.verify().ok


def test_the_demo_is_one_entry_and_a_calendar_change_one_more(store):
    generate(60, 1, 1, date(2026, 11, 20), actor="budi")
    [entry] = entries()
    assert entry.action == "demo.generate" and entry.actor_name == "budi"
    running = Request.select().where(Request.status.in_(["terdaftar", "didisposisi"])).count()
    assert running  # so the closure below recomputes several requests' deadlines
    add_override(date(2026, 11, 27), "libur", "Rapat kerja", actor="budi")
    last = entries()[-1]
    assert len(entries()) == 2 and last.action == "calendar.add"
    assert "27-11-2026 ditetapkan sebagai hari libur kantor" in last.summary
    assert audit.verify().ok


def test_auditing_keeps_a_registration_fast(store):
    times = []
    for i in range(30):
        began = clock.perf_counter()
        register(name=f"Pemohon {i}", when=T0)
        times.append(clock.perf_counter() - began)
    times.sort()
    assert times[len(times) // 2] < 0.05  # measured ~1.9 ms (bench/bench_register.py); generous for busy machines
    assert len(entries()) == 30 and audit.verify().ok


# --- behind the app's back -------------------------------------------------------------------

def _edit(data_dir, sql: str) -> None:
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute(sql)
    conn.commit()
    conn.close()


def _verify(capsys, data_dir) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "audit", "verify"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def written(data_dir):
    """A register with four steps written through the services, then closed."""
    with open_store(data_dir):
        row = register()
        service.mark_incomplete(row.id, "Fotokopi KTP", RINA, now=T1)
        service.complete(row.id, load_calendar(), RINA, now=T1)
        service.decide(row.id, DecisionInput(Decision.GRANTED_FULL), ANDI, now=T1)
        assert [e.id for e in entries()] == [1, 2, 3, 4]
    return data_dir


def test_verify_after_service_writes_is_whole(capsys, written):
    assert _verify(capsys, written)[:2] == (0, "audit: 4 entri utuh\n")


def test_a_deleted_entry_makes_verify_fail_naming_the_next(capsys, written):
    _edit(written, "DELETE FROM audit_log WHERE id = 2")
    code, out, err = _verify(capsys, written)
    assert (code, out) == (1, "")
    assert err.startswith("ppid-desk: audit: RUSAK pada entri #3: rantai terputus")


def test_a_changed_entry_makes_verify_fail_naming_it(capsys, written):
    _edit(written, "UPDATE audit_log SET actor_name = 'Orang Lain' WHERE id = 4")
    code, _, err = _verify(capsys, written)
    assert code == 1
    assert err.startswith("ppid-desk: audit: RUSAK pada entri #4: isi entri diubah")


def test_deleting_the_last_entry_makes_verify_fail(capsys, written):
    _edit(written, "DELETE FROM audit_log WHERE id = 4")
    code, _, err = _verify(capsys, written)
    assert code == 1 and "RUSAK pada entri #4: entri terakhir dihapus" in err


def test_an_edited_event_no_longer_matches_its_entry(written):
    """The register tables are not chained, but each event's entry keeps its data's
    SHA-256: an event edited afterwards shows."""
    _edit(written, "UPDATE request_event SET actor = 'Orang Lain', data = '{}' WHERE kind = 'diputuskan'")
    with open_store(written):
        assert audit.verify().ok  # the chain itself is whole ...
        for entry in entries():
            data = json.loads(entry.data)
            event = RequestEvent.get_by_id(data["event_id"])
            same = hashlib.sha256(event.data.encode()).hexdigest() == data["data_sha256"]
            assert same is (entry.action != "request.decided")  # ... but the edited event is caught


def test_verify_is_whole_after_a_restore_on_the_command_line(capsys, written, tmp_path):
    code = main(["--data-dir", str(written), "backup", "--to", str(tmp_path / "usb")])
    assert code == 0
    backup = next((tmp_path / "usb").glob("*.sqlite3"))
    with open_store(written):
        register(name="Budi Santoso", when=T1)  # the log grows past the backup (and the backup's own entry)
    capsys.readouterr()
    assert main(["--data-dir", str(written), "restore", str(backup)]) == 0
    code, out, err = _verify(capsys, written)
    assert (code, err) == (0, ""), err
    with open_store(written):
        last = entries()[-1]
        assert last.action == "audit_head_reset" and f"cadangan {backup.name}" in last.summary


def test_opening_a_stored_document_is_checked_and_audited(store):
    from ppid_desk.accounts.officer import PermissionDenied
    from ppid_desk.register import service
    from ppid_desk.register.service import RequesterInput, RequestInput
    from ppid_desk.reports.issuing import DocumentKind, produce, stored_pdf
    from ppid_desk.store.models import AuditEntry
    from ppid_desk.workdays import load_calendar

    when = datetime(2026, 11, 2, 10)
    row = service.register_request(RequestInput(requester=RequesterInput(name="Siti", nik="3201014506900001",
                                                                         address="Jl. Merdeka 1"),
                                                information="DPA", purpose="Penelitian", received_at=when),
                                   load_calendar(), "petugas", now=when)
    issued = produce(row.number, DocumentKind.RECEIPT, "petugas", when)
    petugas = Officer(1, "andi", "Andi", frozenset({Role.PETUGAS}))
    before = AuditEntry.select().count()
    assert stored_pdf(issued.document_id, copy=True, actor=petugas).startswith(b"%PDF")
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert AuditEntry.select().count() == before + 1 and entry.action == "document.open"
    assert "SALINAN" in entry.summary
    kasubbag = Officer(2, "tu", "Kasubbag", frozenset({Role.KASUBBAG}))
    with pytest.raises(PermissionDenied):
        stored_pdf(issued.document_id, copy=True, actor=kasubbag)
    assert AuditEntry.select().count() == before + 1  # refused: nothing opened, nothing logged
