"""The ``ppid-desk`` command line: one parser, core subcommands, one-line errors."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from datetime import datetime

from ..errors import PpidError
from ..paths import resolve_data_dir
from . import account_commands, backup_commands, dip_commands, register_commands, transfer_commands
from .commands import CORE_COMMANDS as _BASE_COMMANDS
from .guard import damage_message, run_guarded
from .parser import Command, UsageError, build_parser, fail

CORE_COMMANDS = [*_BASE_COMMANDS, *register_commands.COMMANDS, *transfer_commands.COMMANDS, *dip_commands.COMMANDS,
                 *backup_commands.COMMANDS, *account_commands.COMMANDS]

__all__ = ["CORE_COMMANDS", "Command", "run"]


def _write_crash_report(data_dir_arg: str | None) -> str:
    """Keep the traceback in ``<data>/logs`` so the one-line message can point to it."""
    text = traceback.format_exc()
    try:
        logs = resolve_data_dir(data_dir_arg) / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        path = logs / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text(text, encoding="utf-8")
        return str(path)
    except OSError:
        return "(laporan tidak dapat disimpan)"


def run(argv: Sequence[str] | None, commands: list[Command], default: str | None = None) -> int:
    """Parse ``argv`` and run the chosen command; returns the exit status."""
    parser = build_parser(commands)
    args = None
    try:
        args = parser.parse_args(argv)
        if getattr(args, "handler", None) is None:
            if default is None:
                raise UsageError("perintah belum diberikan (lihat: ppid-desk --help)")
            args = parser.parse_args([*(argv or []), default])
        return int(run_guarded(args) or 0)
    except PpidError as exc:
        return fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        return fail("dibatalkan.", 130)
    except Exception as exc:  # never a traceback on the terminal
        damaged = damage_message(exc, getattr(args, "data_dir", None))
        if damaged:
            return fail(damaged)
        report = _write_crash_report(getattr(args, "data_dir", None))
        return fail(f"kesalahan tak terduga ({type(exc).__name__}: {exc}); rincian: {report}")
