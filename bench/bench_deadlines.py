"""100,000 deadline computations on a calendar loaded from a real register."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from ppid_desk.store import open_store
from ppid_desk.workdays import load_calendar

N = 100_000


def run():
    rng = random.Random(2026)
    start = datetime(2025, 1, 1, 7, 0)
    moments = [start + timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60)) for _ in range(N)]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "data"):
        calendar = load_calendar()
        began = time.perf_counter()
        for when in moments:
            calendar.deadlines(when)
        elapsed = time.perf_counter() - began
    return [
        (f"{N:,} deadline sets (receipt, 2/10/17/30 days)", elapsed, "s", f"{elapsed / N * 1e6:.1f} us each, 2025-2027"),
    ]
