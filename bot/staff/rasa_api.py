"""Talking to Rasa's HTTP API on the analysts' behalf; the wire format of every event we append is built here.

Events are appended with `output_channel=latest&execute_side_effects=true`, so Rasa delivers bot
events through the channel the victim last wrote from (RASA_NOTES: without side effects they are only
recorded). Pause and resume are Rasa's own `ConversationPaused` / `ConversationResumed`.
"""

from __future__ import annotations

from typing import Any, Dict, List
from urllib.parse import quote

import aiohttp

from bot.settings import Settings

Event = Dict[str, Any]
TIMEOUT = aiohttp.ClientTimeout(total=30)


class RasaUnavailableError(RuntimeError):
    """Rasa refused or failed; the console tells the analyst instead of pretending it worked."""


def pause() -> Event:
    return {"event": "pause"}


def resume() -> Event:
    return {"event": "resume"}


def listen() -> Event:
    return {"event": "action", "name": "action_listen"}


def slot(name: str, value: Any) -> Event:
    return {"event": "slot", "name": name, "value": value}


def bot_text(text: str) -> Event:
    """A status line from the assistant ("You are now talking with an analyst")."""
    return {"event": "bot", "text": text}


def analyst_message(text: str) -> Event:
    """An analyst's words, marked so channels label them as from a person (the analyst contract in the README)."""
    return {"event": "bot", "text": None, "data": {"custom": {"data": {"text": text, "from": "analyst"}}}}


def _url(settings: Settings, sender_id: str, tail: str) -> str:
    return f"{settings.rasa_url}/conversations/{quote(sender_id, safe='')}/{tail}"


async def append(http: aiohttp.ClientSession, settings: Settings, sender_id: str, events: List[Event]) -> None:
    params = {"output_channel": "latest", "execute_side_effects": "true", "token": settings.rasa_token()}
    try:
        async with http.post(
            _url(settings, sender_id, "tracker/events"), params=params, json=events, timeout=TIMEOUT
        ) as response:
            if response.status != 200:
                raise RasaUnavailableError(f"Rasa answered {response.status}")
    except aiohttp.ClientError as error:
        raise RasaUnavailableError(str(error)) from error


async def tracker(http: aiohttp.ClientSession, settings: Settings, sender_id: str) -> Dict[str, Any]:
    params = {"include_events": "ALL", "token": settings.rasa_token()}
    try:
        async with http.get(_url(settings, sender_id, "tracker"), params=params, timeout=TIMEOUT) as response:
            if response.status != 200:
                raise RasaUnavailableError(f"Rasa answered {response.status}")
            return dict(await response.json())
    except aiohttp.ClientError as error:
        raise RasaUnavailableError(str(error)) from error
