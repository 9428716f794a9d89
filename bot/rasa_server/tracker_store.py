"""Rasa's SQL tracker store, minus the PINs of new reports, read faster (endpoints.yml `tracker_store.type`).

The action that opens a report says "your PIN is 122775" and puts reference and PIN in the message's
`parts` (actions/message_parts.py). Rasa delivers that message from memory, through the victim's
channel, before it saves the turn; this store writes it to the database with the PIN replaced by
PIN_MASK in the text and sealed in the parts (bot/cases/pin_seal.py). So neither the tracker, nor
Rasa's API, nor the staff console ever has it in clear.

Reading a tracker is Rasa's own query and replay, with one difference: Rasa 3.6.21 finds each stored
event's class by walking every subclass of Event (`Event.resolve_by_type`, with an `inspect.isabstract`
check each), for every event of the session at every turn; that was about nine tenths of a long
conversation's retrieval. Here the classes are listed once per retrieval (`deserialised`).

Its connections are tested before use (SQLAlchemy's `pool_pre_ping`). Rasa 3.6 builds the store's engine
itself (`sa.create_engine(url, **create_engine_kwargs(url))`: a pool of 50 on PostgreSQL, no pre-ping) and
offers no setting for it, so after PostgreSQL restarted or failed over, or an administrator terminated
the backends, every pooled connection was dead and each turn that drew one failed. The engine is built
again here, the same way plus the pre-ping: a dead connection is replaced at check-out, and only a turn
whose statement was running at the very moment of the cut fails (the channels then say so,
bot/channels/turn_failure.py).

That turn must fail. Rasa's agent wraps every tracker store in `FailSafeTrackerStore`, which on an error
saves the turn into an in-memory store of this process instead and answers as if nothing happened (the
turn is lost: `make bench-load` counted one "answered but not recorded" in a PostgreSQL cut), and on a
read error hands back no tracker, so the conversation would start over (and the HTTP API would show an
empty tracker, which a client would take for "not recorded" and resend). With replicas an in-memory copy
is never right; `fail_loudly` makes that wrapper re-raise.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any, Dict, Iterator, List, Type

import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import BotUttered, Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses
from sqlalchemy.orm import sessionmaker

from bot.cases.pin_seal import seal
from bot.settings import load

PIN_MASK = "••••••"


def without_pin(event: Event, rasa_token: str) -> Event:
    """`event` itself, or a copy of a bot message that carries a report's PIN, with the PIN masked and sealed."""
    if not isinstance(event, BotUttered):
        return event
    case = ((event.metadata or {}).get("parts") or {}).get("case")
    pin = case.get("pin") if isinstance(case, dict) else None
    if not pin:
        return event
    metadata: dict[str, Any] = copy.deepcopy(event.metadata)
    stored_case = metadata["parts"]["case"]
    del stored_case["pin"]
    stored_case["sealed_pin"] = seal(str(pin), rasa_token)
    digits = re.compile(rf"(?<!\d){re.escape(str(pin))}(?!\d)")
    return BotUttered(
        digits.sub(PIN_MASK, event.text or "") if event.text else event.text,
        copy.deepcopy(event.data),
        metadata,
        timestamp=event.timestamp,
    )


def deserialised(serialised: List[Dict[str, Any]]) -> List[Event]:
    """Rasa's `deserialise_events` (same classes, same `_from_parameters`, same events left out), with the
    event classes looked up in a table made once per call instead of once per event.

    Raises ValueError for an unknown event name, as Rasa does.
    """
    classes: Dict[str, Type[Event]] = {}
    for event_class in all_subclasses(Event):
        classes.setdefault(event_class.type_name, event_class)  # the first found wins, as in resolve_by_type
    events: List[Event] = []
    for parameters in serialised:
        if "event" not in parameters:
            continue
        event_class = classes.get(parameters["event"])
        event = event_class._from_parameters(parameters) if event_class else Event.from_parameters(parameters)
        if event:
            events.append(event)
    return events


def pinged_engine(engine: sa.engine.Engine) -> sa.engine.Engine:
    """An engine on `engine`'s URL with Rasa's own options (`create_engine_kwargs`: pool size, schema) and
    `pool_pre_ping`; `engine` is disposed of (its connections closed)."""
    url = engine.url
    engine.dispose()
    return sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))


class PrivateSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose new events are stored without a report's PIN, read faster, on connections
    tested before use (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rasas: sa.engine.Engine = self.engine  # type: ignore[has-type]  # made by Rasa's __init__, untyped
        self.engine = pinged_engine(rasas)
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            serialised = [json.loads(row.data) for row in rows]
        if not (self.domain and serialised):
            return None
        return DialogueStateTracker.from_events(sender_id, deserialised(serialised), self.domain.slots)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        token = load().rasa_token()
        return (without_pin(event, token) for event in super()._additional_events(session, tracker))


def _reraise(store: FailSafeTrackerStore, error: Exception) -> None:
    raise error


def fail_loudly() -> None:
    """Make Rasa's `FailSafeTrackerStore` re-raise the tracker store's errors instead of falling back to
    memory (module docstring); once per process, from the Rasa server's plugin hook."""
    FailSafeTrackerStore.on_tracker_store_error = _reraise
    FailSafeTrackerStore.on_tracker_store_retrieve_error = _reraise
