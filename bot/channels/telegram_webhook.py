"""The route Telegram posts updates to, under Rasa's server: /webhooks/telegram/webhook.

Only Telegram knows the secret given to setWebhook (`secret_token`), and it sends it back
in a header on every call; anything without it is refused before it is even parsed. An update already handled is
acknowledged with 200 like any other, so Telegram stops redelivering it.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any, Callable, Coroutine

from sanic.request import Request
from sanic.response import HTTPResponse, text
from telegram import Bot, Update
from telegram.error import TelegramError

from bot.channels.telegram_updates import UpdateRouter

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 256 * 1024
"""Far above any update Relais accepts (text is at most 4096 characters)."""

MAX_UPDATE_ID = 2**63
"""Telegram's update ids are positive 32-bit numbers; anything past a 64-bit column is not one."""

Route = Callable[[Request], Coroutine[Any, Any, HTTPResponse]]

log = logging.getLogger(__name__)


def parse_update(body: bytes, bot: Bot) -> Update | None:
    """The update in `body`, or None when it is not JSON or not a Telegram update."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or type(data.get("update_id")) is not int
        or not 0 <= data["update_id"] < MAX_UPDATE_ID
    ):
        return None
    try:
        return Update.de_json(data, bot)
    except (TypeError, KeyError, AttributeError, ValueError, OverflowError):
        return None


def webhook_route(secret: str, bot: Bot, router: UpdateRouter) -> Route:
    expected = secret.encode()

    async def webhook(request: Request) -> HTTPResponse:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return text("wrong or missing secret token", status=403)
        if len(request.body) > MAX_BODY_BYTES:
            return text("update too large", status=413)
        update = parse_update(request.body, bot)
        if update is None:
            return text("not a Telegram update", status=400)
        try:
            if not await router.receive(update):
                # Any other answer than 2xx makes Telegram deliver it again and flag the webhook.
                return text("ok, already handled")
        except TelegramError as error:
            # Telegram would send the update again, and the replay guard would refuse it: say done.
            log.error("telegram: update %s failed while answering (%s)", update.update_id, type(error).__name__)
        return text("ok")

    return webhook
