"""An objection's events as a table, in the columns of the request's timeline."""

from __future__ import annotations

from ppid_desk.dates import clock, short_date
from ppid_desk.objections.codes import EventKind
from ppid_desk.objections.service import event_data, events_of

from ..register.timeline_model import TimelineModel
from .event_text import describe_objection_event


class ObjectionTimelineModel(TimelineModel):
    def load(self, objection_id: int | None) -> None:
        rows = []
        for event in events_of(objection_id) if objection_id else []:
            try:
                label = EventKind(event.kind).label
            except ValueError:
                label = event.kind
            when = f"{short_date(event.at.date())} {clock(event.at)}"
            rows.append((when, label, event.actor, describe_objection_event(event.kind, event_data(event))))
        self.set_rows(rows)
