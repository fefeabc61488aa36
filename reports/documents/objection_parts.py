"""Wording the objection documents share: the objection's register lines, the objector
and the proxy, the Pasal 35(1) grounds, the Atasan PPID's signature and the right to go
to the Komisi Informasi."""

from __future__ import annotations

from ppid_desk.dates import clock, long_date
from ppid_desk.objections.codes import Ground
from ppid_desk.office import OfficeSettings
from ppid_desk.register.codes import RequesterKind

from .blocks import Signer, text
from .objection_sources import ObjectionFacts, ResponseFacts
from .parts import contact, identity, label, place_date

ATASAN = "Atasan PPID"
NO_PROXY = "- (diajukan sendiri oleh pemohon)"


def ground_wording(letter: str) -> str:
    """``Pasal 35 ayat (1) huruf c: Tidak ditanggapinya permintaan informasi``."""
    return f"huruf {letter}: {label(Ground, letter)}"


def grounds_text(facts: ObjectionFacts, article: bool = True) -> str:
    """The objection's grounds, one numbered line each (paragraph text); without
    ``article`` when the label already names Pasal 35 ayat (1)."""
    lines = [text(f"Pasal 35 ayat (1) {ground_wording(g)}" if article else ground_wording(g))
             for g in facts.grounds]
    if len(lines) > 1:
        lines = [f"{i}. {line}" for i, line in enumerate(lines, start=1)]
    return "<br/>".join(lines) or "-"


def received_text(facts: ObjectionFacts, office: OfficeSettings) -> str:
    return f"{long_date(facts.received_at.date())} pukul {clock(facts.received_at)} {office.timezone}"


def request_text(facts: ObjectionFacts) -> str:
    """The request objected to: its number and date, or what the objector said of it."""
    if facts.request_received is not None:
        return f"<b>{text(facts.request_number)}</b> tanggal {long_date(facts.request_received)}"
    said = f"{text(facts.request_number)} " if facts.request_number.strip() else "- "
    return said + "(tidak tercatat di register permohonan)"


def register_rows(facts: ObjectionFacts, office: OfficeSettings) -> list[tuple[str, str]]:
    return [("Nomor registrasi keberatan", f"<b>{text(facts.number)}</b>"),
            ("Keberatan diterima", received_text(facts, office)),
            ("Nomor pendaftaran permohonan", request_text(facts))]


def objector_rows(facts: ObjectionFacts, full: bool = False) -> list[tuple[str, str]]:
    """Name, address and contacts of the objector; ``full`` (the form) adds the identity
    number and occupation."""
    party = facts.objector
    rows = [("Nama", f"<b>{text(party.name)}</b>")]
    if full and party.kind != RequesterKind.PERSON.value:
        rows.append(("Jenis pemohon", label(RequesterKind, party.kind)))
    if full:
        rows.append(identity(party))
    rows.append(("Alamat", text(party.address)))
    if full:
        rows.append(("Pekerjaan", text(party.occupation)))
    rows.append(("Telepon / pos-el", contact(party)))
    return rows


def proxy_row(facts: ObjectionFacts) -> tuple[str, str]:
    """The proxy in one line (letters): ``Nama (Surat Kuasa Khusus ...)``."""
    party = facts.objector
    return "Kuasa", f"<b>{text(party.proxy_name)}</b> ({text(party.proxy_letter)})"


def proxy_rows(facts: ObjectionFacts) -> list[tuple[str, str]]:
    party = facts.objector
    if not party.proxy_name.strip():
        return [("Nama kuasa", NO_PROXY)]
    return [("Nama kuasa", f"<b>{text(party.proxy_name)}</b>"), ("Surat kuasa khusus", text(party.proxy_letter))]


def objector_name(facts: ObjectionFacts) -> str:
    """Who signs for the objector: the proxy when there is one."""
    party = facts.objector
    return party.proxy_name.strip() or party.name


def atasan_signer(office: OfficeSettings, response: ResponseFacts, day, lead: tuple[str, ...] = ()) -> Signer:
    """The Atasan PPID who decided (name and title as recorded on the objection); the NIP
    comes from the settings, printed only when the settings name the same person."""
    title = response.atasan_title.strip() or office.atasan_title.strip() or ATASAN
    lines = [place_date(office, day), *lead, title if title == ATASAN else f"{title} selaku {ATASAN}"]
    if office.agency_name.strip():
        lines.append(office.agency_name.strip())
    same = " ".join(response.atasan_name.split()).lower() == " ".join(office.atasan_name.split()).lower()
    return Signer(tuple(lines), response.atasan_name.strip(), office.atasan_nip.strip() if same else "")


def dispute_right(after: str, until: str = "") -> str:
    """The right to a dispute at the Komisi Informasi (Pasal 37 ayat (2) UU KIP)."""
    deadline = f", yaitu sampai dengan {until}" if until else ""
    return ("Apabila Pemohon tidak puas dengan tanggapan Atasan PPID, Pemohon dapat mengajukan permohonan "
            "penyelesaian sengketa informasi publik kepada Komisi Informasi paling lambat 14 (empat belas) hari "
            f"kerja sejak {after}{deadline} (Pasal 37 ayat (2) Undang-Undang Nomor 14 Tahun 2008 tentang "
            "Keterbukaan Informasi Publik).")
