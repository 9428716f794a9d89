"""Run real actions against real rasa-sdk trackers, in-process (the same way `make content` does), and a
migrated SQLite database for the actions that create, check or erase cases (`cases_db`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from rasa_sdk import Action

from actions.message_parts import message
from actions.review import simulate, tracker
from bot.storage import migrate
from bot.storage.db import engine


@pytest.fixture(autouse=True)
def team_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hotline team is open, whatever the hour the tests run (answers offer a person only when someone can
    answer); the tests of the closed hours set their own."""
    monkeypatch.setenv("RELAIS_OPENING_HOURS", "always")


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


def make_tracker(intent: str, slots: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    return tracker(intent, slots or {}, **kwargs)


def run(action: Action, intent: str, slots: dict[str, Any] | None = None, **kwargs: Any) -> Outcome:
    return Outcome(*simulate(action, make_tracker(intent, slots, **kwargs)))



def spoken(language: str, key: str, **params: Any) -> str:
    """The whole text a message `key` sends: its core, then its rest (`key.rest`) when it has one."""
    return str(message(language, key, params)["text"])


@pytest.fixture
def cases_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """DATABASE_URL on a fresh, migrated SQLite file, as the action server opens it (`session()`)."""
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine.cache_clear()
    migrate.upgrade(url)
    yield url
    engine.cache_clear()
