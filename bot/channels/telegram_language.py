"""The language of the channel's own texts: the start warning, the media refusal, the analyst label.

The conversation language (the `language` slot) wins. Telegram's
`language_code` is a weak hint, used as actions/language.py uses `language_hint`: only
while the conversation has no language yet.
"""

from __future__ import annotations

from typing import Any

from vocabulary.languages import SUPPORTED

HINT_KEY = "language_hint"
DEFAULT_LANGUAGE = "en"


def supported(code: Any) -> str | None:
    """`code` ("fr", "ko-KR", "en_GB") as a Relais language, or None."""
    if not isinstance(code, str):
        return None
    language = code.strip().lower().replace("_", "-").split("-")[0]
    return language if language in SUPPORTED else None


class ConversationLanguage:
    """Reads the language from Rasa's tracker store once the server runs."""

    def __init__(self) -> None:
        self._app: Any = None

    def bind(self, app: Any) -> None:
        """Rasa's Sanic app; its agent (and tracker store) may be replaced when a model is loaded."""
        self._app = app

    async def of(self, chat_id: str, hint: str | None = None) -> str:
        tracker = await self._tracker(chat_id)
        if tracker is None:
            return supported(hint) or DEFAULT_LANGUAGE
        chosen = supported(tracker.get_slot("language"))
        remembered = supported((tracker.latest_message.metadata or {}).get(HINT_KEY))
        return chosen or supported(hint) or remembered or DEFAULT_LANGUAGE

    async def _tracker(self, chat_id: str) -> Any:
        agent = getattr(getattr(self._app, "ctx", None), "agent", None)
        if agent is None or agent.tracker_store is None:
            return None
        return await agent.tracker_store.retrieve(chat_id)
