"""Who is working at the desk.

Until user accounts exist, the acting officer is the operating-system login name.
"""

from __future__ import annotations

import getpass


def current_actor() -> str:
    """The name recorded as the actor of every step taken in this session."""
    try:
        return getpass.getuser() or "petugas"
    except (KeyError, OSError):  # no login name (some containers, services)
        return "petugas"
