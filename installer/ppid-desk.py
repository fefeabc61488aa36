"""The frozen bundle's entry script: the same ``ppid_desk.main:main`` as the installed
``ppid-desk`` command (PyInstaller needs a script, not an entry point)."""

from ppid_desk.main import main

raise SystemExit(main())
