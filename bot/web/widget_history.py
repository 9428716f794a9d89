"""The widget's conversation as Rasa's tracker holds it: POST /api/conversation.

The socket only delivers what is said while the widget is connected. After a reconnect or a
reload, and after every answer, the widget asks for this view and shows what it missed (once and
in order: it counts the entries it already has), the language the conversation is in (its labels
follow it), whether a person holds the chat (the typing line then never says the assistant is
writing), and the structured parts of the assistant's messages (tel:/https: links, the reference
block, the rest of a long text to fold behind "More"; actions/message_parts.py), which the socket
does not carry.

The body is the session id as plain text (a simple CORS request, no preflight, and the id never
appears in a URL or an access log); only allowed pages' origins are answered. Knowing the random
session id is what lets the widget join the conversation's socket.io room too.

The session id names the conversation `widget-<session id>` (widget_session), and buttons carry
the same signed keys as on the socket.

Entries are cut exactly as Rasa's socket.io channel cuts its `bot_uttered` messages (paragraphs,
buttons on the last one, a custom payload on its own), so entry n is the n-th message the widget
received.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List

import aiohttp
from aiohttp import web

from bot.cases.pin_seal import unseal
from bot.settings import Settings, load
from bot.web.origins import allowed_origin
from bot.web.widget_packets import SESSION_ID
from bot.web.widget_session import sender, sign_buttons
from bot.web.widget_socket import KEYS
from vocabulary.languages import SUPPORTED

PATH = "/api/conversation"
MAX_BODY_BYTES = 128
TIMEOUT = aiohttp.ClientTimeout(total=15)
Entry = Dict[str, Any]

log = logging.getLogger(__name__)


def _buttons(raw: Any) -> List[Dict[str, str]]:
    if not isinstance(raw, list):
        return []
    return [
        {"title": b["title"], "payload": b["payload"]}
        for b in raw
        if isinstance(b, dict) and isinstance(b.get("title"), str) and isinstance(b.get("payload"), str)
    ]


def _paragraphs(text: Any) -> List[str]:
    return str(text or "").strip().split("\n\n")


def _opened(sealed: Any) -> str:
    """A new report's PIN as the tracker store sealed it (bot/rasa_server/tracker_store.py), "" once too old."""
    return (unseal(sealed, load().rasa_token()) or "") if sealed else ""


def _attach_parts(entries: List[Entry], parts: Any) -> None:
    """Each contact and the reference go with the paragraph that shows them."""
    if not isinstance(parts, dict) or not entries:
        return
    for contact in parts.get("contacts") or []:
        if not (isinstance(contact, dict) and isinstance(contact.get("text"), str)):
            continue
        holder = next((e for e in entries if contact["text"] in e["text"]), entries[-1])
        holder.setdefault("contacts", []).append({key: str(contact.get(key, "")) for key in ("kind", "text", "href")})
    case = parts.get("case")
    if isinstance(case, dict) and isinstance(case.get("reference"), str):
        holder = next((e for e in entries if case["reference"] in e["text"]), entries[-1])
        holder["case"] = {
            "reference": case["reference"],
            "pin": str(case.get("pin") or _opened(case.get("sealed_pin"))),
        }


def _fold(entries: List[Entry], parts: Any) -> None:
    """The paragraphs of a long text's rest (`parts.more`) are folded behind its core's last one.

    The core's last paragraph gets `more` (how many paragraphs follow) and the message's buttons,
    so they stay in view; the rest's paragraphs get `folded`.
    """
    more = parts.get("more") if isinstance(parts, dict) else None
    if not (isinstance(more, dict) and isinstance(more.get("text"), str)):
        return
    count = len(_paragraphs(more["text"]))
    if not 0 < count < len(entries):
        return
    core, rest = entries[-count - 1], entries[-count:]
    core["more"] = count
    core["buttons"], rest[-1]["buttons"] = rest[-1]["buttons"], []
    for entry in rest:
        entry["folded"] = True


def bot_entries(event: Dict[str, Any]) -> List[Entry]:
    """The `bot_uttered` messages Rasa's socket.io channel sends for one bot event."""
    data = event.get("data") or {}
    entries: List[Entry] = []
    buttons = _buttons(data.get("quick_replies")) or _buttons(data.get("buttons"))
    if buttons or event.get("text"):
        entries = [{"author": "bot", "text": part, "buttons": []} for part in _paragraphs(event.get("text"))]
        entries[-1]["buttons"] = buttons
    parts = (event.get("metadata") or {}).get("parts")
    _attach_parts(entries, parts)
    _fold(entries, parts)
    custom = data.get("custom")
    payload = custom.get("data") if isinstance(custom, dict) else None
    if isinstance(payload, dict):
        text = payload.get("text") if isinstance(payload.get("text"), str) else ""
        author = "analyst" if payload.get("from") == "analyst" else "bot"
        buttons = _buttons(payload.get("quick_replies")) or _buttons(payload.get("buttons"))
        entries.append({"author": author, "text": text, "buttons": buttons})
    return [entry for entry in entries if entry["text"] or entry["buttons"]]


def conversation(tracker: Dict[str, Any]) -> Dict[str, Any]:
    """What the widget needs of a tracker; each entry's `lang` is the conversation's language when it was said.

    An action's bot events come before the slots it sets, and every Relais action sets `language`,
    so a language slot right after bot events is the language they were written in.
    """
    entries: List[Entry] = []
    pending: List[Entry] = []
    language = None

    def settle() -> None:
        for entry in pending:
            entry["lang"] = language
        pending.clear()

    for event in tracker.get("events") or []:
        kind = event.get("event")
        if kind == "slot" and event.get("name") == "language" and event.get("value") in SUPPORTED:
            language = event["value"]
            settle()
        elif kind == "bot":
            new = bot_entries(event)
            entries += new
            pending += new
        elif kind in ("action", "user", "session_started"):
            settle()
    settle()
    slots = tracker.get("slots") or {}
    handoff = slots.get("handoff_state")
    return {
        "language": slots.get("language") if slots.get("language") in SUPPORTED else None,
        "person": handoff == "human" or bool(tracker.get("paused")),
        "entries": entries,
    }


async def history(request: web.Request) -> web.StreamResponse:
    origin = allowed_origin(request)
    if origin is None:
        return web.json_response({"error": "origin_not_allowed"}, status=403)
    body = await request.content.read(MAX_BODY_BYTES + 1)
    session_id = body.decode("ascii", "replace").strip()
    headers = {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
    if len(body) > MAX_BODY_BYTES or not SESSION_ID.fullmatch(session_id):
        return web.json_response({"error": "bad_session"}, status=400, headers=headers)
    settings: Settings = request.app["widget_settings"]
    url = f"{settings.rasa_url}/conversations/{sender(session_id)}/tracker"
    params = {"include_events": "ALL", "token": settings.rasa_token()}
    try:
        async with request.app["http"].get(url, params=params, timeout=TIMEOUT) as response:
            if response.status != 200:
                raise aiohttp.ClientError(f"Rasa answered {response.status}")
            tracker = await response.json()
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        log.info("widget history unavailable: %s", type(error).__name__)
        return web.json_response({"error": "assistant_unavailable"}, status=503, headers=headers)
    view = sign_buttons(request.app[KEYS], sender(session_id), conversation(tracker))
    return web.json_response(view, headers=headers)


def install(app: web.Application, settings: Settings) -> None:
    app["widget_settings"] = settings
    app.router.add_post(PATH, history)
