"""Over the real stack: a person on the widget's channel, held by an analyst, writes a risk to life. Rasa is
paused, yet the person gets the crisis line of their country at once (the console has the assistant run
`action_crisis`), the card becomes a crisis, and the conversation stays paused and held."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from actions.message_parts import message
from bot.services import Stack
from bot.staff import queue
from content.texts import render
from tests.bot.staff.conftest import Console, handoff_of
from tests.bot.staff.victim import SocketVictim
from tests.conftest import Chat

CRISES = {"fr": "je veux mourir", "ko": "죽고 싶어요", "en": "i want to die"}
COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}


def _text(said: dict[str, Any]) -> str:
    return str(said.get("text") or "")


async def _held_crisis(stack: Stack, analyst: Console, language: str) -> None:
    victim = SocketVictim(stack, language)
    await victim.connect()
    try:
        country = COUNTRY[language]
        await victim.say(f'/inform{{"country": "{country}"}}')
        await victim.next()
        await victim.say("/request_human")
        await victim.until(lambda m: _text(m) == render(language, "handoff.waiting"))
        handoff = handoff_of(stack, victim.session_id)
        claimed = await asyncio.to_thread(analyst.post, f"/staff/handoffs/{handoff.id}/claim")
        assert claimed.status_code == 200
        await victim.until(lambda m: _text(m) == render(language, "handoff.joined"))

        await victim.say(CRISES[language])
        line = message(language, f"crisis.{country}", {})["text"]
        await victim.until(lambda m: _text(m) == line, timeout=60)
        await victim.until(lambda m: _text(m) == render(language, "crisis.held"))
        reader = Chat(stack)
        reader.sender = victim.session_id
        events = (await asyncio.to_thread(reader.tracker))["events"]
        stored = [e for e in events if e["event"] == "bot" and e.get("text") == line]
        assert stored and stored[-1]["metadata"]["parts"]["contacts"], "the widget's tap-to-call numbers, kept"

        held = handoff_of(stack, victim.session_id)
        assert (held.state, held.priority) == ("human", queue.CRISIS) and held.crisis_at is not None
        page = await asyncio.to_thread(analyst.get, f"/staff/handoffs/{handoff.id}")
        assert 'id="crisis-alert" class="notice crisis" role="alert">' in page.text
        body = (await asyncio.to_thread(analyst.get, f"/staff/handoffs/{handoff.id}/messages?since=0")).json()
        assert body["paused"] is True, "the assistant spoke once, and is still paused for the analyst"

        await victim.say(CRISES[language])  # a second time in the same hold: the analyst is alerted again
        await asyncio.sleep(2)
        assert [m for m in victim.drain() if _text(m) == line] == [], "the line is given once per hold"
        back = await asyncio.to_thread(analyst.post, f"/staff/handoffs/{handoff.id}/hand-back")
        assert back.status_code == 200
    finally:
        await victim.close()


@pytest.mark.parametrize("language", ("fr", "ko", "en"))
def test_a_crisis_while_held_gets_the_line_at_once(stack: Stack, analyst: Console, language: str) -> None:
    with ThreadPoolExecutor(max_workers=1) as own_loop:
        own_loop.submit(asyncio.run, _held_crisis(stack, analyst, language)).result()
