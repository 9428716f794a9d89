"""Button payloads as Telegram callback data: only what Relais issued to that chat comes back.

Telegram caps callback data at 64 bytes and passes whatever a client puts there, so every
button carries a signature (bot/edges/button_keys.py) bound to its chat. A payload that fits
with its signature travels as `payload|signature` and needs no memory, across restarts and
replicas. A longer one (an intent with entities) travels as a key mapped back from memory: a
hash of the chat and payload, so sending the same buttons again does not grow the map, which
keeps only the most recent payloads. Anything else (forged, altered, another chat's, a long
button shown before a restart) decodes to None and is answered as expired.
"""

from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict

from telegram.constants import InlineKeyboardButtonLimit

from bot.edges.button_keys import ButtonKeys

MAX_BYTES = int(InlineKeyboardButtonLimit.MAX_CALLBACK_DATA)
KEY_PREFIX = "#"
SEPARATOR = "|"
CAPACITY = 4096


class CallbackData:
    """Encodes payloads into callback data for a chat, and decodes them back."""

    def __init__(self, keys: ButtonKeys, capacity: int = CAPACITY) -> None:
        self._keys = keys
        self._capacity = capacity
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def encode(self, chat_id: str, payload: str) -> str:
        signed = f"{payload}{SEPARATOR}{self._keys.signature(chat_id, payload)}"
        if len(signed.encode()) <= MAX_BYTES and not payload.startswith(KEY_PREFIX):
            return signed
        digest = hashlib.sha256(f"{chat_id}\n{payload}".encode()).digest()[:18]
        key = KEY_PREFIX + base64.urlsafe_b64encode(digest).decode()
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self._capacity:
            self._payloads.popitem(last=False)
        return key

    def decode(self, chat_id: str, data: str) -> str | None:
        """The payload Relais issued to `chat_id` as `data`, or None."""
        if data.startswith(KEY_PREFIX):
            payload = self._payloads.get(data)
            if payload is None or self.encode(chat_id, payload) != data:
                return None
            return payload
        payload, separator, signature = data.rpartition(SEPARATOR)
        if not separator or signature != self._keys.signature(chat_id, payload):
            return None
        return payload
