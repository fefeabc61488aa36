"""Roles, permissions and the matrix between them, as data.

An officer holds one or more roles; a role grants a fixed set of permissions. The
matrix is written out in ``docs/decisions.md`` (issue 8) and checked by
``tests/core/test_accounts.py``. Admin does not imply any PPID power: the person who
manages settings and accounts does not decide requests unless also given the PPID role.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    PETUGAS = "petugas"     # intake, routing, delivery, receipts, inbox
    PPID = "ppid"           # decisions, notices, the DIP catalogue
    ATASAN = "atasan"       # objection decisions
    KASUBBAG = "kasubbag"   # reports
    ADMIN = "admin"         # settings, users, backups, units, calendar

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.PETUGAS: "Petugas",
    Role.PPID: "PPID",
    Role.ATASAN: "Atasan PPID",
    Role.KASUBBAG: "Kepala Subbag TU",
    Role.ADMIN: "Admin",
}


class Permission(StrEnum):
    # requests
    REGISTER_REQUEST = "register_request"
    CORRECT_REQUEST = "correct_request"
    ROUTE = "route"
    MARK_INCOMPLETE = "mark_incomplete"
    COMPLETE = "complete"
    EXTEND = "extend"
    DECIDE = "decide"
    DELIVER = "deliver"
    CLOSE = "close"
    WITHDRAW = "withdraw"
    REOPEN = "reopen"
    ATTACH = "attach"
    # documents: receipts and handover receipts (and reprints of any stored document)
    ISSUE_DOCUMENT = "issue_document"
    # documents, first issue: the written notice, the extension letter, the rejection
    # decision, the Atasan PPID's response to an objection
    ISSUE_NOTICE = "issue_notice"
    # objections
    REGISTER_OBJECTION = "register_objection"
    FORWARD_OBJECTION = "forward_objection"
    DECIDE_OBJECTION = "decide_objection"
    HAND_OVER_RESPONSE = "hand_over_response"
    RECORD_DISPUTE = "record_dispute"
    # inbox
    RECORD_MESSAGE = "record_message"
    ANSWER_MESSAGE = "answer_message"
    CONVERT_MESSAGE = "convert_message"
    # DIP catalogue
    EDIT_DIP = "edit_dip"
    LINK_DIP = "link_dip"           # link a request to a DIP entry (or unlink it)
    # bulk in and out
    IMPORT_REGISTER = "import_register"
    IMPORT_DIP = "import_dip"
    EXPORT_REGISTER = "export_register"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    MAKE_REPORT = "make_report"
    # administration
    EDIT_SETTINGS = "edit_settings"
    EDIT_UNITS = "edit_units"
    EDIT_CALENDAR = "edit_calendar"
    MANAGE_USERS = "manage_users"
    BACKUP = "backup"
    RESTORE = "restore"
    VIEW_AUDIT = "view_audit"
    # reading
    VIEW_PERSONAL_DATA = "view_personal_data"

    @property
    def action_text(self) -> str:
        """What the permission lets one do, as the end of "Hanya X yang dapat ..."."""
        return ACTION_TEXTS[self]


P = Permission

ACTION_TEXTS: dict[Permission, str] = {
    P.REGISTER_REQUEST: "mencatat permohonan",
    P.CORRECT_REQUEST: "membetulkan data permohonan",
    P.ROUTE: "mendisposisikan permohonan",
    P.MARK_INCOMPLETE: "menandai permohonan belum lengkap",
    P.COMPLETE: "mencatat kelengkapan permohonan",
    P.EXTEND: "memperpanjang jangka waktu permohonan",
    P.DECIDE: "memutuskan permohonan",
    P.DELIVER: "mencatat penyerahan informasi",
    P.CLOSE: "menutup permohonan",
    P.WITHDRAW: "mencatat penarikan permohonan",
    P.REOPEN: "membuka kembali permohonan",
    P.ATTACH: "menambahkan lampiran",
    P.ISSUE_DOCUMENT: "mencetak tanda bukti",
    P.ISSUE_NOTICE: "menerbitkan pemberitahuan tertulis, surat perpanjangan dan surat keputusan",
    P.REGISTER_OBJECTION: "mencatat keberatan",
    P.FORWARD_OBJECTION: "meneruskan keberatan kepada Atasan PPID",
    P.DECIDE_OBJECTION: "memutuskan keberatan",
    P.HAND_OVER_RESPONSE: "mencatat penyerahan tanggapan keberatan",
    P.RECORD_DISPUTE: "mencatat tanggapan pemohon dan sengketa",
    P.RECORD_MESSAGE: "mencatat pesan masuk",
    P.ANSWER_MESSAGE: "menjawab pesan masuk",
    P.CONVERT_MESSAGE: "menjadikan pesan masuk permohonan",
    P.EDIT_DIP: "mengubah Daftar Informasi Publik",
    P.LINK_DIP: "menautkan permohonan ke Daftar Informasi Publik",
    P.IMPORT_REGISTER: "mengimpor register",
    P.IMPORT_DIP: "mengimpor Daftar Informasi Publik",
    P.EXPORT_REGISTER: "mengekspor register",
    P.EXPORT_PERSONAL_DATA: "mengekspor data pribadi pemohon",
    P.MAKE_REPORT: "membuat laporan",
    P.EDIT_SETTINGS: "mengubah pengaturan kantor",
    P.EDIT_UNITS: "mengubah daftar unit",
    P.EDIT_CALENDAR: "mengubah kalender kerja",
    P.MANAGE_USERS: "mengelola akun petugas",
    P.BACKUP: "membuat cadangan",
    P.RESTORE: "memulihkan register dari cadangan",
    P.VIEW_AUDIT: "melihat log audit",
    P.VIEW_PERSONAL_DATA: "melihat data pribadi pemohon (NIK, telepon, email) utuh",
}

# The matrix. Keep docs/decisions.md (issue 8) in step; a test compares them.
MATRIX: dict[Role, frozenset[Permission]] = {
    Role.PETUGAS: frozenset({
        P.REGISTER_REQUEST, P.CORRECT_REQUEST, P.ROUTE, P.MARK_INCOMPLETE, P.COMPLETE, P.DELIVER, P.CLOSE,
        P.WITHDRAW, P.ATTACH, P.ISSUE_DOCUMENT, P.REGISTER_OBJECTION, P.FORWARD_OBJECTION, P.HAND_OVER_RESPONSE,
        P.RECORD_DISPUTE, P.RECORD_MESSAGE, P.ANSWER_MESSAGE, P.CONVERT_MESSAGE, P.LINK_DIP, P.EXPORT_REGISTER,
        P.VIEW_PERSONAL_DATA,
    }),
    Role.PPID: frozenset({
        P.EXTEND, P.DECIDE, P.ATTACH, P.ISSUE_DOCUMENT, P.ISSUE_NOTICE, P.FORWARD_OBJECTION, P.ANSWER_MESSAGE,
        P.EDIT_DIP, P.LINK_DIP, P.IMPORT_DIP, P.EXPORT_REGISTER, P.EXPORT_PERSONAL_DATA, P.MAKE_REPORT, P.VIEW_AUDIT,
        P.VIEW_PERSONAL_DATA,
    }),
    Role.ATASAN: frozenset({
        P.DECIDE_OBJECTION, P.REOPEN, P.ISSUE_NOTICE, P.VIEW_PERSONAL_DATA,
    }),
    Role.KASUBBAG: frozenset({
        P.EXPORT_REGISTER, P.MAKE_REPORT,
    }),
    Role.ADMIN: frozenset({
        P.IMPORT_REGISTER, P.EDIT_SETTINGS, P.EDIT_UNITS, P.EDIT_CALENDAR, P.MANAGE_USERS, P.BACKUP, P.RESTORE,
        P.VIEW_AUDIT,
    }),
}

# The permission the first issue of each document kind needs (reports.issuing's kinds);
# a reprint of a stored document (SALINAN) needs only ISSUE_DOCUMENT.
DOCUMENT_PERMISSIONS: dict[str, Permission] = {
    "receipt": P.ISSUE_DOCUMENT,
    "handover": P.ISSUE_DOCUMENT,
    "notice": P.ISSUE_NOTICE,
    "extension": P.ISSUE_NOTICE,
    "rejection": P.ISSUE_NOTICE,
    "objection-receipt": P.ISSUE_DOCUMENT,
    "objection-response": P.ISSUE_NOTICE,
    "objection-response-receipt": P.ISSUE_DOCUMENT,
}


def roles_with(permission: Permission) -> list[Role]:
    """The roles that grant ``permission``, in the order of :class:`Role`."""
    return [role for role in Role if permission in MATRIX[role]]


def parse_roles(text: str) -> frozenset[Role]:
    """Roles from the comma-separated codes stored in ``officer.roles``; an unknown code
    (a newer app's role) is skipped rather than granting anything."""
    known = {r.value for r in Role}
    return frozenset(Role(code) for code in (c.strip() for c in text.split(",")) if code in known)


def format_roles(roles: frozenset[Role] | set[Role] | list[Role]) -> str:
    """The stored form: codes in the order of :class:`Role`, comma-separated."""
    return ",".join(r.value for r in Role if r in set(roles))


def role_labels(roles: frozenset[Role] | set[Role] | list[Role]) -> str:
    """"Petugas, PPID" — the roles' labels in the order of :class:`Role`."""
    return ", ".join(r.label for r in Role if r in set(roles))
