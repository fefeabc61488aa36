"""The office profile and rules: who the office is, who signs, how it counts.

Stored as key/value rows in ``setting`` and typed here. The letterhead logo is kept
inside the database (``office_asset``) so that a backup of the file is complete.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from . import audit
from .accounts.officer import Actor, require
from .accounts.roles import Permission
from .errors import ValidationError
from .objections.numbering import DEFAULT_OBJECTION_PATTERN
from .register.numbering import DEFAULT_REQUEST_PATTERN, validate_pattern
from .store.models import OfficeAsset, Setting, database

LOGO = "logo"
MAX_LOGO_BYTES = 2 * 1024 * 1024
TIMEZONES = ("WIB", "WITA", "WIT")
PAPERS = ("A4", "F4")
RECEIPT_PAPERS = ("A4", "A5")
# Letter numbers of the issued documents, one series per kind (the receipt carries the
# request's registration number).
DEFAULT_NOTICE_PATTERN = "{seq:03d}/PTT/PPID/{roman_month}/{year}"
DEFAULT_EXTENSION_PATTERN = "{seq:03d}/PWK/PPID/{roman_month}/{year}"
DEFAULT_REJECTION_PATTERN = "{seq:03d}/KEP-TOLAK/PPID/{roman_month}/{year}"
DEFAULT_HANDOVER_PATTERN = "{seq:03d}/TBP/PPID/{roman_month}/{year}"
# The Atasan PPID's response to an objection (tanggapan atas keberatan); the objection
# receipt carries the objection's registration number.
DEFAULT_OBJECTION_RESPONSE_PATTERN = "{seq:03d}/TGP-KEB/PPID/{roman_month}/{year}"
DOCUMENT_PATTERNS = {
    "notice_number_pattern": DEFAULT_NOTICE_PATTERN,
    "extension_number_pattern": DEFAULT_EXTENSION_PATTERN,
    "rejection_number_pattern": DEFAULT_REJECTION_PATTERN,
    "handover_number_pattern": DEFAULT_HANDOVER_PATTERN,
    "objection_response_number_pattern": DEFAULT_OBJECTION_RESPONSE_PATTERN,
}
MIN_BACKUP_KEEP, MAX_BACKUP_KEEP = 3, 365
MIN_LOCK_MINUTES, MAX_LOCK_MINUTES = 1, 240
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class OfficeSettings:
    agency_name: str = ""
    ppid_unit: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    city: str = ""
    timezone: str = "WIB"
    ppid_name: str = ""
    ppid_nip: str = ""
    ppid_title: str = "Pejabat Pengelola Informasi dan Dokumentasi"
    atasan_name: str = ""
    atasan_nip: str = ""
    atasan_title: str = "Atasan PPID"
    kasubbag_name: str = ""
    kasubbag_nip: str = ""
    completeness_days: int = 2
    cuti_bersama_off: bool = True
    request_number_pattern: str = DEFAULT_REQUEST_PATTERN
    paper: str = "A4"  # letters: A4 or F4 (folio, 215 x 330 mm)
    receipt_paper: str = "A4"  # receipts: A4 or A5
    printer_name: str = ""  # "" = the system's default printer
    notice_number_pattern: str = DEFAULT_NOTICE_PATTERN
    extension_number_pattern: str = DEFAULT_EXTENSION_PATTERN
    rejection_number_pattern: str = DEFAULT_REJECTION_PATTERN
    handover_number_pattern: str = DEFAULT_HANDOVER_PATTERN
    objection_number_pattern: str = DEFAULT_OBJECTION_PATTERN
    order_days: int = 10  # working days the PPID gets to carry out an Atasan PPID's order (objection)
    objection_response_number_pattern: str = DEFAULT_OBJECTION_RESPONSE_PATTERN
    # The annual report's texts the office writes (Perki 1/2021); kept so each year starts
    # from last year's wording. Empty: the report proposes a text from the register.
    annual_policy: str = ""
    annual_facilities: str = ""
    annual_staff: str = ""
    annual_budget: str = ""
    annual_obstacles: str = ""
    annual_recommendations: str = ""
    # Backups (ppid_desk/backup.py): how many to keep, and a second folder (a USB stick, a
    # share) each backup is also copied to; "" = none.
    backup_keep: int = 30
    backup_mirror_dir: str = ""
    # Security: the app locks the screen after this many minutes without keyboard or mouse.
    lock_minutes: int = 10

    @property
    def is_configured(self) -> bool:
        return bool(self.agency_name.strip())

    def with_changes(self, **changes: object) -> "OfficeSettings":
        return replace(self, **changes)


_FIELD_TYPES = {f.name: f.type for f in fields(OfficeSettings)}


def _decode(name: str, raw: str) -> object:
    kind = _FIELD_TYPES[name]
    if kind in ("bool", bool):
        return raw == "1"
    if kind in ("int", int):
        try:
            return int(raw)
        except ValueError:
            return getattr(OfficeSettings, name)
    return raw


def _encode(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def load_office() -> OfficeSettings:
    stored = {row.key: row.value for row in Setting.select() if row.key in _FIELD_TYPES}
    return OfficeSettings(**{k: _decode(k, v) for k, v in stored.items()})


def normalize_nip(nip: str) -> str:
    """NIP as printed on letters: 18 digits grouped 8-6-1-3 (``19650809 198603 1 012``)."""
    digits = re.sub(r"\s+", "", nip)
    if not digits:
        return ""
    if not digits.isdigit() or len(digits) != 18:
        raise ValidationError("NIP harus 18 angka.")
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def validate_office(office: OfficeSettings, require_identity: bool = True) -> OfficeSettings:
    """The settings cleaned (spaces trimmed, NIPs grouped), or ValidationError on the first problem."""
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in asdict(office).items()}
    if require_identity and not clean["agency_name"]:
        raise ValidationError("Nama badan publik wajib diisi.", "agency_name")
    if require_identity and not clean["city"]:
        raise ValidationError("Kota (untuk tanggal surat) wajib diisi.", "city")
    if clean["email"] and not _EMAIL.match(clean["email"]):
        raise ValidationError("Alamat email tidak sah.", "email")
    for key in ("ppid_nip", "atasan_nip", "kasubbag_nip"):
        try:
            clean[key] = normalize_nip(clean[key])
        except ValidationError as exc:
            raise ValidationError(exc.message, key) from None
    if clean["timezone"] not in TIMEZONES:
        raise ValidationError("Zona waktu harus WIB, WITA atau WIT.", "timezone")
    if not 1 <= int(clean["completeness_days"]) <= 10:
        raise ValidationError("Batas melengkapi persyaratan harus 1 sampai 10 hari kerja.", "completeness_days")
    clean["request_number_pattern"] = validate_pattern(clean["request_number_pattern"] or DEFAULT_REQUEST_PATTERN)
    try:
        objection_pattern = clean["objection_number_pattern"] or DEFAULT_OBJECTION_PATTERN
        clean["objection_number_pattern"] = validate_pattern(objection_pattern)
    except ValidationError as exc:
        raise ValidationError(exc.message, "objection_number_pattern") from None
    if not 1 <= int(clean["order_days"]) <= 30:
        raise ValidationError("Waktu melaksanakan perintah Atasan PPID harus 1 sampai 30 hari kerja.", "order_days")
    if not MIN_BACKUP_KEEP <= int(clean["backup_keep"]) <= MAX_BACKUP_KEEP:
        raise ValidationError(f"Jumlah cadangan yang disimpan harus {MIN_BACKUP_KEEP} sampai {MAX_BACKUP_KEEP}.",
                              "backup_keep")
    if not MIN_LOCK_MINUTES <= int(clean["lock_minutes"]) <= MAX_LOCK_MINUTES:
        raise ValidationError(f"Kunci layar otomatis harus {MIN_LOCK_MINUTES} sampai {MAX_LOCK_MINUTES} menit.",
                              "lock_minutes")
    if clean["backup_mirror_dir"] and not Path(clean["backup_mirror_dir"]).is_absolute():
        # Whether the folder is there is checked at each backup (a USB stick may be out now).
        raise ValidationError("Folder salinan cadangan harus ditulis lengkap (mis. E:\\Cadangan atau "
                              "/media/usb/cadangan).", "backup_mirror_dir")
    clean["paper"] = clean["paper"].upper()
    if clean["paper"] not in PAPERS:
        raise ValidationError("Ukuran kertas surat harus A4 atau F4.", "paper")
    clean["receipt_paper"] = clean["receipt_paper"].upper()
    if clean["receipt_paper"] not in RECEIPT_PAPERS:
        raise ValidationError("Ukuran kertas tanda bukti harus A4 atau A5.", "receipt_paper")
    for key, default in DOCUMENT_PATTERNS.items():
        try:
            clean[key] = validate_pattern(clean[key] or default)
        except ValidationError as exc:
            raise ValidationError(exc.message, key) from None
    patterns = ["request_number_pattern", "objection_number_pattern", *DOCUMENT_PATTERNS]
    for i, key in enumerate(patterns):
        if clean[key] in [clean[k] for k in patterns[:i]]:
            # Letter numbers are unique across kinds: two series must not make the same number.
            raise ValidationError("Pola nomor setiap jenis surat harus berbeda.", key)
    return OfficeSettings(**clean)


def save_office(office: OfficeSettings, require_identity: bool = True, actor: Actor = "") -> OfficeSettings:
    """Validate and store the settings (Admin: ``edit_settings``); ``actor`` "" is the
    operating-system user."""
    require(actor, Permission.EDIT_SETTINGS)
    return store_office(office, require_identity, actor)


def store_office(office: OfficeSettings, require_identity: bool, actor: Actor,
                 what: str = "Pengaturan kantor", action: str = "office.save") -> OfficeSettings:
    """:func:`save_office` without its permission check, for a caller that checked its own
    (the annual report's texts: ``make_report``). One audit entry names the changed
    settings (nothing changed: no entry)."""
    clean = validate_office(office, require_identity)
    rows = [{"key": k, "value": _encode(v)} for k, v in asdict(clean).items()]
    with database.atomic():
        before = load_office()
        Setting.insert_many(rows).on_conflict(conflict_target=[Setting.key], preserve=[Setting.value]).execute()
        recomputed = 0
        if (before.cuti_bersama_off, before.completeness_days) != (clean.cuti_bersama_off, clean.completeness_days):
            # workdays builds on this module; imported here to keep the dependency one-way.
            from .workdays import calendar_changed

            recomputed = calendar_changed(actor, "Pengaturan cuti bersama / batas kelengkapan diubah")
        old, new = asdict(before), asdict(clean)
        changed = sorted(k for k in new if old.get(k) != new[k])
        if changed:
            audit.step(actor, action, "office", "", f"{what} diubah: {', '.join(changed)}.",
                       {"changed": changed, "deadlines_recomputed": recomputed})
    return clean


def _image_mime(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None


def set_logo(path: Path, actor: Actor = "") -> str:
    """Store the letterhead logo (PNG or JPEG, at most 2 MB); returns its SHA-256."""
    require(actor, Permission.EDIT_SETTINGS)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"Berkas logo tidak dapat dibaca: {exc.strerror or exc}", "logo") from exc
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError("Berkas logo terlalu besar (maksimal 2 MB).", "logo")
    mime = _image_mime(data)
    if mime is None:
        raise ValidationError("Logo harus berupa gambar PNG atau JPEG.", "logo")
    digest = hashlib.sha256(data).hexdigest()
    with database.atomic():
        OfficeAsset.insert(
            name=LOGO, filename=Path(path).name, mime=mime, data=data, sha256=digest
        ).on_conflict(conflict_target=[OfficeAsset.name],
                      preserve=[OfficeAsset.filename, OfficeAsset.mime, OfficeAsset.data, OfficeAsset.sha256]).execute()
        audit.step(actor, "office.logo", "office", LOGO, f"Logo kop surat diganti ({Path(path).name}).",
                   {"filename": Path(path).name, "sha256": digest, "size": len(data)})
    return digest


def logo_bytes() -> bytes | None:
    row = OfficeAsset.get_or_none(OfficeAsset.name == LOGO)
    return bytes(row.data) if row else None


def remove_logo(actor: Actor = "") -> None:
    require(actor, Permission.EDIT_SETTINGS)
    with database.atomic():
        if OfficeAsset.delete().where(OfficeAsset.name == LOGO).execute():
            audit.step(actor, "office.logo_remove", "office", LOGO, "Logo kop surat dihapus.")
