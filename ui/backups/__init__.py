"""Backups in the app: automatic backups and their status, the Cadangan tab, the
damaged-register dialog."""
