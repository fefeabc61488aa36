"""What the acting officer may do, on screen: the permission each step button needs, and
gates that keep a button or menu entry disabled (or hidden) with the reason as tooltip.

The core refuses anyway (``require`` in every service); the UI only saves the officer a
click that would end in a refusal, and says why beforehand with the core's own reason
(``refusal``: "Hanya PPID yang dapat memutuskan permohonan; peran Anda: Petugas.").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ppid_desk.accounts.officer import Actor, PermissionDenied, refusal
from ppid_desk.accounts.roles import Permission as P
from ppid_desk.inbox.lifecycle import Action as MessageAction
from ppid_desk.objections.lifecycle import Action as ObjectionAction
from ppid_desk.privacy import Masker
from ppid_desk.register.lifecycle import Action as RequestAction

from .session import current_actor, session

# The permissions each step of a record's page needs (the services' ``require`` calls).
# One dict per record kind: the three Action enums are StrEnums whose members compare
# equal across kinds ("decide" == "decide"), so they cannot share a dict.
REQUEST_STEPS: Mapping[RequestAction, tuple[P, ...]] = {
    RequestAction.MARK_INCOMPLETE: (P.MARK_INCOMPLETE,),
    RequestAction.COMPLETE: (P.COMPLETE,),
    RequestAction.LAPSE: (P.CLOSE,),
    RequestAction.ROUTE: (P.ROUTE,),
    RequestAction.EXTEND: (P.EXTEND,),
    RequestAction.DECIDE: (P.DECIDE,),
    RequestAction.DELIVER: (P.DELIVER,),
    RequestAction.CLOSE: (P.CLOSE,),
    RequestAction.WITHDRAW: (P.WITHDRAW,),
}
OBJECTION_STEPS: Mapping[ObjectionAction, tuple[P, ...]] = {
    ObjectionAction.FORWARD: (P.FORWARD_OBJECTION,),
    ObjectionAction.DECIDE: (P.DECIDE_OBJECTION,),
    ObjectionAction.HAND_OVER: (P.HAND_OVER_RESPONSE,),
    ObjectionAction.ACCEPT: (P.RECORD_DISPUTE,),
    ObjectionAction.DISPUTE: (P.RECORD_DISPUTE,),
    ObjectionAction.RECORD_DISPUTE: (P.RECORD_DISPUTE,),
    ObjectionAction.RECORD_OUTCOME: (P.RECORD_DISPUTE,),
    ObjectionAction.CLOSE: (P.CLOSE,),
    ObjectionAction.WITHDRAW: (P.WITHDRAW,),
}
MESSAGE_STEPS: Mapping[MessageAction, tuple[P, ...]] = {
    MessageAction.REVIEW: (P.RECORD_MESSAGE,),
    MessageAction.FORWARD: (P.RECORD_MESSAGE,),
    MessageAction.EXTEND: (P.RECORD_MESSAGE,),
    MessageAction.ANSWER: (P.ANSWER_MESSAGE,),
    MessageAction.CONVERT: (P.CONVERT_MESSAGE, P.REGISTER_REQUEST),
}

# Pengaturan's tabs and the Laporan page.
SETTINGS_PERMISSIONS: tuple[P, ...] = (P.EDIT_SETTINGS, P.EDIT_UNITS, P.EDIT_CALENDAR, P.BACKUP, P.RESTORE,
                                       P.MANAGE_USERS, P.VIEW_AUDIT)


def refusal_of(permissions: Iterable[P], actor: Actor | None = None) -> str | None:
    """The first reason ``actor`` (default: the acting officer) may not do all of
    ``permissions``, or None."""
    actor = current_actor() if actor is None else actor
    for permission in permissions:
        reason = refusal(actor, permission)
        if reason:
            return reason
    return None


def refusal_of_any(permissions: Iterable[P], actor: Actor | None = None) -> str | None:
    """None when ``actor`` (default: the acting officer) may do at least one of
    ``permissions``, else the first reason."""
    actor = current_actor() if actor is None else actor
    reasons = [refusal(actor, permission) for permission in permissions]
    if any(reason is None for reason in reasons):
        return None
    return reasons[0] if reasons else None


def masked_contact(contact: str, actor: Actor | None = None) -> str:
    """A phone number or an email address as ``actor`` (default: the acting officer) may see it."""
    mask = Masker.for_actor(current_actor() if actor is None else actor)
    return mask.email(contact) if "@" in (contact or "") else mask.phone(contact)


def document_refusal(kind: str, reprint: bool, actor: Actor | None = None) -> str | None:
    """Why ``actor`` (default: the acting officer) may not issue (or, ``reprint``, hand out
    again) a document of ``kind``; the core's own rule (``require_document``)."""
    from ppid_desk.reports.issuing import require_document  # not at start: only the detail pages ask

    try:
        require_document(current_actor() if actor is None else actor, str(kind), reprint)
    except PermissionDenied as exc:
        return exc.message
    return None


class Gate(QObject):
    """Keeps ``target`` (a widget or an action) enabled only while the acting officer holds
    every one of ``permissions``; otherwise disabled with the reason as its tooltip, or
    hidden (``hide``). Follows officer changes; lives as long as its target."""

    def __init__(self, target: QWidget | QAction, permissions: tuple[P, ...], hide: bool = False):
        super().__init__(target)
        self.target = target
        self.permissions = permissions
        self.hide = hide
        self.tooltip = target.toolTip()
        session().officerChanged.connect(self.apply)
        self.apply()

    def apply(self, *_args: object) -> None:
        reason = refusal_of(self.permissions)
        if self.hide:
            self.target.setVisible(reason is None)
        self.target.setEnabled(reason is None)
        self.target.setToolTip(self.tooltip if reason is None else reason)


def gate(target: QWidget | QAction, *permissions: P, hide: bool = False) -> Gate:
    """Gate ``target`` on ``permissions`` (see :class:`Gate`)."""
    return Gate(target, permissions, hide)
