"""Printing the stored PDF documents: onto a QPrinter, in a preview, with a safe fallback."""
