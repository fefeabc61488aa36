"""Officers' accounts and the audit log on the command line: ``user add|passwd|list`` and
``audit verify``.

A password is never an argument (it would show in the process list and the shell
history): it is asked on the terminal twice, or read from the first line of standard
input when that is not a terminal (``printf '%s\\n' "$PW" | ppid-desk user passwd budi``).
The command line acts as the operating-system user, who is trusted (docs/decisions.md,
issue 8) and recorded in the audit log under that name.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from ..errors import PpidError
from .commands import open_from_args
from .parser import Command, Parser, fail
from .transfer_commands import _actor


def read_password(username: str) -> str:
    """The new password: from the terminal (asked twice) or the first line of stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"Kata sandi baru untuk {username}: ")
        second = getpass.getpass("Ulangi kata sandi: ")
        if first != second:
            raise PpidError("kedua kata sandi tidak sama; tidak ada yang diubah.")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise PpidError("kata sandi tidak terbaca: masukan standar kosong (tulis kata sandi pada baris pertama).")
    return line.rstrip("\r\n")


# --- user --------------------------------------------------------------------------------------

def _configure_user(p: argparse.ArgumentParser) -> None:
    from ..accounts.roles import Role

    sub = p.add_subparsers(dest="user_action", metavar="TINDAKAN", parser_class=Parser, required=True)
    add = sub.add_parser("add", help="tambah akun petugas (kata sandi ditanyakan)",
                         description="Tambah akun petugas; kata sandi ditanyakan di terminal atau dibaca dari "
                                     "baris pertama masukan standar, dan wajib diganti saat masuk pertama.")
    add.add_argument("username", metavar="NAME", help="nama pengguna untuk masuk (huruf kecil, angka, . _ -)")
    add.add_argument("--role", dest="roles", action="append", required=True, metavar="ROLE",
                     choices=[r.value for r in Role],
                     help="peran (boleh diulang): " + ", ".join(f"{r.value} = {r.label}" for r in Role))
    add.add_argument("--name", dest="display_name", metavar="NAMA", help="nama lengkap (bawaan: NAME)")
    passwd = sub.add_parser("passwd", help="ganti kata sandi petugas (kata sandi ditanyakan)",
                            description="Ganti kata sandi petugas; juga membuka kunci akun.")
    passwd.add_argument("username", metavar="NAME", help="nama pengguna")
    sub.add_parser("list", help="daftar akun petugas", description="Daftar akun petugas, dipisah tab: nama "
                   "pengguna, nama, peran, keadaan, terakhir masuk.")


def _user(args: argparse.Namespace) -> int:
    from ..accounts import service

    with open_from_args(args):
        if args.user_action == "list":
            return _list(service)
        if args.user_action == "add":
            username = service.normalize_username(args.username)
            problem = service.username_problem(username)
            if problem:
                return fail(problem)
            password = read_password(username)
            officer = service.add_officer(username, args.display_name or username, args.roles, password, _actor())
            print(f"user: {officer.username} ({officer.name}), peran {officer.role_text}")
            print("catatan: kata sandi ini wajib diganti saat masuk pertama kali.")
            return 0
        username = service.normalize_username(args.username)
        if service.find_officer(username) is None:  # before the password is asked
            return fail(f"petugas dengan nama pengguna {username!r} tidak ada.")
        password = read_password(username)
        service.set_password(username, password, _actor())
        print(f"user: kata sandi {username} diganti")
        return 0


def _list(service) -> int:
    from ..accounts.roles import format_roles

    for info in service.list_officers():
        if not info.active:
            state = "nonaktif"
        elif info.locked_until is not None:
            state = f"dikunci sampai {info.locked_until:%Y-%m-%d %H:%M:%S}"
        elif info.must_change_password:
            state = "aktif, wajib ganti kata sandi"
        else:
            state = "aktif"
        last = f"{info.last_login_at:%Y-%m-%d %H:%M}" if info.last_login_at else "-"
        print(f"{info.username}\t{info.name}\t{format_roles(info.roles) or '-'}\t{state}\t{last}")
    return 0


# --- audit -------------------------------------------------------------------------------------

def _configure_audit(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="audit_action", metavar="TINDAKAN", parser_class=Parser, required=True)
    sub.add_parser("verify", help="periksa rantai log audit (keluar 1 bila ada entri yang diubah atau dihapus)",
                   description="Periksa setiap entri log audit dan titik akhirnya (berkas audit-head di folder "
                               "data); menyebut entri pertama yang rusak.")


def _audit(args: argparse.Namespace) -> int:
    from ..audit import verify

    with open_from_args(args):
        result = verify()
    if not result.ok:
        return fail(result.line())
    print(result.line())
    return 0


COMMANDS: list[Command] = [
    Command("user", "akun petugas: add, passwd, list", _configure_user, _user),
    Command("audit", "log audit: verify", _configure_audit, _audit),
]
