"""The intake's modules in-process: a Turn on a real rasa-sdk Tracker (the migrated SQLite database,
`cases_db`, is in `tests/actions/conftest.py`)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.reply import Turn
from actions.review import tracker


def turn_for(
    language: str, slots: dict[str, Any] | None = None, text: str = "", intent: str = "inform", **kwargs: Any
) -> Turn:
    """A turn whose latest message is `text` (with `intent`), in a conversation holding `slots`."""
    conversation = tracker(intent, {"language": language, **(slots or {})}, text=text, **kwargs)
    return Turn(CollectingDispatcher(), conversation, language)


def said(turn: Turn) -> str:
    return "\n".join(str(message.get("text") or "") for message in turn.dispatcher.messages)
