"""A local stand-in for the two things the widget relay asks of Rasa, recording what reached it.

- Rasa's socket.io channel (Engine.IO v4 / Socket.IO v5 text frames, as `session_persistence`
  runs it): `session_request` is confirmed with the id it names, each `user_uttered` is recorded
  and answered with a `bot_uttered` that carries buttons, as Rasa's `send_text_with_buttons` does.
- The HTTP API's `POST /conversations/{id}/tracker/events` (the relay's notices) and
  `GET /conversations/{id}/tracker` (the widget's history), recorded likewise.

The relay under test is the real one; this replaces only Rasa, so the relay's rules can be
checked in-process and fast. tests/bot/web/test_widget_socket.py runs the same rules against the
real Rasa.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

BUTTONS = [{"content_type": "text", "title": "France", "payload": '/inform{"country": "FR"}'}]


def frame(name: str, data: Any) -> str:
    return "42" + json.dumps([name, data], ensure_ascii=False)


@dataclass
class RasaStandIn:
    joined: list[str] = field(default_factory=list)
    """The session ids of every `session_request` that reached Rasa."""
    events: list[str] = field(default_factory=list)
    """The name of every Socket.IO event that reached Rasa, in order."""
    uttered: list[dict[str, Any]] = field(default_factory=list)
    """Every `user_uttered` payload that reached Rasa."""
    notices: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """(sender id, event) of every event the relay appended to a conversation."""
    tracker_events: list[dict[str, Any]] = field(default_factory=list)

    def clear(self) -> None:
        self.joined.clear()
        self.events.clear()
        self.uttered.clear()
        self.notices.clear()

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/socket.io/", self._socket)
        app.router.add_post("/conversations/{sender}/tracker/events", self._events)
        app.router.add_get("/conversations/{sender}/tracker", self._tracker)
        return app

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_str('0{"sid":"stand-in","upgrades":[],"pingInterval":25000,"pingTimeout":20000}')
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                continue
            if message.data == "40":
                await ws.send_str('40{"sid":"stand-in-socket"}')
            elif message.data.startswith("42"):
                name, data = json.loads(message.data[2:])
                self.events.append(name)
                if name == "session_request":
                    self.joined.append(data["session_id"])
                    await ws.send_str(frame("session_confirm", data["session_id"]))
                elif name == "user_uttered":
                    self.uttered.append(data)
                    await ws.send_str(frame("bot_uttered", {"text": "Where do you live?", "quick_replies": BUTTONS}))
        return ws

    async def _events(self, request: web.Request) -> web.Response:
        self.notices.append((request.match_info["sender"], await request.json()))
        return web.json_response({})

    async def _tracker(self, request: web.Request) -> web.Response:
        slots = {"language": "en"}
        return web.json_response(
            {"sender_id": request.match_info["sender"], "events": self.tracker_events, "slots": slots}
        )
