"""Over the real stack: the place a person is told in the web widget leaves out someone who asked before and closed
the widget long ago, and still counts someone who closed it a moment ago. The web server's relay keeps the leaving on
the request (bot/staff/presence.py) and the action server counts the places (queue.ahead_of), in other processes."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import aiohttp
import pytest
import sqlalchemy as sa

from bot.services import Stack
from bot.staff import queue
from bot.staff.models import Handoff
from bot.storage.db import session
from bot.web.widget_session import sender
from content.knowledge.formatting import wait
from content.texts import render
from tests.bot.staff.conftest import handoff_of

TIMEOUT_S = 60


class Widget:
    """One browser tab of the widget, through the web server's socket relay, as widget/src opens it."""

    def __init__(self, stack: Stack, language: str) -> None:
        base = f"http://{stack.settings.host}:{stack.settings.web_port}"
        self.url, self.origin = f"{base}/socket.io/?EIO=4&transport=websocket", base
        self.language = language
        self.session_id = uuid.uuid4().hex
        self.sender = sender(self.session_id)

    async def _event(self, ws: aiohttp.ClientWebSocketResponse) -> tuple[str, Any]:
        while True:
            frame = await ws.receive_str(timeout=TIMEOUT_S)
            if frame == "2":  # engine.io's ping
                await ws.send_str("3")
            elif frame.startswith("42"):
                name, data = json.loads(frame[2:])
                return str(name), data

    async def _send(self, ws: aiohttp.ClientWebSocketResponse, text: str) -> None:
        data = {"message": text, "session_id": self.session_id, "metadata": {"language": self.language}}
        await ws.send_str("42" + json.dumps(["user_uttered", data]))

    async def _said(self, ws: aiohttp.ClientWebSocketResponse, wanted: Any) -> dict[str, Any]:
        while True:
            name, data = await self._event(ws)
            if name == "bot_uttered" and wanted(data):
                return dict(data)

    async def ask_for_a_person(self) -> str:
        """Open the chat, press "talk to a person", then close the tab; returns the line that told the place."""
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(self.url, headers={"Origin": self.origin}) as ws:
                assert (await ws.receive_str(timeout=TIMEOUT_S)).startswith("0{")
                await ws.send_str("40")
                assert (await ws.receive_str(timeout=TIMEOUT_S)).startswith("40")
                await ws.send_str("42" + json.dumps(["session_request", {"session_id": self.session_id}]))
                assert (await self._event(ws)) == ("session_confirm", self.session_id)
                await self._send(ws, "/greet")
                human = render(self.language, "button.human")
                menu = await self._said(ws, lambda m: any(b["title"] == human for b in m.get("quick_replies") or []))
                await self._send(ws, next(b["payload"] for b in menu["quick_replies"] if b["title"] == human))
                await self._said(ws, lambda m: m.get("text") == render(self.language, "handoff.waiting"))
                told = await self._said(ws, lambda m: bool(m.get("text")))
                return str(told["text"])


def _left_at(stack: Stack, sender_id: str) -> float:
    """When the web server recorded that the person left (it writes after the socket closed)."""
    deadline = time.monotonic() + TIMEOUT_S
    while (left_at := handoff_of(stack, sender_id).left_at) is None:
        assert time.monotonic() < deadline, "the web server never kept the leaving on the request"
        time.sleep(0.2)
    return left_at


def _place(language: str, people: int) -> str:
    """The line that tells a person `people` are ahead of them."""
    if not people:
        return render(language, "handoff.wait.next")
    return render(language, "handoff.wait.ahead", people=people, wait=wait(people * 10, language))


def _places(stack: Stack, language: str) -> None:
    first, second, third = (Widget(stack, language) for _ in range(3))
    try:
        told = asyncio.run(first.ask_for_a_person())
        before = next(people for people in range(100) if told == _place(language, people))  # earlier tests' requests
        left_at = _left_at(stack, first.sender)
        told = asyncio.run(second.ask_for_a_person())
        assert told == _place(language, before + 1), "the first person left a moment ago and may come back"
        gone_s = stack.settings.handoff_left_minutes * 60 + 60
        with session(stack.settings.database_url) as db:  # as if the first person had left that long ago
            db.execute(sa.update(Handoff).where(Handoff.sender_id == first.sender).values(left_at=left_at - gone_s))
        told = asyncio.run(third.ask_for_a_person())
        assert told == _place(language, before + 1), "the second person is counted, the first no longer"
        assert handoff_of(stack, first.sender).state == "waiting", "still in the queue for the analysts"
    finally:
        with session(stack.settings.database_url) as db:  # the next tests start from an empty queue
            for widget in (first, second, third):
                queue.cancel(db, widget.sender)


@pytest.mark.parametrize("language", ("fr", "ko", "en"))
def test_the_place_told_leaves_out_who_closed_the_widget_long_ago(stack: Stack, language: str) -> None:
    with ThreadPoolExecutor(max_workers=1) as own_loop:  # Playwright's sync driver may hold this thread's loop
        own_loop.submit(_places, stack, language).result()
