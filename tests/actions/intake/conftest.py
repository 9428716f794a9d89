"""The intake's modules in-process: a Turn on a real rasa-sdk Tracker, and a migrated SQLite database
for the modules that create, check or erase cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.reply import Turn
from actions.review import tracker
from bot.storage import migrate
from bot.storage.db import engine


def turn_for(
    language: str, slots: dict[str, Any] | None = None, text: str = "", intent: str = "inform", **kwargs: Any
) -> Turn:
    """A turn whose latest message is `text` (with `intent`), in a conversation holding `slots`."""
    conversation = tracker(intent, {"language": language, **(slots or {})}, text=text, **kwargs)
    return Turn(CollectingDispatcher(), conversation, language)


def said(turn: Turn) -> str:
    return "\n".join(str(message.get("text") or "") for message in turn.dispatcher.messages)


@pytest.fixture
def cases_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """DATABASE_URL on a fresh, migrated SQLite file, as the action server opens it (`session()`)."""
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine.cache_clear()
    migrate.upgrade(url)
    yield url
    engine.cache_clear()
