"""Attachments: copied with their SHA-256 under a safe name, recorded with an event, or not at all."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime

import pytest

from ppid_desk.errors import ValidationError
from ppid_desk.register import attachments, service
from ppid_desk.register.attachments import (
    MAX_SIZE, AttachmentKind, add_attachment, attachment_path, list_attachments, safe_filename, size_text,
    verify_attachment,
)
from ppid_desk.register.codes import EventKind, RequesterKind
from ppid_desk.store.models import Attachment, RequestEvent
from ppid_desk.workdays import load_calendar

AT = datetime(2026, 11, 3, 10, 15)
WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?$", re.IGNORECASE)


@pytest.fixture
def request_row(store):
    return service.register_request(service.RequestInput(
        requester=service.RequesterInput(RequesterKind.PERSON, "Siti Lestari", "3201014506900001",
                                         phone="081234567890"),
        information="Salinan DPA 2026", purpose="Penelitian", received_at=datetime(2026, 11, 2, 10, 0)),
        load_calendar(), "petugas", now=datetime(2026, 11, 2, 10, 0))


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def stored_files(data_dir) -> list:
    root = data_dir / attachments.FOLDER
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_kinds_have_indonesian_labels():
    assert [k.label for k in AttachmentKind] == ["Scan KTP", "Surat kuasa", "Surat permohonan", "Lainnya"]
    assert AttachmentKind.parse("scan ktp") is AttachmentKind.KTP
    assert AttachmentKind.parse("surat_kuasa") is AttachmentKind.POWER_OF_ATTORNEY


def test_attaching_copies_hashes_and_records_an_event(store, data_dir, request_row, tmp_path):
    content = b"%PDF-1.7 surat permohonan\n" * 50_000  # > 1 MiB: more than one chunk
    source = write(tmp_path / "in" / "Surat Permohonan Siti.pdf", content)
    row = add_attachment(data_dir, request_row.id, source, AttachmentKind.REQUEST_LETTER, "ani", now=AT)

    sha = hashlib.sha256(content).hexdigest()
    assert (row.kind, row.filename, row.sha256, row.size, row.added_by) == (
        "surat_permohonan", "Surat Permohonan Siti.pdf", sha, len(content), "ani")
    assert row.added_at == AT
    path = attachment_path(data_dir, row)
    assert path == data_dir / "lampiran" / "2026" / str(request_row.id) / f"{sha[:12]}-Surat_Permohonan_Siti.pdf"
    assert path.read_bytes() == content
    assert stored_files(data_dir) == [path]  # no temporary file left behind
    assert source.read_bytes() == content  # the original is untouched
    assert verify_attachment(data_dir, row)
    assert [a.id for a in list_attachments(request_row.id)] == [row.id]

    event = RequestEvent.select().where(RequestEvent.kind == EventKind.ATTACHED.value).get()
    assert (event.request_id, event.actor, event.at) == (request_row.id, "ani", AT)
    assert json.loads(event.data) == {"kind": "surat_permohonan", "filename": "Surat Permohonan Siti.pdf",
                                      "sha256": sha, "size": len(content)}


def test_several_attachments_are_listed_in_order(store, data_dir, request_row, tmp_path):
    ktp = add_attachment(data_dir, request_row.id, write(tmp_path / "ktp.jpg", b"jpeg"), "ktp", "ani", now=AT)
    letter = add_attachment(data_dir, request_row.id, write(tmp_path / "kuasa.pdf", b"kuasa"),
                            AttachmentKind.POWER_OF_ATTORNEY, "budi", now=AT.replace(hour=11))
    assert [a.id for a in list_attachments(request_row.id)] == [ktp.id, letter.id]
    assert list_attachments(request_row.id + 1) == []


@pytest.mark.parametrize(("name", "expected"), [
    ("KTP Budi.jpg", "KTP_Budi.jpg"),
    ("Surat  kuasa (asli)  final.PDF", "Surat_kuasa_asli_final.pdf"),
    ("Pérmohonan Élise.docx", "Permohonan_Elise.docx"),
    ("\U0001F4C4 surat \U0001F600.pdf", "surat.pdf"),
    ("\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23.pdf", "berkas.pdf"),  # Thai letters: nothing ASCII is left
    ("CON.txt", "_CON.txt"),
    ("nul", "_nul"),
    ("com1.tar.gz", "_com1.tar.gz"),
    ("lpt9.", "_lpt9"),
    ("konsol.txt", "konsol.txt"),
    ("laporan...", "laporan"),
    (".bashrc", "bashrc"),
    ("...", "berkas"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\ani\\scan ktp.png", "scan_ktp.png"),
    ("a.b.c.jpeg", "a.b.c.jpeg"),
    ("catatan.versi-akhir-yang-sudah-disetujui", "catatan.versi-akhir-yang-sudah-disetujui"),
])
def test_safe_filenames(name, expected):
    assert safe_filename(name) == expected


def test_very_long_names_keep_their_extension():
    safe = safe_filename("surat permohonan informasi " * 20 + ".pdf")
    assert len(safe) == 100 and safe.endswith(".pdf") and not safe[:-4].endswith(("_", ".", "-"))


@pytest.mark.parametrize("name", [
    "CON.txt", "aux", "Laporan \U0001F600 akhir.pdf", "\u0645\u0633\u062a\u0646\u062f.pdf", "x" * 240 + ".pdf",
    "trailing dot.", "  spasi  .txt", "tab\tdan\nbaris.txt",
])
def test_odd_names_are_stored_safely(store, data_dir, request_row, tmp_path, name):
    source = tmp_path / "in" / "source.bin"
    write(source, name.encode())
    try:
        odd = source.with_name(name)
        source.rename(odd)
        source = odd
    except OSError:
        pytest.skip(f"this file system refuses the name {name!r}")
    row = add_attachment(data_dir, request_row.id, source, AttachmentKind.OTHER, "ani", now=AT)
    stored = attachment_path(data_dir, row)
    assert stored.is_file() and verify_attachment(data_dir, row)
    assert row.filename == name  # the original name is kept in the register
    base = stored.name.split("-", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,100}", base)
    assert not WINDOWS_RESERVED.match(base) and not base.endswith((".", " "))
    assert not WINDOWS_RESERVED.match(stored.name)
    assert len(row.stored_name) <= 255


def test_empty_file_is_refused_and_nothing_stored(store, data_dir, request_row, tmp_path):
    with pytest.raises(ValidationError, match="kosong"):
        add_attachment(data_dir, request_row.id, write(tmp_path / "kosong.pdf", b""), "ktp", "ani")
    assert stored_files(data_dir) == [] and Attachment.select().count() == 0
    assert not (data_dir / "lampiran").exists()


def test_too_big_file_is_refused_and_nothing_stored(store, data_dir, request_row, tmp_path):
    big = tmp_path / "besar.pdf"
    with big.open("wb") as f:
        f.truncate(MAX_SIZE + 1)
    with pytest.raises(ValidationError, match=r"terlalu besar \(20 MB\); lampiran paling besar 20 MB"):
        add_attachment(data_dir, request_row.id, big, "lainnya", "ani")
    assert stored_files(data_dir) == [] and Attachment.select().count() == 0
    assert RequestEvent.select().where(RequestEvent.kind == EventKind.ATTACHED.value).count() == 0


def test_a_file_of_exactly_20_mb_is_accepted(store, data_dir, request_row, tmp_path):
    edge = tmp_path / "pas.pdf"
    with edge.open("wb") as f:
        f.truncate(MAX_SIZE)
    row = add_attachment(data_dir, request_row.id, edge, "lainnya", "ani")
    assert row.size == MAX_SIZE and verify_attachment(data_dir, row)


def test_file_growing_past_the_limit_while_copied_leaves_nothing(store, data_dir, request_row, tmp_path,
                                                                  monkeypatch):
    source = write(tmp_path / "tumbuh.pdf", b"x" * 10)
    monkeypatch.setattr(attachments, "MAX_SIZE", 5 * 1024 * 1024)
    monkeypatch.setattr(attachments, "_checked_source", lambda path: 10)  # it was small when checked
    with source.open("wb") as f:
        f.truncate(6 * 1024 * 1024)
    with pytest.raises(ValidationError, match="terlalu besar"):
        add_attachment(data_dir, request_row.id, source, "lainnya", "ani")
    assert stored_files(data_dir) == [] and Attachment.select().count() == 0


def test_unknown_request_missing_file_folder_and_kind_are_refused(store, data_dir, request_row, tmp_path):
    source = write(tmp_path / "ktp.jpg", b"jpeg")
    with pytest.raises(ValidationError, match="Permohonan tidak ditemukan"):
        add_attachment(data_dir, request_row.id + 99, source, "ktp", "ani")
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        add_attachment(data_dir, request_row.id, tmp_path / "tidak-ada.jpg", "ktp", "ani")
    with pytest.raises(ValidationError, match="bukan berkas"):
        add_attachment(data_dir, request_row.id, tmp_path, "ktp", "ani")
    with pytest.raises(ValidationError, match="Jenis lampiran tidak dikenal"):
        add_attachment(data_dir, request_row.id, source, "paspor", "ani")
    assert stored_files(data_dir) == [] and Attachment.select().count() == 0
    assert not (data_dir / "lampiran").exists()


def test_same_file_twice_is_refused(store, data_dir, request_row, tmp_path):
    first = add_attachment(data_dir, request_row.id, write(tmp_path / "ktp.jpg", b"jpeg ktp"), "ktp", "ani")
    renamed = write(tmp_path / "lain" / "salinan ktp.jpg", b"jpeg ktp")  # same content, other name
    with pytest.raises(ValidationError, match="sudah dilampirkan") as refused:
        add_attachment(data_dir, request_row.id, renamed, "lainnya", "ani")
    assert "Scan KTP: ktp.jpg" in refused.value.message
    assert [a.id for a in list_attachments(request_row.id)] == [first.id]
    assert stored_files(data_dir) == [attachment_path(data_dir, first)]
    assert verify_attachment(data_dir, first)


def test_same_file_may_go_with_another_request(store, data_dir, request_row, tmp_path):
    other = service.register_request(service.RequestInput(
        requester=service.RequesterInput(RequesterKind.PERSON, "Budi", "3171011203850002", phone="0812345678"),
        information="DPA", purpose="Riset", received_at=datetime(2026, 11, 2, 11, 0)),
        load_calendar(), "petugas", now=datetime(2026, 11, 2, 11, 0))
    source = write(tmp_path / "kuasa.pdf", b"surat kuasa bersama")
    a = add_attachment(data_dir, request_row.id, source, "surat_kuasa", "ani")
    b = add_attachment(data_dir, other.id, source, "surat_kuasa", "ani")
    assert attachment_path(data_dir, a) != attachment_path(data_dir, b)
    assert verify_attachment(data_dir, a) and verify_attachment(data_dir, b)


def test_failing_database_write_leaves_no_file(store, data_dir, request_row, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(RequestEvent, "create", broken)
    with pytest.raises(RuntimeError):
        add_attachment(data_dir, request_row.id, write(tmp_path / "ktp.jpg", b"jpeg"), "ktp", "ani")
    assert stored_files(data_dir) == []
    assert Attachment.select().count() == 0  # the row written before the event was rolled back


def test_failing_commit_after_the_rename_leaves_no_file(store, data_dir, request_row, tmp_path, monkeypatch):
    real_replace = attachments.os.replace

    def replace_then_fail(src, dst):
        real_replace(src, dst)
        assert stored_files(data_dir) == [dst]
        raise OSError("database is locked")

    monkeypatch.setattr(attachments.os, "replace", replace_then_fail)
    with pytest.raises(OSError):
        add_attachment(data_dir, request_row.id, write(tmp_path / "ktp.jpg", b"jpeg"), "ktp", "ani")
    assert stored_files(data_dir) == [] and Attachment.select().count() == 0


def test_failing_commit_leaves_no_file(store, data_dir, request_row, tmp_path, monkeypatch):
    def refuse_commit():
        assert len(stored_files(data_dir)) == 1  # the file was in place when the commit was asked
        raise RuntimeError("database is locked")

    monkeypatch.setattr(store.db, "commit", refuse_commit)
    with pytest.raises(RuntimeError):
        add_attachment(data_dir, request_row.id, write(tmp_path / "ktp.jpg", b"jpeg"), "ktp", "ani")
    monkeypatch.undo()
    assert stored_files(data_dir) == [] and Attachment.select().count() == 0


def test_verify_detects_a_changed_or_missing_file(store, data_dir, request_row, tmp_path):
    row = add_attachment(data_dir, request_row.id, write(tmp_path / "ktp.jpg", b"asli"), "ktp", "ani")
    path = attachment_path(data_dir, row)
    assert verify_attachment(data_dir, row)
    if store.is_postgres:
        # on a server the attachment is the server's copy: a desk's changed or lost copy
        # is fetched again when opened
        for damage in (lambda: path.write_bytes(b"ubah"), path.unlink):
            damage()
            assert verify_attachment(data_dir, row)
            assert attachments.local_copy(data_dir, row).read_bytes() == b"asli"
        return
    path.write_bytes(b"ubah")  # same size, other content
    assert not verify_attachment(data_dir, row)
    path.write_bytes(b"asli tambahan")
    assert not verify_attachment(data_dir, row)
    path.unlink()
    assert not verify_attachment(data_dir, row)


def test_stored_name_cannot_point_outside_the_folder(data_dir):
    with pytest.raises(ValueError):
        attachment_path(data_dir, Attachment(stored_name="../ppid-desk.sqlite3"))
    assert not verify_attachment(data_dir, Attachment(stored_name="/etc/passwd", size=1, sha256=""))


def test_sizes_in_words():
    assert [size_text(n) for n in (0, 900, 1024, 1536, 20 * 1024 * 1024, 5 * 1024 ** 3)] == [
        "0 B", "900 B", "1 KB", "1,5 KB", "20 MB", "5 GB"]


# --- several desks on one server -------------------------------------------------------------

@pytest.mark.postgres_only  # a SQLite register (one desk) keeps attachments as files only
def test_an_attachment_made_at_one_desk_opens_at_another(store, data_dir, request_row, tmp_path):
    from ppid_desk.errors import PpidError
    from ppid_desk.store.models import AttachmentBlob

    content = b"%PDF-1.4 surat kuasa " + bytes(range(256)) * 40
    source = write(tmp_path / "in" / "Surat kuasa.pdf", content)
    row = add_attachment(data_dir, request_row.id, source, "surat_kuasa", "petugas-a", now=AT)
    desk_b = tmp_path / "desk-b"
    assert not attachments.attachment_path(desk_b, row).exists()
    assert verify_attachment(desk_b, row)  # the server has it whole
    opened = attachments.local_copy(desk_b, row)
    assert opened.read_bytes() == content and opened.is_relative_to(desk_b)
    assert verify_attachment(desk_b, row)
    # a copy changed on the server is refused, not opened
    other = add_attachment(data_dir, request_row.id, write(tmp_path / "in" / "ktp.jpg", b"\xff\xd8\xff KTP"),
                           "ktp", "petugas-a", now=AT)
    AttachmentBlob.update(data=b"\xff\xd8\xff diganti").where(AttachmentBlob.attachment == other.id).execute()
    with pytest.raises(PpidError, match="tidak cocok"):
        attachments.local_copy(tmp_path / "desk-c", other)
    assert not verify_attachment(tmp_path / "desk-c", other)
