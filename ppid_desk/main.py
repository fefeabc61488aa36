"""Entry point of ``ppid-desk`` and ``python -m ppid_desk``.

The one place where the core's commands and the UI's commands (``gui``, ``smoke``)
are put together; the core itself never imports the UI.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .cli import CORE_COMMANDS, run
from .ui.commands import UI_COMMANDS


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    return run(list(argv), [*UI_COMMANDS, *CORE_COMMANDS], default="gui")
