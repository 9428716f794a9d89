"""Run real actions against real rasa-sdk trackers, in-process."""

from __future__ import annotations

import asyncio
from typing import Any, Iterable

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

LANGUAGES = ("fr", "ko", "en")


class Outcome:
    def __init__(self, messages: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
        self.messages = messages
        self.events = events

    @property
    def texts(self) -> list[str]:
        return [m.get("text") or "" for m in self.messages]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def payloads(self) -> list[str]:
        return [b["payload"] for m in self.messages for b in m.get("buttons") or []]

    def slot(self, name: str) -> Any:
        values = [e["value"] for e in self.events if e.get("event") == "slot" and e.get("name") == name]
        return values[-1] if values else None


def make_tracker(
    intent: str,
    text: str = "",
    entities: Iterable[dict[str, Any]] = (),
    slots: dict[str, Any] | None = None,
    detection: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
    events: Iterable[dict[str, Any]] = (),
) -> Tracker:
    return Tracker(
        sender_id="test",
        slots=dict(slots or {}),
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": list(entities),
            "language_detection": detection or {"language": None, "reliable": False},
            "metadata": metadata or {},
        },
        events=list(events),
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(action: Action, **tracker_args: Any) -> Outcome:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, make_tracker(**tracker_args), {}))
    return Outcome(dispatcher.messages, events)


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)
