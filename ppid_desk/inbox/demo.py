"""Demo inbox: realistic messages over the demo period, reproducible by seed.

``generate_messages(n, seed, years, today)`` fills an empty inbox with about ``n``
messages recorded over the ``years`` years before ``today`` (cut off at the start of
``today``, as the request demo is): SMS and email questions, complaints, criticism and
suggestions, each taken as far through its steps (reviewed, forwarded to a unit,
extended, answered) as its age allows, so old messages are answered (a few late), recent
ones are still open and a few are overdue. About a fifth are information requests that
came by SMS, email, telephone or the website and are already in the register: those
messages point at their request (converted), with the request's arrival time, sender
and text. A few recent request messages wait to be converted.

It runs after :func:`ppid_desk.register.demo.generate` (it links to the requests that
made) and goes through :mod:`.service`, so numbers, deadlines and events are exactly
those of a message recorded at the desk; a converted message is linked to its existing
request instead of registering a new one. Everything comes from
``random.Random(f"pesan-{seed}")`` and ``today``: the same seed, day, calendar and
register give the same inbox.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import peewee

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..calendar import WorkingCalendar
from ..errors import ValidationError
from ..register.codes import Channel
from ..register.demo_people import People
from ..register.demo_words import DESA, KECAMATAN, KELURAHAN, OFFICERS, STREETS
from ..store.models import InboxEvent, InboxMessage, Request, Requester, Unit, database
from ..workdays import load_calendar
from . import service
from .codes import EventKind, MessageKind, Status
from .service import MessageInput

REQUEST_SHARE = 0.2  # of the messages: requests already in the register (converted)
WAITING_REQUESTS = 3  # recent request messages not converted yet
KIND_WEIGHTS = {MessageKind.QUESTION: 40, MessageKind.COMPLAINT: 30, MessageKind.CRITICISM: 12,
                MessageKind.SUGGESTION: 18}
CHANNEL_WEIGHTS = {Channel.SMS: 45, Channel.EMAIL: 30, Channel.WEBSITE: 15, Channel.PHONE: 10}
LINKABLE = (Channel.SMS.value, Channel.EMAIL.value, Channel.WEBSITE.value, Channel.PHONE.value)

TEXTS = {
    MessageKind.QUESTION: [
        "Selamat pagi, kapan jadwal pelayanan KTP elektronik keliling di Kecamatan {kec}?",
        "Bagaimana cara mengurus akta kelahiran yang hilang? Syaratnya apa saja?",
        "Apakah pendaftaran beasiswa daerah tahun {year} sudah dibuka? Formulirnya di mana?",
        "Mohon info, layanan PPID buka sampai jam berapa hari Jumat?",
        "Di mana saya bisa melihat pengumuman hasil seleksi PPPK tahun {year}?",
        "Apakah PBB tahun {year} bisa dibayar lewat bank? Batas waktunya kapan?",
        "Bagaimana prosedur mengajukan bantuan bedah rumah untuk warga Desa {desa}?",
        "Izin usaha mikro sekarang diurus di mana, di DPMPTSP atau di kecamatan?",
        "Kapan pencairan bantuan langsung tunai untuk Kelurahan {kel}?",
        "Apakah imunisasi anak di puskesmas Kecamatan {kec} gratis? Jadwalnya hari apa?",
        "Apakah Perda tentang retribusi pasar yang baru sudah berlaku?",
        "Mohon info nomor pengaduan PDAM untuk wilayah Kecamatan {kec}.",
    ],
    MessageKind.COMPLAINT: [
        "Lampu penerangan jalan di Jl. {street} mati sudah seminggu, mohon segera diperbaiki.",
        "Jalan di Desa {desa} berlubang besar, sudah beberapa kali ada pengendara jatuh.",
        "Sampah di Pasar {kel} tidak diangkut tiga hari, baunya sampai ke permukiman.",
        "Antrean di loket Disdukcapil sangat lama, dari pagi sampai siang belum dipanggil.",
        "Air PDAM di Kelurahan {kel} mati sejak kemarin tanpa pemberitahuan.",
        "Saluran air di Jl. {street} tersumbat; kalau hujan jalan tergenang setinggi lutut.",
        "Ada pungutan untuk seragam dan buku di SD negeri di Desa {desa}, padahal katanya gratis.",
        "Petugas puskesmas Kecamatan {kec} tidak ada di tempat pada jam pelayanan.",
        "Pohon tumbang di Jl. {street} belum dibersihkan sejak hujan deras kemarin.",
        "Bantuan sembako di Desa {desa} tidak tepat sasaran; yang mampu dapat, yang miskin tidak.",
    ],
    MessageKind.CRITICISM: [
        "Website pemerintah kabupaten sering tidak bisa dibuka, informasi jadi sulit dicari.",
        "Laporan keuangan di website belum diperbarui sejak tahun lalu.",
        "Telepon kantor tidak pernah diangkat pada jam kerja.",
        "Daftar informasi publik di website hanya berupa gambar, tidak bisa dicari.",
        "Balasan email dari PPID terlalu lama, lebih dari dua minggu.",
        "Papan pengumuman di kantor Kecamatan {kec} berisi informasi yang sudah kedaluwarsa.",
    ],
    MessageKind.SUGGESTION: [
        "Mohon layanan informasi juga dibuka lewat WhatsApp supaya lebih mudah.",
        "Sebaiknya daftar informasi publik diunggah dalam format Excel agar mudah diolah.",
        "Usul jam layanan PPID diperpanjang sampai sore untuk warga yang bekerja.",
        "Sebaiknya ada ruang tunggu yang nyaman dan kursi prioritas di loket pelayanan.",
        "Mohon ringkasan APBD dipasang di papan informasi setiap kelurahan.",
        "Akan lebih baik jika status permohonan informasi bisa dicek lewat website.",
    ],
    MessageKind.REQUEST: [
        "Mohon dikirimkan salinan Rencana Kerja Dinas Pendidikan tahun {year}.",
        "Saya memohon data jumlah penerima bantuan sosial per kecamatan tahun {year}.",
        "Mohon salinan Laporan Realisasi Anggaran Dinas Kesehatan tahun {prev}.",
        "Saya ingin meminta daftar proyek jalan yang dikerjakan di Kecamatan {kec} tahun {year}.",
        "Mohon data angka stunting per desa di Kecamatan {kec} tahun {prev}.",
    ],
}
ANSWERS = {
    MessageKind.QUESTION: [
        "Terima kasih atas pertanyaannya. Jadwal dan persyaratannya sudah kami kirimkan; untuk keterangan lebih "
        "lanjut silakan menghubungi {unit} pada jam kerja.",
        "Informasi tersebut ada di website resmi pemerintah kabupaten, menu Layanan; bila belum jelas silakan "
        "datang ke {unit}.",
    ],
    MessageKind.COMPLAINT: [
        "Terima kasih atas laporannya. Aduan sudah diteruskan ke {unit} dan ditindaklanjuti minggu ini.",
        "Aduan sudah ditindaklanjuti oleh {unit}; petugas telah memeriksa lokasi dan memperbaikinya.",
    ],
    MessageKind.CRITICISM: [
        "Terima kasih atas kritiknya; menjadi bahan perbaikan layanan kami.",
        "Kritik sudah kami sampaikan kepada {unit} untuk diperbaiki.",
    ],
    MessageKind.SUGGESTION: [
        "Terima kasih atas sarannya; sudah kami sampaikan kepada pimpinan untuk dipertimbangkan.",
    ],
}
REVIEW_NOTES = ["", "", "Pokok pesan jelas", "Perlu jawaban dari unit teknis", "Informasi tersedia di website"]
EXTEND_REASONS = ["Menunggu data dari unit teknis", "Perlu peninjauan lapangan lebih dulu",
                  "Jawaban memerlukan koordinasi beberapa unit"]


@dataclass
class InboxDemoSummary:
    messages: int = 0
    converted: int = 0
    by_kind: dict[str, int] = field(default_factory=lambda: {k.value: 0 for k in MessageKind})
    by_status: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Status})


@dataclass
class _Plan:
    received: datetime
    recorded: datetime
    data: MessageInput
    request_id: int | None = None  # the register's request this message became


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _at(day: date, rng: random.Random, first: int = 8 * 60, last: int = 15 * 60 + 30) -> datetime:
    return datetime.combine(day, time(0)) + timedelta(minutes=rng.randrange(first, last))


def _recorded(calendar: WorkingCalendar, received: datetime, rng: random.Random) -> datetime:
    """When the desk records a message: soon during service hours, else the next working morning."""
    if calendar.is_working_day(received.date()) and time(7, 30) <= received.time() < time(15, 0):
        return received + timedelta(minutes=rng.randrange(2, 90))
    day = received.date() + timedelta(days=1) if received.time() >= time(7, 30) else received.date()
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return _at(day, rng, 7 * 60 + 35, 10 * 60)


def _arrival(calendar: WorkingCalendar, day: date, channel: Channel, rng: random.Random) -> datetime:
    if channel is Channel.PHONE:  # a call reaches the desk when it is open
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        return _at(day, rng)
    return _at(day, rng, 5 * 60 + 30, 22 * 60 + 30)  # SMS, email and website at any hour


def _fill(template: str, rng: random.Random, year: int) -> str:
    return template.format(kec=rng.choice(KECAMATAN), desa=rng.choice(DESA), kel=rng.choice(KELURAHAN),
                           street=rng.choice(STREETS), year=year, prev=year - 1)


def _plans(rng: random.Random, calendar: WorkingCalendar, n: int, start: date, today: date) -> list[_Plan]:
    people = People(rng, today)
    cutoff = datetime.combine(today, time(0))
    days = (today - start).days
    linked = list(Request.select(Request.id, Request.received_at, Request.channel, Request.information,
                                 Requester.name, Requester.phone, Requester.email)
                  .join(Requester)
                  .where(Request.channel.in_(LINKABLE) & (Request.received_at >= datetime.combine(start, time(0)))
                         & (Request.received_at < cutoff))
                  .order_by(Request.id).dicts())
    linked = rng.sample(linked, min(len(linked), round(n * REQUEST_SHARE)))
    plans: list[_Plan] = []
    for r in linked:
        channel = Channel(r["channel"])
        by_mail = channel in (Channel.EMAIL, Channel.WEBSITE) and r["email"]
        contact = r["email"] if by_mail else (r["phone"] or r["email"])
        received = r["received_at"]
        recorded = _recorded(calendar, received, rng)
        if recorded + timedelta(hours=1) >= cutoff:  # recorded (and converted) only today
            continue
        data = MessageInput(sender=r["name"], contact=contact or "-", channel=channel, kind=MessageKind.REQUEST,
                            text=r["information"], received_at=received)
        plans.append(_Plan(received, recorded, data, r["id"]))
    waiting = min(WAITING_REQUESTS, n - len(plans))
    for i in range(n - len(plans)):
        kind = MessageKind.REQUEST if i < waiting else _pick(rng, KIND_WEIGHTS)
        channel = _pick(rng, CHANNEL_WEIGHTS)
        # the waiting requests arrived in the last two weeks; the others over the whole period
        back = rng.randrange(1, 15) if kind is MessageKind.REQUEST else rng.randrange(1, days + 1)
        received = _arrival(calendar, today - timedelta(days=back), channel, rng)
        recorded = _recorded(calendar, received, rng)
        if recorded >= cutoff:
            continue
        name, _female, _ethnic = people.name()
        sender = "tanpa nama" if channel is Channel.SMS and rng.random() < 0.12 else name
        email = channel in (Channel.EMAIL, Channel.WEBSITE)
        contact = people.email(name) if email else people.phone()
        text = _fill(rng.choice(TEXTS[kind]), rng, received.year)
        data = MessageInput(sender=sender, contact=contact, channel=channel, kind=kind, text=text,
                            received_at=received)
        plans.append(_Plan(received, recorded, data))
    plans.sort(key=lambda p: (p.recorded, p.received))
    return plans


class _Steps:
    """Takes one message through the steps its age allows, never past the start of ``today``."""

    def __init__(self, rng: random.Random, calendar: WorkingCalendar, today: date, units: list[Unit]):
        self.rng, self.calendar, self.units = rng, calendar, units
        self.cutoff = datetime.combine(today, time(0))

    def _moment(self, row: InboxMessage, working_days: int, after: datetime) -> datetime | None:
        day = self.calendar.add_working_days(row.effective_day, working_days).day
        at = max(_at(day, self.rng), after + timedelta(minutes=self.rng.randrange(5, 40)))
        return at if at < self.cutoff else None

    def run(self, row: InboxMessage) -> None:
        rng, kind = self.rng, MessageKind(row.kind)
        officer = rng.choice(OFFICERS)
        last = row.recorded_at
        answer_day = rng.choices(range(1, 11), weights=[6, 10, 12, 12, 11, 10, 9, 8, 7, 6])[0]
        extend = rng.random() < 0.08
        late = rng.random() < 0.08
        if extend:
            answer_day = rng.randrange(11, 18)
        elif late:
            answer_day = rng.randrange(11, 16)
        # Still unanswered: a few of the last two months (overdue ones among them); older ones all got an answer.
        never = rng.random() < 0.08 and row.recorded_at >= self.cutoff - timedelta(days=60)
        unit = None
        if rng.random() < 0.75:
            at = self._moment(row, rng.choice((0, 0, 1)), last)
            if at is None:
                return
            service.review(row.id, rng.choice(REVIEW_NOTES), officer, now=at)
            last = at
        forward = {MessageKind.COMPLAINT: 0.8, MessageKind.QUESTION: 0.5}.get(kind, 0.3)
        if self.units and rng.random() < forward:
            at = self._moment(row, rng.randrange(1, 3), last)
            if at is None:
                return
            unit = rng.choice(self.units)
            service.forward(row.id, unit.id, "", officer, now=at)
            last = at
        if extend:
            at = self._moment(row, rng.randrange(5, 11), last)
            if at is None:
                return
            if at.date() <= row.response_due:
                service.extend(row.id, rng.choice(EXTEND_REASONS), officer, now=at)
                last = at
        if never:
            return
        at = self._moment(row, max(answer_day, 1), last)
        if at is None:
            return
        text = rng.choice(ANSWERS[kind]).format(unit=unit.name if unit else "PPID Pelaksana")
        service.answer(row.id, text, officer, now=at)


def _link(row: InboxMessage, request_id: int, at: datetime, actor: str) -> None:
    """Mark a message converted into an existing request of the demo register."""
    number = Request.get_by_id(request_id).number
    InboxMessage.update(status=Status.CONVERTED.value, request=request_id).where(InboxMessage.id == row.id).execute()
    InboxEvent.create(message=row.id, kind=EventKind.CONVERTED.value, at=at, actor=actor,
                      data=json.dumps({"request": number}, ensure_ascii=False))


def generate_messages(n: int, seed: int, years: int, today: date, actor: Actor = "") -> InboxDemoSummary:
    """Fill the (empty) inbox with about ``n`` demo messages over the ``years`` years before
    ``today`` (one audit entry for the whole of it)."""
    require(actor, Permission.IMPORT_REGISTER)
    if n < 0 or years < 1:
        raise ValidationError("Jumlah pesan tidak boleh negatif dan rentang paling sedikit 1 tahun.")
    if InboxMessage.select().exists():
        raise ValidationError("Buku register pesan sudah berisi pesan; data contoh hanya dibuat bila kosong.")
    rng = random.Random(f"pesan-{seed}")
    calendar = load_calendar()
    start = today - timedelta(days=round(365.25 * years))
    units = list(Unit.select().where(Unit.active == True).order_by(Unit.id))  # noqa: E712
    summary = InboxDemoSummary()
    steps = _Steps(rng, calendar, today, units)
    with database.atomic(), audit.batch():
        for plan in _plans(rng, calendar, n, start, today):
            officer = rng.choice(OFFICERS)
            row = service.record_message(plan.data, calendar, officer, now=plan.recorded)
            if plan.request_id is not None:
                _link(row, plan.request_id, plan.recorded + timedelta(minutes=rng.randrange(3, 30)), officer)
                summary.converted += 1
            elif row.kind != MessageKind.REQUEST.value:
                steps.run(row)
            summary.messages += 1
        counts = (InboxMessage.select(InboxMessage.kind, InboxMessage.status, peewee.fn.COUNT(InboxMessage.id))
                  .group_by(InboxMessage.kind, InboxMessage.status).tuples())
        for kind, status, count in counts:
            summary.by_kind[kind] += count
            summary.by_status[status] += count
        if summary.messages:
            audit.append(actor, "demo.messages", "inbox", "",
                         f"Pesan masuk contoh dibuat: {summary.messages} pesan (benih {seed}, {years} tahun).",
                         {"messages": summary.messages, "converted": summary.converted, "seed": seed, "years": years,
                          "today": today})
    return summary
