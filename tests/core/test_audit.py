"""The audit log: the chain, the head record outside the database, and a database
edited with the sqlite3 module behind the app's back."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_desk import audit
from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.roles import Role
from ppid_desk.audit import GENESIS, Break, append, canonical, read_head, verify
from ppid_desk.paths import database_path
from ppid_desk.register.codes import Status
from ppid_desk.store.models import AuditEntry, database

AT = datetime(2026, 5, 11, 9, 30, 15)
RINA = Officer(3, "rina", "Rina Wulandari", frozenset({Role.PETUGAS}))


def fill(n: int) -> list[AuditEntry]:
    return [append(RINA if i % 2 else "budi", "request_routed", "request", i,
                   f"Permohonan {i:03d}/PPID/V/2026 didisposisikan ke Bidang Anggaran.",
                   {"units": ["Bidang Anggaran"], "n": i}, at=AT) for i in range(1, n + 1)]


def tamper(store, sql: str, *params) -> None:
    """Change the register behind the app's back: with the plain sqlite3 module, as someone
    with the file would, or with psycopg on the server, as someone with its password would."""
    database.obj.close()  # the app's connection reopens on next use
    if store.address is not None:
        import psycopg

        with psycopg.connect(store.address.url, autocommit=True) as conn:
            conn.execute(sql.replace("?", "%s"), params)
        return
    conn = sqlite3.connect(database_path(store.data_dir))
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_entries_are_chained_and_verify(store, data_dir):
    entries = fill(5)
    assert entries[0].prev_hash == GENESIS
    for before, after in zip(entries, entries[1:]):
        assert after.prev_hash == before.hash
    rows = list(AuditEntry.select().order_by(AuditEntry.id))
    assert [r.hash for r in rows] == [e.hash for e in entries]
    assert (rows[1].actor_name, rows[1].actor_username) == ("budi", "")
    assert (rows[0].actor_name, rows[0].actor_username) == ("Rina Wulandari", "rina")
    first = rows[0]
    expected = hashlib.sha256((GENESIS + json.dumps({
        "id": first.id, "at": AT.isoformat(), "actor": "Rina Wulandari", "actor_username": "rina",
        "action": "request_routed", "target_kind": "request", "target_id": "1",
        "summary": first.summary, "data": {"n": 1, "units": ["Bidang Anggaran"]},
    }, sort_keys=True, ensure_ascii=False, separators=(",", ":"))).encode()).hexdigest()
    assert first.hash == expected
    result = verify()
    assert (result.ok, result.checked, result.last_id) == (True, 5, 5)
    assert result.line() == "audit: 5 entri utuh"
    assert read_head(data_dir / "audit-head") == audit.Head(5, entries[-1].hash)


def test_an_empty_log_is_whole(store):
    assert verify().line() == "audit: 0 entri utuh"


@given(st.text(), st.text(), st.text(), st.text(), st.text(), st.dictionaries(st.text(), st.integers() | st.text()))
def test_canonical_is_json_with_sorted_keys(name, username, action, target, summary, data):
    text = audit.data_text(data)
    expected = json.dumps({"id": 7, "at": AT.isoformat(), "actor": name, "actor_username": username,
                           "action": action, "target_kind": "request", "target_id": target, "summary": summary,
                           "data": data}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert canonical(7, AT.isoformat(), name, username, action, "request", target, summary, text) == expected


def test_data_takes_dates_enums_and_sets(store):
    entry = append("budi", "x", "request", 1, "uji", {"due": date(2026, 5, 20), "status": Status.DECIDED,
                                                       "at": AT, "ids": {3, 1}})
    assert json.loads(entry.data) == {"due": "2026-05-20", "status": "diputuskan", "at": AT.isoformat(),
                                      "ids": [1, 3]}
    assert verify().ok


def test_an_entry_rolled_back_with_its_change_leaves_no_trace(store, data_dir):
    fill(2)
    with pytest.raises(RuntimeError), database.atomic():
        append("budi", "x", "request", 3, "akan dibatalkan")
        raise RuntimeError("the step failed")
    assert AuditEntry.select().count() == 2
    assert read_head(data_dir / "audit-head").id == 2
    fill(1)
    assert verify().ok and verify().checked == 3


def test_the_head_moves_only_after_the_commit(store, data_dir):
    fill(1)
    with database.atomic():
        append("budi", "x", "request", 2, "dalam transaksi")
        assert read_head(data_dir / "audit-head").id == 1
    assert read_head(data_dir / "audit-head").id == 2


def test_concurrent_writers_never_fork_the_chain(store):
    def writer(k: int) -> None:
        for i in range(25):
            append(f"pc{k}", "x", "request", i, f"penulis {k} entri {i}")
        database.close()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result = verify()
    assert result.ok and result.checked == 100


# --- behind the app's back -----------------------------------------------------------------

def test_a_deleted_entry_breaks_the_next_one(store, data_dir):
    fill(6)
    tamper(store, "DELETE FROM audit_log WHERE id = 3")
    result = verify()
    assert (result.ok, result.broken_id, result.problem, result.checked) == (False, 4, Break.LINK, 2)
    assert result.line().startswith("audit: RUSAK pada entri #4: rantai terputus")


def test_a_changed_entry_is_named(store, data_dir):
    fill(6)
    tamper(store, "UPDATE audit_log SET summary = 'Permohonan diputuskan diberikan.' WHERE id = 4")
    result = verify()
    assert (result.ok, result.broken_id, result.problem) == (False, 4, Break.EDITED)
    assert "isi entri diubah" in result.line()


def test_a_changed_entry_with_its_hash_recomputed_breaks_the_next(store, data_dir):
    fill(6)
    row = AuditEntry.get_by_id(4)
    forged = audit.entry_hash(row.prev_hash, canonical(4, row.at.isoformat(), "Orang Lain", "", row.action,
                                                       row.target_kind, row.target_id, row.summary, row.data))
    tamper(store, "UPDATE audit_log SET actor_name = 'Orang Lain', hash = ? WHERE id = 4", forged)
    result = verify()
    assert (result.broken_id, result.problem) == (5, Break.LINK)


def test_deleting_the_last_entries_is_caught_by_the_head(store, data_dir):
    fill(6)
    tamper(store, "DELETE FROM audit_log WHERE id >= 5")
    result = verify()
    assert (result.ok, result.checked, result.broken_id, result.problem) == (False, 4, 6, Break.TRUNCATED)
    assert result.line() == ("audit: RUSAK pada entri #6: entri terakhir dihapus: audit-head mencatat entri #6, "
                             "log berakhir di entri #4 (4 entri sebelumnya utuh)")
    # the app keeps writing (the ids 5 and 6 come again): the head stays as evidence
    fill(3)
    result = verify()
    assert (result.ok, result.broken_id, result.problem) == (False, 6, Break.HEAD_MISMATCH)
    assert read_head(data_dir / "audit-head").id == 6


@pytest.mark.sqlite_only  # on a server the head is per desk: a desk without one starts anew (next tests)
def test_a_missing_head_file_is_reported(store, data_dir):
    fill(2)
    (data_dir / "audit-head").unlink()
    result = verify()
    assert (result.ok, result.problem, result.broken_id) == (False, Break.HEAD_MISSING, None)
    assert "audit-head tidak ada" in result.line()
    fill(1)  # not recreated behind the reader's back
    assert not (data_dir / "audit-head").exists()


def test_reset_head_accepts_the_log_as_it_is_and_says_so(store, data_dir):
    fill(4)
    tamper(store, "DELETE FROM audit_log WHERE id = 4")  # e.g. a restore from an older backup
    assert not verify().ok
    head = audit.reset_head("budi", "register dipulihkan dari cadangan 2026-05-10")
    # SQLite gives the freed id 4 again, PostgreSQL's sequence 5: either is the new last entry
    assert head.id == AuditEntry.select().order_by(AuditEntry.id.desc()).first().id and verify().ok
    entry = AuditEntry.get_by_id(head.id)
    assert entry.action == "audit_head_reset"
    assert json.loads(entry.data)["previous_head_id"] == 4


# --- several desks on one server ---------------------------------------------------------------

@pytest.mark.postgres_only  # SQLite: one desk, one file (test_a_missing_head_file_is_reported)
def test_a_desk_joining_a_server_register_starts_its_head_at_the_newest_entry(store, data_dir):
    fill(3)  # written by "another desk": this desk's folder has no head yet
    (data_dir / "audit-head").unlink()
    assert verify().ok  # nothing recorded by this desk, nothing to compare
    fill(1)
    head = read_head(data_dir / "audit-head")
    assert head is not None and head.id == AuditEntry.select().order_by(AuditEntry.id.desc()).first().id
    assert verify().ok


@pytest.mark.postgres_only  # SQLite: the restore resets the one desk's head (tests/core/test_backup.py)
def test_a_restore_at_another_desk_replaces_this_desks_head(store, data_dir, tmp_path):
    fill(5)
    assert read_head(data_dir / "audit-head").id == 5
    # another desk restores an older backup: the newest entries vanish...
    tamper(store, "DELETE FROM audit_log WHERE id >= 4")
    assert not verify().ok  # ...which this desk rightly reports until the log is reset
    other = tmp_path / "desk-b"
    other.mkdir()
    store.db.desk_data_dir = other  # the reset is made at desk B: its head, not this desk's
    try:
        audit.reset_head("budi", "register dipulihkan dari cadangan")
    finally:
        store.db.desk_data_dir = data_dir
    assert read_head(data_dir / "audit-head").id == 5  # this desk's head still names the old log
    result = verify()
    assert result.ok, result.line()
    fill(1)  # and this desk's head follows the new log again
    head = read_head(data_dir / "audit-head")
    assert head.reset > 0 and head.id == AuditEntry.select().order_by(AuditEntry.id.desc()).first().id
    assert verify().ok
