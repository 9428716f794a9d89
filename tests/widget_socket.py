"""The widget's path to Relais, as tests speak it: raw Engine.IO v4 / Socket.IO v5 frames over a websocket
to the web server's /socket.io/ relay (python-socketio's asyncio client fails with the aiohttp Rasa pins)."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

import aiohttp

TIMEOUT_S = 60


def event(name: str, data: Any) -> str:
    """A Socket.IO event frame (`42[name, data]`)."""
    return "42" + json.dumps([name, data], ensure_ascii=False)


@asynccontextmanager
async def widget_socket(web_url: str) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """A socket.io session opened as the widget opens it, from the web server's own page at `web_url`."""
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(
            f"{web_url}/socket.io/?EIO=4&transport=websocket", headers={"Origin": web_url}, timeout=TIMEOUT_S
        ) as ws:
            assert (await ws.receive_str(timeout=TIMEOUT_S)).startswith("0{")
            await ws.send_str("40")
            assert (await ws.receive_str(timeout=TIMEOUT_S)).startswith("40")
            yield ws


async def socket_io_event(ws: aiohttp.ClientWebSocketResponse) -> tuple[str, Any]:
    """The next Socket.IO event, answering Engine.IO pings on the way."""
    while True:
        frame = await ws.receive_str(timeout=TIMEOUT_S)
        if frame == "2":
            await ws.send_str("3")
        elif frame.startswith("42"):
            name, data = json.loads(frame[2:])
            return name, data


async def first_answer(web_url: str, session_id: str, text: str, language: str) -> dict[str, Any]:
    """Open a session, say `text` and return the first `bot_uttered` payload."""
    async with widget_socket(web_url) as ws:
        await ws.send_str(event("session_request", {"session_id": session_id}))
        assert await socket_io_event(ws) == ("session_confirm", session_id)
        message = {"message": text, "session_id": session_id, "metadata": {"language_hint": language}}
        await ws.send_str(event("user_uttered", message))
        while True:
            name, data = await socket_io_event(ws)
            if name == "bot_uttered":
                return dict(data)


def first_answer_now(web_url: str, session_id: str, text: str, language: str) -> dict[str, Any]:
    """`first_answer` from a synchronous test, on an event loop of its own thread (Playwright's session
    fixture keeps a loop running in the main thread once a browser test has run)."""
    with ThreadPoolExecutor(max_workers=1) as own_loop:
        return own_loop.submit(asyncio.run, first_answer(web_url, session_id, text, language)).result()
