"""The frames a browser may send on the widget's socket (Engine.IO v4, Socket.IO v5, as text).

The proxy forwards a frame to Rasa only if it is one the widget itself sends: heartbeats,
connecting to and leaving the default namespace, `session_request` and `user_uttered` with a
valid session id, a message of at most MAX_MESSAGE_CHARS characters and a language that Relais
speaks. `user_typing` (the person is typing, or stopped) is never forwarded: the session reads it
with `typing_state`, and drops any payload but `{"session_id", "typing": true|false}` without
closing the socket, so a draft's text can never travel with it. Anything else (another namespace,
event, acknowledgement, binary attachment or field) never reaches Rasa, so the public edge keeps
the size and shape checks the assistant relies on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from vocabulary.languages import SUPPORTED

MAX_MESSAGE_CHARS = 2000
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
METADATA_KEYS = ("language", "language_hint")

ENGINE_CLOSE, ENGINE_PING, ENGINE_PONG, ENGINE_MESSAGE = "1", "2", "3", "4"
SOCKET_CONNECT, SOCKET_DISCONNECT, SOCKET_EVENT = "0", "1", "2"


def _session_id(value: Any) -> bool:
    return isinstance(value, str) and SESSION_ID.fullmatch(value) is not None


def _metadata(value: Any) -> bool:
    return isinstance(value, dict) and all(key in METADATA_KEYS and value[key] in SUPPORTED for key in value)


def _session_request(data: Any) -> bool:
    return isinstance(data, dict) and set(data) == {"session_id"} and _session_id(data["session_id"])


def _user_uttered(data: Any) -> bool:
    if not isinstance(data, dict) or not set(data) <= {"message", "session_id", "metadata"}:
        return False
    message = data.get("message")
    return (
        isinstance(message, str)
        and bool(message.strip())
        and len(message) <= MAX_MESSAGE_CHARS
        and _session_id(data.get("session_id"))
        and _metadata(data.get("metadata", {}))
    )


def typing_state(data: Any) -> bool | None:
    """True (typing) or False (stopped) for exactly `{"session_id": <id>, "typing": <bool>}`; None for anything else
    (a payload with the draft's text, junk, another field), which the relay drops."""
    if not isinstance(data, dict) or set(data) != {"session_id", "typing"} or not _session_id(data["session_id"]):
        return None
    typing = data["typing"]
    return typing if isinstance(typing, bool) else None


TYPING = "user_typing"
EVENTS: dict[str, Callable[[Any], bool]] = {
    "session_request": _session_request,
    "user_uttered": _user_uttered,
    TYPING: lambda data: True,  # checked by the session (typing_state), which drops a bad one instead of closing
}


@dataclass(frozen=True)
class Frame:
    """One frame the widget sends: `event` is None for heartbeats and namespace packets (`raw` passes as it is)."""

    raw: str
    event: str | None = None
    data: Any = None


def event_frame(name: str, data: Any) -> str:
    """The Socket.IO event frame `42[name, data]`."""
    return ENGINE_MESSAGE + SOCKET_EVENT + json.dumps([name, data], ensure_ascii=False)


def _event(frame: str) -> Frame | None:
    try:
        event = json.loads(frame[2:])
    except ValueError:
        return None
    if not (isinstance(event, list) and len(event) == 2 and isinstance(event[0], str)):
        return None
    check = EVENTS.get(event[0])
    return Frame(frame, event[0], event[1]) if check is not None and check(event[1]) else None


def parse(frame: str) -> Frame | None:
    """The frame, if it is one the widget sends; None for any other (the relay then closes the socket)."""
    if frame in (ENGINE_CLOSE, ENGINE_PING, ENGINE_PONG):
        return Frame(frame)
    if not frame.startswith(ENGINE_MESSAGE):
        return None
    packet = frame[1:]
    if packet in (SOCKET_CONNECT, SOCKET_DISCONNECT):
        return Frame(frame)
    return _event(frame) if packet.startswith(f"{SOCKET_EVENT}[") else None


def allowed(frame: str) -> bool:
    """True for a frame the widget sends."""
    return parse(frame) is not None
