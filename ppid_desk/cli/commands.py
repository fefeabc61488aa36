"""The core's subcommands: ``deadline``, ``holidays`` and ``check``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date, datetime

from ..calendar import WEEKDAY_NAMES, DayOffSource
from ..errors import StoreError
from ..office import load_office
from ..paths import database_path, resolve_data_dir
from ..store import Store, latest_version, open_store
from ..store.connection import SERVER_FOLDER_TEXT, used_with_server
from ..store.location import resolve_database
from ..store.postgres import PasswordRefused
from ..workdays import load_calendar
from .parser import Command, fail, no_arguments


def open_from_args(args: argparse.Namespace, migrate: bool = True) -> Store:
    """The register the command line names: ``--database`` / PPID_DESK_DATABASE / this
    desk's setting, else the SQLite file in the data folder. A server's password comes
    from the OS keyring (or libpq's PGPASSWORD, for scheduled tasks); when the server
    still asks for one, or refuses it, and a person is at the terminal, it is asked for
    (never on the command line). Without a terminal the PasswordRefused's own line says
    which it was and the ways to give one."""
    data_dir = resolve_data_dir(args.data_dir)
    address = resolve_database(getattr(args, "database", None), data_dir)
    try:
        return open_store(data_dir, migrate=migrate, database=address)
    except PasswordRefused:
        if address is None or not sys.stdin.isatty():
            raise
    password = getpass.getpass(f"Kata sandi {address.user} di {address.host}:{address.port}: ")
    return open_store(data_dir, migrate=migrate, database=address, password=password)


def server_of(args: argparse.Namespace):
    """The PostgreSQL server the command line names, or None for the SQLite file."""
    return resolve_database(getattr(args, "database", None), resolve_data_dir(args.data_dir))


def parse_when(text: str) -> date | datetime:
    """``YYYY-MM-DD`` (a receipt within service hours) or ``YYYY-MM-DDTHH:MM``."""
    for fmt, kind in (("%Y-%m-%d", "date"), ("%Y-%m-%dT%H:%M", "datetime")):
        try:
            value = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return value.date() if kind == "date" else value
    raise argparse.ArgumentTypeError(f"waktu tidak sah {text!r}; tulis YYYY-MM-DD atau YYYY-MM-DDTHH:MM")


def parse_year(text: str) -> int:
    if not text.isdigit() or not 1900 <= int(text) <= 2200:
        raise argparse.ArgumentTypeError(f"tahun tidak sah {text!r}; tulis empat angka, misalnya 2026")
    return int(text)


# --- deadline ------------------------------------------------------------------------

def _configure_deadline(p: argparse.ArgumentParser) -> None:
    p.add_argument("when", metavar="WHEN", type=parse_when,
                   help="waktu diterima: YYYY-MM-DD (dalam jam layanan) atau YYYY-MM-DDTHH:MM")


def deadline_lines(when: date | datetime) -> list[str]:
    calendar = load_calendar()
    office = load_office()
    result = calendar.deadlines(when, completeness_days=office.completeness_days)
    lines = [
        f"received: {result.receipt.day.isoformat()}",
        f"completeness: {result.completeness.day.isoformat()}",
        f"response: {result.response.day.isoformat()}",
        f"extended: {result.extended.day.isoformat()}",
        f"objection-answer: {result.objection_answer.day.isoformat()}",
    ]
    lines += [f"skipped: {d.day.isoformat()} {d.describe()}" for d in result.skipped_until_extended()]
    return lines


def _deadline(args: argparse.Namespace) -> int:
    with open_from_args(args):
        warning = load_calendar().year_warning(args.when.year)
        if warning:
            print(f"peringatan: {warning}", file=sys.stderr)
        for line in deadline_lines(args.when):
            print(line)
    return 0


# --- holidays ------------------------------------------------------------------------

def _configure_holidays(p: argparse.ArgumentParser) -> None:
    p.add_argument("year", metavar="YEAR", type=parse_year, help="tahun, misalnya 2026")


# The words the issue uses for a day off's source: nasional / cuti bersama / kantor.
SOURCE_WORDS = {
    DayOffSource.NATIONAL: "nasional",
    DayOffSource.CUTI_BERSAMA: "cuti bersama",
    DayOffSource.OFFICE: "kantor",
    DayOffSource.WEEKEND: "akhir pekan",
}


def _holidays(args: argparse.Namespace) -> int:
    with open_from_args(args):
        calendar = load_calendar()
        warning = calendar.year_warning(args.year)
        if warning:
            print(f"peringatan: {warning}", file=sys.stderr)
        for day in calendar.days_off(args.year):
            print(f"{day.day.isoformat()}\t{WEEKDAY_NAMES[day.day.weekday()]}\t{SOURCE_WORDS[day.source]}\t{day.name}")
    return 0


# --- check ---------------------------------------------------------------------------

def _check(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    print(f"data: {data_dir}")
    if not data_dir.is_dir():
        return fail(f"folder data {data_dir} belum ada (jalankan aplikasi sekali untuk membuatnya).")
    if not os.access(data_dir, os.W_OK):
        return fail(f"folder data {data_dir} tidak dapat ditulisi.")
    try:
        server = server_of(args)
    except StoreError as exc:
        return fail(exc.message)
    db_path = database_path(data_dir)
    print(f"database: {server or db_path}")
    if server is None and not db_path.is_file():
        if used_with_server(data_dir):
            return fail(SERVER_FOLDER_TEXT.format(data_dir=data_dir))
        return fail(f"basis data {db_path} belum ada (jalankan aplikasi sekali untuk membuatnya).")
    try:
        store = open_from_args(args, migrate=False)
    except StoreError as exc:
        return fail(exc.message)
    with store:
        version = store.schema_version()
        newest = latest_version()
        print(f"schema: {version} (aplikasi ini: {newest})")
        if server is not None and version == 0:
            return fail(f"basis data {server} belum berisi register PPID Desk (buka aplikasi sekali untuk "
                        "menyiapkannya).")
        try:
            problems = store.integrity_problems()
        except Exception as exc:  # the file itself is damaged beyond a report
            return fail(f"pemeriksaan integritas gagal: {exc}")
        if problems:
            print("integrity: RUSAK")
            for problem in problems[:20]:
                print(f"  {problem}")
            return fail(f"basis data {db_path} rusak ({len(problems)} temuan); pulihkan dari cadangan.")
        print("integrity: ok")
        if server is not None and version >= 10:
            # numbers a desk reserved for working offline and has not used yet (not gaps)
            from ..offline import reserved_unused

            for reserved in reserved_unused():
                print(f"dicadangkan: {reserved.describe()}")
        if version < newest:
            print(f"catatan: skema akan diperbarui ke {newest} saat aplikasi dibuka (salinan dibuat dulu).")
    return 0


CORE_COMMANDS = [
    Command("deadline", "hitung tenggat (hari kerja) dari waktu permohonan diterima", _configure_deadline, _deadline),
    Command("holidays", "daftar hari libur setahun beserta sumbernya", _configure_holidays, _holidays),
    Command("check", "periksa folder data, versi skema dan integritas basis data", no_arguments, _check),
]

