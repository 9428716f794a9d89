"""Talking to Rasa's HTTP API on the analysts' behalf; the wire format of every event we append is built here.

Events are appended with `output_channel=latest&execute_side_effects=true`, so Rasa delivers bot
events through the channel the victim last wrote from (checked with Rasa 3.6.21: without side effects they are only
recorded). Pause and resume are Rasa's own `ConversationPaused` / `ConversationResumed`. Events are built with
`rasa_sdk.events` (the SDK's wire format, a plain dict; no ML stack is loaded), never by hand.
"""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List
from urllib.parse import quote

import aiohttp
from rasa_sdk import events

from bot.settings import Settings

Event = Dict[str, Any]


class RasaUnavailableError(RuntimeError):
    """Rasa refused, failed or could not be reached; the console tells the analyst instead of pretending it worked.

    Nothing sent in that request was applied (a refused connection or an error status).
    """


class RasaTimeoutError(RasaUnavailableError):
    """Rasa did not answer within RELAIS_STAFF_RASA_TIMEOUT seconds: what was sent may still be applied later."""


def _timeout(settings: Settings) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(total=settings.staff_rasa_timeout)


def pause() -> Event:
    return events.ConversationPaused()


def resume() -> Event:
    return events.ConversationResumed()


def listen() -> Event:
    return events.ActionExecuted("action_listen")


def slot(name: str, value: Any) -> Event:
    return events.SlotSet(name, value)


def bot_text(text: str) -> Event:
    """A status line from the assistant ("You are now talking with an analyst")."""
    return events.BotUttered(text)


def analyst_message(text: str) -> Event:
    """An analyst's words, marked so channels label them as from a person (the analyst contract in the README)."""
    return events.BotUttered(None, {"custom": {"data": {"text": text, "from": "analyst"}}})


def _url(settings: Settings, sender_id: str, tail: str) -> str:
    return f"{settings.rasa_url}/conversations/{quote(sender_id, safe='')}/{tail}"


async def append(http: aiohttp.ClientSession, settings: Settings, sender_id: str, new: List[Event]) -> None:
    """Append `new` events to the conversation and deliver its bot events to the victim's latest channel.

    Raises RasaTimeoutError after `settings.staff_rasa_timeout` seconds without an answer, and
    RasaUnavailableError when Rasa cannot be reached or answers anything but 200.
    """
    params = {"output_channel": "latest", "execute_side_effects": "true", "token": settings.rasa_token()}
    try:
        async with http.post(
            _url(settings, sender_id, "tracker/events"), params=params, json=new, timeout=_timeout(settings)
        ) as response:
            if response.status != 200:
                raise RasaUnavailableError(f"Rasa answered {response.status}")
    except asyncio.TimeoutError as error:
        raise RasaTimeoutError(f"no answer from Rasa in {settings.staff_rasa_timeout} s") from error
    except aiohttp.ClientError as error:
        raise RasaUnavailableError(str(error)) from error


async def execute(http: aiohttp.ClientSession, settings: Settings, sender_id: str, action: str) -> None:
    """Run the assistant's `action` in the conversation now, paused or not, its messages delivered to the victim's
    latest channel (Rasa 3.6's `POST /conversations/{id}/execute`, which logs a FutureWarning: deprecated,
    yet the one way to run an action in a paused conversation; checked with Rasa 3.6.21).

    Raises RasaTimeoutError or RasaUnavailableError as `append` does.
    """
    params = {"output_channel": "latest", "token": settings.rasa_token()}
    try:
        async with http.post(
            _url(settings, sender_id, "execute"), params=params, json={"name": action}, timeout=_timeout(settings)
        ) as response:
            if response.status != 200:
                raise RasaUnavailableError(f"Rasa answered {response.status}")
    except asyncio.TimeoutError as error:
        raise RasaTimeoutError(f"no answer from Rasa in {settings.staff_rasa_timeout} s") from error
    except aiohttp.ClientError as error:
        raise RasaUnavailableError(str(error)) from error


async def tracker(http: aiohttp.ClientSession, settings: Settings, sender_id: str) -> Dict[str, Any]:
    """The conversation's tracker with all its events (Rasa's JSON: `events`, `slots`, `paused`, ...).

    Raises RasaTimeoutError or RasaUnavailableError as `append` does.
    """
    params = {"include_events": "ALL", "token": settings.rasa_token()}
    try:
        url = _url(settings, sender_id, "tracker")
        async with http.get(url, params=params, timeout=_timeout(settings)) as response:
            if response.status != 200:
                raise RasaUnavailableError(f"Rasa answered {response.status}")
            return dict(await response.json())
    except asyncio.TimeoutError as error:
        raise RasaTimeoutError(f"no answer from Rasa in {settings.staff_rasa_timeout} s") from error
    except aiohttp.ClientError as error:
        raise RasaUnavailableError(str(error)) from error
