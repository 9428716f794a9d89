"""What Rasa sends the action server: the events Relais' actions read, not the whole session.

Rasa 3.6 posts the tracker to the action server for every custom action, with every event of the
session (`RemoteAction._action_call_format`, EventVerbosity.ALL): about 9 events a turn, so about 900
events and hundreds of KB of JSON after 100 turns, encoded by Rasa and decoded by rasa-sdk every turn.
The slots, the latest message, the active form, the pause and the latest action travel beside the
events, so the actions read only a few events:
- the current turn's (rasa-sdk's `slots_to_validate`, `get_latest_input_channel`): the events from
  the second-to-last user message on are kept;
- whether the bot has spoken yet (actions/conversation.py, the first greeting): the session's events
  up to its first bot message are kept;
- the latest known country set in the session (actions/jurisdiction.py `country_slot`): every event
  that sets a slot of KEPT_SLOTS is kept (a few per conversation).
Events keep their order; the others are left out. Rasa's plugin hook `prefix_stripping_for_custom_actions`
is the one place Rasa lets a plugin change the request body before it is sent (checked in 3.6.21).
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence

import pluggy

hookimpl = pluggy.HookimplMarker("rasa")

KEPT_SLOTS = frozenset({"country"})
"""Slots whose history an action reads back (country_slot passes over a value that is not a country)."""
RECENT_USER_MESSAGES = 2
"""The events from this many user messages back are sent whole: the current turn and the one before."""

Event = Dict[str, Any]


def kept_events(events: Sequence[Event]) -> List[Event]:
    """The events of `events` (Rasa's serialised events, oldest first) that an action may read, in order.

    At most: the events up to the first bot message, the slot events of KEPT_SLOTS, and the events from
    the RECENT_USER_MESSAGES-th last user message on; so the count stays bounded as a conversation grows.
    """
    users = [index for index, event in enumerate(events) if event.get("event") == "user"]
    recent = users[-RECENT_USER_MESSAGES] if len(users) >= RECENT_USER_MESSAGES else 0
    first_bot = next((index for index, event in enumerate(events) if event.get("event") == "bot"), None)
    opening = 0 if first_bot is None else min(first_bot + 1, recent)
    middle = [
        event for event in events[opening:recent] if event.get("event") == "slot" and event.get("name") in KEPT_SLOTS
    ]
    return [*events[:opening], *middle, *events[recent:]]


class SmallActionPayload:
    """A Rasa plugin: the action server's request carries kept_events only (see the module docstring)."""

    @hookimpl
    def prefix_stripping_for_custom_actions(self, json_body: Dict[str, Any]) -> Dict[str, Any]:
        tracker = json_body.get("tracker") or {}
        events = tracker.get("events")
        if not events:
            return json_body
        return {**json_body, "tracker": {**tracker, "events": kept_events(events)}}
