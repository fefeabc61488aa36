"""The reports made on this PC, newest first, for the Laporan page's list.

Kept in ``<data>/laporan-terakhir.json`` (UTF-8), not in the register: the files live on
this PC's disk, so another desk sharing the register later would list files it cannot
open. The file is replaced atomically (a temporary file in the same folder, then
``os.replace``), so a crash never leaves half a list; a missing, unreadable or corrupt
file means an empty list (logged), and a bad entry is skipped, never an error: the list
is a convenience, the reports themselves are the record.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

FILE_NAME = "laporan-terakhir.json"
KEEP = 20  # entries kept in the file; the page shows fewer
_VERSION = 1

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecentReport:
    path: Path
    kind: str  # one of periodic.KINDS
    first: date
    last: date
    made_at: datetime

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    def to_json(self) -> dict[str, str]:
        return {"path": str(self.path), "kind": self.kind, "first": self.first.isoformat(),
                "last": self.last.isoformat(), "made_at": self.made_at.replace(microsecond=0).isoformat()}

    @classmethod
    def from_json(cls, item: object) -> "RecentReport":
        """One entry of the file; ValueError (or TypeError, KeyError) when it is not one."""
        if not isinstance(item, dict):
            raise TypeError("not an object")
        path, kind = item["path"], item["kind"]
        if not isinstance(path, str) or not path or not isinstance(kind, str):
            raise ValueError("path and kind must be text")
        made_at = datetime.fromisoformat(item["made_at"]).replace(tzinfo=None)  # local time, as written
        return cls(Path(path), kind, date.fromisoformat(item["first"]), date.fromisoformat(item["last"]), made_at)


def list_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def _read(data_dir: Path) -> list[RecentReport]:
    path = list_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        log.warning("recent reports list %s unreadable, starting empty: %s", path, exc)
        return []
    items = raw.get("reports") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        log.warning("recent reports list %s has no list of reports, starting empty", path)
        return []
    reports = []
    for item in items:
        try:
            reports.append(RecentReport.from_json(item))
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("recent reports list %s: entry skipped (%s): %r", path, exc, item)
    return reports


def _write(data_dir: Path, reports: list[RecentReport]) -> None:
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": _VERSION, "reports": [r.to_json() for r in reports]}, ensure_ascii=False, indent=1)
    fd, tmp = tempfile.mkstemp(prefix=FILE_NAME + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, list_path(folder))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remember(data_dir: Path, path: Path | str, kind: str, first: date, last: date,
             made_at: datetime) -> RecentReport:
    """Put a report just made at the top of the list (the same file made again moves up).

    Raises OSError when the list cannot be written; the report itself is not affected."""
    entry = RecentReport(Path(path).absolute(), kind, first, last, made_at.replace(microsecond=0))
    kept = [r for r in _read(data_dir) if r.path != entry.path]
    _write(data_dir, [entry, *kept][:KEEP])
    return entry


def recent(data_dir: Path, limit: int = 10) -> list[RecentReport]:
    """The last ``limit`` reports made, newest first (a file since moved or deleted included)."""
    newest_first = sorted(_read(data_dir), key=lambda r: r.made_at, reverse=True)
    return newest_first[:max(limit, 0)]


__all__ = ["FILE_NAME", "KEEP", "RecentReport", "list_path", "recent", "remember"]
