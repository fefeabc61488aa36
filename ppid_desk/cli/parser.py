"""The one argument parser of ``ppid-desk``: global options and the subcommand registry."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

from .. import __version__
from ..errors import PpidError


class UsageError(PpidError):
    """The command line itself is wrong (exit status 2)."""

    exit_code = 2


# argparse speaks English; the few messages a user meets are said again in Indonesian.
_TRANSLATIONS: list[tuple[str, str]] = [
    (r"the following arguments are required: (.+)", r"argumen wajib belum diberikan: \1"),
    (r"argument PERINTAH: invalid choice: (.+?) \(choose from (.+)\)", r"perintah tidak dikenal \1 (pilih salah satu: \2)"),
    (r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)", r"\1: pilihan tidak dikenal \2 (pilih salah satu: \3)"),
    (r"invalid choice: (.+?) \(choose from (.+)\)", r"perintah tidak dikenal \1 (pilih salah satu: \2)"),
    (r"unrecognized arguments: (.+)", r"argumen tidak dikenal: \1"),
    (r"argument (\S+): expected one argument", r"\1 memerlukan satu nilai"),
    (r"argument (\S+): invalid (\w+) value: (.+)", r"\1: nilai tidak sah \3"),
    (r"argument (.+): not allowed with argument (.+)", r"\1 tidak boleh dipakai bersama \2"),
    (r"argument (\S+): (.+)", r"\1: \2"),
    (r"one of the arguments (.+) is required", r"salah satu dari \1 wajib diberikan"),
]


def translate(message: str) -> str:
    for pattern, replacement in _TRANSLATIONS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{translate(message)} (lihat: {self.prog} --help)")


Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: Handler


def build_parser(commands: list[Command]) -> Parser:
    parser = Parser(
        prog="ppid-desk",
        description="PPID Desk: register layanan informasi publik (UU 14/2008).",
        epilog="Tanpa perintah, jendela aplikasi dibuka.",
    )
    parser.add_argument("--version", action="version", version=f"ppid-desk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder data (bawaan: PPID_DESK_DATA_DIR atau folder data pengguna)")
    parser.add_argument("--database", metavar="URL",
                        help="register di server PostgreSQL, postgresql://pengguna@host:port/nama_db (bawaan: "
                             "PPID_DESK_DATABASE, lalu Pengaturan → Basis data, lalu SQLite di folder data)")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=Parser)
    for command in commands:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        command.configure(child)
        child.set_defaults(handler=command.handler)
    return parser


def no_arguments(p: argparse.ArgumentParser) -> None:
    """For commands that take no arguments of their own."""


def fail(message: str, code: int = 1) -> int:
    print(f"ppid-desk: {message}", file=sys.stderr)
    return code
