"""Button payloads as Telegram callback data, which Telegram caps at 64 bytes.

Relais' payloads are short intents ("/ask_offence") and travel as they are. A longer one
(an intent with entities) travels as a key and is mapped back from memory. The key is a
hash of the payload, so sending the same buttons again does not grow the map, and the
map keeps only the most recent payloads: a button older than that, or one shown before a
restart, is answered as expired instead of sending something else.
"""

from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict

from telegram.constants import InlineKeyboardButtonLimit

MAX_BYTES = int(InlineKeyboardButtonLimit.MAX_CALLBACK_DATA)
KEY_PREFIX = "#"
CAPACITY = 4096


class CallbackData:
    """Encodes payloads into callback data and decodes them back."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self._capacity = capacity
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def encode(self, payload: str) -> str:
        if len(payload.encode()) <= MAX_BYTES and not payload.startswith(KEY_PREFIX):
            return payload
        digest = hashlib.sha256(payload.encode()).digest()[:18]
        key = KEY_PREFIX + base64.urlsafe_b64encode(digest).decode()
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self._capacity:
            self._payloads.popitem(last=False)
        return key

    def decode(self, data: str) -> str | None:
        """The payload behind `data`, or None when its key is no longer known."""
        if not data.startswith(KEY_PREFIX):
            return data or None
        payload = self._payloads.get(data)
        if payload is not None:
            self._payloads.move_to_end(data)
        return payload
