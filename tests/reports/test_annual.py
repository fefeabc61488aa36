"""The annual report's Laporan Tahunan sheet: Perki 1/2021's sections in order, the
office's texts kept in the settings, drafts from the settings and the register."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from ppid_desk.office import OfficeSettings, load_office, save_office
from ppid_desk.register import service
from ppid_desk.register.codes import Decision
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports.annual import SECTIONS, TO_COMPLETE, proposed_texts, save_texts, section_texts
from ppid_desk.reports.periodic import Period, build_report
from ppid_desk.workdays import load_calendar


@pytest.fixture
def office(store):
    save_office(OfficeSettings(agency_name="Pemerintah Kabupaten Sukamaju", city="Sukamaju", ppid_name="Dra. Ratna Sari",
                               atasan_name="Ir. Hendra Wijaya", phone="(0274) 123456", email="ppid@sukamaju.go.id"))
    when = datetime(2026, 2, 2, 10)
    data = RequestInput(requester=RequesterInput(name="Siti", nik="3201014506900001", address="Jl. Merdeka 1",
                                                        phone="081234567890"),
                        information="DPA 2026", purpose="Penelitian", received_at=when)
    row = service.register_request(data, load_calendar(), "Andi (petugas)", now=when)
    # decided on the 20th working day or so: late
    service.decide(row.id, DecisionInput(Decision.GRANTED_FULL, notice_date=date(2026, 3, 5)), "ppid",
                   now=datetime(2026, 3, 5, 10))
    return load_office()


def _sheet(path):
    ws = openpyxl.load_workbook(path)["Laporan Tahunan"]
    return [(row[0], row[1], row[2]) for row in ws.iter_rows(values_only=True)]


def test_sections_in_perki_order_with_drafts(office, tmp_path):
    build_report(Period.ending("annual", date(2026, 6, 1)), tmp_path / "t.xlsx", "Kasubbag TU")
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames[:2] == ["Ringkasan", "Laporan Tahunan"]
    rows = _sheet(tmp_path / "t.xlsx")
    numbers = [a for a, _, _ in rows if a]
    assert numbers == ["I", "II", "II.A", "II.B", "II.C", "III", "IV", "V", "VI"]
    texts = [b for a, b, c in rows if b and not a and c is None]
    assert "LAPORAN TAHUNAN LAYANAN INFORMASI PUBLIK TAHUN 2026" in texts
    policy = next(t for t in texts if t.startswith("Pelayanan informasi publik di Pemerintah Kabupaten Sukamaju"))
    assert "Dra. Ratna Sari" in policy and "Ir. Hendra Wijaya" in policy
    facilities = next(t for t in texts if t.startswith("Meja layanan informasi"))
    assert "(0274) 123456" in facilities and "Senin" in facilities and "Langsung" in facilities
    assert any("1 orang (Andi (petugas))" in t for t in texts)
    assert any(t.startswith("1 permohonan dijawab melewati batas waktu") for t in texts)
    figures = {b: c for a, b, c in rows if c is not None}
    assert figures["Jumlah permohonan"] == 1 and figures["Dikabulkan seluruhnya"] == 1
    assert figures["Jumlah keberatan"] == 0 and figures["Langsung"] == 1
    # a text row is tall enough for its wrapped lines
    ws = wb["Laporan Tahunan"]
    row = next(r for r in ws.iter_rows() if r[1].value == policy)[1].row
    assert ws.row_dimensions[row].height >= 30


def test_monthly_report_has_no_annual_sheet(office, tmp_path):
    build_report(Period.ending("monthly", date(2026, 3, 5)), tmp_path / "m.xlsx", "x")
    assert "Laporan Tahunan" not in openpyxl.load_workbook(tmp_path / "m.xlsx", read_only=True).sheetnames


def test_office_texts_are_kept_and_printed(office, tmp_path):
    save_texts({"annual_budget": "  Rp 25.000.000 dari DPA Sekretariat Daerah.  ",
                "annual_obstacles": "Jaringan internet sering terputus.\nPetugas merangkap tugas lain."})
    texts = section_texts(2026)
    assert texts["annual_budget"] == "Rp 25.000.000 dari DPA Sekretariat Daerah."
    assert texts["annual_recommendations"] == TO_COMPLETE
    assert load_office().agency_name == "Pemerintah Kabupaten Sukamaju"  # other settings untouched
    build_report(Period.ending("annual", date(2026, 12, 31)), tmp_path / "t.xlsx", "x")
    rows = _sheet(tmp_path / "t.xlsx")
    assert (None, "Rp 25.000.000 dari DPA Sekretariat Daerah.", None) in rows
    assert (None, "Jaringan internet sering terputus.\nPetugas merangkap tugas lain.", None) in rows
    assert proposed_texts(2026)["annual_budget"] == TO_COMPLETE  # the draft is still there to go back to
    assert proposed_texts(2026)["annual_obstacles"].startswith("1 permohonan dijawab melewati batas waktu")
    with pytest.raises(KeyError):
        save_texts({"agency_name": "lain"})
    assert {key for key, _, _ in SECTIONS} == set(texts)
