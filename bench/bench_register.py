"""The request register at size: demo generation, one registration, full-text search.

- ``demo`` of 100,000 requests into an empty register (target < 20 s);
- one request through ``service.register_request`` on that register of 100,000 (median
  of 200 registrations, each its own transaction; target < 5 ms);
- ``search_request_ids`` (limit 200) at 1,000,000 requests for a name word, a NIK
  prefix and a register number (median; target < 50 ms). The 1M register is built once
  into ``bench/.cache/`` (not tracked) and reused while its marker file is there.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from ppid_desk.register import service
from ppid_desk.register.demo import generate
from ppid_desk.register.service import RequesterInput, RequestInput
from ppid_desk.store import open_store
from ppid_desk.store.models import Request, Requester
from ppid_desk.store.sqlite import search_request_ids
from ppid_desk.workdays import load_calendar

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache" / "register-1m"
CACHE_VERSION = 2  # raise when the demo data changes, so the cached register is built again
DEMO_N = 100_000
BIG_N = 1_000_000
BIG_TODAY = date(2026, 5, 1)  # fixed, so the cached register is the same on every machine
REGISTRATIONS = 200
SEARCH_RUNS = 30


def _registrations(calendar) -> list[float]:
    times = []
    now = datetime.now().replace(second=0, microsecond=0)
    for i in range(REGISTRATIONS):
        data = RequestInput(
            requester=RequesterInput(name=f"Bench Pemohon {i}", nik=f"3578011505{90 + i % 10:02d}{i + 1:04d}",
                                     address="Jl. Pahlawan No. 1, Kel. Alun-alun Contong, Kec. Bubutan, Kota Surabaya",
                                     occupation="Wiraswasta", phone="081234567890"),
            information="Salinan DPA Dinas Pendidikan Tahun Anggaran 2026", purpose="Bahan penelitian",
            received_at=now - timedelta(minutes=REGISTRATIONS - i))
        began = time.perf_counter()
        service.register_request(data, calendar, "bench", now=now)
        times.append((time.perf_counter() - began) * 1000)
    return times


def _big_register() -> tuple[Path, str]:
    marker = CACHE / f"complete-v{CACHE_VERSION}"
    if marker.is_file():
        return CACHE / "data", f"cached ({marker.read_text(encoding='utf-8').strip()})"
    data_dir = CACHE / "data"
    if CACHE.exists():  # an interrupted build or an older version
        shutil.rmtree(CACHE)
    CACHE.mkdir(parents=True)
    began = time.perf_counter()
    with open_store(data_dir):
        generate(BIG_N, 1, 5, BIG_TODAY)
    elapsed = time.perf_counter() - began
    marker.write_text(f"{BIG_N:,} requests built in {elapsed:.0f} s\n", encoding="utf-8")
    return data_dir, f"built in {elapsed:.0f} s, cached in {CACHE.relative_to(HERE.parent)}"


def _median_search(db, text: str) -> tuple[float, int]:
    search_request_ids(db, text, limit=200)  # warm the page cache
    times, found = [], 0
    for _ in range(SEARCH_RUNS):
        began = time.perf_counter()
        found = len(search_request_ids(db, text, limit=200))
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), found


def run():
    rows = []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "data"):
        began = time.perf_counter()
        summary = generate(DEMO_N, 1, 1, date.today())
        elapsed = time.perf_counter() - began
        rows.append((f"demo: generate {DEMO_N:,} requests", elapsed, "s",
                     f"{summary.requesters:,} requesters, {summary.events:,} events; target < 20 s"))
        times = _registrations(load_calendar())
        rows.append((f"register_request on a register of {DEMO_N:,} (median)", statistics.median(times), "ms",
                     f"p90 {sorted(times)[int(len(times) * 0.9)]:.2f} ms, {REGISTRATIONS} runs; target < 5 ms"))

    data_dir, how = _big_register()
    with open_store(data_dir) as store:
        count = Request.select().count()
        probe = Request.select().where(Request.id == count // 2).get()
        person = Requester.select().where(Requester.nik.is_null(False)).order_by(Requester.id).offset(1000).get()
        cases = [
            ("name word", person.name.split()[-1]),
            ("NIK prefix", person.nik[:8]),
            ("register number", probe.number),
        ]
        for label, text in cases:
            median, found = _median_search(store.db, text)
            rows.append((f"search at {count:,} requests: {label}", median, "ms",
                         f"{text!r}: {found} hits (limit 200); target < 50 ms; {how}"))
    return rows
