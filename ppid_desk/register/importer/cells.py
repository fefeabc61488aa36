"""Values read from register cells: text, dates and times, decisions, Pasal 17
letters, requester kinds, channels and methods, costs, phones and e-mail addresses.

A reader returns None for an empty cell and raises :class:`Unreadable` (dates, times)
or :class:`Unknown` (words it does not know) for a value it cannot read; the row check
(:mod:`.rows`) turns those into problems or warnings.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

from ..codes import Channel, Decision, DeliveryForm, DeliveryMethod, ObtainMethod, RequesterKind


# --- text ----------------------------------------------------------------------------

def ascii_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    return re.findall(r"[a-z0-9]+", text)


def squash(text: str) -> str:
    return " ".join(text.split())


def plain(value: Any) -> str:
    """A cell as one line of text (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != time(0) else value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return squash(str(value).replace("\xa0", " "))


def long_text(value: Any) -> str:
    """A cell as text that may keep its line breaks (information, address)."""
    if isinstance(value, str):
        lines = [squash(line.replace("\xa0", " ")) for line in value.replace("\r\n", "\n").split("\n")]
        return "\n".join(line for line in lines if line)
    return plain(value)


def quoted(value: Any) -> str:
    text = plain(value)
    return f"\u201c{text[:60]}{'…' if len(text) > 60 else ''}\u201d"


def normalised(text: str) -> str:
    return " ".join(ascii_words(text))


# --- dates and times -----------------------------------------------------------------

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "pebruari": 2, "february": 2, "peb": 2,
    "mar": 3, "maret": 3, "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "agustus": 8, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "oct": 10, "october": 10, "nov": 11,
    "nop": 11, "november": 11, "nopember": 11, "des": 12, "desember": 12, "dec": 12, "december": 12,
}
_DAY_NAMES = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|" \
             r"saturday|sunday)"
_TIME = r"(?:[ T,]+(?:pukul|jam)?\s*(?P<h>[0-9]{1,2})[:.](?P<mi>[0-9]{2})(?:[:.][0-9]{2})?(?:\s*(?:wib|wita|wit))?)?"
_DMY = re.compile(r"(?P<d>[0-9]{1,2})\s*[/.-]\s*(?P<m>[0-9]{1,2})\s*[/.-]\s*(?P<y>[0-9]{4}|[0-9]{2})" + _TIME)
_YMD = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})" + _TIME)
_DMONY = re.compile(r"(?P<d>[0-9]{1,2})\s*[ .-]\s*(?P<m>[a-z]+)\.?\s*[ .-]\s*(?P<y>[0-9]{4})" + _TIME)
_LEAD_DAY = re.compile(r"^" + _DAY_NAMES + r"\s*[,/]?\s*", re.I)


class Unreadable(ValueError):
    pass


def _excel_serial(value: float) -> datetime:
    if not 20000 <= value <= 2958465:  # 1954 .. 9999: smaller numbers are not dates
        raise Unreadable
    return datetime(1899, 12, 30) + timedelta(days=float(value))


def parse_date(value: Any) -> tuple[date, time | None] | None:
    """A cell as (date, time or None); None for an empty cell; Unreadable otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date(), (value.time() if value.time() != time(0) else None)
    if isinstance(value, date):
        return value, None
    if isinstance(value, bool):
        raise Unreadable
    if isinstance(value, (int, float)):
        moment = _excel_serial(value)
        return moment.date(), (moment.time().replace(microsecond=0, second=0) if moment.time() != time(0) else None)
    text = plain(value).lower().strip(" ,")
    if text in ("", "-", "--"):
        return None
    text = _LEAD_DAY.sub("", text)
    for regex in (_YMD, _DMY, _DMONY):
        match = regex.fullmatch(text)
        if not match:
            continue
        try:
            month_text = match["m"]
            month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.rstrip("."))
            if month is None:
                raise Unreadable
            year = int(match["y"])
            if year < 100:
                year += 2000
            day = date(year, month, int(match["d"]))
            at = time(int(match["h"]), int(match["mi"])) if match["h"] is not None else None
        except ValueError:
            raise Unreadable from None
        return day, at
    raise Unreadable


def parse_time(value: Any) -> time | None:
    if value is None:
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    match = re.fullmatch(r"(?:pukul|jam)?\s*([0-9]{1,2})[:.]([0-9]{2})(?:[:.][0-9]{2})?\s*(?:wib|wita|wit)?",
                         plain(value).lower())
    if not match:
        raise Unreadable
    try:
        return time(int(match[1]), int(match[2]))
    except ValueError:
        raise Unreadable from None


# --- decisions, choices, costs, contacts ---------------------------------------------

_DECISIONS: dict[str, Decision] = {}
for _decision, _phrases in {
    Decision.GRANTED_FULL: ("dikabulkan seluruhnya", "dikabulkan", "dikabulkan semua", "dikabulkan sepenuhnya",
                            "dipenuhi", "dipenuhi seluruhnya", "diberikan", "diberikan seluruhnya", "diterima",
                            "terpenuhi", "seluruhnya", "dikabulkan seluruh", "kabul", "dikabulkan seluruhya"),
    Decision.GRANTED_PARTIAL: ("dikabulkan sebagian", "sebagian", "dipenuhi sebagian", "diberikan sebagian",
                               "diterima sebagian", "dikabulkan sbg"),
    Decision.REJECTED: ("ditolak", "tolak", "menolak", "ditolak seluruhnya", "dikecualikan", "informasi dikecualikan",
                        "penolakan"),
    Decision.NOT_HELD: ("belum dikuasai", "tidak dikuasai", "informasi tidak dikuasai", "informasi belum dikuasai",
                        "tidak di bawah penguasaan", "tidak dibawah penguasaan", "bukan kewenangan"),
    Decision.NOT_DOCUMENTED: ("belum didokumentasikan", "tidak didokumentasikan", "informasi belum didokumentasikan",
                              "belum terdokumentasi", "belum didokumentasi"),
}.items():
    for _phrase in _phrases:
        _DECISIONS[_phrase] = _decision
_IN_PROCESS = {"", "proses", "dalam proses", "diproses", "sedang diproses", "belum", "menunggu", "belum diputuskan",
               "on process", "dalam pemrosesan", "masih diproses"}
DECISION_CHOICES = ("Dikabulkan Seluruhnya, Dikabulkan Sebagian, Ditolak, Belum Dikuasai, Belum Didokumentasikan, "
                    "atau kosong bila masih diproses")


class Unknown(ValueError):
    pass


_BY_LENGTH = sorted(_DECISIONS, key=len, reverse=True)


def parse_decision(value: Any) -> Decision | None:
    """A decision from its label or a common wording; None while still in process."""
    text = normalised(plain(value))
    if text in _IN_PROCESS:
        return None
    if text in _DECISIONS:
        return _DECISIONS[text]
    try:
        return Decision(Decision.parse(text))
    except ValueError:
        pass
    for phrase in _BY_LENGTH:  # "Ditolak (Pasal 17 huruf h)", "Dikabulkan seluruhnya via email"
        if text.startswith(phrase + " "):
            return _DECISIONS[phrase]
    raise Unknown


_P17 = re.compile(r"\b(?:pasal|psl|ps|pas)\s*\.?\s*17(?!\d)(?P<rest>[^0-9]*)", re.I)
_P17_SKIP = {"huruf", "hrf", "hr", "hur", "huru", "uu", "kip"}
_P17_JOIN = {"dan", "serta", "atau"}


def pasal17_letters(text: str) -> list[str]:
    """Pasal 17 letters named in a reason: "Pasal 17 huruf a dan i" -> ["a", "i"]."""
    letters: set[str] = set()
    text = re.sub(r"\bs\s*[/.]\s*d\b\.?", " sampai ", text or "", flags=re.I)
    for match in _P17.finditer(text):
        tokens = re.findall(r"[a-z]+", match["rest"].lower())
        seen_letter = ""
        span = False
        for token in tokens:
            if len(token) == 1 and "a" <= token <= "j":
                if span and seen_letter:
                    letters.update(chr(c) for c in range(ord(seen_letter), ord(token) + 1))
                letters.add(token)
                seen_letter, span = token, False
            elif token in ("sampai", "hingga") and seen_letter:
                span = True
            elif token in ("huruf", "hrf", "hr", "hur", "huru"):
                continue
            elif token in _P17_JOIN and seen_letter:
                continue
            elif token in _P17_SKIP and not seen_letter:
                continue
            else:
                break
    return sorted(letters)


def lookup(table: dict[str, Any], value: Any) -> Any:
    text = normalised(plain(value))
    if text in table:
        return table[text]
    for key, result in table.items():
        if key and key in text.split() or (" " in key and key in text):
            return result
    raise Unknown


KINDS = {"perorangan": RequesterKind.PERSON, "perseorangan": RequesterKind.PERSON, "individu": RequesterKind.PERSON,
         "pribadi": RequesterKind.PERSON, "orang": RequesterKind.PERSON, "kelompok": RequesterKind.GROUP,
         "kelompok orang": RequesterKind.GROUP, "badan hukum": RequesterKind.LEGAL_BODY,
         "lembaga": RequesterKind.LEGAL_BODY, "organisasi": RequesterKind.LEGAL_BODY,
         "yayasan": RequesterKind.LEGAL_BODY, "perusahaan": RequesterKind.LEGAL_BODY}
CHANNELS = {"langsung": Channel.WALK_IN, "datang langsung": Channel.WALK_IN, "tatap muka": Channel.WALK_IN,
            "walk in": Channel.WALK_IN, "loket": Channel.WALK_IN, "telepon": Channel.PHONE, "telp": Channel.PHONE,
            "telpon": Channel.PHONE, "faksimili": Channel.FAX, "fax": Channel.FAX, "faks": Channel.FAX,
            "email": Channel.EMAIL, "e mail": Channel.EMAIL, "surel": Channel.EMAIL, "website": Channel.WEBSITE,
            "web": Channel.WEBSITE, "online": Channel.WEBSITE, "daring": Channel.WEBSITE, "sms": Channel.SMS,
            "whatsapp": Channel.SMS, "wa": Channel.SMS, "surat": Channel.LETTER, "pos": Channel.LETTER}
OBTAIN = {"melihat": ObtainMethod.SEE, "mengetahui": ObtainMethod.SEE, "melihat mengetahui": ObtainMethod.SEE,
          "membaca": ObtainMethod.READ, "mendengarkan": ObtainMethod.LISTEN, "mencatat": ObtainMethod.NOTE,
          "hardcopy": ObtainMethod.HARDCOPY, "hard copy": ObtainMethod.HARDCOPY, "cetak": ObtainMethod.HARDCOPY,
          "fotokopi": ObtainMethod.HARDCOPY, "fotocopy": ObtainMethod.HARDCOPY, "softcopy": ObtainMethod.SOFTCOPY,
          "soft copy": ObtainMethod.SOFTCOPY, "file": ObtainMethod.SOFTCOPY, "digital": ObtainMethod.SOFTCOPY,
          "salinan": ObtainMethod.SOFTCOPY, "meminta salinan": ObtainMethod.SOFTCOPY}
DELIVERY = {"ambil langsung": DeliveryMethod.PICK_UP, "mengambil langsung": DeliveryMethod.PICK_UP,
            "langsung": DeliveryMethod.PICK_UP, "diambil": DeliveryMethod.PICK_UP, "kurir": DeliveryMethod.COURIER,
            "pos": DeliveryMethod.POST, "jasa pos": DeliveryMethod.POST, "faksimili": DeliveryMethod.FAX,
            "fax": DeliveryMethod.FAX, "faks": DeliveryMethod.FAX, "email": DeliveryMethod.EMAIL,
            "e mail": DeliveryMethod.EMAIL, "surel": DeliveryMethod.EMAIL}
FORMS = {"softcopy": DeliveryForm.SOFTCOPY, "soft copy": DeliveryForm.SOFTCOPY, "file": DeliveryForm.SOFTCOPY,
         "digital": DeliveryForm.SOFTCOPY, "hardcopy": DeliveryForm.HARDCOPY, "hard copy": DeliveryForm.HARDCOPY,
         "cetak": DeliveryForm.HARDCOPY, "fotokopi": DeliveryForm.HARDCOPY, "fotocopy": DeliveryForm.HARDCOPY,
         "melihat di tempat": DeliveryForm.INSPECTION, "melihat": DeliveryForm.INSPECTION}
_FREE = {"gratis", "free", "tidak ada", "tanpa biaya", "nihil", "tidak dipungut biaya", "rp 0", "0", "tidak"}
_AMOUNT = re.compile(r"(?:rp\.?\s*)?([0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]+)(?:,-|,00|\.00|,--)?", re.I)


def parse_cost(value: Any) -> tuple[int | None, str]:
    """(amount in rupiah or None, payment words): "Rp 5.000 (tunai)" -> (5000, "tunai")."""
    if value is None:
        return None, ""
    if isinstance(value, bool):
        raise Unknown
    if isinstance(value, (int, float)):
        if value < 0 or value != int(value):
            raise Unknown
        return int(value), ""
    text = plain(value)
    if normalised(text) in _FREE or text in ("-", ""):
        return 0, ""
    match = _AMOUNT.search(text)
    if not match:
        if any(word in normalised(text) for word in ("gratis", "tidak dipungut", "tanpa biaya")):
            return 0, ""
        raise Unknown
    amount = int(re.sub(r"[.,]", "", match[1]))
    rest = (text[:match.start()] + " " + text[match.end():]).strip(" ()-,;/")
    return amount, squash(rest)


_EMAIL = re.compile(r"[^@\s,;/]+@[^@\s,;/]+\.[^@\s,;/]+")


def split_contact(values: list[Any]) -> tuple[str, str]:
    phones, emails = [], []
    for value in values:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            digits = plain(value)
            if re.fullmatch(r"8[0-9]{7,11}", digits) and 8 <= len(digits) <= 12:
                digits = "0" + digits
            if digits:
                phones.append(digits)
            continue
        text = plain(value)
        found = _EMAIL.findall(text)
        emails += found
        for mail in found:
            text = text.replace(mail, " ")
        text = squash(text.strip(" ,;/-|"))
        text = re.sub(r"^(?:[\s,;/|-]|email|e-mail|surel|telp\.?|hp\.?|wa)+$", "", text, flags=re.I)
        if text:
            phones.append(text)
    return " / ".join(phones), ", ".join(emails)
