"""Hostile input through every form's validation, the printed documents and the Excel
books: right-to-left scripts, emoji, combining marks, NUL and control characters,
100,000-character strings, SQL metacharacters, formulas. Never a crash other than a
ValidationError with a one-line Indonesian message; nothing half stored (the row counts
are unchanged after a refusal); what is stored reads back equal (as the form normalises
it: spaces squashed or trimmed). Imports: ``test_hostile_import.py``.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, datetime

import openpyxl
import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hostile_samples import FIELD, HOSTILE, counts, hostile, one_line, squash
from ppid_desk.errors import ValidationError
from ppid_desk.inbox import queries as inbox_queries
from ppid_desk.inbox import service as inbox
from ppid_desk.inbox.codes import MessageKind
from ppid_desk.objections import service as objections
from ppid_desk.objections.codes import Decision as ObjectionDecision
from ppid_desk.objections.codes import Ground
from ppid_desk.office import DOCUMENT_PATTERNS, OfficeSettings, load_office, save_office, validate_office
from ppid_desk.register import queries, service
from ppid_desk.register.codes import PASAL_17, Channel, Decision
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports.issuing import fitting_kinds, produce
from ppid_desk.reports.objection_issuing import produce_objection
from ppid_desk.reports.register_xlsx import export_register
from ppid_desk.store.models import Objection, Request, Unit
from ppid_desk.store.backend import search_request_ids
from ppid_desk.units import list_units, save_unit
from ppid_desk.workdays import load_calendar

NOW = datetime(2026, 11, 2, 10, 0)  # a Monday within service hours
LATER = datetime(2026, 11, 4, 10, 0)
NIK = "3201014506900001"
NIP = "196508091986031012"
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")



def maybe(valid: str) -> st.SearchStrategy[str]:
    """Mostly a valid value (so that the rest of the form gets through), else hostile."""
    return st.one_of(st.just(valid), st.just(valid), FIELD)


def person(**values) -> RequesterInput:
    return RequesterInput(**{"name": "Siti Anggraini", "nik": NIK, "phone": "0812-3456-7890", **values})


def fresh_request(units: list[int] | None = None) -> Request:
    data = RequestInput(person(), information="Dokumen anggaran", purpose="Penelitian", units=units or [])
    return service.register_request(data, load_calendar(), "petugas", now=NOW)


def refused_cleanly(store, call, *echoed: str):
    """Run ``call``: its result, or None when it was refused with a clear message and
    nothing changed."""
    before = counts(store.db)
    try:
        return call()
    except ValidationError as exc:
        one_line(exc.message, *echoed)
        assert counts(store.db) == before, "a refused form left something behind"
        return None


# --- the request form --------------------------------------------------------------------

@hostile
@given(name=FIELD, nik=maybe(NIK), phone=maybe("0812-3456-7890"), email=maybe("siti@example.id"), address=FIELD,
       occupation=FIELD, information=FIELD, purpose=FIELD, proxy_name=maybe(""), proxy_letter=FIELD,
       channel=st.sampled_from(list(Channel)))
def test_request_form(store, figures, name, nik, phone, email, address, occupation, information, purpose,
                      proxy_name, proxy_letter, channel):
    figures["hostile inputs tried: forms"] += 1
    figures["hostile inputs: request forms holding a 50,000+ character field"] += any(
        len(v) >= 50_000 for v in (name, nik, phone, email, address, occupation, information, purpose, proxy_letter))
    data = RequestInput(RequesterInput(name=name, nik=nik, phone=phone, email=email, address=address,
                                       occupation=occupation),
                        information=information, purpose=purpose, channel=channel, proxy_name=proxy_name,
                        proxy_letter=proxy_letter)
    problems = service.request_problems(data, NOW)
    for message in problems.values():
        one_line(message)
    row = refused_cleanly(store, lambda: service.register_request(data, load_calendar(), "petugas", now=NOW))
    assert (row is None) == bool(problems)
    # the search and the returning-requester lookup take any text
    search_request_ids(store.db, name)
    search_request_ids(store.db, information[:300])
    queries.find_requesters(name[:300])
    if row is None:
        return
    back = Request.get_by_id(row.id)
    who = back.requester
    assert (who.name, who.address, who.occupation, who.phone, who.email) == (
        squash(name), address.strip(), squash(occupation), phone.strip(), email.strip())
    assert who.nik == re.sub(r"[\s.-]", "", nik)
    assert (back.information, back.purpose, back.proxy_name, back.proxy_letter) == (
        information.strip(), purpose.strip(), squash(proxy_name), squash(proxy_letter))
    event = service.events_of(row.id)[0]
    assert json.loads(event.data)["number"] == back.number


# --- the objection form (standalone: the objector typed in) -----------------------------

@hostile
@given(name=FIELD, address=FIELD, grounds=st.lists(st.one_of(st.sampled_from([g.value for g in Ground]), FIELD),
                                                   max_size=3),
       case_summary=FIELD, information=FIELD, purpose=FIELD, reference=FIELD, proxy_name=maybe(""),
       proxy_letter=FIELD)
def test_objection_form(store, figures, name, address, grounds, case_summary, information, purpose, reference,
                        proxy_name, proxy_letter):
    figures["hostile inputs tried: forms"] += 1
    data = objections.ObjectionInput(grounds=grounds, case_summary=case_summary, information=information,
                                     purpose=purpose, request_reference=reference,
                                     requester=person(name=name, address=address), proxy_name=proxy_name,
                                     proxy_letter=proxy_letter)
    problems = objections.objection_problems(data, NOW)
    row = refused_cleanly(store, lambda: objections.register_objection(data, load_calendar(), "petugas", now=NOW))
    assert (row is None) == bool(problems)
    if row is None:
        return
    back = Objection.get_by_id(row.id)
    assert (back.requester.name, back.requester.address) == (squash(name), address.strip())
    assert (back.case_summary, back.information, back.purpose, back.request_reference) == (
        case_summary.strip(), information.strip(), purpose.strip(), squash(reference))
    assert (back.proxy_name, back.proxy_letter) == (squash(proxy_name), squash(proxy_letter))
    assert sorted(back.grounds.split(",")) == sorted({Ground(g).value for g in grounds})


# --- decisions and the extension -----------------------------------------------------------

@pytest.fixture
def unit(store) -> int:
    return save_unit("Bidang Anggaran", "bidang").id


@hostile
@given(decision=st.one_of(st.sampled_from([d.value for d in Decision]), FIELD), note=FIELD,
       pasal17=st.lists(st.one_of(st.sampled_from(list(PASAL_17)), FIELD), max_size=3), other=FIELD,
       consequence=FIELD, holder=FIELD)
def test_request_decision(store, unit, figures, decision, note, pasal17, other, consequence, holder):
    figures["hostile inputs tried: forms"] += 1
    row = fresh_request([unit])
    data = DecisionInput(decision, note=note, pasal17=pasal17, other_statute=other, consequence_test=consequence,
                         holder_body=holder)
    decided = refused_cleanly(store, lambda: service.decide(row.id, data, "ppid", now=LATER), decision)
    assert (decided is None) == bool(service.decision_problems(data))
    back = Request.get_by_id(row.id)
    if decided is None:
        assert back.status == "didisposisi" and back.decision is None
        return
    assert (back.decision, back.decision_note, back.other_statute, back.consequence_test, back.holder_body) == (
        Decision(decision).value, note.strip(), other.strip(), consequence.strip(), squash(holder))
    assert back.pasal17 == ",".join(sorted({p.strip().lower() for p in pasal17 if p.strip()}))


@hostile
@given(reason=FIELD, days=st.integers(-3, 12))
def test_extension(store, figures, reason, days):
    figures["hostile inputs tried: forms"] += 1
    row = fresh_request()
    extended = refused_cleanly(store, lambda: service.extend(row.id, reason, load_calendar(), "ppid", days=days,
                                                             now=LATER))
    assert (extended is None) == (not squash(reason) or not 1 <= days <= 7)
    if extended is not None:
        assert json.loads(service.events_of(row.id)[-1].data)["reason"] == squash(reason)


@hostile
@given(decision=st.one_of(st.sampled_from([d.value for d in ObjectionDecision]), FIELD), reasons=FIELD,
       order=FIELD, atasan=maybe("Drs. Bambang Sutrisno"), title=FIELD)
def test_objection_decision(store, figures, decision, reasons, order, atasan, title):
    figures["hostile inputs tried: forms"] += 1
    row = objections.register_objection(objections.ObjectionInput(
        grounds=[Ground("a")], case_summary="Ditolak", information="Dokumen", purpose="Penelitian",
        requester=person()), load_calendar(), "petugas", now=NOW)
    objections.forward(row.id, "", "ppid", now=NOW)
    data = objections.ObjectionDecisionInput(decision, reasons=reasons, order_text=order, atasan_name=atasan,
                                             atasan_title=title)
    decided = refused_cleanly(store, lambda: objections.decide(row.id, data, load_calendar(), "atasan", now=LATER),
                              decision)
    back = Objection.get_by_id(row.id)
    if decided is None:
        assert back.status == "diteruskan"
        return
    overturned = ObjectionDecision(decision) is ObjectionDecision.OVERTURNED
    assert (back.decision_reasons, back.order_text, back.atasan_name, back.atasan_title) == (
        reasons.strip(), order.strip() if overturned else "", squash(atasan),
        squash(title) or load_office().atasan_title)


# --- settings: units, the office ---------------------------------------------------------

@hostile
@given(name=FIELD, kind=st.one_of(st.sampled_from(["bidang", "skpd", "ppid_pembantu"]), FIELD), head=FIELD,
       contact=FIELD)
def test_unit_form(store, figures, name, kind, head, contact):
    figures["hostile inputs tried: forms"] += 1
    saved = refused_cleanly(store, lambda: save_unit(name, kind, head_name=head, contact=contact), kind)
    if saved is None:
        return
    back = Unit.get_by_id(saved.id)
    assert (back.name, back.kind, back.head_name, back.contact) == (squash(name), kind, head.strip(),
                                                                      contact.strip())
    assert saved in list_units()


_FREE_TEXT = ("agency_name", "ppid_unit", "address", "phone", "fax", "website", "city", "ppid_name", "ppid_title",
              "atasan_name", "atasan_title", "kasubbag_name", "annual_policy", "annual_facilities", "annual_staff",
              "annual_budget", "annual_obstacles", "annual_recommendations", "printer_name")
_PATTERNS = ("request_number_pattern", "objection_number_pattern", *DOCUMENT_PATTERNS)


@hostile
@given(texts=st.fixed_dictionaries({k: FIELD for k in _FREE_TEXT}),
       patterns=st.fixed_dictionaries({k: maybe(getattr(OfficeSettings, k)) for k in _PATTERNS}),
       email=maybe("ppid@example.go.id"), nip=maybe(NIP), timezone=maybe("WITA"), paper=maybe("F4"),
       completeness=st.integers(-2, 14), order=st.integers(-2, 40))
def test_office_settings(store, figures, texts, patterns, email, nip, timezone, paper, completeness, order):
    figures["hostile inputs tried: forms"] += 1
    office = OfficeSettings(**texts, **patterns, email=email, ppid_nip=nip, timezone=timezone, paper=paper,
                            completeness_days=completeness, order_days=order)
    try:
        clean = validate_office(office)
    except ValidationError as exc:
        one_line(exc.message)
        before = load_office()
        with pytest.raises(ValidationError):
            save_office(office)
        assert load_office() == before
        return
    assert clean.agency_name == texts["agency_name"].strip()
    assert save_office(office) == clean
    assert load_office() == clean


# --- the inbox -----------------------------------------------------------------------------

@hostile
@given(sender=FIELD, contact=maybe("0812-1111-2222"), text=FIELD,
       channel=st.one_of(st.sampled_from(["sms", "email", "telepon", "website", "langsung"]), FIELD),
       kind=st.one_of(st.sampled_from([k.value for k in MessageKind]), FIELD))
def test_inbox_message(store, figures, sender, contact, text, channel, kind):
    figures["hostile inputs tried: forms"] += 1
    data = inbox.MessageInput(sender=sender, contact=contact, channel=channel, kind=kind, text=text)
    problems = inbox.message_problems(data, NOW)
    row = refused_cleanly(store, lambda: inbox.record_message(data, load_calendar(), "petugas", now=NOW),
                          channel, kind)
    assert (row is None) == bool(problems)
    inbox_queries.find_messages(sender[:300])
    if row is not None:
        back = inbox.get_message(row.id)
        assert (back.sender, back.contact, back.text) == (squash(sender), squash(contact), text.strip())


# --- documents and Excel books with such names -------------------------------------------

NAMES = [n for n in HOSTILE if squash(n)] + ["x" * 200, "\u0639" * 200, "\U0001f600" * 200]


@pytest.fixture
def strange_register(store, unit):
    """A request for each hostile name, decided and handed over; also an objection each."""
    save_office(load_office().with_changes(agency_name="Dinas \u0639\u0631\u0628\u064a \U0001f600 =1+1",
                                           city="Bandung", atasan_name="Drs. Bambang"))
    rows = []
    for i, name in enumerate(NAMES):
        long = "=1+1 " + "\u0645\u0639\u0644\u0648\u0645\u0627\u062a " * (2_500 if i < 2 else 3)  # pages long
        data = RequestInput(person(name=name, address=name), information=long + name, purpose=name, units=[unit])
        row = service.register_request(data, load_calendar(), "petugas", now=NOW)
        decision = Decision.REJECTED if i % 2 else Decision.GRANTED_PARTIAL
        service.decide(row.id, DecisionInput(decision, note=name, pasal17=["h"], consequence_test=name,
                                             other_statute=name), "ppid", now=LATER)
        objections.register_objection(objections.ObjectionInput(
            request_id=row.id, grounds=[Ground("b")], case_summary=name), load_calendar(), "petugas", now=LATER)
        rows.append(Request.get_by_id(row.id))
    return rows


def _pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_documents_render_every_name(strange_register, figures):
    """Every document kind that fits renders, also over several pages, and pypdf reads its
    text back. What the documents cannot do (not checked): right-to-left text is drawn left
    to right and unshaped (on the receipt the letters are all there, in reverse order);
    the letters' serif face has no Arabic or Hebrew, and no face has emoji: those print as
    empty boxes."""
    for row in strange_register:
        kinds = [kind for kind, refused in fitting_kinds(row.number) if refused is None]
        assert len(kinds) >= 2
        for kind in kinds:
            text = _pdf_text(produce(row.number, kind, "petugas").pdf)
            assert row.number in text
            name = row.requester.name
            if name.isascii() and name.isprintable():
                assert name[:30] in text.replace("\n", " ")
            elif kind == "receipt" and not any(ord(c) > 0xFFFF or ILLEGAL_XML.match(c) for c in name):
                assert set(name) - set(" \u200b\ufeff\u202e\u202c\u2028\u2029\u0334\u0327\u031b\u0337\u0336\u0338"
                                      "\u0335\u0301\u200d") <= set(text), name
        objection = Objection.get(Objection.request == row.id)
        _pdf_text(produce_objection(objection.number, "objection-receipt", "petugas").pdf)
        figures["hostile names: documents printed"] += len(kinds) + 1


def test_excel_export_keeps_every_name_as_text(strange_register, tmp_path):
    path = tmp_path / "register.xlsx"
    assert export_register(path) == len(strange_register)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no live formula, whatever the register holds
    ws = openpyxl.load_workbook(path).active
    found = {}
    for line in ws.iter_rows(min_row=7, values_only=True):
        found[line[0]] = line
    assert len(found) == len(strange_register)
    for row in strange_register:
        line = found[row.number]
        expected = ILLEGAL_XML.sub("", row.requester.name)  # what an .xlsx cannot hold is dropped
        assert line[2] == (expected or None)
        assert line[6] == (ILLEGAL_XML.sub("", row.information) or None)
    for cell in ws["A1":"T7"][0]:
        assert cell.data_type != "f"


def test_report_with_such_names(strange_register, tmp_path):
    from ppid_desk.reports.periodic import Period, build_report

    evil = save_unit('=HYPERLINK("http://evil.example","Bidang")', "bidang").id
    service.route(fresh_request().id, [evil], "", "petugas", now=LATER)
    path = tmp_path / "laporan.xlsx"
    build_report(Period.custom(date(2026, 11, 1), date(2026, 11, 30)), path, "=1+1", now=LATER)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in archive.read(name).decode(), name


# --- every search box --------------------------------------------------------------------

@pytest.mark.parametrize("text", [" ".join(["kata"] * 500), " ".join(HOSTILE), "\x00" * 1000, 'a" OR "b', "*" * 300,
                                  "0812-" * 200, "+62 " * 100])
def test_every_search_box_takes_any_text(store, qapp, text):
    from ppid_desk.ui.objections.table_model import ObjectionFilter, ObjectionTableModel

    search_request_ids(store.db, text)
    queries.find_requesters(text)
    inbox_queries.find_messages(text)
    model = ObjectionTableModel()
    model.load(ObjectionFilter(text=text), NOW.date(), load_calendar())
    assert model.rowCount() == 0
