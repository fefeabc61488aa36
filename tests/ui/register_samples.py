"""Sample requests for the register's UI tests and screenshots (through the real services)."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from ppid_desk.register import service
from ppid_desk.register.codes import Channel, Decision, DeliveryForm, RequesterKind
from ppid_desk.store.models import database
from ppid_desk.units import save_unit
from ppid_desk.workdays import load_calendar

FIRST = ("Budi", "Siti", "Agus", "Dewi", "Rina", "Joko", "Wayan", "Made", "Nur", "Andi", "Yohanes", "Fitri",
         "Hendra", "Maria", "Rahmat", "Lina")
LAST = ("Santoso", "Lestari", "Wibowo", "Putri", "Hidayat", "Saputra", "Kusuma", "Pratama", "Nugroho",
        "Siregar", "Manurung", "Wijaya", "Halim", "Suryani")
TOPICS = ("anggaran pendidikan", "realisasi dana desa", "pengadaan barang dan jasa", "izin mendirikan bangunan",
          "data penerima bantuan sosial", "rencana tata ruang wilayah", "hasil audit keuangan",
          "daftar aset daerah", "program imunisasi", "perbaikan jalan kabupaten")
PURPOSES = ("Penelitian skripsi", "Pengawasan masyarakat", "Bahan liputan", "Kepentingan pribadi",
            "Advokasi warga")
UNITS = ("Bidang Pelayanan Informasi", "Bidang Pengolahan Data", "Dinas Pendidikan", "Dinas Pekerjaan Umum")


def nik(rng: random.Random) -> str:
    day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
    return f"3201{rng.randint(1, 40):02d}{day:02d}{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}" \
           f"{rng.randint(1, 9999):04d}"


def person(rng: random.Random, i: int) -> service.RequesterInput:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return service.RequesterInput(RequesterKind.PERSON, name, nik(rng), address=f"Jl. Melati No. {i % 90 + 1}",
                                  occupation=rng.choice(("Mahasiswa", "Wartawan", "Wiraswasta", "Guru")),
                                  phone=f"0812{rng.randint(10_000_000, 99_999_999)}")


def make_units() -> list[int]:
    return [save_unit(name, "bidang" if name.startswith("Bidang") else "skpd").id for name in UNITS]


def make_requests(count: int, now: datetime, days_back: int = 60, seed: int = 7, steps: bool = True) -> list[int]:
    """``count`` requests received over the last ``days_back`` days, some taken through steps."""
    rng = random.Random(seed)
    calendar = load_calendar()
    units = make_units() if steps else []
    ids = []
    with database.atomic():
        for i in range(count):
            back = days_back * (count - i) / max(count, 1)
            at = datetime.combine((now - timedelta(days=back)).date(), time(9, 0)) + timedelta(minutes=i % 240)
            at = min(at, now)
            data = service.RequestInput(
                requester=person(rng, i),
                information=f"Salinan dokumen {rng.choice(TOPICS)} tahun {rng.randint(2019, 2025)}",
                purpose=rng.choice(PURPOSES), channel=rng.choice(list(Channel)), received_at=at)
            row = service.register_request(data, calendar, "petugas", now=at)
            ids.append(row.id)
            if steps:
                _steps(row.id, rng, units, calendar, at, now)
    return ids


def _steps(request_id: int, rng: random.Random, units: list[int], calendar, at: datetime, now: datetime) -> None:
    later = min(at + timedelta(days=1), now)
    roll = rng.random()
    if roll < 0.25 or later >= now:
        return
    if roll < 0.32:
        service.mark_incomplete(request_id, "Fotokopi KTP belum dilampirkan", "petugas", later)
        return
    service.route(request_id, [rng.choice(units)], "Mohon disiapkan", "petugas", now=later)
    decided = min(at + timedelta(days=rng.randint(3, 12)), now)
    if roll < 0.55 or decided >= now:
        return
    decision = rng.choice((Decision.GRANTED_FULL, Decision.GRANTED_FULL, Decision.GRANTED_PARTIAL,
                           Decision.REJECTED, Decision.NOT_HELD))
    data = service.DecisionInput(decision)
    if decision is Decision.GRANTED_PARTIAL:
        data.note = "Data pribadi penerima dihitamkan"
    if decision is Decision.REJECTED:
        data.pasal17, data.consequence_test = ["h"], "Membuka data pribadi merugikan pemiliknya"
    service.decide(request_id, data, "ppid", now=decided)
    if decision in (Decision.GRANTED_FULL, Decision.GRANTED_PARTIAL) and roll > 0.7:
        delivered = min(decided + timedelta(days=1), now)
        service.deliver(request_id, DeliveryForm.SOFTCOPY, "petugas", pages=12, cost=0, now=delivered)
        if roll > 0.85:
            service.close(request_id, "petugas", now=delivered)
