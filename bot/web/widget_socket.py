"""The widget's socket: /socket.io/ on the web server, relayed to Rasa's socket.io channel.

The browser talks only to the server that served the widget (so pages keep
`connect-src 'self'`), and Rasa stays on a private address. Rasa's socket.io server checks no
origin, so this relay is where the page's Origin is checked against the allow-list, and where
every frame from the browser is checked (`widget_packets`) and held to the socket's one
conversation (`widget_session`) before it reaches Rasa. Only the websocket transport is relayed;
the widget never falls back to long polling.

Presence and typing (bot/staff/presence.py): when a socket joins its conversation the console hears
"online", when it closes "left"; a typing signal the session lets through becomes a typing note.
"""

from __future__ import annotations

import asyncio
import logging
import weakref

import aiohttp
from aiohttp import WSCloseCode, WSMsgType, web

from bot.edges import flood
from bot.edges.button_keys import ButtonKeys
from bot.settings import Settings
from bot.staff.stream import PRESENCE
from bot.web import widget_packets
from bot.web.origins import allowed_origin
from bot.web.widget_session import WidgetSession
from content.texts import render

PATH = "/socket.io/"
MAX_BROWSER_FRAME_BYTES = 16 * 1024
MAX_RASA_FRAME_BYTES = 1024 * 1024
RASA_CONNECT_TIMEOUT_S = 10.0
OPEN_SOCKETS = web.AppKey("widget_open_sockets", weakref.WeakSet[web.WebSocketResponse])
SETTINGS = web.AppKey("widget_socket_settings", Settings)
KEYS = web.AppKey("widget_button_keys", ButtonKeys)
NOTICE_TIMEOUT = aiohttp.ClientTimeout(total=15)

log = logging.getLogger(__name__)


def _refuse(status: int, error: str) -> web.Response:
    return web.json_response({"error": error}, status=status)


async def _notify(app: web.Application, conversation: str, language: str, key: str) -> None:
    """Say `key` to the person through Rasa, so it is in the conversation the widget reloads.

    The widget numbers the messages it receives against the tracker's (widget_history), so a
    message the relay sent on its own would shift every later one.
    """
    settings = app[SETTINGS]
    url = f"{settings.rasa_url}/conversations/{conversation}/tracker/events"
    params = {"token": settings.rasa_token(), "output_channel": "socketio", "execute_side_effects": "true"}
    event = {"event": "bot", "text": render(language, key)}
    try:
        async with app["http"].post(url, params=params, json=event, timeout=NOTICE_TIMEOUT) as response:
            if response.status != 200:
                log.warning("widget socket: Rasa refused a notice (%s, HTTP %d)", key, response.status)
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        log.warning("widget socket: a notice (%s) could not be sent (%s)", key, type(error).__name__)


async def _browser_to_rasa(
    browser: web.WebSocketResponse, rasa: aiohttp.ClientWebSocketResponse, session: WidgetSession, app: web.Application
) -> None:
    presence = app[PRESENCE]
    async for message in browser:
        frame = widget_packets.parse(message.data) if message.type == WSMsgType.TEXT else None
        joined = session.sender
        verdict = await session.from_browser(frame) if frame is not None else None
        if verdict is None or verdict.close:
            log.info("widget socket closed: a frame the widget never sends")
            await browser.close(code=WSCloseCode.POLICY_VIOLATION)
            return
        if joined is None and session.sender is not None:
            await presence.joined(session.sender)
        if verdict.typing is not None and session.sender is not None:
            await presence.typing(session.sender, verdict.typing)
        elif verdict.forward is not None:
            await rasa.send_str(verdict.forward)
        elif verdict.notice is not None and session.sender is not None:
            await _notify(app, session.sender, verdict.language, verdict.notice)


async def _rasa_to_browser(
    rasa: aiohttp.ClientWebSocketResponse, browser: web.WebSocketResponse, session: WidgetSession
) -> None:
    async for message in rasa:
        if message.type == WSMsgType.TEXT:
            await browser.send_str(session.to_browser(message.data))


async def _pipe(browser: web.WebSocketResponse, rasa: aiohttp.ClientWebSocketResponse, app: web.Application) -> None:
    """Until either side closes; then the other side is closed too."""
    settings = app[SETTINGS]
    session = WidgetSession(app[KEYS], flood.Throttle(settings.edge_rate_messages, settings.edge_rate_seconds))
    directions = [
        asyncio.create_task(_browser_to_rasa(browser, rasa, session, app)),
        asyncio.create_task(_rasa_to_browser(rasa, browser, session)),
    ]
    try:
        await asyncio.wait(directions, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for direction in directions:
            direction.cancel()
        await asyncio.gather(*directions, return_exceptions=True)
        if session.sender is not None:
            await app[PRESENCE].left(session.sender)


async def relay(request: web.Request) -> web.StreamResponse:
    if allowed_origin(request) is None:
        return _refuse(403, "origin_not_allowed")
    browser = web.WebSocketResponse(max_msg_size=MAX_BROWSER_FRAME_BYTES)
    if request.query.get("EIO") != "4" or request.query.get("transport") != "websocket":
        return _refuse(400, "websocket_only")
    if not browser.can_prepare(request).ok:  # a plain GET, without the websocket Upgrade
        return _refuse(400, "websocket_only")
    session: aiohttp.ClientSession = request.app["http"]
    try:
        rasa = await session.ws_connect(
            f"{request.app['rasa_url']}{PATH}?EIO=4&transport=websocket",
            timeout=RASA_CONNECT_TIMEOUT_S,
            max_msg_size=MAX_RASA_FRAME_BYTES,
        )
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return _refuse(503, "assistant_unavailable")
    request.app[OPEN_SOCKETS].add(browser)
    try:
        await browser.prepare(request)
        await _pipe(browser, rasa, request.app)
    finally:
        await rasa.close()
        await browser.close()
    return browser


async def _close_open_sockets(app: web.Application) -> None:
    """On shutdown, so the widget reconnects at once instead of the server waiting for it."""
    sockets: weakref.WeakSet[web.WebSocketResponse] = app[OPEN_SOCKETS]
    for browser in list(sockets):
        await browser.close(code=WSCloseCode.GOING_AWAY)


def install(app: web.Application, settings: Settings) -> None:
    """Add the relay to the web app; it uses app["rasa_url"] and app["http"] (the shared client session)."""
    app[OPEN_SOCKETS] = weakref.WeakSet()
    app[SETTINGS] = settings
    app[KEYS] = ButtonKeys(settings.rasa_token())
    # aiohttp 3.9's Signal annotation does not match aiosignal 1.4's generic parameters.
    app.on_shutdown.append(_close_open_sockets)  # type: ignore[arg-type]
    app.router.add_get(PATH, relay)
