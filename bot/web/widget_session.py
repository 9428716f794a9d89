"""One widget socket's conversation, as the relay enforces it.

- One socket, one session: the first `session_request` fixes the session; a request for another
  one, or a `user_uttered` for a session the socket did not join, closes the socket.
- Widget conversations live in their own sender-id namespace (`widget-<session id>`), so no REST
  or Telegram conversation can be driven from the public page. The browser never sees the prefix.
- Buttons shown to the browser carry signed keys (bot/edges/button_keys.py) instead of their
  payloads; a key comes back as its payload, checked against the session. The widget's own two
  payloads (the greeting and the language selector) are the only other ones that pass. A key that
  does not verify (a button of a conversation this tab has left, another tab's "clear") gets a
  short notice, never "not understood". Anything else the person sends is typed text
  (bot/edges/typed_text.py), whatever it starts with.
- NUL characters and lone surrogates are removed; a message left empty is answered, not lost.
- A socket sending faster than its Throttle allows is told to slow down (bot/edges/flood.py).
- `user_typing` never reaches Rasa: a valid one for the socket's own session, within the TypingGate's
  bound, becomes `Verdict.typing` (a note for the console); any other is dropped, the socket kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.edges import flood
from bot.edges.button_keys import PREFIX, ButtonKeys
from bot.edges.typed_text import as_typed, readable
from bot.web.widget_packets import ENGINE_MESSAGE, SOCKET_EVENT, TYPING, Frame, event_frame, typing_state
from bot.web.widget_typing import TypingGate
from vocabulary.languages import SUPPORTED

SENDER_PREFIX = "widget-"
WIDGET_PAYLOADS = frozenset({"/greet", *(f'/change_language{{"language": "{code}"}}' for code in SUPPORTED)})
"""What the widget itself sends (main.js): the greeting when the chat opens, and the language selector."""
BUTTON_LISTS = ("quick_replies", "buttons")


def sender(session_id: str) -> str:
    """The Rasa sender id of the widget session `session_id`."""
    return SENDER_PREFIX + session_id


@dataclass(frozen=True)
class Verdict:
    """What the relay does with one browser frame.

    `forward`: the frame for Rasa, if any. `notice`: a text key to say to the person instead
    (`edge.slow_down`, `edge.unreadable`), in `language`. `close`: the frame breaks the rules.
    `typing`: the person started (True) or stopped (False) typing, for the console. All empty: drop the frame.
    """

    forward: str | None = None
    notice: str | None = None
    language: str = "en"
    close: bool = False
    typing: bool | None = None


def _language(metadata: dict[str, Any]) -> str:
    language = metadata.get("language") or metadata.get("language_hint")
    return language if language in SUPPORTED else "en"


class WidgetSession:
    def __init__(self, keys: ButtonKeys, throttle: flood.Throttle, typing: TypingGate | None = None) -> None:
        self._keys = keys
        self._throttle = throttle
        self._typing = typing or TypingGate()
        self.session_id: str | None = None

    @property
    def sender(self) -> str | None:
        return sender(self.session_id) if self.session_id else None

    async def from_browser(self, frame: Frame) -> Verdict:
        """The verdict on a frame `widget_packets.parse` accepted."""
        if frame.event is None:
            return Verdict(forward=frame.raw)
        if frame.event == TYPING:
            return self._typed(frame.data)
        session_id = frame.data["session_id"]
        if frame.event == "session_request":
            if self.session_id not in (None, session_id):
                return Verdict(close=True)
            self.session_id = session_id
            return Verdict(forward=event_frame("session_request", {"session_id": sender(session_id)}))
        if session_id != self.session_id:
            return Verdict(close=True)
        return await self._uttered(frame.data)

    def _typed(self, data: Any) -> Verdict:
        typing = typing_state(data)
        if typing is None or self.session_id is None or data["session_id"] != self.session_id:
            return Verdict()
        return Verdict(typing=typing) if self._typing.admit(typing) else Verdict()

    async def _uttered(self, data: dict[str, Any]) -> Verdict:
        metadata = data.get("metadata", {})
        language = _language(metadata)
        if not await self._throttle.admit():
            flood.refused("rate:widget")
            return Verdict(notice="edge.slow_down" if self._throttle.should_tell() else None, language=language)
        text = readable(data["message"]).strip()
        if not text:
            flood.refused("unreadable:widget")
            return Verdict(notice="edge.unreadable", language=language)
        conversation = sender(data["session_id"])
        message = self._keys.payload(conversation, text)
        if message is None and text.startswith(PREFIX):
            # A button of another conversation of this browser (a tab that cleared it): not words to read.
            return Verdict(notice="edge.stale_button", language=language)
        if message is None:
            message = text if text in WIDGET_PAYLOADS else as_typed(text)
        self._typing.sent()
        packet = {"message": message, "session_id": conversation, "metadata": metadata}
        return Verdict(forward=event_frame("user_uttered", packet))

    def to_browser(self, frame: str) -> str:
        """A frame from Rasa as the browser gets it: its own session id, buttons as signed keys."""
        prefix = ENGINE_MESSAGE + SOCKET_EVENT
        if not frame.startswith(prefix + "[") or self.sender is None:
            return frame
        try:
            name, data = json.loads(frame[len(prefix) :])
        except ValueError:
            return frame
        if name == "session_confirm" and data == self.sender:
            return event_frame(name, self.session_id)
        if name == "bot_uttered":
            return event_frame(name, sign_buttons(self._keys, self.sender, data))
        return frame


def sign_buttons(keys: ButtonKeys, conversation: str, data: Any) -> Any:
    """`data` (a bot message, at any depth) with every button's payload replaced by its signed key."""
    if isinstance(data, list):
        return [sign_buttons(keys, conversation, item) for item in data]
    if not isinstance(data, dict):
        return data
    signed = {key: sign_buttons(keys, conversation, value) for key, value in data.items()}
    for name in BUTTON_LISTS:
        buttons = signed.get(name)
        if isinstance(buttons, list):
            signed[name] = [
                {**button, "payload": keys.sign(conversation, button["payload"])}
                if isinstance(button, dict) and isinstance(button.get("payload"), str)
                else button
                for button in buttons
            ]
    return signed
