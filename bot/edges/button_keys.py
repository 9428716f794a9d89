"""Button payloads that only Relais can issue: each carries an HMAC bound to its conversation.

A button's payload ("/inform{\"country\": \"FR\"}") drives the dialogue, so the edges accept
one only back from the conversation it was shown in, signed with a key derived from the Rasa
API token (secret, generated into var/ when unset, shared by every process of one Relais).
The signature makes the check stateless: it holds across reconnects, reloads, restarts and
replicas, and nothing has to remember which buttons were shown.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

PREFIX = "\u2063b:"
"""INVISIBLE SEPARATOR then "b:": no keyboard types it, so typed text is never taken for a key."""
SIGNATURE_BYTES = 12


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class ButtonKeys:
    """Signs payloads for one Relais (`secret`: its Rasa API token)."""

    def __init__(self, secret: str) -> None:
        self._key = hashlib.sha256(b"relais button payloads\n" + secret.encode()).digest()

    def signature(self, conversation: str, payload: str) -> str:
        """16 URL-safe characters binding `payload` to `conversation` (a sender id)."""
        message = conversation.encode() + b"\n" + payload.encode("utf-8", "surrogatepass")
        return _b64(hmac.new(self._key, message, hashlib.sha256).digest()[:SIGNATURE_BYTES])

    def sign(self, conversation: str, payload: str) -> str:
        """The key a button carries instead of `payload` in `conversation`."""
        encoded = _b64(payload.encode("utf-8", "surrogatepass"))
        return f"{PREFIX}{encoded}.{self.signature(conversation, payload)}"

    def payload(self, conversation: str, key: str) -> str | None:
        """The payload `key` stands for in `conversation`; None when Relais did not issue it there."""
        if not key.startswith(PREFIX):
            return None
        encoded, _, signature = key[len(PREFIX) :].partition(".")
        try:
            payload = _unb64(encoded).decode()
        except ValueError:
            return None
        expected = self.signature(conversation, payload).encode()
        if not hmac.compare_digest(signature.encode("utf-8", "surrogatepass"), expected):
            return None
        return payload
