"""Which step may follow which: the request's state machine.

Every refusal is a :class:`ValidationError` whose message says, in Indonesian, why the
step is not possible now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..errors import ValidationError
from .codes import GRANTED, Decision, Status


class Action(StrEnum):
    MARK_INCOMPLETE = "mark_incomplete"
    COMPLETE = "complete"
    LAPSE = "lapse"
    ROUTE = "route"
    EXTEND = "extend"
    DECIDE = "decide"
    DELIVER = "deliver"
    CLOSE = "close"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


class OrderAction(StrEnum):
    """Steps taken on another record's order, not from the request's own page.

    REOPEN: the Atasan PPID overturned the PPID on an objection and ordered the
    information given; the request is processed again with a new deadline.
    """

    REOPEN = "reopen"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.MARK_INCOMPLETE: "Persyaratan belum lengkap",
    Action.COMPLETE: "Persyaratan dilengkapi",
    Action.LAPSE: "Batalkan (tidak dilengkapi)",
    Action.ROUTE: "Disposisi ke unit",
    Action.EXTEND: "Perpanjang waktu",
    Action.DECIDE: "Putuskan",
    Action.DELIVER: "Serahkan informasi",
    Action.CLOSE: "Tutup",
    Action.WITHDRAW: "Ditarik pemohon",
    OrderAction.REOPEN: "Buka kembali atas perintah Atasan PPID",
}

FROM: dict[Action | OrderAction, tuple[Status, ...]] = {
    Action.MARK_INCOMPLETE: (Status.REGISTERED,),
    Action.COMPLETE: (Status.AWAITING_COMPLETENESS,),
    Action.LAPSE: (Status.AWAITING_COMPLETENESS,),
    Action.ROUTE: (Status.REGISTERED, Status.ROUTED),
    Action.EXTEND: (Status.REGISTERED, Status.ROUTED),
    Action.DECIDE: (Status.REGISTERED, Status.ROUTED),
    Action.DELIVER: (Status.DECIDED,),
    Action.CLOSE: (Status.DECIDED, Status.DELIVERED),
    Action.WITHDRAW: (Status.REGISTERED, Status.AWAITING_COMPLETENESS, Status.ROUTED, Status.DECIDED),
    # Whatever the PPID did (or failed to do), the order stands; only a request the
    # requester withdrew is not processed again.
    OrderAction.REOPEN: (Status.REGISTERED, Status.AWAITING_COMPLETENESS, Status.ROUTED, Status.DECIDED,
                         Status.DELIVERED, Status.CLOSED, Status.VOID),
}


@dataclass(frozen=True)
class RequestState:
    """What the state machine needs to know of a request."""

    status: Status
    extended: bool
    decision: Decision | None
    completeness_due: date | None
    response_due: date
    reopened: bool = False  # processed again on the Atasan PPID's order (the deadline is the order's)


@dataclass(frozen=True)
class ActionState:
    action: Action
    allowed: bool
    reason: str  # why not, when not allowed


def refusal(state: RequestState, action: Action | OrderAction, today: date) -> str | None:
    """None when ``action`` may be taken now, else the reason (Indonesian)."""
    if state.status not in FROM[action]:
        return f"Tidak dapat \u201c{action.label.lower()}\u201d: status permohonan {state.status.label.lower()}."
    if action is Action.EXTEND:
        if state.reopened:
            return "Tenggat pelaksanaan perintah Atasan PPID tidak dapat diperpanjang."
        if state.extended:
            return "Waktu sudah pernah diperpanjang; perpanjangan hanya sekali (paling lama 7 hari kerja)."
        if today > state.response_due:
            return (f"Perpanjangan harus diberitahukan paling lambat {state.response_due:%d-%m-%Y} "
                    "(hari kerja ke-10).")
    if action is Action.LAPSE and state.completeness_due and today <= state.completeness_due:
        return f"Batas melengkapi persyaratan belum lewat ({state.completeness_due:%d-%m-%Y})."
    if action is Action.DELIVER and state.decision not in GRANTED:
        return "Hanya permohonan yang dikabulkan yang informasinya diserahkan."
    if action is Action.CLOSE and state.status is Status.DECIDED and state.decision in GRANTED:
        return "Serahkan informasinya dulu sebelum menutup permohonan yang dikabulkan."
    return None


def check(state: RequestState, action: Action | OrderAction, today: date) -> None:
    reason = refusal(state, action, today)
    if reason:
        raise ValidationError(reason, "status")


def available(state: RequestState, today: date) -> list[ActionState]:
    """Every action of the request's page with whether it is allowed now and, if not, why."""
    result = []
    for action in Action:
        reason = refusal(state, action, today)
        result.append(ActionState(action, reason is None, reason or ""))
    return result
