"""Relais' Telegram channel for Rasa, built on python-telegram-bot.

Registered in credentials.yml by module path (bot/runtime_config.py) when TELEGRAM_TOKEN
is set; everything it needs comes from bot/settings.py, so no token is written to disk.
TELEGRAM_MODE picks how updates arrive: `webhook` (POST /webhooks/telegram/webhook,
checked against TELEGRAM_SECRET) or `polling` (getUpdates, for a machine without a
public address). Rasa's built-in Telegram channel is not used: it cannot deliver pushed
(analyst) messages and does not check Telegram's secret token.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, json
from telegram import Bot
from telegram.error import TelegramError

from bot.channels.telegram_callbacks import CallbackData
from bot.channels.telegram_commands import menu
from bot.channels.telegram_language import ConversationLanguage
from bot.channels.telegram_output import CHANNEL, TelegramOutput
from bot.channels.telegram_polling import Poller
from bot.channels.telegram_updates import UpdateRouter
from bot.channels.telegram_webhook import webhook_route
from bot.edges.button_keys import ButtonKeys
from bot.settings import Settings, load
from vocabulary.languages import SUPPORTED

SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
"""What Telegram accepts as setWebhook's secret_token."""

# httpx logs every request URL at INFO, and a Bot API URL contains the bot's token; PTB's debug
# lines hold the URL and the messages' text. Neither belongs in Relais' logs, even with --debug.
for _library in ("httpx", "telegram"):
    logging.getLogger(_library).setLevel(logging.WARNING)
log = logging.getLogger(__name__)


class TelegramInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        return cls(load())

    def __init__(self, settings: Settings) -> None:
        if not settings.telegram_token:
            raise RasaException("the Telegram channel needs TELEGRAM_TOKEN (from @BotFather)")
        if settings.telegram_mode == "webhook" and not SECRET_PATTERN.fullmatch(settings.telegram_secret or ""):
            raise RasaException(
                "the Telegram webhook needs TELEGRAM_SECRET: 1 to 256 characters among A-Z, a-z, 0-9, _ and -"
            )
        self._polling = settings.telegram_mode == "polling"
        self._secret = settings.telegram_secret or ""
        self._bot = Bot(settings.telegram_token, base_url=settings.telegram_api_url)
        self._callbacks = CallbackData(ButtonKeys(settings.rasa_token()))
        self._settings = settings
        self._language = ConversationLanguage()
        self._introduction: asyncio.Task[None] | None = None

    def get_output_channel(self) -> OutputChannel:
        return TelegramOutput(self._bot, self._callbacks, self._language)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        router = UpdateRouter(
            self._bot, self._callbacks, self._language, on_new_message, self.get_output_channel, self._settings
        )
        poller = Poller(self._bot, router.receive) if self._polling else None
        telegram = Blueprint("relais_telegram", __name__)

        async def health(request: Request) -> HTTPResponse:
            return json({"status": "ok", "mode": "polling" if self._polling else "webhook"})

        async def start(app: Any, loop: Any) -> None:
            self._language.bind(app)
            self._introduction = asyncio.create_task(self._introduce())
            if poller is not None:
                poller.start()

        async def stop(app: Any, loop: Any) -> None:
            if self._introduction is not None:
                self._introduction.cancel()
            if poller is not None:
                await poller.stop()
            await router.close()
            await self._bot.shutdown()

        telegram.add_route(health, "/", methods=["GET"])
        if not self._polling:
            telegram.add_route(webhook_route(self._secret, self._bot, router), "/webhook", methods=["POST"])
        telegram.listener("after_server_start")(start)
        telegram.listener("before_server_stop")(stop)
        return telegram

    async def _introduce(self) -> None:
        """Check the token (getMe) and publish the command menu in each language; Relais runs on if it fails."""
        try:
            await self._bot.initialize()
            for language in SUPPORTED:
                await self._bot.set_my_commands(menu(language), language_code=language)
            await self._bot.set_my_commands(menu("en"))
            log.info("telegram: connected as @%s (%s)", self._bot.username, "polling" if self._polling else "webhook")
        except TelegramError as error:
            # Only the error's kind: PTB puts the token in InvalidToken's message.
            kind = type(error).__name__
            log.error("telegram: the Bot API refused or did not answer (%s); check TELEGRAM_TOKEN", kind)
