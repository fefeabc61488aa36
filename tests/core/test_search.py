"""Full-text search of the register: phones with or without separators, exact numbers."""

from __future__ import annotations

from datetime import datetime

from ppid_desk.register import service
from ppid_desk.register.service import RequesterInput, RequestInput
from ppid_desk.store.backend import search_request_ids
from ppid_desk.workdays import load_calendar

NOW = datetime(2026, 11, 23, 10, 0)


def _register(name: str, phone: str, nik: str, information: str = "Data anggaran 2026"):
    data = RequestInput(RequesterInput(name=name, nik=nik, phone=phone), information=information,
                        purpose="Penelitian", received_at=NOW)
    return service.register_request(data, load_calendar(), "petugas", now=NOW)


def test_phone_found_with_or_without_separators_and_country_code(store):
    row = _register("Siti Aminah", "0812-3456-7890", "3201014506900001")
    other = _register("Budi Santoso", "+62 813 1111 2222", "3171011203850002")
    for text in ("081234567890", "0812-3456-7890", "0812 3456", "+62 812-3456-7890"):
        assert search_request_ids(store.db, text) == [row.id], text
    for text in ("0813 1111 2222", "081311112222", "+62 813"):
        assert search_request_ids(store.db, text) == [other.id], text


def test_a_full_register_number_is_found_exactly_first(store):
    rows = [_register(f"Pemohon {i}", "081234567890", "3201014506900001") for i in range(12)]
    first = rows[0]
    assert first.number == "001/PPID/XI/2026"
    found = search_request_ids(store.db, "001/PPID/XI/2026", limit=5)
    assert found[0] == first.id and len(found) <= 5


def test_requester_phone_correction_follows_into_the_index(store):
    row = _register("Siti Aminah", "0812-3456-7890", "3201014506900001")
    service.correct(row.id, {"requester.phone": "0857 1234 5678"}, "Nomor baru", "petugas", now=NOW)
    assert search_request_ids(store.db, "085712345678") == [row.id]
    assert search_request_ids(store.db, "081234567890") == []
