"""Triage at a glance: what a queue card shows beyond the handoff row, read from the conversation in Rasa.

The card's excerpt is the person's own last words (typed, not button presses), cut short; the
jurisdiction and situation come from the report when there is one, else from what the assistant
understood so far (the `country` and `situation` slots). A conversation Rasa cannot give in time
has a card without them, never a missing card.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Iterable

import aiohttp

from bot.settings import Settings
from bot.staff import live, rasa_api

EXCERPT_CHARS = 160
"""Characters of the person's words on a card: enough to triage, short enough to scan a queue."""
EXCERPT_LINES = 2
GLANCE_TIMEOUT_S = 2.0
"""A queue page waits this long at most for Rasa; a slow conversation's card goes without its excerpt."""
REASONS = ("crisis", "minor", "sextortion", "other")
"""The reason for each priority of bot.staff.queue (CRISIS, MINOR, SEXTORTION, OTHER)."""


@dataclass(frozen=True)
class Glance:
    excerpt: str = ""
    country: str | None = None
    situation: str | None = None


def glance(tracker: dict[str, Any]) -> Glance:
    """The card's facts from a Rasa tracker (`events`, `slots`)."""
    typed = [
        line["text"]
        for line in live.messages(tracker.get("events") or [], 0)
        if line["from"] == "victim" and not line.get("pressed") and not line["text"].startswith("/")
    ]
    excerpt = " … ".join(typed[-EXCERPT_LINES:])
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = "…" + excerpt[-(EXCERPT_CHARS - 1) :]
    slots = tracker.get("slots") or {}
    country, situation = slots.get("country"), slots.get("situation")
    return Glance(excerpt, str(country) if country else None, str(situation) if situation else None)


async def glances(http: aiohttp.ClientSession, settings: Settings, sender_ids: Iterable[str]) -> dict[str, Glance]:
    """A Glance per conversation, fetched concurrently; those Rasa does not give are left out."""
    wanted = list(dict.fromkeys(sender_ids))

    async def one(sender_id: str) -> Glance | None:
        try:
            return glance(await asyncio.wait_for(rasa_api.tracker(http, settings, sender_id), GLANCE_TIMEOUT_S))
        except (rasa_api.RasaUnavailableError, asyncio.TimeoutError):
            return None

    found = await asyncio.gather(*(one(sender_id) for sender_id in wanted))
    return {sender_id: g for sender_id, g in zip(wanted, found, strict=True) if g is not None}
