"""A local stand-in for Telegram's Bot API (aiohttp), for the Relais Telegram channel to talk to.

It answers the methods Relais calls as Telegram documents them, records every call, and
serves queued updates to getUpdates (long polling included). It runs in its own thread
so that tests can keep making blocking HTTP calls to Rasa while Rasa calls it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import web

TOKEN = "123456789:relais-test-token-never-logged"
SECRET = "relais-test-secret_0"
JSON_FIELDS = {"reply_markup", "entities", "commands", "allowed_updates"}
"""Parameters PTB sends JSON-encoded inside form data."""
BOT_USER = {"id": 424242, "is_bot": True, "first_name": "Relais", "username": "relais_test_bot"}
WAIT_S = 60.0


@dataclass
class Call:
    method: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def chat_id(self) -> str | None:
        value = self.params.get("chat_id")
        return None if value is None else str(value)

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def keyboard(self) -> list[tuple[str, str]]:
        """(title, callback_data) of every inline button, row by row."""
        markup = self.params.get("reply_markup") or {}
        return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


def _error(status: int, description: str) -> web.Response:
    return web.json_response({"ok": False, "error_code": status, "description": description}, status=status)


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


class BotApi:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.port = 0
        self.undeletable_chats: set[str] = set()
        self._calls: list[Call] = []
        self._changed = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._message_ids = itertools.count(1000)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._new_update: asyncio.Event | None = None
        self._closing = False

    @property
    def url(self) -> str:
        """The `base_url` for python-telegram-bot (it appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    # --- what tests read and do -------------------------------------------------------------

    def calls(self, method: str | None = None, chat_id: str | int | None = None) -> list[Call]:
        with self._changed:
            return [
                call
                for call in self._calls
                if (method is None or call.method == method) and (chat_id is None or call.chat_id == str(chat_id))
            ]

    def wait_for(self, condition: Callable[[], Any], what: str) -> Any:
        """Block until `condition()` is truthy (Relais answers asynchronously when polling).

        The condition may call Rasa, so it runs without the lock; a call recorded here
        wakes the wait early, anything else is seen within half a second.
        """
        deadline = time.monotonic() + WAIT_S
        while not (result := condition()):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"the Bot API stand-in never saw {what}")
            with self._changed:
                self._changed.wait(min(remaining, 0.5))
        return result

    def queue_update(self, update: dict[str, Any]) -> None:
        """Serve `update` to the next getUpdates."""
        with self._changed:
            self._updates.append(update)
        assert self._loop is not None and self._new_update is not None
        self._loop.call_soon_threadsafe(self._new_update.set)

    def pending_updates(self) -> list[dict[str, Any]]:
        with self._changed:
            return list(self._updates)

    # --- the Bot API ------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        form = await request.post()
        return {key: json.loads(str(value)) if key in JSON_FIELDS else str(value) for key, value in form.items()}

    async def _method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await self._params(request)
        with self._changed:
            self._calls.append(Call(method, params))
            self._changed.notify_all()
        handler = self._methods().get(method)
        if handler is None:
            return _error(404, "Not Found")
        return await handler(params)

    def _methods(self) -> dict[str, Callable[[dict[str, Any]], Any]]:
        return {
            "getMe": self._get_me,
            "sendMessage": self._send_message,
            "answerCallbackQuery": self._true,
            "deleteMessage": self._delete_message,
            "setMyCommands": self._true,
            "deleteWebhook": self._true,
            "getUpdates": self._get_updates,
        }

    async def _get_me(self, params: dict[str, Any]) -> web.Response:
        return _ok(BOT_USER)

    async def _true(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def _send_message(self, params: dict[str, Any]) -> web.Response:
        if not params.get("text") or len(str(params["text"]).encode("utf-16-le")) // 2 > 4096:
            return _error(400, "Bad Request: message text is empty or too long")
        chat = {"id": int(params["chat_id"]), "type": "private"}
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat, "from": BOT_USER}
        return _ok({**message, "text": params["text"]})

    async def _delete_message(self, params: dict[str, Any]) -> web.Response:
        if str(params.get("chat_id")) in self.undeletable_chats:
            return _error(400, "Bad Request: message can't be deleted")
        return _ok(True)

    async def _get_updates(self, params: dict[str, Any]) -> web.Response:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        assert self._new_update is not None
        deadline = time.monotonic() + timeout
        while True:
            with self._changed:
                # As Telegram does: asking from `offset` confirms every earlier update.
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                ready = list(self._updates)
            remaining = deadline - time.monotonic()
            if ready or remaining <= 0 or self._closing:
                return _ok(ready)
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), remaining)
            except asyncio.TimeoutError:
                continue

    # --- running ----------------------------------------------------------------------------

    @contextmanager
    def running(self) -> Iterator[BotApi]:
        started = threading.Event()
        stopping: list[asyncio.Event] = []

        def stop() -> None:
            self._closing = True
            assert self._new_update is not None
            self._new_update.set()
            stopping[0].set()

        async def serve() -> None:
            app = web.Application()
            app.router.add_route("*", "/bot{token}/{method}", self._method)
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            self.port = runner.addresses[0][1]
            self._loop = asyncio.get_running_loop()
            self._new_update = asyncio.Event()
            stopping.append(asyncio.Event())
            started.set()
            await stopping[0].wait()
            await runner.cleanup()

        thread = threading.Thread(target=asyncio.run, args=(serve(),), name="bot-api-stand-in", daemon=True)
        thread.start()
        if not started.wait(10):
            raise RuntimeError("the Bot API stand-in did not start")
        try:
            yield self
        finally:
            assert self._loop is not None
            self._loop.call_soon_threadsafe(stop)
            thread.join(10)


def telegram_settings(api: BotApi) -> dict[str, Any]:
    """The Relais settings that point its Telegram channel at `api` (webhook mode)."""
    return {
        "telegram_token": api.token,
        "telegram_secret": SECRET,
        "telegram_api_url": api.url,
        "telegram_mode": "webhook",
    }
