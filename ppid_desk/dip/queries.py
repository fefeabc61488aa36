"""Questions asked of the DIP catalogue: one entry, the list, search, and the entries
that best match what a requester asks (:func:`suggest`, used while the officer types).

Search words are matched as prefixes in the FTS5 index (:mod:`ppid_desk.store.sqlite`,
the request register's tokenizer). :func:`search` wants every word; :func:`suggest`
takes any of the meaningful words (the request's filler words dropped) and ranks by
bm25 (a rare word weighs more than a common one; the summary more than the holder or
the official); lightly stemmed forms of the words count too, at a lower weight, so
"perizinan" finds "izin" and "penganggaran" finds "anggaran"; common abbreviations
also match their spelled-out words ("HPS" finds "Harga Perkiraan Sendiri").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import peewee

from ..errors import ValidationError
from ..store import backend
from ..store.models import DipEntry, DipEvent, Request, Unit, database
from .codes import InfoClass
from .search_words import ABBREVIATIONS, STOP_WORDS

CLASS_ORDER = tuple(InfoClass)
SUGGEST_WORDS = 16  # the first meaningful words of a long request are enough
SUGGEST_POOL = 50  # candidates taken from each ranking before they are combined
STEM_WEIGHT = 0.35
ABBREVIATION_WEIGHT = 2.0

_PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "ber", "di", "ke",
             "ter", "se")
_SUFFIXES = ("nya", "kan", "an", "i")
_MIN_STEM = 4


def stem(word: str) -> str:
    """A light Indonesian stem for prefix search: the longest matching suffix and prefix
    off, each only while at least four letters stay ("perizinan" -> "izin", "pengadaan"
    -> "pengada"). It only widens a search, at a lower weight, so a crude cut is fine."""
    base = word
    for suffix in _SUFFIXES:
        if base.endswith(suffix):
            if len(base) - len(suffix) >= _MIN_STEM:
                base = base[:-len(suffix)]
            break
    for prefix in _PREFIXES:
        if base.startswith(prefix):
            if len(base) - len(prefix) >= _MIN_STEM:
                base = base[len(prefix):]
            break
    return base


def words_of(text: str) -> list[str]:
    """Lower-case words (letters and digits) in order, each once."""
    found = "".join(c if c.isalnum() else " " for c in (text or "").lower()).split()
    return list(dict.fromkeys(found))


def get_entry(entry_id: int) -> DipEntry:
    entry = DipEntry.get_or_none(DipEntry.id == entry_id)
    if entry is None:
        raise ValidationError("Entri DIP tidak ditemukan.", "dip_entry")
    return entry


def holder_text(entry: DipEntry) -> str:
    """Who holds the information, as the DIP shows it: the official as written and/or the unit."""
    unit = entry.unit.name if entry.unit_id else ""
    if unit and entry.holder_name:
        return f"{entry.holder_name}, {unit}"
    return unit or entry.holder_name


def with_unit() -> peewee.ModelSelect:
    return DipEntry.select(DipEntry, Unit).join(Unit, peewee.JOIN.LEFT_OUTER)


def _class_rank() -> peewee.Node:
    return peewee.Case(DipEntry.info_class, [(c.value, i) for i, c in enumerate(CLASS_ORDER)], len(CLASS_ORDER))


def list_entries(info_class: InfoClass | None = None, include_retired: bool = False,
                 unit_id: int | None = None) -> list[DipEntry]:
    """Entries in the DIP's order: by class (berkala, serta merta, setiap saat, dikecualikan), then as added."""
    query = with_unit()
    if info_class is not None:
        query = query.where(DipEntry.info_class == InfoClass(info_class).value)
    if not include_retired:
        query = query.where(DipEntry.active == True)  # noqa: E712 - peewee expression
    if unit_id is not None:
        query = query.where(DipEntry.unit == unit_id)
    return list(query.order_by(_class_rank(), DipEntry.id))


def _in_order(ids: list[int]) -> list[DipEntry]:
    if not ids:
        return []
    found = {e.id: e for e in with_unit().where(DipEntry.id.in_(ids))}
    return [found[i] for i in ids if i in found]


def search(text: str, limit: int = 50, include_retired: bool = False) -> list[DipEntry]:
    """Entries whose summary, holder or official hold every word of ``text`` (as prefixes),
    best first; none for a text without words."""
    groups = [[w] for w in words_of(text)[:12]]
    hits = backend.search_dip_ids(database.obj, groups, limit=limit, active_only=not include_retired)
    return _in_order([i for i, _ in hits])


@dataclass(frozen=True)
class DipMatch:
    """A suggested entry, with what the intake form shows of it."""

    id: int
    summary: str
    info_class: InfoClass
    holder: str
    pasal17: str
    score: float  # bm25: lower is a better match


def suggest(information_text: str, limit: int = 5) -> list[DipMatch]:
    """The active entries that best match what a requester asks for, best first.

    Any meaningful word may match (see the module docstring); a text of filler words
    only suggests nothing. Fast enough to run on every keystroke (a few milliseconds at
    5,000 entries).
    """
    words = [w for w in words_of(information_text) if w not in STOP_WORDS and len(w) > 1 and not w.isdigit()]
    words = words[:SUGGEST_WORDS]
    if not words or limit < 1:
        return []
    # Three rankings added up: the words as typed; the spelled-out words of abbreviations,
    # weighing double (an abbreviation names a kind of document exactly); the stems at a
    # third of the weight (a stem widens the net, "perjalanan" -> "jalan", more than it
    # says what is asked).
    score: dict[int, float] = {}
    rankings = (([[w] for w in words], 1.0),
                ([list(ABBREVIATIONS[w]) for w in words if w in ABBREVIATIONS], ABBREVIATION_WEIGHT),
                ([[stem(w)] for w in words if stem(w) != w], STEM_WEIGHT))
    for groups, weight in rankings:
        if groups:
            for entry, rank in backend.search_dip_ids(database.obj, groups, any_group=True, limit=SUGGEST_POOL):
                score[entry] = score.get(entry, 0.0) + weight * rank
    best = sorted(score, key=lambda i: (score[i], i))[:limit]
    return [DipMatch(e.id, e.summary, InfoClass(e.info_class), holder_text(e), e.pasal17, score[e.id])
            for e in _in_order(best)]


def counts_by_class(include_retired: bool = False) -> dict[InfoClass, int]:
    query = DipEntry.select(DipEntry.info_class, peewee.fn.COUNT(DipEntry.id)).group_by(DipEntry.info_class)
    if not include_retired:
        query = query.where(DipEntry.active == True)  # noqa: E712
    found = dict(query.tuples())
    return {c: found.get(c.value, 0) for c in CLASS_ORDER}


def linked_requests(entry_id: int, limit: int | None = None, newest_first: bool = False) -> list[Request]:
    """The requests linked to an entry, oldest first (``newest_first``: the newest ``limit``)."""
    query = Request.select().where(Request.dip_entry == entry_id)
    if newest_first:
        query = query.order_by(Request.received_at.desc(), Request.id.desc())
    else:
        query = query.order_by(Request.received_at, Request.id)
    return list(query.limit(limit) if limit else query)


def linked_count(entry_id: int) -> int:
    return Request.select().where(Request.dip_entry == entry_id).count()


def events_of(entry_id: int) -> list[DipEvent]:
    return list(DipEvent.select().where(DipEvent.entry == entry_id).order_by(DipEvent.at, DipEvent.id))


def event_data(event: DipEvent) -> dict[str, object]:
    try:
        return json.loads(event.data or "{}")
    except ValueError:
        return {}


def normalised_name(text: str) -> str:
    """A name compared case-, space- and punctuation-insensitively (unit names on import)."""
    return " ".join(re.findall(r"[0-9a-z]+", (text or "").lower()))
