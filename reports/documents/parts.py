"""Pieces of wording several documents share: the requester's lines, the place and
date of a letter, the PPID's signature, the Pasal 17 grounds, the right to object."""

from __future__ import annotations

from datetime import date

from ppid_desk.dates import long_date, plain_date
from ppid_desk.office import OfficeSettings
from ppid_desk.register.codes import PASAL_17, Labelled, RequesterKind

from .blocks import Signer, text
from .sources import Party, RequestFacts

UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
PPID_TITLE = "Pejabat Pengelola Informasi dan Dokumentasi"
# Letters a-h name a harm ("... dapat menghambat ..."); i and j name a kind of information.
_HARMS = set("abcdefgh")


def label(codes: type[Labelled], value: str) -> str:
    """The Indonesian words for a stored code (the code itself if it is unknown)."""
    try:
        return codes(value).label
    except ValueError:
        return value or "-"


def place_date(office: OfficeSettings, day: date) -> str:
    """``Wates, 2 Oktober 2026``."""
    city = office.city.strip()
    return f"{city}, {plain_date(day)}" if city else plain_date(day)


def ppid_signer(office: OfficeSettings, day: date | None = None) -> Signer:
    lines = [place_date(office, day)] if day else []
    title = office.ppid_title.strip() or PPID_TITLE
    lines.append(title)
    if office.agency_name.strip() and title == PPID_TITLE:
        lines.append(office.agency_name.strip())
    return Signer(tuple(lines), office.ppid_name.strip(), office.ppid_nip.strip())


def identity(party: Party) -> tuple[str, str]:
    """The identity row: NIK for a person, the legal body's decree/deed number otherwise."""
    if party.kind == RequesterKind.LEGAL_BODY.value:
        return "Nomor SK/akta badan hukum", text(party.legal_number)
    return "NIK", text(party.nik)


def contact(party: Party) -> str:
    return text(" / ".join(part for part in (party.phone.strip(), party.email.strip()) if part))


def requester_rows(facts: RequestFacts, full: bool = False) -> list[tuple[str, str]]:
    """Name, address and contacts; ``full`` (the receipt) adds the kind, NIK and occupation."""
    party = facts.requester
    rows = [("Nama", f"<b>{text(party.name)}</b>")]
    if full and party.kind != RequesterKind.PERSON.value:
        rows.append(("Jenis pemohon", label(RequesterKind, party.kind)))
    if full:
        rows.append(identity(party))
    rows.append(("Alamat", text(party.address)))
    if full and party.occupation.strip():
        rows.append(("Pekerjaan", text(party.occupation)))
    rows.append(("Telepon / pos-el", contact(party)))
    if party.proxy_name.strip():
        rows.append(("Kuasa pemohon", text(f"{party.proxy_name} (surat kuasa {party.proxy_letter})")))
    return rows


def request_line(facts: RequestFacts) -> str:
    """``nomor pendaftaran X tanggal Senin, 2 November 2026``."""
    return f"nomor pendaftaran <b>{text(facts.number)}</b> tanggal {long_date(facts.received_at.date())}"


def pasal17_grounds(letters: tuple[str, ...], law: str = "UU KIP") -> list[str]:
    """One line per Pasal 17 letter with its wording."""
    lines = []
    for letter in letters:
        wording = PASAL_17.get(letter, "")
        if letter in _HARMS:
            wording = f"informasi yang apabila dibuka dapat {wording}"
        lines.append(f"Pasal 17 huruf {letter} {law}: {wording}")
    return lines


def objection_right(office: OfficeSettings, after: str,
                    opening: str = "Apabila Pemohon tidak puas, Pemohon") -> str:
    """The right to object to the Atasan PPID (Pasal 35-36 UU KIP), and the Komisi Informasi after."""
    atasan = "Atasan PPID"
    if office.atasan_name.strip():
        title = office.atasan_title.strip() or atasan
        atasan = f"{atasan} ({text(office.atasan_name.strip())}{', ' + text(title) if title != atasan else ''})"
    return (f"{opening} berhak mengajukan keberatan secara tertulis kepada {atasan} "
            f"paling lambat 30 (tiga puluh) hari kerja sejak {after} (Pasal 35 dan Pasal 36 UU KIP). "
            "Apabila tanggapan Atasan PPID tidak memuaskan, Pemohon dapat mengajukan penyelesaian sengketa "
            "informasi publik kepada Komisi Informasi paling lambat 14 (empat belas) hari kerja sejak "
            "menerima tanggapan tertulis Atasan PPID (Pasal 37 UU KIP).")
