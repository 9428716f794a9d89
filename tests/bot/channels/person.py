"""One person writing to the Relais bot on Telegram, in tests.

Updates are built with python-telegram-bot's own classes and serialised with `to_dict()`,
so they have the shape Telegram sends; they are posted to Rasa's real webhook route, and
what Relais sends back is read from the Bot API stand-in.
"""

from __future__ import annotations

import itertools
import json
import random
import urllib.error
import urllib.request
from datetime import datetime, timezone
from typing import Any

from telegram import CallbackQuery, Chat, Message, MessageEntity, PhotoSize, Update, User
from telegram.constants import MessageEntityType

from bot.channels.telegram_callbacks import CallbackData
from bot.edges.button_keys import ButtonKeys
from bot.services import Stack
from tests.bot.channels.bot_api import BOT_USER, SECRET, BotApi, Call

_update_ids = itertools.count(random.randrange(10**6, 10**8))
_message_ids = itertools.count(1)


class TelegramPerson:
    def __init__(
        self, stack: Stack, api: BotApi, language_code: str | None = "en", chat_type: str = Chat.PRIVATE
    ) -> None:
        self.stack = stack
        self.api = api
        user_id = random.randrange(10**9, 2 * 10**9)
        self.user = User(user_id, "Alex", False, language_code=language_code)
        self.chat_id = user_id if chat_type == Chat.PRIVATE else -user_id
        self.chat = Chat(self.chat_id, chat_type, title=None if chat_type == Chat.PRIVATE else "friends")
        self.webhook = f"{stack.settings.rasa_url}/webhooks/telegram/webhook"

    # --- updates, as Telegram would send them -----------------------------------------------

    def _message(self, **fields: Any) -> Message:
        return Message(next(_message_ids), datetime.now(timezone.utc), self.chat, from_user=self.user, **fields)

    def update(self, **fields: Any) -> dict[str, Any]:
        return dict(Update(next(_update_ids), **fields).to_dict())

    def text(self, text: str) -> dict[str, Any]:
        entities = []
        if text.startswith("/"):
            entities = [MessageEntity(MessageEntityType.BOT_COMMAND, 0, len(text.split()[0]))]
        return self.update(message=self._message(text=text, entities=entities))

    def photo(self, caption: str) -> dict[str, Any]:
        sizes = [PhotoSize("AgACAgQAAxkBAAIB-photo-file-id", "AQADphoto-unique", 90, 90)]
        return self.update(message=self._message(photo=sizes, caption=caption))

    def issued(self, payload: str) -> str:
        """The callback data Relais gives a button with `payload` in this chat."""
        return CallbackData(ButtonKeys(self.stack.settings.rasa_token())).encode(str(self.chat_id), payload)

    def buttons(self, call: Call) -> list[tuple[str, str | None]]:
        """(title, the payload behind its callback data in this chat) of every inline button of `call`."""
        callbacks = CallbackData(ButtonKeys(self.stack.settings.rasa_token()))
        return [(title, callbacks.decode(str(self.chat_id), data)) for title, data in call.keyboard]

    def button(self, data: str) -> dict[str, Any]:
        shown = Message(next(_message_ids), datetime.now(timezone.utc), self.chat, from_user=User(**BOT_USER))
        query = CallbackQuery(f"cq-{next(_update_ids)}", self.user, "chat-instance", message=shown, data=data)
        return self.update(callback_query=query)

    # --- talking to Relais ------------------------------------------------------------------

    def post(self, update: dict[str, Any] | bytes, secret: str | None = SECRET) -> int:
        body = update if isinstance(update, bytes) else json.dumps(update).encode()
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        request = urllib.request.Request(self.webhook, data=body, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    def sent(self) -> list[Call]:
        """Every message Relais sent to this person, in order."""
        return self.api.calls("sendMessage", self.chat_id)

    def deliver(self, update: dict[str, Any]) -> list[Call]:
        """Post `update` through the webhook; the messages Relais sent in answer."""
        before = len(self.sent())
        status = self.post(update)
        assert status == 200, status
        return self.sent()[before:]

    def says(self, text: str) -> list[Call]:
        return self.deliver(self.text(text))

    def presses(self, data: str) -> list[Call]:
        return self.deliver(self.button(data))

    # --- Rasa's view ------------------------------------------------------------------------

    def _api(self, path: str, payload: Any = None) -> Any:
        settings = self.stack.settings
        url = f"{settings.rasa_url}/conversations/{self.chat_id}/{path}token={settings.rasa_token()}"
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())

    def tracker(self) -> dict[str, Any]:
        return dict(self._api("tracker?"))

    def user_events(self) -> list[dict[str, Any]]:
        return [event for event in self.tracker()["events"] if event["event"] == "user"]

    def push(self, event: dict[str, Any]) -> list[Call]:
        """What the staff console does: a bot event, executed on the conversation's latest channel."""
        before = len(self.sent())
        self._api("tracker/events?output_channel=latest&execute_side_effects=true&", [event])
        return self.sent()[before:]
