"""The widget's socket: /socket.io/ on the web server, relayed to Rasa's socket.io channel.

The browser talks only to the server that served the widget (so pages keep
`connect-src 'self'`), and Rasa stays on a private address. Rasa's socket.io server checks no
origin, so this relay is where the page's Origin is checked against the allow-list, and where
every frame from the browser is checked (`widget_packets`) before it reaches Rasa. Only the
websocket transport is relayed; the widget never falls back to long polling.
"""

from __future__ import annotations

import asyncio
import logging
import weakref

import aiohttp
from aiohttp import WSCloseCode, WSMsgType, web

from bot.web import widget_packets
from bot.web.origins import allowed_origin

PATH = "/socket.io/"
MAX_BROWSER_FRAME_BYTES = 16 * 1024
MAX_RASA_FRAME_BYTES = 1024 * 1024
RASA_CONNECT_TIMEOUT_S = 10.0
OPEN_SOCKETS = web.AppKey("widget_open_sockets", weakref.WeakSet[web.WebSocketResponse])

log = logging.getLogger(__name__)


def _refuse(status: int, error: str) -> web.Response:
    return web.json_response({"error": error}, status=status)


async def _browser_to_rasa(browser: web.WebSocketResponse, rasa: aiohttp.ClientWebSocketResponse) -> None:
    async for message in browser:
        if message.type != WSMsgType.TEXT or not widget_packets.allowed(message.data):
            log.info("widget socket closed: a frame the widget never sends")
            await browser.close(code=WSCloseCode.POLICY_VIOLATION)
            return
        await rasa.send_str(message.data)


async def _rasa_to_browser(rasa: aiohttp.ClientWebSocketResponse, browser: web.WebSocketResponse) -> None:
    async for message in rasa:
        if message.type == WSMsgType.TEXT:
            await browser.send_str(message.data)


async def _pipe(browser: web.WebSocketResponse, rasa: aiohttp.ClientWebSocketResponse) -> None:
    """Until either side closes; then the other side is closed too."""
    directions = [
        asyncio.create_task(_browser_to_rasa(browser, rasa)),
        asyncio.create_task(_rasa_to_browser(rasa, browser)),
    ]
    try:
        await asyncio.wait(directions, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for direction in directions:
            direction.cancel()
        await asyncio.gather(*directions, return_exceptions=True)


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
        await _pipe(browser, rasa)
    finally:
        await rasa.close()
        await browser.close()
    return browser


async def _close_open_sockets(app: web.Application) -> None:
    """On shutdown, so the widget reconnects at once instead of the server waiting for it."""
    sockets: weakref.WeakSet[web.WebSocketResponse] = app[OPEN_SOCKETS]
    for browser in list(sockets):
        await browser.close(code=WSCloseCode.GOING_AWAY)


def install(app: web.Application) -> None:
    """Add the relay to the web app; it uses app["rasa_url"] and app["http"] (the shared client session)."""
    app[OPEN_SOCKETS] = weakref.WeakSet()
    # aiohttp 3.9's Signal annotation does not match aiosignal 1.4's generic parameters.
    app.on_shutdown.append(_close_open_sockets)  # type: ignore[arg-type]
    app.router.add_get(PATH, relay)
