"""The process ``test_kill.py`` kills: writes to a real register through the real
services and says on stdout what it has committed.

Started once by the test (``python kill_worker.py``), it imports everything, then forks
one child per command read on stdin, so that a hundred kills do not cost a hundred
interpreter start-ups (0.4 s each). The child opens the register itself (nothing
database-related exists before the fork) and is an ordinary process: the test kills it
with SIGKILL, as a power cut or the task manager would.

Commands (one line each)::

    writes DATA_DIR TAG SEED     register, route, decide, deliver, objections, imports
    report DATA_DIR TAG SEED OUT build the annual report to OUT, again and again
    quit

Lines written (each with one ``write`` call, so a kill never leaves half a line)::

    pid PID                      the child started (before it opens the register)
    begin OP [DETAIL]            about to write
    req|route|decide|deliver NUMBER, obj NUMBER, import MARKER ROWS, report K
                                 committed: the service returned
    end PID STATUS               (the server) the child is gone; STATUS is -9 when killed
"""

from __future__ import annotations

import os
import random
import signal
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
from peewee import fn

from ppid_desk.objections import service as objections
from ppid_desk.objections.codes import Ground
from ppid_desk.register import service
from ppid_desk.register.codes import Decision, DeliveryForm, Status
from ppid_desk.register.importer import apply, check_file
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports.periodic import Period, build_report
from ppid_desk.store import open_store
from ppid_desk.store.models import Request
from ppid_desk.units import list_units, save_unit
from ppid_desk.workdays import load_calendar

IMPORT_ROWS = 200
MAX_OPS = 100_000  # a child that is never killed stops by itself
NIK = "3201014506900001"
NAMES = ["Siti Anggraini", "Budi Santoso", "Dewi Lestari", "\u0639\u0628\u062f \u0627\u0644\u0644\u0647 Hasan",
         "Wayan \U0001f33a Sudarma", "Nguy\u1ec5n Th\u1ecb Lan"]
HEADER = ["No. Pendaftaran", "Tanggal", "Nama Pemohon", "NIK", "Alamat", "No. Telp", "Pekerjaan",
          "Informasi yang Diminta", "Tujuan Penggunaan", "Keputusan", "Tanggal Pemberitahuan",
          "Tanggal Pemberian Informasi"]


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def import_file(folder: Path, marker: str, rng: random.Random) -> Path:
    """An old register of IMPORT_ROWS rows whose numbers all start with ``marker``."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Register 2025")
    ws.append(["REGISTER PERMOHONAN INFORMASI PUBLIK 2025"])
    ws.append(HEADER)
    first = date(2025, 1, 6)
    for i in range(IMPORT_ROWS):
        day = first + timedelta(days=i % 300)
        decided = rng.random() < 0.6
        ws.append([f"{marker}-{i:03d}/REG/2025", day, rng.choice(NAMES), NIK, "Jl. Merdeka 1, Bandung",
                   "0812-3456-7890", "Wiraswasta", f"Dokumen anggaran nomor {i}", "Penelitian",
                   "Dikabulkan Seluruhnya" if decided else None, day + timedelta(days=3) if decided else None,
                   day + timedelta(days=4) if decided and rng.random() < 0.5 else None])
    path = folder / f"{marker}.xlsx"
    wb.save(path)
    return path


def _pick(status: Status, rng: random.Random, decision: bool = False) -> Request | None:
    query = Request.select().where(Request.status == status.value)
    if decision:
        query = query.where(Request.decision.in_([Decision.GRANTED_FULL.value, Decision.GRANTED_PARTIAL.value]))
    return query.order_by(fn.Random()).first()


def writes(data_dir: Path, tag: str, seed: int) -> None:
    rng = random.Random(seed)
    files = data_dir.parent / "impor"
    files.mkdir(exist_ok=True)
    open_store(data_dir)
    calendar = load_calendar()
    units = [u.id for u in list_units() if u.active]
    if not units:
        units = [save_unit("Bidang Anggaran", "bidang").id]
    imports = 0
    ops = ["req", "route", "decide", "deliver", "obj", "import"]
    for _ in range(MAX_OPS):
        op = rng.choices(ops, weights=[6, 3, 3, 1, 1, 1])[0]
        if op == "req":
            say("begin req")
            data = RequestInput(RequesterInput(name=rng.choice(NAMES), nik=NIK, phone="0812-3456-7890"),
                                information=f"Salinan kontrak pengadaan {rng.randint(1, 10**6)}",
                                purpose="Pengawasan anggaran", units=units if rng.random() < 0.3 else [])
            row = service.register_request(data, calendar, "petugas")
            say(f"req {row.number}")
        elif op == "route" and (row := _pick(Status.REGISTERED, rng)) is not None:
            say(f"begin route {row.number}")
            service.route(row.id, units, "segera", "petugas")
            say(f"route {row.number}")
        elif op == "decide" and (row := _pick(Status.ROUTED, rng)) is not None:
            say(f"begin decide {row.number}")
            choice = rng.choice([Decision.GRANTED_FULL, Decision.GRANTED_PARTIAL, Decision.REJECTED])
            decision = DecisionInput(choice, note="Data pribadi dihitamkan", pasal17=["h"],
                                     consequence_test="Membuka data pribadi merugikan pemiliknya")
            service.decide(row.id, decision, "ppid")
            say(f"decide {row.number}")
        elif op == "deliver" and (row := _pick(Status.DECIDED, rng, decision=True)) is not None:
            say(f"begin deliver {row.number}")
            service.deliver(row.id, DeliveryForm.SOFTCOPY, "petugas")
            say(f"deliver {row.number}")
        elif op == "obj" and (row := _pick(Status.DECIDED, rng)) is not None:
            say(f"begin obj {row.number}")
            data = objections.ObjectionInput(request_id=row.id, grounds=[rng.choice(list(Ground))],
                                             case_summary="Pemohon tidak puas dengan jawaban PPID")
            objection = objections.register_objection(data, calendar, "petugas")
            say(f"obj {objection.number}")
        elif op == "import":
            imports += 1
            marker = f"{tag}i{imports}"
            path = import_file(files, marker, rng)
            say(f"begin import {marker}")
            plan = check_file(path)
            if plan.problems:
                raise SystemExit(f"import file has problems: {plan.problems[:3]}")
            result = apply(plan, "petugas")
            say(f"import {marker} {result.imported}")
            path.unlink()


def report(data_dir: Path, seed: int, out: Path) -> None:
    open_store(data_dir)
    period = Period.ending("annual", date.today())
    for k in range(MAX_OPS):
        say(f"begin report {k}")
        build_report(period, out, "kasubbag", now=datetime.now())
        say(f"report {k}")


def child(command: list[str]) -> None:
    say(f"pid {os.getpid()}")
    kind, data_dir, tag, seed = command[0], Path(command[1]), command[2], int(command[3])
    if kind == "writes":
        writes(data_dir, tag, seed)
    elif kind == "report":
        report(data_dir, seed, Path(command[4]))


def serve() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    say("ready")
    for line in sys.stdin:
        command = line.split()
        if not command or command[0] == "quit":
            break
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                child(command)
            except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails
                say(f"error {type(exc).__name__}: {exc}")
                code = 3
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        say(f"end {pid} {-os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)}")


if __name__ == "__main__":
    serve()
