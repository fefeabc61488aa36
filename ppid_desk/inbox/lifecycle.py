"""Which step may follow which: the inbox message's state machine (seed 001).

new --review--> reviewed (the PPID reads it and finds who holds the substance)
--forward--> forwarded to a unit; new, reviewed or forwarded --answer--> answered.
A message of kind ``permohonan`` may instead be turned into a request of the register
(--convert--> converted) while no answer was given. The answer time may be extended
once by at most 7 working days, until the 10th working day.

Every refusal is a :class:`ValidationError` whose message says, in Indonesian, why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..errors import ValidationError
from .codes import MessageKind, Status


class Action(StrEnum):
    REVIEW = "review"
    FORWARD = "forward"
    EXTEND = "extend"
    ANSWER = "answer"
    CONVERT = "convert"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.REVIEW: "Telaah PPID",
    Action.FORWARD: "Teruskan ke unit",
    Action.EXTEND: "Perpanjang waktu",
    Action.ANSWER: "Catat jawaban",
    Action.CONVERT: "Jadikan permohonan",
}

FROM: dict[Action, tuple[Status, ...]] = {
    Action.REVIEW: (Status.NEW,),
    Action.FORWARD: (Status.NEW, Status.REVIEWED, Status.FORWARDED),
    Action.EXTEND: (Status.NEW, Status.REVIEWED, Status.FORWARDED),
    Action.ANSWER: (Status.NEW, Status.REVIEWED, Status.FORWARDED),
    Action.CONVERT: (Status.NEW, Status.REVIEWED, Status.FORWARDED),
}


@dataclass(frozen=True)
class MessageState:
    status: Status
    kind: MessageKind
    response_due: date
    extended: bool


@dataclass(frozen=True)
class ActionState:
    action: Action
    allowed: bool
    reason: str


def refusal(state: MessageState, action: Action, today: date) -> str | None:
    """None when ``action`` may be taken now, else the reason (Indonesian)."""
    if state.status not in FROM[action]:
        return f"Tidak dapat \u201c{action.label.lower()}\u201d: status pesan {state.status.label.lower()}."
    if action is Action.CONVERT and state.kind is not MessageKind.REQUEST:
        return (f"Hanya pesan berjenis permohonan informasi yang dapat dijadikan permohonan; pesan ini "
                f"{state.kind.label.lower()}.")
    if action is Action.EXTEND:
        if state.extended:
            return "Waktu menjawab sudah pernah diperpanjang (hanya sekali, paling lama 7 hari kerja)."
        if today > state.response_due:
            return f"Perpanjangan hanya sampai hari kerja ke-10 ({state.response_due:%d-%m-%Y})."
    return None


def check(state: MessageState, action: Action, today: date) -> None:
    reason = refusal(state, action, today)
    if reason:
        raise ValidationError(reason, "status")


def available(state: MessageState, today: date) -> list[ActionState]:
    return [ActionState(a, (r := refusal(state, a, today)) is None, r or "") for a in Action]
