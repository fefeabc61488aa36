"""Demo requesters (:mod:`.demo`): persons with names of their naming tradition, NIKs
and addresses of one region, contacts; groups and legal bodies."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .codes import RequesterKind
from .demo_words import (
    BALI_ORDER, BODIES, DEGREES, DESA, ETHNIC, ETHNIC_CUM, GROUPS, HOME, JOB_CUM, JOBS, KELURAHAN, MAIL, NAMES, ORIGIN,
    PHONE_PREFIX, PLACES, STREETS,
)


def pick(rng: random.Random, items: Sequence, cum: list[int]):
    return items[bisect(cum, rng.random() * cum[-1])]


@dataclass(frozen=True)
class Profile:
    """What later requests of the same requester reuse."""

    purpose: str  # key of PURPOSES
    proxy: str  # representative or proxy, "" for none
    proxy_letter: str


class People:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today

    def name(self) -> tuple[str, bool, str]:
        """A person's name, whether female, and the naming tradition."""
        rng = self.rng
        ethnic = pick(rng, ETHNIC, ETHNIC_CUM)
        male, women, men_second, women_second = NAMES[ethnic]
        female = rng.random() < 0.46
        given = rng.choice(women if female else male)
        family = women_second if female else men_second
        if ethnic == "bali":
            name = f"{'Ni' if female else 'I'} {rng.choice(BALI_ORDER)} {given}"
        elif ethnic == "jawa" and rng.random() < 0.15:
            name = given  # a single name, still common in Java
        elif ethnic == "bugis" and not female and given != "Andi" and rng.random() < 0.3:
            name = f"Andi {given} {rng.choice(family)}"
        else:
            name = f"{given} {rng.choice(family)}"
        if rng.random() < 0.08:
            name += rng.choice(DEGREES)
        return name, female, ethnic

    def place(self, ethnic: str) -> tuple[str, str, tuple[str, list[str]]]:
        """(province code, regency code, (its name, its kecamatan))."""
        rng = self.rng
        province = HOME if rng.random() < 0.55 else rng.choice(ORIGIN[ethnic])
        regency, name, districts = rng.choice(PLACES[province])
        return province, regency, (name, districts)

    def nik(self, province: str, regency: str, female: bool) -> str:
        rng = self.rng
        born = self.today - timedelta(days=rng.randrange(18 * 365 + 5, 70 * 365))
        day = born.day + 40 if female else born.day
        return (f"{province}{regency}{rng.randrange(1, 31):02d}{day:02d}{born.month:02d}{born.year % 100:02d}"
                f"{rng.randrange(1, 3000):04d}")

    def address(self, city: tuple[str, list[str]]) -> str:
        rng = self.rng
        rt = f" RT {rng.randrange(1, 15):03d}/RW {rng.randrange(1, 10):03d}," if rng.random() < 0.4 else ","
        return (f"Jl. {rng.choice(STREETS)} No. {rng.randrange(1, 250)}{rt} Kel. {rng.choice(KELURAHAN)}, "
                f"Kec. {rng.choice(city[1])}, {city[0]}")

    def phone(self) -> str:
        rng = self.rng
        return f"08{rng.choice(PHONE_PREFIX)}{rng.randrange(10 ** 6, 10 ** 8):08d}"

    def email(self, name: str) -> str:
        rng = self.rng
        words = ["".join(c for c in w.lower() if c.isalpha()) for w in name.split(",")[0].split()]
        words = [w for w in words if w and w not in ("i", "ni")][:2]
        local = rng.choice((".", "_", "")).join(words)
        if rng.random() < 0.6:
            local += str(rng.randrange(1, 99))
        return f"{local}@{rng.choice(MAIL)}"

    def person(self) -> tuple[tuple, Profile, bool]:
        """A requester row (without id and created_at), its profile, and whether it often returns."""
        rng = self.rng
        name, female, ethnic = self.name()
        province, regency, city = self.place(ethnic)
        job, _, purpose = pick(rng, JOBS, JOB_CUM)
        email = self.email(name) if rng.random() < 0.4 else ""
        row = (RequesterKind.PERSON.value, name, self.nik(province, regency, female), "", self.address(city), job,
               self.phone() if rng.random() < 0.95 or not email else "", email)
        return row, Profile(purpose, "", ""), purpose in ("pers", "lsm", "ilmu", "hukum")

    def group(self) -> tuple[tuple, Profile, bool]:
        rng = self.rng
        rep, female, ethnic = self.name()
        province, regency, city = self.place(ethnic)
        name = rng.choice(GROUPS).format(rng.choice(DESA + KELURAHAN))
        row = (RequesterKind.GROUP.value, name, self.nik(province, regency, female), "", self.address(city),
               "Kelompok masyarakat", self.phone(), "")
        return row, Profile("warga", rep, "Surat mandat kelompok"), False

    def body(self) -> tuple[tuple, Profile, bool]:
        rng = self.rng
        template, code, purpose = rng.choice(BODIES)
        place = rng.choice(("Surabaya", "Jawa Timur", "Nusantara", "Brantas", "Malang Raya", "Madura", "Arek"))
        name = template.format(place)
        year = rng.randrange(1995, self.today.year)
        if code == "BH":
            legal = f"{rng.randrange(100, 999)}/BH/XVI.{rng.randrange(1, 40)}/{year}"
        else:
            legal = f"AHU-{rng.randrange(1, 10 ** 7):07d}.{code}.Tahun {year}"
        slug = "".join(w[0] for w in name.lower().split() if w[0].isalpha())
        domain = "co.id" if name.startswith("PT") else "or.id"
        phone = f"(031) {rng.randrange(3, 9)}{rng.randrange(0, 10 ** 6):06d}" if rng.random() < 0.5 else self.phone()
        kind = "Perseroan terbatas" if name.startswith("PT") else "Koperasi" if code == "BH" else "Yayasan/perkumpulan"
        row = (RequesterKind.LEGAL_BODY.value, name, None, legal, self.address(rng.choice(PLACES[HOME])[1:]), kind,
               phone, f"sekretariat@{slug}{rng.randrange(1, 99)}.{domain}")
        rep = self.name()[0] if rng.random() < 0.5 else ""
        return row, Profile(purpose, rep, "Surat Kuasa Khusus" if rep else ""), True
