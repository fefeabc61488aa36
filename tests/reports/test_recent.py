"""The list of reports made on this PC: newest first, the same file once, kept short,
written atomically in UTF-8, and a missing or corrupt file is an empty list, not an error."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta

import pytest

from ppid_desk.reports import recent as recent_module
from ppid_desk.reports.recent import FILE_NAME, KEEP, list_path, recent, remember

MADE = datetime(2026, 11, 23, 14, 5, 30, 123456)


def _remember(data_dir, path, kind="monthly", made=MADE):
    return remember(data_dir, path, kind, date(2026, 10, 25), date(2026, 11, 23), made)


def test_remember_and_read_back(tmp_path):
    data_dir = tmp_path / "data"  # made on first write
    out = tmp_path / "Laporan Désa Sukamaju" / "Laporan-Bulanan-2026-10-25-sd-2026-11-23.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"xlsx")
    entry = _remember(data_dir, out)
    assert entry.made_at == MADE.replace(microsecond=0)
    [read] = recent(data_dir)
    assert read == entry
    assert (read.kind, read.first, read.last, read.path) == ("monthly", date(2026, 10, 25), date(2026, 11, 23), out)
    assert read.exists
    out.unlink()
    assert not recent(data_dir)[0].exists  # a deleted file stays listed, marked by ``exists``
    text = list_path(data_dir).read_text(encoding="utf-8")
    assert "Désa" in text  # UTF-8 as is, not \u escapes
    assert [p.name for p in data_dir.iterdir()] == [FILE_NAME]  # no temporary file left


def test_newest_first_same_file_once_and_kept_short(tmp_path):
    for i in range(KEEP + 5):
        _remember(tmp_path, tmp_path / f"r{i}.xlsx", made=MADE + timedelta(minutes=i))
    _remember(tmp_path, tmp_path / "r3.xlsx", kind="custom", made=MADE + timedelta(hours=5))  # made again
    shown = recent(tmp_path)
    assert len(shown) == 10
    assert [r.path.name for r in shown[:3]] == ["r3.xlsx", f"r{KEEP + 4}.xlsx", f"r{KEEP + 3}.xlsx"]
    assert shown[0].kind == "custom"
    everything = recent(tmp_path, limit=100)
    assert len(everything) == KEEP
    assert [r.path.name for r in everything].count("r3.xlsx") == 1
    assert recent(tmp_path, limit=0) == []


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"reports": 5}', b""])
def test_a_corrupt_list_is_an_empty_list_and_is_replaced(tmp_path, caplog, content):
    list_path(tmp_path).write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="ppid_desk.reports.recent"):
        assert recent(tmp_path) == []
    assert caplog.records  # said in the log, not silently
    _remember(tmp_path, tmp_path / "a.xlsx")
    assert [r.path.name for r in recent(tmp_path)] == ["a.xlsx"]
    assert json.loads(list_path(tmp_path).read_text(encoding="utf-8"))["reports"][0]["kind"] == "monthly"


def test_bad_entries_are_skipped(tmp_path):
    good = {"path": str(tmp_path / "good.xlsx"), "kind": "daily", "first": "2026-11-23", "last": "2026-11-23",
            "made_at": "2026-11-23T10:00:00"}
    bad = [None, "text", {"path": "x.xlsx"}, {**good, "first": "23-11-2026"}, {**good, "path": 5},
           {**good, "made_at": None}]
    list_path(tmp_path).write_text(json.dumps({"version": 1, "reports": [*bad, good]}), encoding="utf-8")
    assert [r.path.name for r in recent(tmp_path)] == ["good.xlsx"]


def test_missing_list_is_empty(tmp_path):
    assert recent(tmp_path / "nowhere") == []


def test_a_failed_write_keeps_the_old_list(tmp_path, monkeypatch):
    _remember(tmp_path, tmp_path / "old.xlsx")
    before = list_path(tmp_path).read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recent_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        _remember(tmp_path, tmp_path / "new.xlsx")
    assert list_path(tmp_path).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]  # the temporary file is gone
