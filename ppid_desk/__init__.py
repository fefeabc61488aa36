"""PPID Desk: front-desk software for Indonesia's public-information offices.

The package root holds the domain core (no Qt). The UI lives in ``ppid_desk.ui``,
printed documents and Excel reports in ``ppid_desk.reports``.
"""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("ppid-desk")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

APP_NAME = "PPID Desk"
