"""A demo DIP (:mod:`.demo_entries`) for ``ppid-desk demo``, and which demo requests link
to which entry.

The catalogue is written through :mod:`.service` (checked like an office's own entries,
each with its history) and only into an empty DIP. A request is linked at intake to an
entry that answers its text and fits its planned outcome: a granted (fully or partly)
request to an open entry, a rejection on Pasal 17 grounds to an excluded entry whose
letters cover the rejection's; other outcomes are not linked. The choices come from
their own random stream, so the requests of a seed stay as they were without the DIP.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..register.codes import Decision
from ..register.demo_words import INFO, UNITS
from ..register.numbering import ROMAN
from ..store.models import DipEntry
from . import demo_entries as words
from .codes import InfoClass
from .service import DipInput, add_entry, link_data, retire_entry

LINK_GRANTED = 0.75  # the share of granted requests the officer linked at intake
LINK_REJECTED = 0.9


@dataclass
class DemoDip:
    """The demo catalogue: per request text, the open and the excluded entries answering it."""

    rng: random.Random
    open: dict[str, list[int]] = field(default_factory=dict)
    excluded: dict[str, list[tuple[int, set[str]]]] = field(default_factory=dict)
    data: dict[int, dict] = field(default_factory=dict)  # entry id -> the link event's data
    entries: int = 0

    def link(self, template: str, decision: str | None, letters: list[str]) -> tuple[int, dict] | None:
        """(entry id, event data) for a request asking ``template`` whose (first) decision is
        ``decision`` with ``letters``; None when it is not linked."""
        if decision in (Decision.GRANTED_FULL.value, Decision.GRANTED_PARTIAL.value):
            choices = self.open.get(template) or []
            share = LINK_GRANTED
        elif decision == Decision.REJECTED.value and letters:
            choices = [i for i, covered in self.excluded.get(template, []) if set(letters) <= covered]
            share = LINK_REJECTED
        else:
            return None
        if not choices or self.rng.random() >= share:
            return None
        entry = choices[self.rng.randrange(len(choices))]
        return entry, self.data[entry]


def _holder(key: str, units: dict[str, int]) -> tuple[int | None, str]:
    if key in units:
        return units[key], ""
    default = {k: name for name, _, k in UNITS}
    return None, default.get(key, key)


def _official(key: str, holder: str) -> str:
    if key == "inspektorat":
        return "Inspektur Daerah"
    return f"Kepala {holder}"


def create_demo_dip(units: list[tuple[int, str, str]], at: datetime, ppid: str, today: date,
                    seed: int) -> DemoDip | None:
    """Write the demo DIP (entries added at ``at``); None when the DIP already has entries."""
    if DipEntry.select().exists():
        return None
    dip = DemoDip(random.Random(f"dip-{seed}"))
    by_key = {key: uid for uid, _, key in units if key}
    names = {uid: name for uid, name, _ in units}
    templates = [text for text, _, _ in INFO]

    def answered(asks: tuple[str, ...]) -> list[str]:
        return [t for t in templates if any(t.startswith(a) for a in asks)]

    moment = at
    for info_class, rows in ((InfoClass.PERIODIC, words.PERIODIC), (InfoClass.IMMEDIATE, words.IMMEDIATE),
                             (InfoClass.ANY_TIME, words.ANY_TIME)):
        for summary, key, when, form, retention, asks in rows:
            unit_id, holder_name = _holder(key, by_key)
            holder = names.get(unit_id, holder_name)
            moment += timedelta(minutes=3)
            entry = add_entry(DipInput(summary, info_class, unit_id, holder_name, _official(key, holder),
                                       f"{when}, {words.PLACES.get(key, holder)}", form, retention), ppid, moment)
            dip.data[entry.id] = link_data(entry)
            for template in answered(asks):
                dip.open.setdefault(template, []).append(entry.id)
    decided = at.date()
    for number, (summary, key, when, form, retention, asks, letters, period) in enumerate(words.EXCLUDED, 1):
        unit_id, holder_name = _holder(key, by_key)
        holder = names.get(unit_id, holder_name)
        harms = "; ".join(words.harm(x) for x in letters)
        moment += timedelta(minutes=3)
        entry = add_entry(DipInput(
            summary, InfoClass.EXCLUDED, unit_id, holder_name, _official(key, holder),
            f"{when}, {words.PLACES.get(key, holder)}", form, retention, pasal17=list(letters),
            consequence=(f"Membuka informasi ini {harms}; kerugian yang timbul lebih besar daripada manfaat "
                         "membukanya bagi kepentingan umum."),
            exclusion_period=period, decided_by=ppid,
            decision_number=f"{number:03d}/KEP-PPID/{ROMAN[decided.month - 1]}/{decided.year}",
            decision_date=decided), ppid, moment)
        dip.data[entry.id] = link_data(entry)
        for template in answered(asks):
            dip.excluded.setdefault(template, []).append((entry.id, set(letters)))
    retired_on = min(at + timedelta(days=30), datetime.combine(today, datetime.min.time()) - timedelta(hours=1))
    for summary, key, info_class, reason in words.RETIRED:
        unit_id, holder_name = _holder(key, by_key)
        holder = names.get(unit_id, holder_name)
        moment += timedelta(minutes=3)
        entry = add_entry(DipInput(summary, InfoClass(info_class), unit_id, holder_name, _official(key, holder),
                                   f"Setiap tahun, {words.PLACES.get(key, holder)}", words.SOFT_HARD, "5 tahun"),
                          ppid, moment)
        retire_entry(entry.id, reason, ppid, max(retired_on, moment + timedelta(minutes=1)))
    dip.entries = DipEntry.select().count()
    return dip
