"""The audit entry of an export that holds personal data (issue 8).

Written after the file is saved, and the file removed again when the entry cannot be
written: a workbook with identities exists only when the audit log says who made it.
Exports without personal data (the public register, the DIP) and import dry runs leave
no entry.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ppid_desk import audit
from ppid_desk.accounts.officer import Actor
from ppid_desk.privacy import Masker


def record_export(actor: Actor, path: Path, what: str, rows: int, date_from: date | None, date_to: date | None,
                  masker: Masker, action: str = "export.personal_data") -> None:
    """"Ekspor data pribadi: register.xlsx, 120 baris (register permohonan)."."""
    masked = "" if masker.full else ", kontak disamarkan"
    try:
        audit.append(actor, action, "export", path.name,
                     f"Ekspor data pribadi: {path.name}, {rows} baris ({what}{masked}).",
                     {"file": str(Path(path).absolute()), "what": what, "rows": rows, "from": date_from,
                      "to": date_to, "masked": not masker.full})
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
