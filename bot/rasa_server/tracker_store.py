"""Rasa's SQL tracker store, minus the PINs of new reports (endpoints.yml `tracker_store.type`).

The action that opens a report says "your PIN is 122775" and puts reference and PIN in the message's
`parts` (actions/message_parts.py). Rasa delivers that message from memory, through the victim's
channel, before it saves the turn; this store writes it to the database with the PIN replaced by
PIN_MASK in the text and sealed in the parts (bot/cases/pin_seal.py). So neither the tracker, nor
Rasa's API, nor the staff console ever has it in clear.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Iterator

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import BotUttered, Event
from rasa.shared.core.trackers import DialogueStateTracker

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


class PrivateSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose new events are stored without a report's PIN (see the module docstring)."""

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        token = load().rasa_token()
        return (without_pin(event, token) for event in super()._additional_events(session, tracker))
