"""The UI's subcommands: ``gui`` (the default), ``smoke`` and ``print``."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from ppid_desk.cli.parser import Command, fail, no_arguments
from ppid_desk.paths import ENV_DATA_DIR, resolve_data_dir
from ppid_desk.store import open_store

from .print_command import PRINT_COMMAND


def _gui(args: argparse.Namespace) -> int:
    from .app import create_application, display_problem

    problem = display_problem()
    if problem:
        return fail(problem)
    from .startup import run_gui

    app = create_application()
    # --database URL (issue 11; a global option of the parser): else PPID_DESK_DATABASE or the desk's setting.
    return run_gui(app, resolve_data_dir(args.data_dir), getattr(args, "database", None))


def _smoke(args: argparse.Namespace) -> int:
    """Build the main window offscreen, process events, report the time taken."""
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import create_application
    from .main_window import MainWindow

    app = create_application()
    explicit = args.data_dir or os.environ.get(ENV_DATA_DIR)
    with tempfile.TemporaryDirectory(prefix="ppid-desk-smoke-") as scratch:
        data_dir = resolve_data_dir(args.data_dir) if explicit else Path(scratch)
        with open_store(data_dir) as store:
            window = MainWindow(store)
            window.show()
            app.processEvents()
            elapsed_ms = (time.perf_counter() - started) * 1000
            window.close()
            app.processEvents()
    print(f"smoke: ok, main window built in {elapsed_ms:.0f} ms")
    return 0


UI_COMMANDS = [
    Command("gui", "buka jendela aplikasi (bawaan)", no_arguments, _gui),
    Command("smoke", "uji cepat: bangun jendela utama tanpa layar dan ukur waktunya", no_arguments, _smoke),
    PRINT_COMMAND,
]
