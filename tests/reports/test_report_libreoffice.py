"""A real spreadsheet program opens the periodic report: LibreOffice (headless Calc,
``scripts/system-deps.sh`` installs it) converts the report to CSV, one file per sheet,
and the sheets and the Ringkasan figures read back as the report wrote them.

CSV rather than a round trip through .xlsx/.ods: Calc's CSV filter writes every sheet
when its 12th token (the sheet) is -1 (LibreOffice 7.2 and later; Debian 12 has 7.4),
it names each file ``<name>-<sheet>.csv`` and prints "Writing sheet <sheet>" in sheet
order, so one conversion shows what Calc loaded without a second reader. The tokens:
comma, double quote, UTF-8 (76), from line 1, standard cell formats, default
language, quoted fields not forced to text, special numbers detected, raw values (not
"as shown"), no formulas, spaces kept, all sheets.

soffice exits 0 even when it cannot load a file (it prints "Error: ..."), so the
output is checked as well as the exit code. Each run has its own profile folder
(``-env:UserInstallation``): two runs sharing one would hand the work to each other.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime

import pytest
from document_samples import NAMES, decide, deliver, extend, register, set_office
from objection_samples import decide as decide_objection, file_objection, hand_over

from ppid_desk.register.codes import Decision
from ppid_desk.reports.periodic import Period, build_report

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SHEETS = ["Ringkasan", "Waktu Penyelesaian", "Grafik", "Register Permohonan", "Register Keberatan"]
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                                        "scripts/system-deps.sh installs libreoffice-calc-nogui")


def _convert(xlsx, tmp_path) -> tuple[str, dict[str, list[list[str]]]]:
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                           "--convert-to", CSV_FILTER, "--outdir", str(out), str(xlsx)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "error" not in said.lower(), said
    sheets = {}
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            sheets[path.stem.removeprefix(f"{xlsx.stem}-")] = list(csv.reader(f))
    return said, sheets


def test_libreoffice_opens_the_report(store, tmp_path):
    set_office()
    deliver(decide(register(NAMES[1]), Decision.GRANTED_FULL))
    late = extend(register(NAMES[2], received=datetime(2026, 11, 2, 11)))
    decide(late, Decision.GRANTED_PARTIAL, on=date(2026, 11, 24), pasal17=["h"],
           consequence_test="Membuka data pasien mengungkap rahasia pribadi.", note="Nama pasien dihitamkan")
    register("Ani Rahmawati", received=datetime(2026, 11, 4, 9))
    objection = file_objection()  # its request is rejected on 9 November, reopened by the overturn on the 20th
    decide_objection(objection)
    hand_over(objection)
    xlsx = tmp_path / "laporan.xlsx"
    summary = build_report(Period.ending("monthly", date(2026, 11, 30)), xlsx, "tester", now=datetime(2026, 12, 1, 8))

    said, sheets = _convert(xlsx, tmp_path)

    assert [line.split("-> ")[0].removeprefix("Writing sheet ").strip()
            for line in said.splitlines() if line.startswith("Writing sheet")] == SHEETS
    assert sorted(sheets) == sorted(SHEETS)
    ringkasan = {row[0]: row[1] for row in sheets["Ringkasan"] if len(row) > 1 and row[0]}
    assert ringkasan["Jumlah permohonan"] == "4"
    figures = summary.figures
    assert (figures["Dikabulkan seluruhnya"], figures["Dikabulkan sebagian"], figures["Masih diproses"],
            figures["Jumlah keberatan"], figures["Diperpanjang"]) == (1, 1, 2, 1, 1)
    for label, value in figures.items():
        assert float(ringkasan[label]) == pytest.approx(value), label
    assert ringkasan["Langsung"] == "4" and ringkasan["Dibuat oleh"] == "tester"
    numbers = {row[0] for row in sheets["Register Permohonan"][6:]}
    assert objection.request.number in numbers and len(numbers) == 4
    assert sheets["Register Keberatan"][6][0] == objection.number
    assert len(sheets["Grafik"]) == 31  # heading + 30 days
