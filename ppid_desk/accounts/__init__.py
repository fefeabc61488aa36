"""Officers' accounts and roles (issue 8): who may do what, passwords, login.

- :mod:`.roles` — :class:`Role`, :class:`Permission` and the matrix between them;
- :mod:`.officer` — :class:`Officer` (the logged-in actor), :func:`require`;
- :mod:`.passwords` — the password rules and scrypt hashing;
- :mod:`.service` — first admin, adding officers, passwords, lock-out, login.
"""

from .officer import Actor, Officer, PermissionDenied, require
from .roles import Permission, Role

__all__ = ["Actor", "Officer", "Permission", "PermissionDenied", "Role", "require"]
