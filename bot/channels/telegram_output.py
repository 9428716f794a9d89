"""Sending to a Telegram user through python-telegram-bot: answers, buttons, analysts' messages.

Rasa asks the channel for this output both when it answers a message and when the staff
console pushes an analyst's message through the HTTP API (`output_channel=latest`); it is
the same `Bot` in the same event loop either way, so a push never starts a loop of its own.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List

from rasa.core.channels.channel import OutputChannel
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity
from telegram.constants import MessageEntityType

from bot.channels.telegram_callbacks import CallbackData
from bot.channels.telegram_format import entities, spans
from bot.channels.telegram_language import ConversationLanguage
from bot.channels.telegram_text import split, utf16_length
from content.texts import render

CHANNEL = "telegram"
ANALYST = "analyst"
"""`from` of a custom message written by a person (see the analyst contract)."""

log = logging.getLogger(__name__)


class TelegramOutput(OutputChannel):
    def __init__(self, bot: Bot, callbacks: CallbackData, language: ConversationLanguage) -> None:
        self._bot = bot
        self._callbacks = callbacks
        self._language = language

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(recipient_id, text, parts=kwargs.get("parts"))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._send(recipient_id, text, self._keyboard(recipient_id, buttons), parts=kwargs.get("parts"))

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        data = json_message.get("data")
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            log.warning("telegram: ignored a custom message without text for %s", recipient_id)
            return
        if data.get("from") != ANALYST:
            await self._send(recipient_id, data["text"])
            return
        label = render(await self._language.of(recipient_id), "channel.from_analyst")
        await self._send(recipient_id, f"{label}\n{data['text']}", bold_prefix=label)

    def _keyboard(self, recipient_id: str, buttons: List[Dict[str, Any]]) -> InlineKeyboardMarkup | None:
        """One button per row: titles are sentences, and rows of two get cut off on a phone."""
        rows = [
            [
                InlineKeyboardButton(
                    str(button["title"]), callback_data=self._callbacks.encode(recipient_id, str(button["payload"]))
                )
            ]
            for button in buttons
            if button.get("title") and button.get("payload")
        ]
        return InlineKeyboardMarkup(rows) if rows else None

    async def _send(
        self,
        recipient_id: str,
        text: str,
        keyboard: InlineKeyboardMarkup | None = None,
        bold_prefix: str | None = None,
        parts: Any = None,
    ) -> None:
        """Send `text` in as many messages as it needs; the buttons go under the last one.

        `parts` (a bot message's structured parts) become Telegram's formatting (telegram_format).
        """
        chunks = split(text)
        found = spans(text, parts)
        searched = 0
        for index, chunk in enumerate(chunks):
            at = text.find(chunk, searched)
            formatting = entities(chunk, at, found) if at >= 0 else None
            searched = at + len(chunk) if at >= 0 else searched
            if bold_prefix and index == 0:
                formatting = [MessageEntity(MessageEntityType.BOLD, 0, utf16_length(bold_prefix))]
            await self._bot.send_message(
                chat_id=int(recipient_id),
                text=chunk,
                entities=formatting,
                reply_markup=keyboard if index == len(chunks) - 1 else None,
            )
