"""Units that hold information: bidang, SKPD and PPID pembantu."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from . import audit
from .accounts.officer import Actor, require
from .accounts.roles import Permission
from .errors import ValidationError
from .store.models import RequestUnit, Unit, database


class UnitKind(StrEnum):
    BIDANG = "bidang"
    SKPD = "skpd"
    PPID_PEMBANTU = "ppid_pembantu"

    @property
    def label(self) -> str:
        return {"bidang": "Bidang", "skpd": "SKPD", "ppid_pembantu": "PPID Pembantu"}[self.value]


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    kind: UnitKind
    head_name: str
    contact: str
    active: bool


def _info(row: Unit) -> UnitInfo:
    return UnitInfo(row.id, row.name, UnitKind(row.kind), row.head_name, row.contact, row.active)


def list_units(include_inactive: bool = True) -> list[UnitInfo]:
    query = Unit.select().order_by(Unit.kind, Unit.name)
    if not include_inactive:
        query = query.where(Unit.active == True)  # noqa: E712 - peewee expression
    return [_info(u) for u in query]


def _clean(name: str, kind: str) -> tuple[str, UnitKind]:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Nama unit wajib diisi.", "name")
    if len(name) > 200:
        raise ValidationError("Nama unit terlalu panjang (maksimal 200 huruf).", "name")
    try:
        return name, UnitKind(kind)
    except ValueError:
        raise ValidationError(f"Jenis unit tidak dikenal: {kind}", "kind") from None


def save_unit(name: str, kind: str, head_name: str = "", contact: str = "", unit_id: int | None = None,
              active: bool = True, actor: Actor = "") -> UnitInfo:
    """Add a unit (``unit_id`` None) or change one; names are unique."""
    require(actor, Permission.EDIT_UNITS)
    name, unit_kind = _clean(name, kind)
    # Compared in Python: SQL's LOWER folds ASCII letters only ("É" stays "É"), and a
    # missed clash would end in the UNIQUE constraint instead of this message.
    wanted = name.casefold()
    if any(other_id != unit_id and other.casefold() == wanted
           for other_id, other in Unit.select(Unit.id, Unit.name).tuples()):
        raise ValidationError(f"Unit \u201c{name}\u201d sudah ada.", "name")
    values = {"name": name, "kind": unit_kind.value, "head_name": head_name.strip(),
              "contact": contact.strip(), "active": active}
    with database.atomic():
        if unit_id is None:
            row = Unit.create(**values)
            audit.step(actor, "unit.add", "unit", row.id, f"Unit ditambahkan: {name} ({unit_kind.label}).", values)
        else:
            row = Unit.get_or_none(Unit.id == unit_id)
            if row is None:
                raise ValidationError("Unit tidak ditemukan.")
            before = {k: getattr(row, k) for k in values}
            Unit.update(**values).where(Unit.id == unit_id).execute()
            row = Unit.get_by_id(unit_id)
            changed = {k: v for k, v in values.items() if before[k] != v}
            if changed:
                audit.step(actor, "unit.edit", "unit", unit_id, f"Unit diubah: {name} ({', '.join(changed)}).",
                           {"before": {k: before[k] for k in changed}, "after": changed})
    return _info(row)


def delete_unit(unit_id: int, actor: Actor = "") -> None:
    """Delete a unit no request was routed to; a used unit is deactivated instead."""
    require(actor, Permission.EDIT_UNITS)
    if RequestUnit.select().where(RequestUnit.unit == unit_id).exists():
        raise ValidationError("Unit ini sudah menerima disposisi; nonaktifkan saja (hapus centang Aktif).")
    with database.atomic():
        row = Unit.get_or_none(Unit.id == unit_id)
        if row is None or not Unit.delete().where(Unit.id == unit_id).execute():
            raise ValidationError("Unit tidak ditemukan.")
        audit.step(actor, "unit.delete", "unit", unit_id, f"Unit dihapus: {row.name}.", {"name": row.name})
