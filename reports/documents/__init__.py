"""The printed documents of a request, drawn with reportlab (never Qt).

Each document module turns a :class:`~.sources.Source` (the register data the document
is built from) and the office settings into PDF bytes. :mod:`ppid_desk.reports.issuing`
decides when a document is issued and keeps it.
"""
