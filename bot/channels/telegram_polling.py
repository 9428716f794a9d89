"""Long polling (getUpdates), for a Relais without a public address.

Updates go through the same router as the webhook's. One process polls: Telegram
refuses a second concurrent getUpdates, so run polling with a single Rasa replica and the
webhook when scaled out. Updates are handled one after the other, in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Awaitable, Callable

from telegram import Bot, Update
from telegram.error import TelegramError

from bot.channels.telegram_updates import ALLOWED_UPDATES

LONG_POLL_S = 25
RETRY_S = (1.0, 30.0)
"""First and longest wait before asking again after the Bot API failed."""

log = logging.getLogger(__name__)


class Poller:
    def __init__(self, bot: Bot, receive: Callable[[Update], Awaitable[bool]]) -> None:
        self._bot = bot
        self._receive = receive
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        offset: int | None = None
        wait = RETRY_S[0]
        webhook_removed = False
        while True:
            try:
                if not webhook_removed:
                    # getUpdates is refused while a webhook is set.
                    webhook_removed = await self._bot.delete_webhook()
                updates = await self._bot.get_updates(
                    offset=offset, timeout=LONG_POLL_S, allowed_updates=list(ALLOWED_UPDATES)
                )
            except TelegramError as error:
                log.warning("telegram: getUpdates failed (%s); retrying in %.0f s", type(error).__name__, wait)
                await asyncio.sleep(wait)
                wait = min(wait * 2, RETRY_S[1])
                continue
            wait = RETRY_S[0]
            for update in updates:
                offset = update.update_id + 1
                await self._handle(update)

    async def _handle(self, update: Update) -> None:
        """One update's failure must not stop the others from being read."""
        try:
            await self._receive(update)
        except Exception:
            log.exception("telegram: update %s failed", update.update_id)
