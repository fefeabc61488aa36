"""Personal data in the workbooks (issue 8): the public register without identities,
contacts masked for an officer who may not see them, and every workbook with identities
written to the audit log (read back with openpyxl, every cell searched)."""

from __future__ import annotations

import json
from datetime import date, datetime

import openpyxl
import pytest

from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.roles import Role
from ppid_desk.audit import verify
from ppid_desk.main import main
from ppid_desk.objections import service as objections
from ppid_desk.objections.codes import Ground
from ppid_desk.objections.service import ObjectionInput
from ppid_desk.office import OfficeSettings, save_office
from ppid_desk.register import service
from ppid_desk.register.codes import Decision, RequesterKind
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports import dip_xlsx, objections_xlsx, periodic, register_xlsx
from ppid_desk.reports.periodic import Period
from ppid_desk.reports.register_xlsx import PUBLIC_COLUMNS, region_of
from ppid_desk.store import open_store
from ppid_desk.store.models import AuditEntry
from ppid_desk.workdays import load_calendar

T0 = datetime(2026, 11, 2, 10, 0)
PEOPLE = [
    # name, NIK, address, phone, email, kind
    ("Siti Anggraini", "3201014506900001", "Jl. Merdeka 1, Kel. Babakan, Kota Bandung", "0812-3456-7890",
     "siti.anggraini@example.id", RequesterKind.PERSON),
    ("Budi Santoso", "3578011203850002", "Jl. Pahlawan 5, Kec. Bubutan, Kab. Sidoarjo 61211", "081398765432", "",
     RequesterKind.PERSON),
    ("Yayasan Lentera Desa", "", "Dusun Krajan RT 02", "0274-555123", "sekretariat@lentera.or.id",
     RequesterKind.LEGAL_BODY),
]
KASUBBAG = Officer(4, "tini", "Tini Kasubbag", frozenset({Role.KASUBBAG}))
PPID = Officer(5, "andi", "Andi Pratama", frozenset({Role.PPID}))


@pytest.fixture
def register(store):
    save_office(OfficeSettings(agency_name="Pemerintah Kabupaten Sukamaju", city="Sukamaju",
                               atasan_name="Drs. Junaidi, MM"))
    rows = []
    for i, (name, nik, address, phone, email, kind) in enumerate(PEOPLE):
        person = RequesterInput(kind=kind, name=name, nik=nik, address=address, phone=phone, email=email,
                                occupation="Peneliti", legal_number="AHU-0001.AH.01.04" if nik == "" else "")
        data = RequestInput(person, information=f"Salinan DPA bidang {i}", purpose=f"Skripsi {name}")
        rows.append(service.register_request(data, load_calendar(), "budi", now=T0.replace(hour=9 + i)))
    service.decide(rows[1].id, DecisionInput(Decision.REJECTED, pasal17=["h"], consequence_test="Rahasia pribadi."),
                   "budi", now=datetime(2026, 11, 3, 10))
    objections.register_objection(ObjectionInput(request_id=rows[1].id, grounds=[Ground.REJECTED],
                                                 case_summary="Ditolak"), load_calendar(), "budi",
                                  now=datetime(2026, 11, 16, 10))
    return rows


def cells(path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def identities() -> list[str]:
    found = []
    for name, nik, address, phone, email, _ in PEOPLE:
        found += [name, name.split()[0], address, phone, email, *([nik] if nik else [])]
    return [x for x in found if x]


def export_entries() -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action.in_(["export.personal_data", "report.make"]))
                .order_by(AuditEntry.id))


def test_the_public_register_has_no_identity_anywhere(register, tmp_path):
    path = tmp_path / "register-publik.xlsx"
    assert register_xlsx.export_register(path, public=True, actor=KASUBBAG) == 3
    text = cells(path)
    for secret in identities() + ["Skripsi", "Peneliti"]:
        assert not [c for c in text if secret in c], secret
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws["A2"].value == register_xlsx.PUBLIC_TITLE
    assert [c.title for c in PUBLIC_COLUMNS[:5]] == ["No", "Tanggal", "Jenis Pemohon", "Asal (Kota/Kabupaten)",
                                                    "Informasi yang Diminta"]
    lines = [row for row in ws.iter_rows(min_row=7, values_only=True) if row[0]]
    assert [(r[0], r[2], r[3]) for r in lines] == [
        ("001/PPID/XI/2026", "Perorangan", "Kota Bandung"),
        ("002/PPID/XI/2026", "Perorangan", "Kabupaten Sidoarjo"),
        ("003/PPID/XI/2026", "Badan hukum", None),
    ]
    assert lines[0][4] == "Salinan DPA bidang 0"
    assert export_entries() == []  # nothing personal left the register


@pytest.mark.parametrize(("address", "nik", "expected"), [
    ("Jl. A 1, Kota Surabaya", "", "Kota Surabaya"),
    ("Jl. A 1, Kab. Sidoarjo", "", "Kabupaten Sidoarjo"),
    ("Jl. A 1, kabupaten  Bogor 16911", "", "Kabupaten Bogor"),
    ("Jl. A 1, Kota Bandung, Jawa Barat", "", "Kota Bandung"),
    ("Dusun Krajan", "3201014506900001", "Provinsi Jawa Barat"),
    ("", "", ""),
])
def test_region_of_an_address(address, nik, expected):
    assert region_of(address, nik) == expected


def test_the_book_with_identities_is_audited_and_unmasked_for_the_ppid(register, tmp_path):
    path = tmp_path / "register.xlsx"
    assert register_xlsx.export_register(path, actor=PPID) == 3
    text = cells(path)
    assert "0812-3456-7890 / siti.anggraini@example.id" in text and "Siti Anggraini" in text
    [entry] = export_entries()
    assert entry.summary == "Ekspor data pribadi: register.xlsx, 3 baris (register permohonan)."
    assert (entry.actor_username, entry.target_id) == ("andi", "register.xlsx")
    assert json.loads(entry.data)["masked"] is False
    assert verify().ok


def test_contacts_are_masked_for_an_officer_who_may_not_see_them(register, tmp_path):
    path = tmp_path / "keberatan.xlsx"
    assert objections_xlsx.export_objections(path, actor=KASUBBAG) == 1
    text = cells(path)
    assert "0813****5432" in text and "081398765432" not in text
    [entry] = export_entries()
    assert entry.summary == "Ekspor data pribadi: keberatan.xlsx, 1 baris (register keberatan, kontak disamarkan)."


def test_the_report_masks_contacts_for_the_kasubbag_and_is_audited(register, tmp_path):
    path = tmp_path / "laporan.xlsx"
    periodic.build_report(Period.custom(date(2026, 11, 1), date(2026, 11, 30)), path, KASUBBAG,
                          now=datetime(2026, 11, 30, 16))
    text = cells(path)
    for phone, email in (("0812-3456-7890", "siti.anggraini@example.id"), ("081398765432", None)):
        assert not [c for c in text if phone in c]
        assert email is None or not [c for c in text if email in c]
    assert "0812-****-7890 / s***@example.id" in text
    assert "Tini Kasubbag" in text  # "Dibuat oleh"
    [entry] = export_entries()
    assert entry.action == "report.make" and entry.actor_username == "tini"
    assert entry.summary == "Ekspor data pribadi: laporan.xlsx, 4 baris (laporan periode pilihan, kontak disamarkan)."


def test_the_dip_export_is_not_audited(register, tmp_path):
    dip_xlsx.export_dip(tmp_path / "dip.xlsx", actor=KASUBBAG)
    assert export_entries() == []


# --- the command line ----------------------------------------------------------------------------

def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_public_export_and_the_audit_entry_of_the_full_one(capsys, data_dir, tmp_path, monkeypatch):
    with open_store(data_dir):
        save_office(OfficeSettings(agency_name="Pemerintah Kabupaten Sukamaju", city="Sukamaju"))
        for name, nik, address, phone, email, kind in PEOPLE[:2]:
            service.register_request(RequestInput(RequesterInput(name=name, nik=nik, address=address, phone=phone),
                                                  information="DPA", purpose="Kajian"), load_calendar(), "budi",
                                     now=T0)
    monkeypatch.setattr("getpass.getuser", lambda: "operator")
    public = tmp_path / "publik.xlsx"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export-register", "--public", "--out", str(public))
    assert (code, out) == (0, f"2 permohonan ditulis ke {public}\n"), err
    for secret in identities()[:12]:
        assert not [c for c in cells(public) if secret in c], secret
    full = tmp_path / "lengkap.xlsx"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export-register", "--out", str(full))
    assert code == 0, err
    assert "Siti Anggraini" in cells(full)
    with open_store(data_dir):
        [entry] = export_entries()
        assert entry.actor_name == "operator"
        assert entry.summary == "Ekspor data pribadi: lengkap.xlsx, 2 baris (register permohonan)."
    with pytest.raises(SystemExit):
        main(["export-register", "--help"])
    assert "--public" in capsys.readouterr().out
