"""Importing an office's old request register from Excel (.xlsx) or CSV.

Two steps: :func:`check_file` reads and checks the whole file and returns an
:class:`ImportPlan` (nothing is written); :func:`apply` writes a clean plan in one
transaction with bulk inserts. All or nothing: one bad row and nothing is imported;
every bad row is listed as an :class:`ImportProblem` with the row number the
spreadsheet program shows (1-based sheet row; for CSV the record number) and the
column's header text.

Reading
  * .xlsx/.xlsm with openpyxl (read-only, cached values of formulas); .csv as UTF-8
    (with or without BOM), else Windows-1252; the delimiter (``,`` ``;`` or tab) is the
    one that splits the first lines into the most consistent number of fields.
  * The header row is searched in the first 30 rows (title rows above it are common).
    Headers match case-, space- and punctuation-insensitively with common synonyms
    (see :func:`field_of`). A two-row header (group headers merged over sub-columns,
    as on the paper book and in our own export) is recognised; so is a row of column
    numbers ``(1) (2) (3) ...`` under the header, which is skipped.
  * A workbook is read from its active sheet when that has a register header, else
    from the first sheet that has one; other sheets that look like registers are named
    in a warning (import them with ``sheet=``).
  * Required columns: registration number, request date, requester name, information
    requested. A file without them is refused as a whole (``ValidationError``).

Decisions on ambiguous input (documented here because they change what is stored)
  * Rows whose number, date and information are all empty are not register rows
    (totals, signature blocks, notes): they are skipped with a warning.
  * A number made only of digits (``12``: a running number in the book) is turned into
    a register number with the office's pattern and the request's date; the original
    text is kept in the history (event data ``original_number``). Other numbers are
    kept as written; their sequence is read with the office pattern when it matches.
    Two numbers that share a sequence in one year (registers that restart monthly)
    keep their numbers but get no sequence; the counter still continues after the
    highest sequence seen, so new numbers never collide.
  * NIK: an invalid NIK is common in old books, so it is never an error. A 16-digit
    NIK that fails the NIK rules is stored as written with a warning; anything else
    (not 16 digits) is not stored (``None``) and warned about. A NIK the spreadsheet
    holds as a number has lost its last digits (Excel keeps 15 significant digits): it
    is not stored, with a warning.
  * Contact columns: e-mail addresses found in any contact cell go to ``email``, the
    rest to ``phone``. A phone the spreadsheet holds as a number lost its leading 0
    (``81234567890``): it gets it back.
  * A date without a time is stored at 00:00 and counted as received within service
    hours (the day itself, or the next working day when it was a day off).
  * Requesters: one requester per distinct identity (name, NIK, address, contact,
    occupation, kind) within the file; existing requesters are not merged with
    imported ones (a wrong merge is worse than a duplicate).
  * Status: a decision with a delivery date is ``selesai`` (closed on that date), a
    decision without one ``diputuskan``, no decision ``terdaftar`` with its deadlines
    from the calendar (old open requests then show up as late, which they are).
  * Alasan penolakan: Pasal 17 letters are read from wording such as "Pasal 17 huruf
    h", "Pasal 17 huruf a dan i", "psl 17 h", "Ps. 17 (j)"; a reason without letters is
    kept as another statute (``other_statute``). A rejection needs a reason.
  * Optional columns whose values are not understood (channel, obtain/delivery
    method, requester kind, cost) fall back to the default with a warning; only the
    data the register cannot do without is an error.

History: each request gets ``didaftarkan`` (at its receipt), ``diputuskan`` (at the
notice date, else the receipt), ``diserahkan`` and ``ditutup`` (at the delivery date)
events flagged ``imported``, attributed to the importing actor, plus one ``diimpor``
event (now, not flagged) naming the file, sheet and row.

Modules: :mod:`.reader` (files into rows), :mod:`.headers` (the header row),
:mod:`.cells` (values read from cells), :mod:`.rows` (checking one row),
:mod:`.checking` (:func:`check_file`), :mod:`.plan` (what it returns) and
:mod:`.writing` (:func:`apply`). Everything public is importable from this package.
"""

from __future__ import annotations

from .cells import DECISION_CHOICES, parse_cost, parse_date, parse_decision, parse_time, pasal17_letters
from .checking import check_file
from .headers import FIELD_NAMES, HEADER_SEARCH_ROWS, REQUIRED, field_of
from .plan import ImportPlan, ImportProblem, ImportRow, decision_word
from .rows import LIMITS, OLDEST_YEAR
from .writing import REQUESTER_FIELDS, ImportResult, apply

__all__ = [
    "DECISION_CHOICES", "FIELD_NAMES", "HEADER_SEARCH_ROWS", "LIMITS", "OLDEST_YEAR", "REQUESTER_FIELDS", "REQUIRED",
    "ImportPlan", "ImportProblem", "ImportResult", "ImportRow", "apply", "check_file", "decision_word", "field_of",
    "parse_cost", "parse_date", "parse_decision", "parse_time", "pasal17_letters",
]
