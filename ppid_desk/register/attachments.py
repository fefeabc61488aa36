"""Files kept with a request: the KTP scan, the surat kuasa, the requester's letter.

A file is copied into ``<data>/lampiran/<year>/<request id>/`` under a name made safe
for every file system, its SHA-256 computed while it is copied, and recorded with an
``ATTACHED`` event in one transaction. Attachments are part of the legal record: there
is no way to delete one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path, PurePosixPath

import peewee

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..errors import PpidError, ValidationError
from ..paths import fsync_folder
from ..store import backend
from ..store.models import Attachment, AttachmentBlob, Request, RequestEvent, database
from .codes import EventKind, Labelled

FOLDER = "lampiran"
MAX_SIZE = 20 * 1024 * 1024
CHUNK = 1024 * 1024
SAFE_NAME_MAX = 100
_EXT_MAX = 10
# Names Windows refuses as a file's base name, whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


class AttachmentKind(Labelled):
    KTP = "ktp"
    POWER_OF_ATTORNEY = "surat_kuasa"
    REQUEST_LETTER = "surat_permohonan"
    OTHER = "lainnya"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    AttachmentKind.KTP: "Scan KTP",
    AttachmentKind.POWER_OF_ATTORNEY: "Surat kuasa",
    AttachmentKind.REQUEST_LETTER: "Surat permohonan",
    AttachmentKind.OTHER: "Lainnya",
}


def size_text(size: int) -> str:
    """``1536`` -> ``"1,5 KB"`` (decimal comma, as Indonesian writes it)."""
    if size < 1024:
        return f"{size} B"
    for unit, scale in (("KB", 1024), ("MB", 1024 ** 2), ("GB", 1024 ** 3)):
        if size < scale * 1024 or unit == "GB":
            value = f"{size / scale:.1f}".replace(".", ",")
            return f"{value.removesuffix(',0')} {unit}"
    raise AssertionError("unreachable")


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()


def _clean(text: str) -> str:
    text = re.sub(r"\s+", "_", _ascii(text))
    text = re.sub(r"[^A-Za-z0-9._-]", "", text)
    return re.sub(r"_{2,}", "_", text)


def safe_filename(name: str) -> str:
    """A name any file system accepts: ASCII letters, digits, ``.-_``; spaces become ``_``.

    At most 100 characters, the extension kept; never a Windows device name (``CON``,
    ``NUL``, ``COM1`` ...), never a leading or trailing dot or space.
    """
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem.strip(" ."):  # no extension (".bashrc" is a name, not an extension)
        stem, ext = name, ""
    ext = _clean(ext).strip("._-").lower()
    if len(ext) > _EXT_MAX:
        stem, ext = name, ""
    stem = _clean(stem).strip("._-") or "berkas"
    if stem.split(".", 1)[0].upper() in _RESERVED:
        stem = "_" + stem
    suffix = f".{ext}" if ext else ""
    stem = stem[:SAFE_NAME_MAX - len(suffix)].rstrip("._-") or "berkas"
    return stem + suffix


def attachment_path(data_dir: Path, attachment: Attachment) -> Path:
    """Where the attachment's copy is kept."""
    parts = PurePosixPath(attachment.stored_name).parts
    if not parts or attachment.stored_name.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"unsafe stored name {attachment.stored_name!r}")
    return Path(data_dir, FOLDER, *parts)


def list_attachments(request_id: int) -> list[Attachment]:
    return list(Attachment.select().where(Attachment.request == request_id)
                .order_by(Attachment.added_at, Attachment.id))


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_attachment(data_dir: Path, attachment: Attachment) -> bool:
    """True when the stored copy is there and still has the recorded size and SHA-256 (on
    a server register: this desk's copy, else the server's, checked when fetched)."""
    try:
        path = attachment_path(data_dir, attachment)
        if path.is_file() and path.stat().st_size == attachment.size and _sha256_of(path) == attachment.sha256:
            return True
    except (OSError, ValueError):
        return False
    if backend.is_postgres(database):
        size = (AttachmentBlob.select(peewee.fn.length(AttachmentBlob.data))
                .where(AttachmentBlob.attachment == attachment.id).scalar())
        return size == attachment.size
    return False


def local_copy(data_dir: Path, attachment: Attachment) -> Path:
    """The attachment as a file on this computer, to open. On a server register a desk
    that does not have it yet (it was attached at another desk) fetches it from the
    server, checks its SHA-256 and keeps it in its data folder; a copy changed or lost on
    this computer is fetched again."""
    path = attachment_path(data_dir, attachment)
    if not backend.is_postgres(database):
        return path
    try:
        if path.is_file() and path.stat().st_size == attachment.size and _sha256_of(path) == attachment.sha256:
            return path
    except OSError:
        pass  # fetched again below
    data = (AttachmentBlob.select(AttachmentBlob.data)
            .where(AttachmentBlob.attachment == attachment.id).scalar())
    if data is None:
        raise PpidError(f"Berkas {attachment.filename} tidak ada di komputer ini maupun di server.")
    data = bytes(data)
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise PpidError(f"Berkas {attachment.filename} di server tidak cocok dengan catatannya (SHA-256 berbeda); "
                        "berkas tidak dibuka.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise PpidError(f"Berkas {attachment.filename} tidak dapat disimpan di folder data ({exc.strerror or exc}).") \
            from exc
    return path


def _checked_source(path: Path) -> int:
    """The size of the file to attach; a clear message when it cannot be attached."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ValidationError(f"Berkas {path.name} tidak ditemukan.", "path") from None
    except OSError as exc:
        raise ValidationError(f"Berkas {path.name} tidak dapat dibaca: {exc.strerror or exc}", "path") from exc
    if not path.is_file():
        raise ValidationError(f"{path.name} bukan berkas; pilih sebuah berkas.", "path")
    _check_size(path.name, info.st_size)
    return info.st_size


def _check_size(name: str, size: int) -> None:
    if size == 0:
        raise ValidationError(f"Berkas {name} kosong (0 byte); tidak dilampirkan.", "path")
    if size > MAX_SIZE:
        raise ValidationError(f"Berkas {name} terlalu besar ({size_text(size)}); lampiran paling besar "
                              f"{size_text(MAX_SIZE)}.", "path")


def _copy(source: Path, folder: Path) -> tuple[Path, str, int]:
    """Copy ``source`` to a temporary file in ``folder``: (temporary path, SHA-256, size)."""
    digest = hashlib.sha256()
    size = 0
    handle, name = tempfile.mkstemp(dir=folder, prefix=".", suffix=".sementara")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as target:
            try:
                reader = source.open("rb")
            except OSError as exc:
                raise ValidationError(f"Berkas {source.name} tidak dapat dibaca: {exc.strerror or exc}",
                                      "path") from exc
            with reader:
                while chunk := reader.read(CHUNK):
                    size += len(chunk)
                    if size > MAX_SIZE:  # the file grew after it was checked
                        _check_size(source.name, size)
                    digest.update(chunk)
                    target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
        _check_size(source.name, size)
    except ValidationError:
        temporary.unlink(missing_ok=True)
        raise
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise PpidError(f"Lampiran tidak dapat disimpan di {folder}: {exc.strerror or exc}") from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary, digest.hexdigest(), size


def _remove_empty_folders(folder: Path, stop: Path) -> None:
    """Remove ``folder`` and its parents up to ``stop`` (inclusive) while they are empty."""
    while True:
        try:
            folder.rmdir()
        except OSError:
            return
        if folder == stop:
            return
        folder = folder.parent


def add_attachment(data_dir: Path, request_id: int, path: str | os.PathLike[str], kind: AttachmentKind | str,
                   actor: Actor, now: datetime | None = None) -> Attachment:
    """Copy ``path`` into the data folder and record it with the request, or change nothing."""
    require(actor, Permission.ATTACH)
    now = (now or datetime.now()).replace(microsecond=0)
    source = Path(path)
    try:
        kind = AttachmentKind(kind)
    except ValueError:
        raise ValidationError("Jenis lampiran tidak dikenal.", "kind") from None
    row = Request.get_or_none(Request.id == request_id)
    if row is None:
        raise ValidationError("Permohonan tidak ditemukan.")
    _checked_source(source)
    root = Path(data_dir) / FOLDER
    folder = root / str(row.year) / str(row.id)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PpidError(f"Folder lampiran {folder} tidak dapat dibuat: {exc.strerror or exc}") from exc
    temporary: Path | None = None
    placed: Path | None = None
    try:
        temporary, sha256, size = _copy(source, folder)
        safe = f"{sha256[:12]}-{safe_filename(source.name)}"
        final = folder / safe
        with database.atomic():
            same = (Attachment.select().where((Attachment.request == row.id) & (Attachment.sha256 == sha256))
                    .first())
            if same is not None:
                raise ValidationError(
                    f"Berkas ini sudah dilampirkan pada permohonan {row.number} "
                    f"({AttachmentKind(same.kind).label}: {same.filename}).", "path")
            attachment = Attachment.create(
                request=row.id, kind=kind.value, filename=source.name[:255],
                stored_name=f"{row.year}/{row.id}/{safe}", sha256=sha256, size=size, added_at=now,
                added_by=str(actor))
            if backend.is_postgres(database):  # every desk of the office can open it
                AttachmentBlob.create(attachment=attachment.id, data=temporary.read_bytes())
            RequestEvent.create(request=row.id, kind=EventKind.ATTACHED.value, at=now, actor=str(actor),
                                data=json.dumps({"kind": kind.value, "filename": source.name, "sha256": sha256,
                                                 "size": size}, ensure_ascii=False))
            # The file's name is left out of the audit log (it may be a name: "KTP Budi.jpg");
            # its SHA-256 identifies the stored copy.
            audit.step(actor, "request.attach", "request", row.number,
                       f"Permohonan {row.number}: lampiran ditambahkan ({kind.label}, {size_text(size)}).",
                       {"attachment_id": attachment.id, "kind": kind.value, "sha256": sha256, "size": size}, at=now)
            placed = final  # last: a failure above leaves only the temporary file
            os.replace(temporary, final)
    except BaseException:
        # Nothing half stored: the row and event were rolled back, so the copy goes too
        # (also when the commit itself failed after the rename).
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        if placed is not None:
            placed.unlink(missing_ok=True)
        _remove_empty_folders(folder, root)
        raise
    fsync_folder(folder)
    return attachment
