"""Which step may follow which: the objection's state machine.

registered --forward--> forwarded (checked by the PPID unit, sent to the Atasan PPID)
--decide--> decided --hand over--> response handed over --accept--> accepted --close-->
closed; or --dispute--> dispute (Komisi Informasi: registration and outcome recorded when
known) --close--> closed. The objector may also go to the Komisi Informasi when the
Atasan PPID has not answered by the 30th working day, and may withdraw the objection
until it is decided.

Every refusal is a :class:`ValidationError` whose message says, in Indonesian, why the
step is not possible now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..errors import ValidationError
from .codes import Status


class Action(StrEnum):
    FORWARD = "forward"
    DECIDE = "decide"
    HAND_OVER = "hand_over"
    ACCEPT = "accept"
    DISPUTE = "dispute"
    RECORD_DISPUTE = "record_dispute"
    RECORD_OUTCOME = "record_outcome"
    CLOSE = "close"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.FORWARD: "Teruskan ke Atasan PPID",
    Action.DECIDE: "Catat keputusan Atasan PPID",
    Action.HAND_OVER: "Serahkan tanggapan",
    Action.ACCEPT: "Pemohon menerima tanggapan",
    Action.DISPUTE: "Pemohon mengajukan sengketa",
    Action.RECORD_DISPUTE: "Catat registrasi sengketa",
    Action.RECORD_OUTCOME: "Catat putusan sengketa",
    Action.CLOSE: "Tutup",
    Action.WITHDRAW: "Ditarik pemohon",
}

FROM: dict[Action, tuple[Status, ...]] = {
    Action.FORWARD: (Status.REGISTERED,),
    Action.DECIDE: (Status.FORWARDED,),
    Action.HAND_OVER: (Status.DECIDED,),
    Action.ACCEPT: (Status.RESPONSE_HANDED_OVER,),
    # Before a response is handed over only once the 30 working days ran out (Pasal 36/37).
    Action.DISPUTE: (Status.REGISTERED, Status.FORWARDED, Status.DECIDED, Status.RESPONSE_HANDED_OVER),
    Action.RECORD_DISPUTE: (Status.DISPUTE,),
    Action.RECORD_OUTCOME: (Status.DISPUTE,),
    Action.CLOSE: (Status.RESPONSE_HANDED_OVER, Status.ACCEPTED, Status.DISPUTE),
    Action.WITHDRAW: (Status.REGISTERED, Status.FORWARDED),
}


@dataclass(frozen=True)
class ObjectionState:
    """What the state machine needs to know of an objection."""

    status: Status
    answer_due: date
    dispute_window_due: date
    dispute_registered: bool = False
    outcome_recorded: bool = False


@dataclass(frozen=True)
class ActionState:
    action: Action
    allowed: bool
    reason: str  # why not, when not allowed


def refusal(state: ObjectionState, action: Action, today: date) -> str | None:
    """None when ``action`` may be taken now, else the reason (Indonesian)."""
    if state.status not in FROM[action]:
        return f"Tidak dapat \u201c{action.label.lower()}\u201d: status keberatan {state.status.label.lower()}."
    if action is Action.DISPUTE and state.status is not Status.RESPONSE_HANDED_OVER and today <= state.answer_due:
        return (f"Atasan PPID masih dapat menjawab sampai {state.answer_due:%d-%m-%Y} (hari kerja ke-30); "
                "sengketa diajukan setelah tanggapan diserahkan atau setelah batas itu lewat.")
    if action is Action.RECORD_DISPUTE and state.dispute_registered:
        return "Nomor registrasi sengketa sudah dicatat."
    if action is Action.RECORD_OUTCOME and state.outcome_recorded:
        return "Putusan sengketa sudah dicatat."
    if action is Action.CLOSE:
        if state.status is Status.RESPONSE_HANDED_OVER and today <= state.dispute_window_due:
            return (f"Pemohon masih dapat mengajukan sengketa sampai {state.dispute_window_due:%d-%m-%Y}; "
                    "catat tanggapan pemohon atau tunggu batas itu lewat.")
        if state.status is Status.DISPUTE and not state.outcome_recorded:
            if state.dispute_registered or today <= state.dispute_window_due:
                return "Sengketa masih berjalan di Komisi Informasi; catat putusannya dulu."
    return None


def check(state: ObjectionState, action: Action, today: date) -> None:
    reason = refusal(state, action, today)
    if reason:
        raise ValidationError(reason, "status")


def available(state: ObjectionState, today: date) -> list[ActionState]:
    """Every action with whether it is allowed now and, if not, why."""
    result = []
    for action in Action:
        reason = refusal(state, action, today)
        result.append(ActionState(action, reason is None, reason or ""))
    return result
