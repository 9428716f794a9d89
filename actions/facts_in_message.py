"""Facts a message carries besides its intent: an age, links, platforms."""

from __future__ import annotations

import re
from typing import Any, List

from rasa_sdk import Tracker

from actions.knowledge.facts import ADULT_AGE

_NUMBER = re.compile(r"\d{1,3}")


def _values(tracker: Tracker, entity: str) -> List[Any]:
    entities = (tracker.latest_message or {}).get("entities") or []
    return [e.get("value") for e in entities if e.get("entity") == entity and e.get("value") is not None]


def age(tracker: Tracker) -> int | None:
    for value in _values(tracker, "age"):
        match = _NUMBER.search(str(value))
        if match:
            return int(match.group())
    return None


def is_minor_age(tracker: Tracker) -> bool:
    found = age(tracker)
    return found is not None and found < ADULT_AGE


def platforms(tracker: Tracker) -> List[str]:
    return [str(value) for value in _values(tracker, "platform")]


def mentions_links_or_platforms(tracker: Tracker) -> bool:
    return bool(_values(tracker, "url") or _values(tracker, "platform"))
