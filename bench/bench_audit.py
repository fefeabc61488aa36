"""The audit log and passwords: 10,000 appends (each its own transaction, as the app
writes them, and all in one), verifying 1,000,000 entries, one scrypt hash, one login."""

from __future__ import annotations

import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from ppid_desk import audit
from ppid_desk.accounts import passwords, service
from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.roles import Role
from ppid_desk.store import open_store
from ppid_desk.store.models import database

APPENDS = 10_000
VERIFY = 1_000_000
OFFICER = Officer(1, "rina", "Rina Wulandari", frozenset({Role.PETUGAS}))


def _summary(i: int) -> str:
    return f"Permohonan {i % 999 + 1:03d}/PPID/V/2026 didisposisikan ke Bidang Anggaran dan Keuangan."


def _fill(n: int, start: datetime) -> None:
    """A valid chain of ``n`` entries written straight in (hashes computed as append does)."""
    db = database.obj
    prev = audit.GENESIS
    rows = []
    data = audit.data_text({"units": ["Bidang Anggaran dan Keuangan"], "note": "segera"})
    for i in range(1, n + 1):
        at = (start + timedelta(seconds=i)).isoformat()
        summary = _summary(i)
        digest = audit.entry_hash(prev, audit.canonical(i, at, "Rina Wulandari", "rina", "request_routed", "request",
                                                        str(i), summary, data))
        rows.append((i, at.replace("T", " "), "Rina Wulandari", "rina", "request_routed", "request", str(i), summary,
                     data, prev, digest))
        prev = digest
        if len(rows) == 50_000 or i == n:
            with db.atomic():
                db.cursor().executemany("INSERT INTO audit_log (id, at, actor_name, actor_username, action, "
                                        "target_kind, target_id, summary, data, prev_hash, hash) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows = []
    audit.write_head(audit.head_path(), audit.Head(n, prev))


def run():
    rows = []
    start = datetime(2026, 5, 11, 8, 0)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "data"):
        began = time.perf_counter()
        for i in range(APPENDS):
            audit.append(OFFICER, "request_routed", "request", i, _summary(i), {"units": ["Bidang Anggaran"]})
        elapsed = time.perf_counter() - began
        rows.append((f"{APPENDS:,} audit appends, one transaction each", elapsed, "s",
                     f"{elapsed / APPENDS * 1e3:.2f} ms each (commit, fsync, audit-head)"))
        began = time.perf_counter()
        with database.atomic():
            for i in range(APPENDS):
                audit.append(OFFICER, "request_routed", "request", i, _summary(i), {"units": ["Bidang Anggaran"]})
        elapsed = time.perf_counter() - began
        rows.append((f"{APPENDS:,} audit appends in one transaction", elapsed, "s",
                     f"{elapsed / APPENDS * 1e6:.0f} us each"))
        assert audit.verify().ok
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "data"):
        _fill(VERIFY, start)
        began = time.perf_counter()
        result = audit.verify()
        elapsed = time.perf_counter() - began
        assert result.ok and result.checked == VERIFY, result
        rows.append((f"audit verify, {VERIFY:,} entries", elapsed, "s", f"{elapsed / VERIFY * 1e6:.1f} us each"))

        began = time.perf_counter()
        stored = passwords.hash_password("rahasia-kantor-1")
        elapsed = time.perf_counter() - began
        rows.append(("one password hash", elapsed * 1e3, "ms", stored.kdf))
        service.create_admin("admin", "Admin Kantor", "rahasia-kantor-1")
        began = time.perf_counter()
        service.authenticate("admin", "rahasia-kantor-1")
        elapsed = time.perf_counter() - began
        rows.append(("one login (hash, update, audit entry)", elapsed * 1e3, "ms", ""))
    return rows
