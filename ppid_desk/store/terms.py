"""How typed search text becomes search terms, the same for every backend (FTS5 on
SQLite, tsvector on PostgreSQL): every word must match as a prefix; text made only of
digits and phone punctuation is one number (a phone or NIK typed with separators), and
"+62 812…" is also searched as "0812…" (and "0812…" as "62812…")."""

from __future__ import annotations

import re

_PHONE_LIKE = re.compile(r"\+?[\d\s().-]*\d[\d\s().-]*")
MAX_WORDS = 12


def search_groups(text: str) -> list[list[str]] | None:
    """Groups of alternatives, all groups required; None when the text has no words.

    A phone-like text is one group of its digit forms; other text one group per word."""
    stripped = text.strip()
    if _PHONE_LIKE.fullmatch(stripped) and (re.search(r"[\s().+-]", stripped) or stripped.startswith("0")):
        number = re.sub(r"\D", "", text)
        forms = {number}
        if number.startswith("62") and stripped.startswith("+"):
            forms.add("0" + number[2:])
        elif number.startswith("0"):
            forms.add("62" + number[1:])
        return [sorted(forms)]
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    if not words:
        return None
    return [[w] for w in words[:MAX_WORDS]]
