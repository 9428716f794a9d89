"""aiohttp application: the chat page, its API, health, and the retention purge."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import AsyncIterator, Awaitable, Callable

import aiohttp
import sqlalchemy as sa
from aiohttp import web

from actions.texts import render
from bot.components.language_detection import SUPPORTED
from bot.retention import purge_inactive
from bot.settings import Settings, load
from bot.web.chat_api import MAX_BODY_BYTES, post_message

STATIC = Path(__file__).parent / "static"
PURGE_INTERVAL_S = 3600
UI_TEXT_KEYS = (
    "web.title",
    "web.language",
    "web.placeholder",
    "web.send",
    "web.you",
    "web.assistant",
    "web.error.empty_message",
    "web.error.message_too_long",
    "web.error.assistant_unavailable",
    "web.error.generic",
)
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await handler(request)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html")


async def ui_texts(request: web.Request) -> web.Response:
    """The page's own labels, from the same catalogs as the assistant's messages."""
    language = request.match_info["language"]
    if language not in SUPPORTED:
        return web.json_response({"error": "unsupported_language"}, status=404)
    return web.json_response({key: render(language, key) for key in UI_TEXT_KEYS})


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _purge_forever(settings: Settings) -> None:
    engine = sa.create_engine(settings.database_url)
    while True:
        try:
            deleted = await asyncio.to_thread(purge_inactive, engine, settings.retention_days)
            if deleted:
                log.info("retention: deleted %d inactive conversations", deleted)
        except sa.exc.SQLAlchemyError:
            log.exception("retention purge failed; retrying in an hour")
        await asyncio.sleep(PURGE_INTERVAL_S)


def create_app(settings: Settings) -> web.Application:
    app = web.Application(middlewares=[security_headers], client_max_size=MAX_BODY_BYTES)
    app["rasa_url"] = settings.rasa_url

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        app["http"] = aiohttp.ClientSession()
        purge = asyncio.create_task(_purge_forever(settings))
        yield
        purge.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await purge
        await app["http"].close()

    app.cleanup_ctx.append(lifecycle)
    app.router.add_get("/", index)
    app.router.add_get("/healthz", health)
    app.router.add_get("/api/ui-texts/{language}", ui_texts)
    app.router.add_post("/api/messages", post_message)
    app.router.add_static("/static/", STATIC)
    return app


def main() -> None:
    settings = load()
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(settings), host=settings.host, port=settings.web_port, print=None)
