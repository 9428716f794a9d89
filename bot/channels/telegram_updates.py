"""What Relais does with one Telegram update, whether it came by webhook or by polling.

- Text goes to Rasa as the person's message, with Telegram's `language_code` as a hint: always as
  text, whatever it starts with (bot/edges/typed_text.py), without NUL characters or lone
  surrogates; a message left empty by that is answered, not lost.
- A button press is acknowledged (Telegram shows a spinner until then) and its payload goes to
  Rasa as the person's message, only if Relais issued it to this chat (telegram_callbacks.py).
- Commands map to intents (telegram_commands.py).
- Each chat has a rate limit (bot/edges/flood.py): a message or press over it is refused with a
  "slow down" notice, logged without its text and counted.
- An update already handled (a redelivery) is acknowledged and not handled again (telegram_replay.py).
- Anything else a person sends (photo, video, file, voice, sticker, location...) is never
  downloaded, stored or passed on: Relais removes it from the chat where Telegram lets it,
  and says calmly why. No intimate image ever enters Relais.
- Group chats are ignored: a conversation about abuse belongs in a private chat.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import OutputChannel, UserMessage
from telegram import Bot, CallbackQuery, Message, Update, User
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.channels.telegram_callbacks import CallbackData
from bot.channels.telegram_commands import COMMANDS, command_in
from bot.channels.telegram_language import HINT_KEY, ConversationLanguage, supported
from bot.channels.telegram_output import CHANNEL
from bot.channels.telegram_replay import ReplayGuard
from bot.channels.turn_failure import serve
from bot.edges import flood
from bot.edges.typed_text import as_typed, readable
from bot.settings import Settings
from content.texts import render

ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY)
"""The only update kinds Relais asks Telegram for (setWebhook and getUpdates)."""

log = logging.getLogger(__name__)


class UpdateRouter:
    def __init__(
        self,
        bot: Bot,
        callbacks: CallbackData,
        language: ConversationLanguage,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        output: Callable[[], OutputChannel],
        settings: Settings,
    ) -> None:
        self._bot = bot
        self._callbacks = callbacks
        self._language = language
        self._on_new_message = on_new_message
        self._output = output
        self._replays = ReplayGuard(settings)
        self._throttles = flood.Throttles(settings.edge_rate_messages, settings.edge_rate_seconds)

    async def receive(self, update: Update) -> bool:
        """Handle `update`; False, and nothing done, when it was handled before."""
        if not await self._replays.first_time(update.update_id):
            log.info("telegram: update %s was already handled; acknowledged again", update.update_id)
            return False
        if update.callback_query is not None:
            await self._on_button(update.callback_query)
        elif update.message is not None and update.message.chat.type == ChatType.PRIVATE:
            await self._on_message(update.message)
        return True

    async def close(self) -> None:
        await self._replays.close()

    async def _on_message(self, message: Message) -> None:
        chat_id = str(message.chat.id)
        hint = _hint(message.from_user)
        if message.text is None:
            await self._refuse_media(message, hint)
            return
        if not await self._admit(chat_id, hint):
            return
        text = readable(message.text).strip()
        if not text:
            flood.refused("unreadable:telegram")
            await self._say(chat_id, "edge.unreadable", hint)
            return
        name = command_in(text)
        if name is None:
            await self._to_rasa(chat_id, as_typed(text), hint)
            return
        command = COMMANDS.get(name)
        if command is None:
            await self._say(chat_id, "telegram.unknown_command", hint)
            return
        if command.warns_first:
            await self._say(chat_id, "telegram.warning", hint)
        await self._to_rasa(chat_id, command.intent, hint)

    async def _on_button(self, query: CallbackQuery) -> None:
        chat = query.message.chat if query.message is not None else None
        if chat is not None and chat.type != ChatType.PRIVATE:
            return
        try:
            await self._bot.answer_callback_query(query.id)
        except TelegramError as error:
            log.warning("telegram: could not answer a button press (%s)", type(error).__name__)
        chat_id = str(chat.id if chat is not None else query.from_user.id)
        hint = _hint(query.from_user)
        if not await self._admit(chat_id, hint):
            return
        payload = self._callbacks.decode(chat_id, query.data or "")
        if payload is None:
            await self._say(chat_id, "telegram.button_expired", hint)
            return
        await self._to_rasa(chat_id, payload, hint)

    async def _admit(self, chat_id: str, hint: str | None) -> bool:
        """Whether the chat is within its rate limit; if not, it is told to slow down (once a period)."""
        throttle = self._throttles.of(chat_id)
        if await throttle.admit():
            return True
        flood.refused("rate:telegram")
        if throttle.should_tell():
            await self._say(chat_id, "edge.slow_down", hint)
        return False

    async def _refuse_media(self, message: Message, hint: str | None) -> None:
        """Never look at what was sent; remove it from the chat (possible for a bot in a private chat)."""
        try:
            removed = await self._bot.delete_message(chat_id=message.chat.id, message_id=message.message_id)
        except TelegramError as error:
            log.warning("telegram: could not remove a non-text message (%s)", type(error).__name__)
            removed = False
        key = "telegram.media_removed" if removed else "telegram.media_refused"
        await self._say(str(message.chat.id), key, hint)

    async def _say(self, chat_id: str, key: str, hint: str | None) -> None:
        text = render(await self._language.of(chat_id, hint), key)
        await self._output().send_text_message(chat_id, text)

    async def _to_rasa(self, chat_id: str, text: str, hint: str | None) -> None:
        """Hand the message to Rasa; a turn that cannot be served (the tracker or lock store out) is answered
        `turn.failed`, in the language of Telegram's `language_code` (the tracker may be what is out), never
        silence (`bot/channels/turn_failure.py`)."""
        metadata = {HINT_KEY: hint} if hint else {}
        message = UserMessage(text, self._output(), chat_id, input_channel=CHANNEL, metadata=metadata)
        await serve(self._on_new_message, message)


def _hint(user: User | None) -> str | None:
    return supported(user.language_code) if user is not None else None
