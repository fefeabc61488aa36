"""The register's tables as the app uses them today.

Migrations never use these classes (yesterday's schema is not today's): each
migration in :mod:`ppid_desk.store.migrations` declares the tables it creates.
"""

from __future__ import annotations

from datetime import datetime

import peewee

database = peewee.DatabaseProxy()


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    """One office setting: key -> text value (typed by :mod:`ppid_desk.office`)."""

    key = peewee.CharField(primary_key=True, max_length=64)
    value = peewee.TextField()


class OfficeAsset(BaseModel):
    """Binary files the office supplies, such as the logo for the letterhead."""

    name = peewee.CharField(primary_key=True, max_length=64)
    filename = peewee.CharField(max_length=255)
    mime = peewee.CharField(max_length=64)
    data = peewee.BlobField()
    sha256 = peewee.CharField(max_length=64)
    updated_at = peewee.DateTimeField(default=_now)


class Unit(BaseModel):
    """A unit that holds information: bidang, SKPD or PPID pembantu."""

    name = peewee.CharField(max_length=200, unique=True)
    kind = peewee.CharField(max_length=32)
    head_name = peewee.CharField(max_length=200, default="")
    contact = peewee.CharField(max_length=200, default="")
    active = peewee.BooleanField(default=True)
    created_at = peewee.DateTimeField(default=_now)


class CalendarOverride(BaseModel):
    """An office's own day off (``libur``) or a listed day off worked (``masuk``)."""

    day = peewee.DateField(unique=True)
    kind = peewee.CharField(max_length=16)
    reason = peewee.CharField(max_length=200)
    created_at = peewee.DateTimeField(default=_now)


class ServiceHours(BaseModel):
    """Service hours of one weekday (0 = Senin), "HH:MM"; breaks "12:00-13:00,...".

    A weekday without a row has no set hours: a receipt at any time of it counts that day.
    """

    weekday = peewee.IntegerField(primary_key=True)
    opens = peewee.CharField(max_length=5)
    closes = peewee.CharField(max_length=5)
    breaks = peewee.CharField(max_length=64, default="")


ALL_MODELS: tuple[type[BaseModel], ...] = (Setting, OfficeAsset, Unit, CalendarOverride, ServiceHours)


# --- the request register (migration 3) ---------------------------------------------

class Requester(BaseModel):
    """A person, group or legal body that asks for information."""

    kind = peewee.CharField(max_length=16)
    name = peewee.CharField(max_length=200, index=True)
    nik = peewee.CharField(max_length=16, null=True, index=True)
    legal_number = peewee.CharField(max_length=100, default="")
    address = peewee.TextField(default="")
    occupation = peewee.CharField(max_length=100, default="")
    phone = peewee.CharField(max_length=50, default="", index=True)
    email = peewee.CharField(max_length=200, default="")
    created_at = peewee.DateTimeField(default=_now)


class Request(BaseModel):
    """One request for information: a line of the register book."""

    number = peewee.CharField(max_length=64, unique=True)
    year = peewee.IntegerField()
    seq = peewee.IntegerField(null=True)
    received_at = peewee.DateTimeField(index=True)
    effective_day = peewee.DateField()
    channel = peewee.CharField(max_length=16)
    requester = peewee.ForeignKeyField(Requester, backref="requests", on_delete="RESTRICT")
    proxy_name = peewee.CharField(max_length=200, default="")
    proxy_letter = peewee.CharField(max_length=200, default="")
    information = peewee.TextField()
    purpose = peewee.TextField(default="")
    obtain_method = peewee.CharField(max_length=32)
    delivery_method = peewee.CharField(max_length=32)
    status = peewee.CharField(max_length=24, index=True)
    completeness_due = peewee.DateField(null=True)
    response_due = peewee.DateField(index=True)
    extended_due = peewee.DateField()
    extended = peewee.BooleanField(default=False)
    internal_due = peewee.DateField(null=True)
    decision = peewee.CharField(max_length=24, null=True)
    decision_note = peewee.TextField(default="")
    pasal17 = peewee.CharField(max_length=32, default="")
    other_statute = peewee.TextField(default="")
    consequence_test = peewee.TextField(default="")
    holder_body = peewee.CharField(max_length=200, default="")
    notice_date = peewee.DateField(null=True)
    delivered_on = peewee.DateField(null=True)
    delivery_form = peewee.CharField(max_length=32, default="")
    pages = peewee.IntegerField(null=True)
    cost = peewee.IntegerField(null=True)
    payment_method = peewee.CharField(max_length=64, default="")
    closed_on = peewee.DateField(null=True)
    created_by = peewee.CharField(max_length=100, default="")
    imported = peewee.BooleanField(default=False)
    # The day the Atasan PPID ordered the information given (an objection overturned the
    # PPID): the notice is owed again, due ``order_days`` working days after it (migration 5).
    reopened_on = peewee.DateField(null=True)

    class Meta:
        indexes = ((("year", "seq"), True),)


class RequestUnit(BaseModel):
    """A routing (disposisi) of a request to a unit."""

    request = peewee.ForeignKeyField(Request, backref="routings", on_delete="CASCADE")
    unit = peewee.ForeignKeyField(Unit, backref="routings", on_delete="RESTRICT")
    note = peewee.TextField(default="")
    routed_at = peewee.DateTimeField(default=_now)

    class Meta:
        indexes = ((("request", "unit"), True),)


class RequestEvent(BaseModel):
    """One step in a request's life; append-only."""

    request = peewee.ForeignKeyField(Request, backref="events", on_delete="CASCADE")
    kind = peewee.CharField(max_length=32)
    at = peewee.DateTimeField()
    actor = peewee.CharField(max_length=100, default="")
    data = peewee.TextField(default="{}")
    imported = peewee.BooleanField(default=False)


class Attachment(BaseModel):
    """A file kept with a request (KTP scan, letter), copied into the data folder."""

    request = peewee.ForeignKeyField(Request, backref="attachments", on_delete="RESTRICT")
    kind = peewee.CharField(max_length=32)
    filename = peewee.CharField(max_length=255)
    stored_name = peewee.CharField(max_length=255, unique=True)
    sha256 = peewee.CharField(max_length=64)
    size = peewee.IntegerField()
    added_at = peewee.DateTimeField(default=_now)
    added_by = peewee.CharField(max_length=100, default="")


class Counter(BaseModel):
    """The last sequence number given out per series and year (never reused)."""

    series = peewee.CharField(max_length=32)
    year = peewee.IntegerField()
    last = peewee.IntegerField(default=0)

    class Meta:
        primary_key = peewee.CompositeKey("series", "year")


ALL_MODELS = (*ALL_MODELS, Requester, Request, RequestUnit, RequestEvent, Attachment, Counter)


# --- issued documents (migration 4) -------------------------------------------------

class IssuedDocument(BaseModel):
    """A printed document as it was issued: its number and PDF bytes; append-only.

    It belongs to a request (``request``) or, from migration 6 on, to an objection
    (``objection``; ``request`` is then NULL): exactly one of the two is set.
    ``source_hash`` is the SHA-256 of the canonical JSON of the register data the
    document was built from: printing the same document again gives this row's PDF
    marked SALINAN, changed data issues a new document.
    """

    request = peewee.ForeignKeyField(Request, null=True, backref="documents", on_delete="RESTRICT")
    kind = peewee.CharField(max_length=32)
    letter_number = peewee.CharField(max_length=100, unique=True)
    source_hash = peewee.CharField(max_length=64)
    pdf = peewee.BlobField()
    sha256 = peewee.CharField(max_length=64)
    paper = peewee.CharField(max_length=8)
    issued_at = peewee.DateTimeField(default=_now)
    issued_by = peewee.CharField(max_length=100, default="")
    # ``objection`` (migration 6) is added below, once Objection is declared.

    class Meta:
        indexes = ((("request", "kind", "source_hash"), False), (("objection", "kind", "source_hash"), False))


# --- objections (migration 5) ----------------------------------------------------------

class Objection(BaseModel):
    """One objection (keberatan) to the Atasan PPID: a line of the register keberatan.

    ``request`` is NULL for a standalone objection (the office has no record of the
    request). ``grounds`` holds the Pasal 35(1) letters, sorted and comma-separated
    ("a,c"). ``dispute_window_due`` is the last day to take the matter to the Komisi
    Informasi: 14 working days after the response was handed over, or after
    ``answer_due`` while no answer came.
    """

    number = peewee.CharField(max_length=64, unique=True)
    year = peewee.IntegerField()
    seq = peewee.IntegerField(null=True)
    received_at = peewee.DateTimeField(index=True)
    effective_day = peewee.DateField()
    request = peewee.ForeignKeyField(Request, null=True, backref="objections", on_delete="RESTRICT")
    request_reference = peewee.CharField(max_length=200, default="")
    requester = peewee.ForeignKeyField(Requester, backref="objections", on_delete="RESTRICT")
    proxy_name = peewee.CharField(max_length=200, default="")
    proxy_letter = peewee.CharField(max_length=200, default="")
    information = peewee.TextField(default="")
    purpose = peewee.TextField(default="")
    grounds = peewee.CharField(max_length=16)
    case_summary = peewee.TextField(default="")
    status = peewee.CharField(max_length=24, index=True)
    answer_due = peewee.DateField(index=True)
    late_filing = peewee.BooleanField(default=False)
    decision = peewee.CharField(max_length=16, null=True)
    decision_reasons = peewee.TextField(default="")
    order_text = peewee.TextField(default="")
    decided_on = peewee.DateField(null=True)
    atasan_name = peewee.CharField(max_length=200, default="")
    atasan_title = peewee.CharField(max_length=200, default="")
    response_handed_on = peewee.DateField(null=True)
    objector_response = peewee.CharField(max_length=24, null=True)
    dispute_window_due = peewee.DateField()
    dispute_number = peewee.CharField(max_length=100, default="")
    dispute_registered_on = peewee.DateField(null=True)
    dispute_outcome = peewee.TextField(default="")
    closed_on = peewee.DateField(null=True)
    created_by = peewee.CharField(max_length=100, default="")
    imported = peewee.BooleanField(default=False)

    class Meta:
        indexes = ((("year", "seq"), True),)


class ObjectionEvent(BaseModel):
    """One step in an objection's life; append-only."""

    objection = peewee.ForeignKeyField(Objection, backref="events", on_delete="CASCADE")
    kind = peewee.CharField(max_length=32)
    at = peewee.DateTimeField()
    actor = peewee.CharField(max_length=100, default="")
    data = peewee.TextField(default="{}")
    imported = peewee.BooleanField(default=False)


# --- objection documents (migration 6) -------------------------------------------------

# The last column of issued_document; NULL for a request's document.
IssuedDocument._meta.add_field(
    "objection", peewee.ForeignKeyField(Objection, null=True, backref="documents", on_delete="RESTRICT"))

ALL_MODELS = (*ALL_MODELS, IssuedDocument, Objection, ObjectionEvent)


# --- the DIP catalogue (migration 7) -----------------------------------------------------

class DipEntry(BaseModel):
    """One line of the Daftar Informasi Publik (DIP), the Perki columns plus its class.

    The holder is a unit (``unit``) or, for an imported line that names no known unit,
    the text as written (``holder_name``). ``info_class`` is a
    :class:`ppid_desk.dip.codes.InfoClass` code; only an excluded (``dikecualikan``)
    entry carries the classification decision (``pasal17`` letters sorted and
    comma-separated, consequence, exclusion period, deciding PPID, decision number and
    date). Entries are retired (``active`` false), never deleted: requests link to them.
    """

    summary = peewee.TextField()
    unit = peewee.ForeignKeyField(Unit, null=True, backref="dip_entries", on_delete="RESTRICT")
    holder_name = peewee.CharField(max_length=200, default="")
    official = peewee.CharField(max_length=200, default="")
    made = peewee.CharField(max_length=200, default="")
    format = peewee.CharField(max_length=100, default="")
    retention = peewee.CharField(max_length=100, default="")
    info_class = peewee.CharField(max_length=16, index=True)
    pasal17 = peewee.CharField(max_length=32, default="")
    other_statute = peewee.TextField(default="")
    consequence = peewee.TextField(default="")
    exclusion_period = peewee.CharField(max_length=100, default="")
    decided_by = peewee.CharField(max_length=200, default="")
    decision_number = peewee.CharField(max_length=100, default="")
    decision_date = peewee.DateField(null=True)
    active = peewee.BooleanField(default=True, index=True)
    created_at = peewee.DateTimeField(default=_now)
    created_by = peewee.CharField(max_length=100, default="")
    updated_at = peewee.DateTimeField(default=_now)
    updated_by = peewee.CharField(max_length=100, default="")


class DipEvent(BaseModel):
    """One change of a DIP entry (added, edited, retired, reactivated, imported); append-only."""

    entry = peewee.ForeignKeyField(DipEntry, backref="events", on_delete="CASCADE")
    kind = peewee.CharField(max_length=32)
    at = peewee.DateTimeField()
    actor = peewee.CharField(max_length=100, default="")
    data = peewee.TextField(default="{}")


# The last column of request: the DIP entry the request was linked to (NULL: none).
Request._meta.add_field("dip_entry", peewee.ForeignKeyField(DipEntry, null=True, backref="requests",
                                                            on_delete="RESTRICT"))

ALL_MODELS = (*ALL_MODELS, DipEntry, DipEvent)


class InboxMessage(BaseModel):
    """A message that came by SMS, email, telephone or the website (seed 001): a line of
    the inbox register book. ``response_due``/``extended_due`` count from the recording
    (``effective_day`` is the day ``recorded_at`` counts as); ``request`` is the request
    a message of kind permohonan was turned into."""

    number = peewee.CharField(max_length=64, unique=True)
    year = peewee.IntegerField()
    seq = peewee.IntegerField()
    received_at = peewee.DateTimeField()
    recorded_at = peewee.DateTimeField(index=True)
    effective_day = peewee.DateField()
    channel = peewee.CharField(max_length=20)
    kind = peewee.CharField(max_length=20, index=True)
    sender = peewee.CharField(max_length=200)
    contact = peewee.CharField(max_length=200, default="")
    text = peewee.TextField()
    status = peewee.CharField(max_length=24, index=True)
    unit = peewee.ForeignKeyField(Unit, null=True, backref="messages", on_delete="RESTRICT")
    response_due = peewee.DateField(index=True)
    extended_due = peewee.DateField()
    extended = peewee.BooleanField(default=False)
    answer = peewee.TextField(default="")
    answered_at = peewee.DateTimeField(null=True)
    answered_by = peewee.CharField(max_length=100, default="")
    request = peewee.ForeignKeyField(Request, null=True, backref="messages", on_delete="RESTRICT")
    created_by = peewee.CharField(max_length=100, default="")

    class Meta:
        indexes = ((("year", "seq"), True),)


class InboxEvent(BaseModel):
    """One step in a message's life; append-only."""

    message = peewee.ForeignKeyField(InboxMessage, backref="events", on_delete="CASCADE")
    kind = peewee.CharField(max_length=32)
    at = peewee.DateTimeField()
    actor = peewee.CharField(max_length=100, default="")
    data = peewee.TextField(default="{}")


ALL_MODELS = (*ALL_MODELS, InboxMessage, InboxEvent)


class OfficerAccount(BaseModel):
    """An officer who logs in (ppid_desk.accounts): ``roles`` are comma-separated
    :class:`ppid_desk.accounts.roles.Role` codes; the password is kept only as its scrypt
    hash with the salt and the parameters (``kdf``, e.g. "scrypt:n=16384,r=8,p=1").
    The lock-out state (failed attempts, locked until) lives here so a restart does not
    reset it. Officers are deactivated, never deleted: the audit log names them."""

    username = peewee.CharField(max_length=64, unique=True)
    name = peewee.CharField(max_length=200)
    roles = peewee.CharField(max_length=100)
    password_hash = peewee.CharField(max_length=128)
    salt = peewee.CharField(max_length=64)
    kdf = peewee.CharField(max_length=64)
    active = peewee.BooleanField(default=True)
    failed_attempts = peewee.IntegerField(default=0)
    locked_until = peewee.DateTimeField(null=True)
    must_change_password = peewee.BooleanField(default=False)
    last_login_at = peewee.DateTimeField(null=True)
    created_at = peewee.DateTimeField(default=_now)
    created_by = peewee.CharField(max_length=100, default="")
    updated_at = peewee.DateTimeField(default=_now)
    updated_by = peewee.CharField(max_length=100, default="")

    class Meta:
        table_name = "officer"


class AuditEntry(BaseModel):
    """One line of the audit log (ppid_desk.audit): append-only, each line holding the
    SHA-256 of the one before (``prev_hash``) and its own (``hash``)."""

    at = peewee.DateTimeField()
    actor_name = peewee.CharField(max_length=200)
    actor_username = peewee.CharField(max_length=64, default="")
    action = peewee.CharField(max_length=48)
    target_kind = peewee.CharField(max_length=32, default="")
    target_id = peewee.CharField(max_length=100, default="")
    summary = peewee.TextField()
    data = peewee.TextField(default="{}")
    prev_hash = peewee.CharField(max_length=64)
    hash = peewee.CharField(max_length=64)

    class Meta:
        table_name = "audit_log"
        # action: migration 10, for the newest reset of the log (ppid_desk.audit._newest_reset)
        indexes = ((("target_kind", "target_id"), False), (("action",), False))


ALL_MODELS = (*ALL_MODELS, OfficerAccount, AuditEntry)


class NumberBlock(BaseModel):
    """Sequence numbers ``first``..``last`` (inclusive) of ``series`` in ``year`` reserved by
    one desk (``desk``: its random id, ppid_desk.offline) while connected, used only by that
    desk while the server cannot be reached (migration 10). The numbers a desk never used
    stay reserved (gaps an auditor can explain); ``released``: the desk will not use them."""

    series = peewee.CharField(max_length=32)
    year = peewee.IntegerField()
    desk = peewee.CharField(max_length=64, index=True)
    first = peewee.IntegerField()
    last = peewee.IntegerField()
    reserved_at = peewee.DateTimeField(default=_now)
    reserved_by = peewee.CharField(max_length=100, default="")
    released = peewee.BooleanField(default=False)
    released_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "number_block"
        indexes = ((("series", "year", "first"), True),)




class AttachmentBlob(BaseModel):
    """The bytes of an attachment on a server register (migration 10), so that every desk
    can open it; a SQLite register keeps attachments only as files in its data folder."""

    attachment = peewee.ForeignKeyField(Attachment, primary_key=True, backref="blob", on_delete="RESTRICT")
    data = peewee.BlobField()

    class Meta:
        table_name = "attachment_blob"


ALL_MODELS = (*ALL_MODELS, NumberBlock, AttachmentBlob)
