"""Two desks registering at the same instant (issue 11): two real OS processes, each with
its own connection, register 1,000 requests each into one register — a database of a
real PostgreSQL server (tests/pgserver.py), and, for comparison, one SQLite file. The
register must come out with 2,000 distinct numbers, sequences 1..2000 without a gap,
each desk's own numbers increasing, one unbroken audit chain and a search row for
every request.

The workers start together: each opens its store, says it is ready (a file), and waits
for the parent's "go" file, so both are saving all the time the other is. Every other
request is from a returning requester (chosen by lookup at the counter): that
transaction reads before it writes, which on SQLite needs BEGIN IMMEDIATE (a deferred
transaction was refused at once with "database is locked" once the other desk had
committed since its read; see ppid_desk.store.sqlite.open_database).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter as Tally
from datetime import datetime
from pathlib import Path

import pytest

from ppid_desk import audit
from ppid_desk.store import open_store

PER_DESK = 1000
DESKS = ("petugas-a", "petugas-b")
ROOT = Path(__file__).resolve().parents[2]

# One desk: register PER_DESK requests, one transaction each, as the intake form does.
_WORKER = r"""
import json, sys, time
from datetime import datetime
from pathlib import Path

from ppid_desk.register import service
from ppid_desk.register.service import RequesterInput, RequestInput
from ppid_desk.store import open_store
from ppid_desk.workdays import load_calendar

data_dir, database, actor, count, ready, go, out, returning = sys.argv[1:9]
now = datetime(2026, 11, 23, 10, 0)  # a Monday within service hours
with open_store(Path(data_dir), database=database or None):
    calendar = load_calendar()
    Path(ready).write_text("ready")
    deadline = time.monotonic() + 60
    while not Path(go).exists():
        if time.monotonic() > deadline:
            sys.exit("no go signal")
        time.sleep(0.001)
    began = time.perf_counter()
    seqs = []
    for i in range(int(count)):
        data = RequestInput(
            requester=RequesterInput(name=f"Pemohon {actor} {i}", nik="3201014506900001",
                                     address="Jl. Merdeka 1, Bandung", phone="0812-3456-7890"),
            information=f"Salinan DPA Dinas Kesehatan nomor {i}", purpose="Penelitian", received_at=now,
            requester_id=int(returning) if i % 2 else None)
        seqs.append(service.register_request(data, calendar, actor, now=now).seq)
    elapsed = time.perf_counter() - began
Path(out).write_text(json.dumps({"seqs": seqs, "seconds": elapsed}))
"""


def _run_desks(tmp_path: Path, desk_dirs: dict[str, Path], database: str,
               returning: int) -> tuple[dict[str, list[int]], float]:
    """Start one worker process per desk, release them together, wait for both.
    Returns each desk's sequences in the order it got them, and the wall time."""
    go = tmp_path / "go"
    procs, outs, readies = {}, {}, []
    for actor, folder in desk_dirs.items():
        ready, out = tmp_path / f"{actor}.ready", tmp_path / f"{actor}.json"
        readies.append(ready)
        outs[actor] = out
        procs[actor] = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(folder), database, actor, str(PER_DESK), str(ready), str(go),
             str(out), str(returning)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PPID_DESK_DATA_DIR": ""},
        )
    try:
        limit = time.monotonic() + 60
        while not all(r.exists() for r in readies):
            for actor, proc in procs.items():
                if proc.poll() is not None:
                    pytest.fail(f"desk {actor} ended before the start: {proc.communicate()[1][-3000:]}")
            assert time.monotonic() < limit, "the desks did not get ready within 60 s"
            time.sleep(0.01)
        began = time.perf_counter()
        go.write_text("go")
        failures = []
        for actor, proc in procs.items():
            _, err = proc.communicate(timeout=120)
            if proc.returncode != 0:
                failures.append(f"desk {actor} failed ({proc.returncode}):\n{err[-5000:]}")
        wall = time.perf_counter() - began
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert not failures, "\n".join(failures)
    return {actor: json.loads(out.read_text())["seqs"] for actor, out in outs.items()}, wall


def _check_register(db, seqs: dict[str, list[int]]) -> None:
    total = PER_DESK * len(DESKS)
    # what each desk was given: increasing, and the desks really took turns
    for actor, own in seqs.items():
        assert len(own) == PER_DESK
        assert all(a < b for a, b in zip(own, own[1:])), f"{actor}'s numbers do not increase"
    a, b = (seqs[d] for d in DESKS)
    assert min(a) < max(b) and min(b) < max(a), "the desks did not overlap"
    # the register itself
    rows = db.execute_sql("SELECT id, number, seq, year, created_by FROM request ORDER BY id").fetchall()
    assert len(rows) == total
    numbers = Tally(r[1] for r in rows)
    assert len(numbers) == total, f"repeated numbers: {[n for n, c in numbers.items() if c > 1][:10]}"
    assert sorted(r[2] for r in rows) == list(range(1, total + 1)), "sequences have a gap or a repeat"
    assert {r[3] for r in rows} == {2026}
    assert all(r[1] == f"{r[2]:03d}/PPID/XI/2026" for r in rows)
    for actor in DESKS:
        stored = [r[2] for r in rows if r[4] == actor]
        assert stored == seqs[actor], f"{actor}'s rows in id order are not the numbers it was given"
    per_requester = Tally(db.execute_sql("SELECT requester_id FROM request").fetchall())
    assert max(per_requester.values()) == total // 2  # the returning requester's, from both desks
    counter = db.execute_sql("SELECT last FROM counter WHERE series = 'permohonan' AND year = 2026").fetchone()
    assert counter[0] == total
    # one event and one audit entry per request, one search row per request
    assert db.execute_sql("SELECT count(*) FROM request_event").fetchone()[0] == total
    assert db.execute_sql("SELECT count(*) FROM audit_log WHERE action = 'request.registered'").fetchone()[0] == total
    assert db.execute_sql("SELECT count(*) FROM request_search").fetchone()[0] == total


def _setup(data_dir: Path, database: str | None = None) -> int:
    """The schema, before the desks start, and the returning requester; its id."""
    from ppid_desk.register.service import RequesterInput, create_requester

    with open_store(data_dir, database=database):
        person = RequesterInput(name="Siti Anggraini", nik="3201014506900001", address="Jl. Merdeka 1, Bandung",
                                phone="0812-3456-7890")
        return create_requester(person, datetime(2026, 11, 2, 9, 0)).id


def _report(backend: str, wall: float) -> None:
    total = PER_DESK * len(DESKS)
    print(f"\n{backend}: {total} registrations by 2 desks at once in {wall:.1f} s "
          f"({wall / total * 1e3:.2f} ms each, wall)")


def test_two_desks_on_postgresql_register_2000_distinct_numbers_without_a_gap(tmp_path, pg_server):
    name = f"desks{os.getpid()}"
    pg_server.create_database(name)
    url = pg_server.url(name)
    desk_dirs = {actor: tmp_path / actor for actor in DESKS}
    try:
        returning = _setup(tmp_path / "setup", url)
        seqs, wall = _run_desks(tmp_path, desk_dirs, url, returning)
        _report("PostgreSQL", wall)
        with open_store(tmp_path / "check", database=url) as store:
            _check_register(store.db, seqs)
            entries = store.db.execute_sql("SELECT count(*) FROM audit_log").fetchone()[0]
            # One chain, whole from the first entry to the last; each desk's head (the
            # newest entry it saw committed, in its own folder) is in it as recorded.
            for actor, folder in desk_dirs.items():
                result = audit.verify(folder / audit.HEAD_NAME)
                assert result.ok and result.checked == entries, (actor, result.line())
    finally:
        pg_server.drop_database(name)


def test_two_desks_on_one_sqlite_file_register_2000_distinct_numbers_without_a_gap(tmp_path):
    folder = tmp_path / "data"
    returning = _setup(folder)
    seqs, wall = _run_desks(tmp_path, {actor: folder for actor in DESKS}, "", returning)
    _report("SQLite", wall)
    with open_store(folder) as store:
        _check_register(store.db, seqs)
        entries = store.db.execute_sql("SELECT count(*) FROM audit_log").fetchone()[0]
        result = audit.verify()
        assert result.ok and result.checked == entries, result.line()
        assert store.integrity_problems() == []
