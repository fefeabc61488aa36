"""Subcommands of the request register (filled in by the register work)."""

from __future__ import annotations

from .parser import Command

COMMANDS: list[Command] = []
