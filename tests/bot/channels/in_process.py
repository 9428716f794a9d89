"""The Telegram webhook in the test process: the real route, router, callbacks, replay memory and output.

Telegram's Bot API is the local stand-in (tests/bot/channels/bot_api.py); what would reach Rasa is
recorded instead of being handled. The replay memory's SQLite file sits on tmpfs where there is one:
it commits once per update, and a disk's fsync would make thousands of updates take minutes.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

from rasa.core.channels.channel import UserMessage
from telegram import Bot

from bot.channels.telegram_callbacks import CallbackData
from bot.channels.telegram_language import ConversationLanguage
from bot.channels.telegram_output import TelegramOutput
from bot.channels.telegram_updates import UpdateRouter
from bot.channels.telegram_webhook import SECRET_HEADER, Route, webhook_route
from bot.edges.button_keys import ButtonKeys
from bot.settings import load
from bot.storage.migrate import upgrade
from tests.bot.channels.bot_api import SECRET, BotApi


@dataclass
class Request:
    """What the route reads of Sanic's request: the headers and the raw body."""

    headers: dict[str, str]
    body: bytes


@dataclass
class Webhook:
    route: Route
    router: UpdateRouter
    callbacks: CallbackData
    api: BotApi
    loop: asyncio.AbstractEventLoop
    received: list[UserMessage] = field(default_factory=list)

    def post(self, update: dict[str, Any] | bytes, secret: str = SECRET) -> int:
        body = update if isinstance(update, bytes) else json.dumps(update).encode("utf-8", "surrogatepass")
        return int(self.loop.run_until_complete(self.call(body, secret)))

    async def call(self, body: bytes, secret: str = SECRET) -> int:
        response = await self.route(Request({SECRET_HEADER: secret}, body))  # type: ignore[arg-type]
        return int(response.status)


@contextmanager
def webhook(fallback: Path, outage: Exception | None = None, **changes: Any) -> Iterator[Webhook]:
    """The webhook with its router; with `outage`, every turn handed to Rasa raises it, as Rasa's agent does
    when the tracker store or the lock store is out."""
    folder = Path(tempfile.mkdtemp(dir="/dev/shm")) if Path("/dev/shm").is_dir() else fallback
    url = f"sqlite:///{folder}/relais.db"
    upgrade(url)
    settings = replace(load(), database_url=url, redis_url=None, **changes)
    loop = asyncio.new_event_loop()
    received: list[UserMessage] = []
    try:
        with BotApi().running() as api:
            bot = Bot(api.token, base_url=api.url)
            callbacks = CallbackData(ButtonKeys(settings.rasa_token()))
            language = ConversationLanguage()

            async def on_new_message(message: UserMessage) -> None:
                received.append(message)
                if outage is not None:
                    raise outage

            def output() -> TelegramOutput:
                return TelegramOutput(bot, callbacks, language)

            router = UpdateRouter(bot, callbacks, language, on_new_message, output, settings)
            try:
                yield Webhook(webhook_route(SECRET, bot, router), router, callbacks, api, loop, received)
            finally:
                loop.run_until_complete(router.close())
                loop.run_until_complete(bot.shutdown())
    finally:
        loop.close()
        if folder != fallback:
            shutil.rmtree(folder, ignore_errors=True)
