"""``ppid-desk print objection-…`` and ``ppid-desk export-objections`` through main():
output lines, the PDFs and the book they write, exit codes."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest
from pypdf import PdfReader

from ppid_desk.main import main
from ppid_desk.objections import service as objections
from ppid_desk.objections.codes import Decision, Ground
from ppid_desk.objections.service import ObjectionDecisionInput, ObjectionInput
from ppid_desk.office import load_office, save_office
from ppid_desk.register import service
from ppid_desk.register.codes import Decision as RequestDecision
from ppid_desk.store import open_store
from ppid_desk.store.models import IssuedDocument
from ppid_desk.workdays import load_calendar

NAME = "Siti Anggraini"
RECEIVED = datetime(2026, 11, 2, 9, 30)
FILED = datetime(2026, 11, 16, 10, 0)


def run(capsys, *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def words(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def numbers(data_dir) -> tuple[str, str]:
    """(decided objection, objection only registered), in a register closed again as the CLI opens it."""
    with open_store(data_dir):
        save_office(load_office().with_changes(agency_name="Dinas Kominfo Kota Bandung", city="Bandung",
                                               atasan_name="Drs. Junaidi, MM", atasan_title="Kepala Dinas"))
        calendar = load_calendar()
        found = []
        for name in (NAME, "Budi Santoso"):
            row = service.register_request(service.RequestInput(
                requester=service.RequesterInput(name=name, nik="3201014506900001", phone="08123456789"),
                information="Salinan DPA Dinas Pendidikan tahun 2026", purpose="Penelitian skripsi",
                received_at=RECEIVED), calendar, "petugas", now=RECEIVED)
            service.decide(row.id, service.DecisionInput(RequestDecision.REJECTED, pasal17=["h"],
                                                         consequence_test="Membuka data pribadi."),
                           "ppid", now=datetime(2026, 11, 3, 10))
            found.append(objections.register_objection(ObjectionInput(
                request_id=row.id, grounds=[Ground.REJECTED], case_summary="Penolakan tidak berdasar.",
                received_at=FILED), calendar, "petugas", now=FILED))
        decided = found[0]
        objections.forward(decided.id, "", "ppid", now=datetime(2026, 11, 17, 10))
        objections.decide(decided.id, ObjectionDecisionInput(Decision.UPHELD, reasons="Pengecualian sudah tepat.",
                                                             decided_on=date(2026, 11, 20)),
                          calendar, "ppid", now=datetime(2026, 11, 20, 10))
        return decided.number, found[1].number


def issued_count(data_dir) -> int:
    with open_store(data_dir):
        return IssuedDocument.select().count()


def test_print_the_objection_receipt_and_response(capsys, data_dir, numbers, tmp_path):
    decided, _ = numbers
    receipt = tmp_path / "tanda-bukti-keberatan.pdf"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", "objection-receipt", decided,
                         "--pdf", str(receipt))
    assert code == 0, err
    assert out == [f"letter: {decided}", "copy: no", f"pdf: {receipt}"]
    text = words(receipt.read_bytes())
    assert "TANDA BUKTI PENERIMAAN KEBERATAN" in text and NAME in text and "SALINAN" not in text
    response = tmp_path / "tanggapan.pdf"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", "objection-response", decided,
                         "--pdf", str(response))
    assert code == 0, err
    assert out == ["letter: 001/TGP-KEB/PPID/XI/2026", "copy: no", f"pdf: {response}"]
    text = words(response.read_bytes())
    assert "MENOLAK KEBERATAN DAN MENGUATKAN KEPUTUSAN PPID" in text and "Pengecualian sudah tepat." in text
    again = tmp_path / "lagi.pdf"
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "print", "objection-response", decided,
                       "--pdf", str(again))
    assert code == 0 and out[:2] == ["letter: 001/TGP-KEB/PPID/XI/2026", "copy: yes"]
    assert "SALINAN" in words(again.read_bytes())
    assert issued_count(data_dir) == 2


@pytest.mark.parametrize(("argv", "message"), [
    (["objection-receipt", "999/KEB/PPID/XI/2026"], "Tidak ada keberatan bernomor 999/KEB/PPID/XI/2026."),
    (["objection-response", "{registered}"],
     "Tanggapan atas keberatan tidak dapat dicetak: Keberatan ini belum diputuskan Atasan PPID."),
    (["objection-response-receipt", "{decided}"],
     "Tanda terima tanggapan tidak dapat dicetak: Tanggapan atas keberatan ini belum diserahkan (catat "
     "penyerahan tanggapan dulu)."),
    (["objection-receipt", "001/PPID/XI/2026"], "Tidak ada keberatan bernomor 001/PPID/XI/2026."),
])
def test_unknown_number_or_unfit_kind_is_one_line_exit_1(capsys, data_dir, numbers, tmp_path, argv, message):
    decided, registered = numbers
    argv = [a.format(decided=decided, registered=registered) for a in argv]
    target = tmp_path / "x.pdf"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", *argv, "--pdf", str(target))
    assert code == 1 and out == []
    assert err == f"ppid-desk: {message}\n"
    assert not target.exists() and issued_count(data_dir) == 0


def test_unknown_printer_issues_no_objection_document(capsys, data_dir, numbers):
    decided, _ = numbers
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", "objection-response", decided, "--printer",
                         "Printer_Yang_Hilang")
    assert code == 1 and out == [] and "Printer_Yang_Hilang" in err and err.count("\n") == 1
    assert issued_count(data_dir) == 0


@pytest.mark.parametrize("argv", [
    ["objection-receipt", "001/KEB/PPID/XI/2026"],  # neither --pdf nor --printer
    ["objection", "001/KEB/PPID/XI/2026", "--pdf", "a.pdf"],  # unknown kind
    ["objection-response", "--pdf", "a.pdf"],  # no number
])
def test_bad_print_arguments_exit_2(capsys, data_dir, argv):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "print", *argv)
    assert code == 2 and out == [] and err.startswith("ppid-desk: ") and err.count("\n") == 1


def test_export_objections_writes_the_register(capsys, data_dir, numbers, tmp_path):
    decided, registered = numbers
    out_file = tmp_path / "keluar" / "keberatan.xlsx"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export-objections", "--out", str(out_file))
    assert code == 0, err
    assert out == [f"2 keberatan ditulis ke {out_file}"]
    ws = openpyxl.load_workbook(out_file).active
    assert ws["A2"].value == "REGISTER KEBERATAN INFORMASI PUBLIK"
    assert [ws["A7"].value, ws["A8"].value] == [decided, registered]
    assert ws["B7"].is_date and ws["R7"].value == "Menguatkan keputusan PPID" and ws["T7"].value == "Drs. Junaidi, MM"
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "export-objections", "--out", str(out_file),
                       "--from", "2026-11-17", "--to", "2026-11-30", "--paper", "F4")
    assert code == 0 and out == [f"0 keberatan ditulis ke {out_file}"]


@pytest.mark.parametrize("argv, wanted", [
    (["--out", "k.xlsx", "--from", "16-11-2026"], "--from: tanggal tidak sah '16-11-2026'; tulis YYYY-MM-DD"),
    (["--out", "k.csv"], "--out: berkas keluaran harus berakhiran .xlsx"),
    (["--out", "k.xlsx", "--from", "2026-12-01", "--to", "2026-11-01"], "--from sesudah --to"),
    (["--out", "k.xlsx", "--paper", "A5"], "--paper"),
    ([], "argumen wajib belum diberikan: --out"),
])
def test_export_objections_bad_arguments_exit_2(capsys, data_dir, argv, wanted):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export-objections", *argv)
    lines = err.splitlines()
    assert code == 2 and out == [] and len(lines) == 1
    assert lines[0].startswith("ppid-desk: ") and wanted in lines[0]


def test_export_objections_to_an_unwritable_place_is_one_line_exit_1(capsys, data_dir, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export-objections", "--out", str(blocker / "k.xlsx"))
    assert code == 1 and err.count("\n") == 1 and err.startswith("ppid-desk: Berkas ")
