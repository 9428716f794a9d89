"""Victim on socket.io asks for a person; an analyst claims, reads, replies and hands back; the bot answers again."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bot.services import Stack
from content.texts import render
from tests.bot.staff.conftest import Console, handoff_of
from tests.bot.staff.victim import SocketVictim

LANGUAGES = ("fr", "ko", "en")
VICTIM_WORDS = {
    "fr": "<b>il a encore publié</b> une photo",
    "ko": "<b>또 올렸어요</b> 사진을",
    "en": "<b>he posted</b> another one",
}
ANALYST_WORDS = "Analyst reply 🌿 <i>not html</i>"
DELAYS: dict[str, list[float]] = {"victim_to_console": [], "analyst_to_victim": []}


def _text(message: dict[str, Any]) -> str:
    return str(message.get("text") or "")


async def _until_console_shows(analyst: Console, handoff_id: int, words: str, sent: float) -> float:
    while True:
        body = (await asyncio.to_thread(analyst.get, f"/staff/handoffs/{handoff_id}/messages?since=0")).json()
        if any(m["from"] == "victim" and m["text"] == words for m in body["messages"]):
            return time.monotonic() - sent
        await asyncio.sleep(0.05)


async def _conversation(stack: Stack, analyst: Console, language: str) -> None:
    victim = SocketVictim(stack, language)
    await victim.connect()
    try:
        await victim.say("/greet")
        await victim.until(lambda m: bool(m.get("buttons") or m.get("quick_replies")))
        await victim.say("/request_human")
        await victim.until(lambda m: _text(m) == render(language, "handoff.waiting"))
        await asyncio.sleep(1)
        handoff = handoff_of(stack, victim.session_id)
        assert handoff.state == "waiting" and handoff.channel == "socketio" and handoff.language == language

        claimed = await asyncio.to_thread(analyst.post, f"/staff/handoffs/{handoff.id}/claim")
        assert claimed.status_code == 200 and f"/staff/handoffs/{handoff.id}" in claimed.url
        await victim.until(lambda m: _text(m) == render(language, "handoff.joined"))

        victim.drain()
        sent = await victim.say(VICTIM_WORDS[language])
        DELAYS["victim_to_console"].append(
            await _until_console_shows(analyst, handoff.id, VICTIM_WORDS[language], sent)
        )
        await asyncio.sleep(1.5)
        assert victim.drain() == [], "the bot spoke while an analyst held the conversation"

        started = time.monotonic()
        replied = await asyncio.to_thread(analyst.post, f"/staff/handoffs/{handoff.id}/reply", text=ANALYST_WORDS)
        assert replied.status_code == 200
        at, message = await victim.until(lambda m: m.get("from") == "analyst")
        DELAYS["analyst_to_victim"].append(at - started)
        assert message == {"text": ANALYST_WORDS, "from": "analyst"}

        canned = await asyncio.to_thread(analyst.post, f"/staff/handoffs/{handoff.id}/reply", canned="canned.links")
        assert canned.status_code == 200
        _, message = await victim.until(lambda m: m.get("from") == "analyst")
        assert message["text"] == render(language, "canned.links")

        back = await asyncio.to_thread(analyst.post, f"/staff/handoffs/{handoff.id}/hand-back")
        assert back.status_code == 200
        await victim.until(lambda m: _text(m) == render(language, "handoff.returned"))
        assert handoff_of(stack, victim.session_id).state == "bot"

        await victim.say("/greet")
        _, answer = await victim.until(lambda m: "from" not in m)
        assert _text(answer) == render(language, "greet.again")
    finally:
        await victim.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_person_takes_over_and_hands_back(stack: Stack, analyst: Console, language: str) -> None:
    with ThreadPoolExecutor(max_workers=1) as own_loop:
        own_loop.submit(asyncio.run, _conversation(stack, analyst, language)).result()
    print(
        f"\n[{language}] victim message -> console JSON: {DELAYS['victim_to_console'][-1] * 1000:.0f} ms; "
        f"analyst reply -> victim socket: {DELAYS['analyst_to_victim'][-1] * 1000:.0f} ms"
    )
