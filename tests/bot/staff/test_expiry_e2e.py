"""Against the real stack: an expired request's conversation stops saying that a person is coming (Rasa keeps the
slot value the web server sets), and the person's next message is answered first by the calm lapse line."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import aiohttp
import pytest
import sqlalchemy as sa

from bot.retention import EVENTS
from bot.services import Stack
from bot.settings import Settings
from bot.staff import expiry
from bot.staff.models import Handoff
from bot.storage.db import session
from content.texts import render
from tests.bot.staff.conftest import handoff_of
from tests.conftest import Chat

SILENCE_MINUTES = 30


def _silent_for_longer(stack: Stack, sender_id: str) -> None:
    """The request and everything the person wrote, moved back past the silence."""
    back = (SILENCE_MINUTES + 5) * 60
    with session(stack.settings.database_url) as db:
        db.execute(
            sa.update(Handoff).where(Handoff.sender_id == sender_id).values(requested_at=Handoff.requested_at - back)
        )
        db.execute(sa.update(EVENTS).where(EVENTS.c.sender_id == sender_id).values(timestamp=EVENTS.c.timestamp - back))


def _expire(settings: Settings) -> list[str]:
    async def run() -> list[str]:
        async with aiohttp.ClientSession() as http:
            return await expiry.expire_silent(settings, http)

    with ThreadPoolExecutor(max_workers=1) as own_loop:  # Playwright's sync driver may hold the main thread's loop
        return own_loop.submit(asyncio.run, run()).result()


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_an_expired_request_is_told_when_the_person_writes_again(stack: Stack, language: str) -> None:
    victim = Chat(stack, {"language": language})
    victim.say("/request_human")
    assert victim.slot("handoff_state") == "waiting"
    _silent_for_longer(stack, victim.sender)
    assert victim.sender in _expire(replace(stack.settings, handoff_silence_minutes=SILENCE_MINUTES))
    assert handoff_of(stack, victim.sender).state == "expired"
    assert victim.slot("handoff_state") == expiry.LAPSED

    answers = victim.say("/greet")
    assert answers[0]["text"] == render(language, "handoff.expired")
    assert [b["payload"] for b in answers[0]["buttons"]] == ["/request_human"]
    assert render(language, "greet.again") in [a.get("text") for a in answers]
    assert victim.slot("handoff_state") == "none"
    assert render(language, "handoff.expired") not in victim.text("/greet"), "said once"
