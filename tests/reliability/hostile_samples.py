"""Hostile text for the reliability tests: what people paste, what old files hold, what
an attacker would try."""

from __future__ import annotations

import operator
import sqlite3

from hypothesis import settings
from hypothesis import strategies as st

EXAMPLES = 100  # hypothesis examples per property: fixed, so the figure in the README holds
hostile = settings(max_examples=EXAMPLES, deadline=None)

HOSTILE = [
    "'; DROP TABLE request; --", "Robert'); DROP TABLE requester;--", "\" OR 1=1 --", "%' OR '%'='", "%_\\",
    "NULL", "*", "\"*", "NEAR(a b)", "a OR b", "^x", "-x", "{seq}", "{", "%s%s%n", "\\N", "../../etc/passwd",
    "\u0645\u062d\u0645\u062f \u0639\u0628\u062f \u0627\u0644\u0644\u0647", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05dc\u05d9\u05db\u05dd",
    "\u202eevil\u202c", "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466\U0001f1ee\U0001f1e9 Wayan",
    "Z\u0334\u0327\u031ba\u0337l\u0336g\u0338o\u0335", "e\u0301", "\x00", "a\x00b", "\x01\x02\x1b[31m",
    "\ufeff", "\u200b", "\r\n\t", "\u2028\u2029", "\ufffd", "\U0010ffff",
    "=HYPERLINK(\"http://evil.example\",\"klik\")", "=1+1", "+1", "-1", "@SUM(1)", "#N/A", "<b>x</b> & <font size=99>",
]


def _long() -> st.SearchStrategy[str]:
    return st.builds(operator.mul, st.sampled_from(["a", "\u0639", "\U0001f600", "e\u0301", "\x00", " ", "'", "ab "]),
                     st.integers(50_000, 110_000))


FIELD = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=200),  # every code point but lone surrogates, which no file or keyboard gives
    st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Mn", "Me", "Co"]), max_size=40),
    st.builds(operator.add, st.sampled_from(HOSTILE), st.text(max_size=40)),
    _long(),
)


def squash(text: str) -> str:
    return " ".join(text.split())


def one_line(message: str, *echoed: str) -> str:
    """A message a person can read: one line of Indonesian, no traceback. ``echoed``: the
    input values a message may quote (a code picked from a list, e.g. a unit's kind)."""
    text = message
    for value in sorted(echoed, key=len, reverse=True):
        if value:
            text = text.replace(value, "…")
    assert text.strip() and "\n" not in text.strip() and len(text) < 400, text[:400]
    assert "Traceback" not in text and "Error" not in text, text
    return message


def counts(db) -> dict[str, int]:
    """Rows per table of the open register (peewee database)."""
    names = [r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                                          "'CREATE VIRTUAL%' AND name NOT LIKE '%search%'")]
    return {n: db.execute_sql(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def integrity_ok(path) -> bool:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
