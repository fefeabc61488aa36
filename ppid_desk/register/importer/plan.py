"""What checking a register file found: the rows to import, problems and warnings."""

from __future__ import annotations

from collections import Counter as Tally
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..codes import Channel, Decision, DeliveryMethod, ObtainMethod, Status


@dataclass(frozen=True)
class ImportProblem:
    """One bad cell: the sheet row as the spreadsheet shows it, the header, why."""

    row: int
    column: str
    reason: str

    def line(self) -> str:
        if self.column == "-":  # the whole row (a skipped row)
            return f"baris {self.row}: {self.reason}"
        return f"baris {self.row}, kolom {self.column}: {self.reason}"


@dataclass
class ImportRow:
    """One register line, checked and ready to insert."""

    row: int
    number: str
    original_number: str
    year: int
    seq: int | None
    received_at: datetime
    has_time: bool
    requester: tuple  # (kind, name, nik, legal_number, address, occupation, phone, email)
    information: str
    purpose: str = ""
    channel: str = Channel.WALK_IN.value
    obtain_method: str = ObtainMethod.SOFTCOPY.value
    delivery_method: str = DeliveryMethod.PICK_UP.value
    decision: Decision | None = None
    reason: str = ""
    pasal17: str = ""
    other_statute: str = ""
    note: str = ""
    holder_body: str = ""
    notice_date: date | None = None
    delivered_on: date | None = None
    delivery_form: str = ""
    cost: int | None = None
    payment_method: str = ""

    @property
    def status(self) -> Status:
        if self.decision is None:
            return Status.REGISTERED
        return Status.CLOSED if self.delivered_on else Status.DECIDED


@dataclass
class ImportPlan:
    """What :func:`check_file` found; :func:`apply` writes it when ``ok``."""

    path: Path
    sheet: str | None
    header_row: int
    columns: dict[str, str]  # field -> header text as in the file
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    rows_read: int = 0
    skipped: int = 0
    floors: dict[int, int] = field(default_factory=dict)  # year -> highest sequence in the file

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.problems})

    def by_decision(self) -> dict[Decision | None, int]:
        """Rows per decision (None: still in process), in the register's order."""
        tally = Tally(r.decision for r in self.rows)
        return {d: tally[d] for d in (*Decision, None) if tally[d]}


def decision_word(decision: Decision | None) -> str:
    return decision.label if decision else "Dalam proses"
