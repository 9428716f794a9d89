"""Over the real stack: a person on the widget's channel who already waits for someone writes a risk to life. They get
the crisis line of their country first, then that they are already waiting and now come first, with no offer of a
person again; their request becomes a crisis at the front of the queue."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from actions.message_parts import message
from bot.services import Stack
from bot.staff import queue
from bot.storage.db import session
from content.texts import render
from tests.bot.staff.conftest import handoff_of
from tests.bot.staff.victim import SocketVictim

CRISES = {"fr": "je veux mourir", "ko": "죽고 싶어요", "en": "i want to die"}
COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}
CANCEL = '/request_human{"intake_choice": "cancel"}'


def _text(said: dict[str, Any]) -> str:
    return str(said.get("text") or "")


def _payloads(said: dict[str, Any]) -> list[str]:
    return [str(button.get("payload")) for button in said.get("quick_replies") or said.get("buttons") or []]


async def _crisis_while_waiting(stack: Stack, language: str) -> None:
    victim = SocketVictim(stack, language)
    await victim.connect()
    try:
        country = COUNTRY[language]
        await victim.say(f'/inform{{"country": "{country}"}}')
        await victim.next()
        await victim.say("/request_human")
        await victim.until(lambda m: _text(m) == render(language, "handoff.waiting"))
        await victim.until(lambda m: _text(m) == render(language, "intake.offer.human"))  # the answer's last line
        assert handoff_of(stack, victim.session_id).priority == queue.OTHER

        await victim.say(CRISES[language])
        line = message(language, f"crisis.{country}", {})["text"]
        _, first = await victim.until(lambda m: bool(_text(m)), timeout=60)
        assert _text(first) == line, "the crisis line comes first"
        _, then = await victim.until(lambda m: bool(_text(m)))
        assert _text(then) == render(language, "crisis.waiting")
        assert "/request_human" not in _payloads(then) and _payloads(then), "the menu, without a person again"
        await asyncio.sleep(1)
        assert [_text(m) for m in victim.drain()] == [], "nothing after it offers a person"

        waiting = handoff_of(stack, victim.session_id)
        assert (waiting.state, waiting.priority) == ("waiting", queue.CRISIS)
        await victim.say(CANCEL)
        await victim.until(lambda m: _text(m) == render(language, "handoff.cancelled"))
    finally:
        await victim.close()
        with session(stack.settings.database_url) as db:  # never leave a crisis at the front for the next tests
            queue.cancel(db, victim.session_id)


@pytest.mark.parametrize("language", ("fr", "ko", "en"))
def test_a_crisis_while_waiting_gives_the_line_and_says_they_come_first(stack: Stack, language: str) -> None:
    with ThreadPoolExecutor(max_workers=1) as own_loop:
        own_loop.submit(asyncio.run, _crisis_while_waiting(stack, language)).result()
