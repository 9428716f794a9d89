"""The chat endpoint behind the page: validates input, then relays it to Rasa's REST channel.

The browser never talks to Rasa directly, so Rasa stays on a private address and every
public input gets a size check and a clear error before it reaches the assistant.
"""

from __future__ import annotations

import re
from typing import Any

import aiohttp
from aiohttp import web

from bot.components.language_detection import SUPPORTED

MAX_MESSAGE_CHARS = 2000
MAX_BODY_BYTES = 16 * 1024
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
RASA_TIMEOUT_S = 30


def _error(status: int, code: str) -> web.Response:
    return web.json_response({"error": code}, status=status)


def _metadata(raw: Any) -> dict[str, str] | None:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        return None
    metadata: dict[str, str] = {}
    for key in ("language", "language_hint"):
        value = raw.get(key)
        if value is None:
            continue
        if value not in SUPPORTED:
            return None
        metadata[key] = value
    return metadata


async def post_message(request: web.Request) -> web.Response:
    """POST /api/messages {session, message, metadata?} -> {messages: [...]}."""
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        return _error(413, "message_too_large")
    try:
        body = await request.json()
    except ValueError:
        return _error(400, "invalid_json")
    if not isinstance(body, dict):
        return _error(400, "invalid_json")
    session, message = body.get("session"), body.get("message")
    if not isinstance(session, str) or not SESSION_ID.match(session):
        return _error(400, "invalid_session")
    if not isinstance(message, str) or not message.strip():
        return _error(400, "empty_message")
    if len(message) > MAX_MESSAGE_CHARS:
        return _error(413, "message_too_long")
    metadata = _metadata(body.get("metadata"))
    if metadata is None:
        return _error(400, "invalid_metadata")
    rasa_url: str = request.app["rasa_url"]
    payload = {"sender": session, "message": message.strip(), "metadata": metadata}
    try:
        async with request.app["http"].post(
            f"{rasa_url}/webhooks/rest/webhook", json=payload, timeout=RASA_TIMEOUT_S
        ) as response:
            if response.status != 200:
                return _error(502, "assistant_unavailable")
            replies = await response.json()
    except (aiohttp.ClientError, TimeoutError):
        return _error(503, "assistant_unavailable")
    return web.json_response({"messages": replies})
