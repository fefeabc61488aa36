"""Subcommands of the request register: ``demo``."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from ..errors import PpidError
from ..register.codes import Status
from ..store.models import Request
from .commands import open_from_args
from .parser import Command
from .transfer_commands import _actor


def _whole_number(minimum: int, wanted: str):
    """An argparse type: a whole number of at least ``minimum`` (``wanted`` says which)."""
    def parse(text: str) -> int:
        if not text.isdigit() or int(text) < minimum:
            raise argparse.ArgumentTypeError(f"{wanted} diperlukan, bukan {text!r}")
        return int(text)

    return parse


_count = _whole_number(1, "bilangan bulat positif")
_count_or_zero = _whole_number(0, "bilangan bulat 0 atau lebih")


def _number(value: int) -> str:
    """Thousands grouped the Indonesian way: 100.000."""
    return f"{value:,}".replace(",", ".")


# --- demo ----------------------------------------------------------------------------

def _configure_demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--requests", metavar="N", type=_count, required=True, help="jumlah permohonan contoh")
    p.add_argument("--seed", metavar="S", type=int, default=1,
                   help="benih acak (bawaan 1); benih dan tanggal yang sama menghasilkan data yang sama")
    p.add_argument("--years", metavar="Y", type=_count, default=1,
                   help="rentang waktu ke belakang dalam tahun (bawaan 1)")
    p.add_argument("--messages", metavar="M", type=_count_or_zero, default=None,
                   help="jumlah pesan masuk contoh (SMS, email, telepon, website); bawaan sepersepuluh jumlah "
                        "permohonan, paling banyak 1.000")


def _progress_to_stderr():
    shown = [0]

    def report(done: int, total: int) -> None:
        tenth = done * 10 // total if total else 10
        if tenth > shown[0]:
            shown[0] = tenth
            print(f"ppid-desk: demo {tenth * 10}% ({_number(done)}/{_number(total)})", file=sys.stderr, flush=True)

    return report


def _demo(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        if Request.select().exists():
            hint = ("--database dengan basis data yang kosong" if store.is_postgres
                    else "--data-dir dengan folder data yang kosong")
            raise PpidError(f"register di {store.where} sudah berisi permohonan; data contoh hanya dibuat "
                            f"pada register kosong (pakai {hint}).")
        began = time.perf_counter()
        from ..register.demo import generate  # a large module, needed by this command only

        summary = generate(args.requests, args.seed, args.years, date.today(),
                           _progress_to_stderr() if sys.stderr.isatty() else None, actor=_actor())
        from ..inbox.demo import generate_messages

        wanted = min(1000, args.requests // 10) if args.messages is None else args.messages
        inbox = generate_messages(wanted, args.seed, args.years, date.today(), actor=_actor())
        elapsed = time.perf_counter() - began
    for status in Status:
        print(f"{status.label}: {_number(summary.by_status[status.value])}")
    seconds = f"{elapsed:.1f}".replace(".", ",")
    if summary.dip_entries:
        print(f"Daftar Informasi Publik: {_number(summary.dip_entries)} entri, "
              f"{_number(summary.dip_links)} permohonan dikaitkan.")
    print(f"Pesan masuk: {_number(inbox.messages)} pesan, {_number(inbox.converted)} dijadikan permohonan.")
    print(f"Dibuat {_number(summary.requests)} permohonan, {_number(summary.requesters)} pemohon, "
          f"{_number(summary.events)} riwayat dalam {seconds} detik.")
    return 0


COMMANDS: list[Command] = [
    Command("demo", "isi register kosong dengan data contoh yang realistis (untuk mencoba dan mengukur)",
            _configure_demo, _demo),
]
