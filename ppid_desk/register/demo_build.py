"""Building demo requests (:mod:`.demo`): one request with the full history the state
machine allows, as rows ready for bulk insert, on the office's working-day clock."""

from __future__ import annotations

import json
import random
import string
from datetime import date, datetime, time, timedelta

from ..calendar import WorkingCalendar
from ..errors import ValidationError
from ..store.models import Request, Requester
from .codes import Channel, Decision, DeliveryForm, DeliveryMethod, EventKind, ObtainMethod, Status
from .demo_people import People, Profile, pick
from .demo_words import (
    CHANNEL_IN_HOURS, CHANNEL_OUTSIDE, DECIDE_DAY_CUM, DECISION_CUM, DECISIONS, EXTEND, FILL, HARM, HOLDERS, INFO,
    MISSING, NOT_DOCUMENTED, OFFICERS, PARTIAL, PURPOSES, RISKY_DECISION_CUM, ROUTE_NOTES, STATUTES, WITHDRAW,
)
from .numbering import ROMAN, format_number
from .service import OUTCOME_FIELDS


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ") if isinstance(value, datetime) else value.isoformat()


# The same text as service._event's json.dumps(data, default=str, ensure_ascii=False), with
# one encoder made once (json.dumps with options builds a new one per call).
_json = json.JSONEncoder(ensure_ascii=False, default=str).encode


# --- the working-day clock ----------------------------------------------------------------

class Clock:
    """Deadlines and working days from the office calendar, cached (few distinct keys)."""

    def __init__(self, calendar: WorkingCalendar, completeness_days: int) -> None:
        self.calendar = calendar
        self.completeness_days = completeness_days
        self.hours = {wd: (h.opens.hour * 60 + h.opens.minute, h.closes.hour * 60 + h.closes.minute)
                      for wd, h in calendar.service_hours.items()}
        self._receipts: dict[tuple[date, int], tuple[date, date, date, date]] = {}
        self._after: dict[tuple[date, int], date] = {}

    def receipt(self, when: datetime) -> tuple[date, date, date, date]:
        """(effective day, completeness due, response due, extended due) of a receipt at ``when``."""
        day = when.date()
        hours = self.hours.get(day.weekday())
        minute = when.hour * 60 + when.minute
        # The receipt depends only on the day and on before / within / after service hours.
        part = 1 if hours is None else 0 if minute < hours[0] else 2 if minute >= hours[1] else 1
        hit = self._receipts.get((day, part))
        if hit is None:
            d = self.calendar.deadlines(when, completeness_days=self.completeness_days)
            hit = self._receipts[(day, part)] = (d.receipt.day, d.completeness.day, d.response.day, d.extended.day)
        return hit

    def after(self, day: date, n: int) -> date:
        """The n-th working day after ``day``."""
        hit = self._after.get((day, n))
        if hit is None:
            hit = self._after[(day, n)] = self.calendar.add_working_days(day, n).day
        return hit

    def in_hours(self, when: datetime) -> bool:
        hours = self.hours.get(when.weekday())
        minute = when.hour * 60 + when.minute
        return (hours is not None and hours[0] <= minute < hours[1]
                and self.calendar.is_working_day(when.date()))


# --- requests and their histories -------------------------------------------------------

REQUEST_COLUMNS = [f.column_name for f in Request._meta.sorted_fields]
REQUESTER_COLUMNS = [f.column_name for f in Requester._meta.sorted_fields]
EVENT_COLUMNS = ["request_id", "kind", "at", "actor", "data", "imported"]
ROUTING_COLUMNS = ["request_id", "unit_id", "note", "routed_at"]
_FIELDS = {text: [name for _, name, _, _ in string.Formatter().parse(text) if name] for text, _, _ in INFO}

# A step: (event kind, at, actor, event data, row changes, unit ids routed to).
Step = tuple[EventKind, datetime, str, dict, dict, list[int] | None]


class Builder:
    def __init__(self, rng: random.Random, clock: Clock, today: date, pattern: str, ppid: str,
                 units: list[tuple[int, str, str]], first_requester: int, objections=None, dip=None) -> None:
        self.rng = rng
        self.objections = objections  # an objections.demo_build.ObjectionPlanner, or None
        self.dip = dip  # a dip.demo.DemoDip, or None
        self.clock = clock
        self.people = People(rng, today)
        self.cutoff = datetime.combine(today, time(0, 0))
        self.pattern = pattern
        self.ppid = ppid
        self.units = units
        self.by_key = {key: (uid, name) for uid, name, key in units}
        self.first_requester = self.next_requester = first_requester
        self.profiles: list[Profile] = []
        self.frequent: list[int] = []
        self.numbers: set[str] = set()
        self.seq: dict[int, int] = {}

    # -- who asks
    def requester(self, at: datetime, out: list[tuple]) -> tuple[int, Profile]:
        rng = self.rng
        if self.profiles and rng.random() < 0.22:
            if self.frequent and rng.random() < 0.5:
                rid = self.frequent[rng.randrange(len(self.frequent))]
            else:
                rid = self.next_requester - 1 - rng.randrange(len(self.profiles))
            return rid, self.profiles[rid - self.first_requester]
        r = rng.random()
        row, profile, frequent = (self.people.person() if r < 0.86 else self.people.group() if r < 0.93
                                  else self.people.body())
        rid = self.next_requester
        self.next_requester += 1
        out.append((rid, *row, _iso(at)))
        self.profiles.append(profile)
        if frequent:
            self.frequent.append(rid)
        return rid, profile

    # -- what is asked
    def information(self, year: int) -> tuple[str, str, str, str]:
        """(the text asked, the key of the unit holding it, its Pasal 17 risk, its template)."""
        rng = self.rng
        text, unit_key, risk = rng.choice(INFO)
        values: dict[str, object] = {}
        for name in _FIELDS[text]:
            if name == "ta":
                values[name] = year - rng.choice((0, 1, 1, 1, 2, 3))
            elif name == "periode":
                start = year - rng.randrange(0, 5)
                values[name] = f"{start}\u2013{start + 5}"
            else:
                values[name] = rng.choice(FILL[name])
        return text.format(**values), unit_key, risk, text

    def request(self, rid: int, received: datetime, requests: list, requesters: list, events: list,
                routings: list) -> str:
        """Append one request with its history to the batch lists; returns its final status."""
        rng = self.rng
        clock = self.clock
        year = received.year
        seq = self.seq[year] = self.seq.get(year, 0) + 1
        number = format_number(self.pattern, seq, received.date())
        if number in self.numbers:
            raise ValidationError(f"Pola nomor menghasilkan nomor ganda ({number}); pola harus memuat {{year}} "
                                  "atau {seq} yang cukup untuk data beberapa tahun.", "pattern")
        self.numbers.add(number)
        eff, cdue, rdue, xdue = clock.receipt(received)
        in_hours = clock.in_hours(received)
        if eff == received.date():
            reg_at = received + timedelta(minutes=rng.randrange(1, 15)) if in_hours else \
                datetime.combine(eff, time(9, rng.randrange(0, 40)))
        else:
            reg_at = datetime.combine(eff, time(9, 0)) + timedelta(minutes=rng.randrange(0, 90))
        if reg_at >= self.cutoff:
            reg_at = max(received, min(received + timedelta(minutes=rng.randrange(1, 15)),
                                       self.cutoff - timedelta(minutes=1)))
        requester_id, profile = self.requester(reg_at, requesters)
        channel = rng.choice(CHANNEL_IN_HOURS if in_hours else CHANNEL_OUTSIDE)
        obtain, delivery = self._methods(channel)
        information, unit_key, risk, template = self.information(year)
        proxy, letter = profile.proxy, profile.proxy_letter
        if not proxy and rng.random() < 0.03:
            proxy, letter = self.people.name()[0], "Surat Kuasa Khusus"
        if proxy:
            letter = f"{letter} tanggal {received.date() - timedelta(days=rng.randrange(1, 20)):%d-%m-%Y}"
        officer = rng.choice(OFFICERS)
        row = dict.fromkeys(REQUEST_COLUMNS)
        row.update(
            id=rid, number=number, year=year, seq=seq, received_at=_iso(received), effective_day=_iso(eff),
            channel=channel.value, requester_id=requester_id, proxy_name=proxy, proxy_letter=letter,
            information=information, purpose=rng.choice(PURPOSES[profile.purpose]), obtain_method=obtain.value,
            delivery_method=delivery.value, status=Status.REGISTERED.value, completeness_due=_iso(cdue),
            response_due=_iso(rdue), extended_due=_iso(xdue), extended=0, decision_note="", pasal17="",
            other_statute="", consequence_test="", holder_body="", delivery_form="", payment_method="",
            created_by=officer, imported=0,
        )
        registered = {"number": number, "received_at": received, "effective_day": eff, "response_due": rdue}
        steps: list[Step] = [(EventKind.REGISTERED, reg_at, officer, registered, {}, None)]
        self._life(steps, officer, eff, cdue, rdue, unit_key, risk, obtain, delivery)
        if self.dip is not None:
            self._link_dip(steps, template, officer)
        if self.objections is not None:
            self.objections.plan(rid, number, requester_id, information, row["purpose"], steps)
        cutoff = self.cutoff
        deferred = None
        for kind, at, actor, data, changes, units in steps:
            if at >= cutoff:
                break  # the rest of this request's life has not happened yet
            if kind is EventKind.REOPENED:
                # It names its objection, numbered once all are known: this event and the
                # later ones wait (ObjectionPlanner.finish encodes them).
                data["before"] = {"status": row["status"],
                                  **{k: row[k] for k, empty in OUTCOME_FIELDS.items() if row[k] != empty}}
                deferred = self.objections.deferred
            if deferred is None:
                events.append((rid, kind.value, _iso(at), actor, _json(data), 0))
            else:
                deferred.append((rid, kind.value, _iso(at), actor, data, 0))
            row.update(changes)
            if units:
                routings.extend((rid, unit, data["note"], _iso(at)) for unit in units)
        requests.append(tuple(row.values()))
        return row["status"]

    def _link_dip(self, steps: list[Step], template: str, officer: str) -> None:
        """The officer links the request to its DIP entry at intake, half a minute after
        registering it, as its planned outcome fits (see :mod:`ppid_desk.dip.demo`)."""
        decided = next((data for kind, _, _, data, _, _ in steps if kind is EventKind.DECIDED), None)
        if decided is None:
            return
        found = self.dip.link(template, decided["decision"], decided.get("pasal17") or [])
        if found is not None:
            entry, data = found
            steps.insert(1, (EventKind.DIP_LINKED, steps[0][1] + timedelta(seconds=30), officer, data,
                             {"dip_entry_id": entry}, None))

    def _methods(self, channel: Channel) -> tuple[ObtainMethod, DeliveryMethod]:
        rng = self.rng
        r = rng.random()
        if channel in (Channel.EMAIL, Channel.WEBSITE):
            obtain = ObtainMethod.SOFTCOPY if r < 0.8 else ObtainMethod.HARDCOPY if r < 0.92 else ObtainMethod.READ
        else:
            obtain = (ObtainMethod.SOFTCOPY if r < 0.45 else ObtainMethod.HARDCOPY if r < 0.8 else
                      ObtainMethod.SEE if r < 0.86 else ObtainMethod.READ if r < 0.92 else
                      ObtainMethod.NOTE if r < 0.97 else ObtainMethod.LISTEN)
        r = rng.random()
        if obtain is ObtainMethod.SOFTCOPY:
            delivery = DeliveryMethod.EMAIL if r < 0.8 else DeliveryMethod.PICK_UP
        elif obtain is ObtainMethod.HARDCOPY:
            delivery = (DeliveryMethod.PICK_UP if r < 0.55 else DeliveryMethod.POST if r < 0.8 else
                        DeliveryMethod.COURIER if r < 0.95 else DeliveryMethod.FAX)
        else:
            delivery = DeliveryMethod.PICK_UP
        return obtain, delivery

    def _at(self, day: date, prev: datetime) -> datetime:
        """A moment of office time on ``day``, after ``prev``."""
        at = datetime.combine(day, time(8, 0)) + timedelta(minutes=self.rng.randrange(0, 420))
        return at if at > prev else prev + timedelta(minutes=self.rng.randrange(3, 50))

    def _life(self, steps: list[Step], officer: str, eff: date, cdue: date, rdue: date, unit_key: str, risk: str,
              obtain: ObtainMethod, delivery: DeliveryMethod) -> None:
        """The planned steps after registration, each allowed by the state machine at its time."""
        rng, after, add = self.rng, self.clock.after, steps.append
        prev = steps[-1][1]
        if rng.random() < 0.07:  # requirements incomplete
            prev += timedelta(minutes=rng.randrange(2, 30))
            add((EventKind.INCOMPLETE, prev, officer, {"missing": rng.choice(MISSING), "due": cdue},
                 {"status": Status.AWAITING_COMPLETENESS.value}, None))
            if rng.random() < 0.3:
                day = after(cdue, rng.choice((1, 1, 2, 3)))
                add((EventKind.LAPSED, self._at(day, prev), officer, {"completeness_due": cdue},
                     {"status": Status.VOID.value, "closed_on": _iso(day)}, None))
                return
            prev = self._at(after(eff, rng.randrange(1, self.clock.completeness_days + 1)), prev)
            eff, cdue, rdue, xdue = self.clock.receipt(prev)  # every deadline counts from completion
            add((EventKind.COMPLETED, prev, officer, {"effective_day": eff, "response_due": rdue},
                 {"status": Status.REGISTERED.value, "effective_day": _iso(eff), "completeness_due": _iso(cdue),
                  "response_due": _iso(rdue), "extended_due": _iso(xdue)}, None))
        withdraw = rng.choice(("registered", "routed", "decided")) if rng.random() < 0.02 else ""
        if withdraw == "registered":
            self._withdraw(steps, after(eff, rng.randrange(0, 5)), officer)
            return
        route_day = 0
        if rng.random() < 0.88:
            route_day = rng.choice((0, 0, 1, 1, 2))
            prev = self._at(after(eff, route_day), prev)
            uid, name = self.by_key.get(unit_key) or self.units[rng.randrange(len(self.units))][:2]
            ids, names = [uid], [name]
            if rng.random() < 0.12:
                other = self.units[rng.randrange(len(self.units))]
                if other[0] != uid:
                    ids.append(other[0])
                    names.append(other[1])
            internal = after(eff, rng.randrange(5, 8)) if rng.random() < 0.7 else None
            changes = {"status": Status.ROUTED.value}
            if internal:
                changes["internal_due"] = _iso(internal)
            add((EventKind.ROUTED, prev, self.ppid, {"units": names, "note": rng.choice(ROUTE_NOTES),
                                                     "internal_due": internal}, changes, ids))
        if withdraw == "routed":
            self._withdraw(steps, after(eff, rng.randrange(route_day + 1, 9)), officer)
            return
        if rng.random() < 0.004:
            return  # never answered: stays open, overdue
        if rng.random() < 0.11:
            ext_day = rng.randrange(max(7, route_day + 1), 11)
            days = 7 if rng.random() < 0.8 else rng.randrange(3, 7)
            new_due = after(eff, 10 + days)
            prev = self._at(after(eff, ext_day), prev)
            add((EventKind.EXTENDED, prev, self.ppid, {"reason": rng.choice(EXTEND), "days": days, "new_due": new_due},
                 {"extended": 1, "extended_due": _iso(new_due)}, None))
            k = rng.randrange(max(ext_day, 11), 11 + days)
            if rng.random() < 0.05:
                k = 10 + days + rng.randrange(1, 12)  # late even after the extension
        else:
            k = pick(rng, range(1, 11), DECIDE_DAY_CUM)
            if rng.random() < 0.03:
                k = rng.randrange(11, 30)  # late
        decided_on = after(eff, max(k, route_day))
        prev = self._at(decided_on, prev)
        decision, data, changes = self._decision(risk, decided_on)
        add((EventKind.DECIDED, prev, self.ppid, data, changes, None))
        if decision in (Decision.GRANTED_FULL, Decision.GRANTED_PARTIAL):
            if withdraw == "decided":
                self._withdraw(steps, after(decided_on, rng.randrange(1, 4)), officer)
                return
            prev = self._deliver(steps, officer, decided_on, prev, obtain, delivery)
            if rng.random() < 0.97:
                day = after(prev.date(), rng.randrange(0, 3))
                add((EventKind.CLOSED, self._at(day, prev), officer, {},
                     {"status": Status.CLOSED.value, "closed_on": _iso(day)}, None))
        else:
            day = after(decided_on, rng.randrange(0, 4))
            add((EventKind.CLOSED, self._at(day, prev), officer, {},
                 {"status": Status.CLOSED.value, "closed_on": _iso(day)}, None))

    def _withdraw(self, steps: list[Step], day: date, officer: str) -> None:
        at = self._at(day, steps[-1][1])
        steps.append((EventKind.WITHDRAWN, at, officer, {"reason": self.rng.choice(WITHDRAW)},
                      {"status": Status.WITHDRAWN.value, "closed_on": _iso(at.date())}, None))

    def _decision(self, risk: str, day: date) -> tuple[Decision, dict, dict]:
        rng = self.rng
        decision = pick(rng, DECISIONS, RISKY_DECISION_CUM if risk else DECISION_CUM)
        note, letters, statute, test, holder = "", [], "", "", ""
        if decision is Decision.REJECTED:
            if risk:
                letters = sorted(rng.sample(list(risk), rng.randrange(1, len(risk) + 1)))
                harm = "; ".join(HARM[x] for x in letters)
            else:
                statute = rng.choice(STATUTES)
                letters = ["j"] if rng.random() < 0.5 else []
                harm = f"bertentangan dengan larangan pengungkapan dalam {statute}"
            test = (f"Uji konsekuensi: membuka informasi ini {harm}; kerugian yang timbul lebih besar daripada "
                    f"manfaat membukanya, sehingga informasi dikecualikan selama {rng.choice((2, 3, 5, 10))} tahun.")
            note = (f"Keputusan PPID Nomor {rng.randrange(1, 60):03d}/KEP-PPID/{ROMAN[day.month - 1]}/{day.year} "
                    "tentang Penolakan Permohonan Informasi")
        elif decision is Decision.GRANTED_PARTIAL:
            note = rng.choice(PARTIAL)
            letters = ["b"] if "huruf b" in note else ["h"]
        elif decision is Decision.NOT_HELD:
            holder = rng.choice(HOLDERS) if rng.random() < 0.8 else ""
            note = "Informasi tidak dikuasai; pemohon diarahkan ke badan publik yang menguasainya"
        elif decision is Decision.NOT_DOCUMENTED:
            note = rng.choice(NOT_DOCUMENTED)
        data = {"decision": decision.value, "note": note, "pasal17": letters, "other_statute": statute,
                "consequence_test": test, "holder_body": holder, "notice_date": day}
        changes = {"status": Status.DECIDED.value, "decision": decision.value, "decision_note": note,
                   "pasal17": ",".join(letters), "other_statute": statute, "consequence_test": test,
                   "holder_body": holder, "notice_date": _iso(day)}
        return decision, {k: v for k, v in data.items() if v}, changes

    def _deliver(self, steps: list[Step], officer: str, decided_on: date, prev: datetime, obtain: ObtainMethod,
                 delivery: DeliveryMethod) -> datetime:
        rng, after = self.rng, self.clock.after
        if obtain is ObtainMethod.HARDCOPY or delivery is DeliveryMethod.FAX:
            form = DeliveryForm.HARDCOPY
        elif obtain is ObtainMethod.SOFTCOPY:
            form = DeliveryForm.SOFTCOPY
        else:
            form = DeliveryForm.INSPECTION
        if form is DeliveryForm.SOFTCOPY and delivery is DeliveryMethod.EMAIL and rng.random() < 0.7:
            day = decided_on
        else:
            day = after(decided_on, rng.randrange(1, 8))
        pages = None if form is DeliveryForm.INSPECTION else 1 + min(int(rng.expovariate(1 / 18)), 400)
        cost = 0
        if form is DeliveryForm.HARDCOPY:
            cost = pages * 500 if pages > 10 else 0  # Rp 500 a sheet, the first ten free
            if delivery is DeliveryMethod.POST:
                cost += rng.randrange(15, 36) * 1000
            elif delivery is DeliveryMethod.COURIER:
                cost += rng.randrange(20, 51) * 1000
        payment = rng.choice(("Tunai", "Transfer bank", "QRIS")) if cost else ""
        at = self._at(day, prev)
        steps.append((EventKind.DELIVERED, at, officer,
                      {"form": form.value, "pages": pages, "cost": cost, "payment_method": payment,
                       "delivered_on": day},
                      {"status": Status.DELIVERED.value, "delivered_on": _iso(day), "delivery_form": form.value,
                       "pages": pages, "cost": cost, "payment_method": payment}, None))
        return at
