"""aiohttp application: the widget and its demo page, the widget's socket relay, health, background jobs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import AsyncIterator, Awaitable, Callable

import aiohttp
from aiohttp import web

from bot.settings import Settings, load
from bot.staff import console as staff_console
from bot.web import background, widget_history, widget_socket
from bot.web.origins import ALLOWED_ORIGINS, allowed_origin
from content.texts import render
from vocabulary.languages import SUPPORTED, preferred

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 16 * 1024
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
    "web.quick_exit",
    "web.quick_exit_hint",
    "web.clear",
    "web.cleared",
    "web.typing",
    "web.conversation",
    "web.menu",
    "web.quick_exit_hint_touch",
    "web.with_person",
    "web.private",
    "web.call",
    "web.open",
    "web.more",
    "web.case.title",
    "web.case.reference",
    "web.case.pin",
    "web.case.copy",
    "web.case.copied",
    "web.case.warn",
    "channel.from_analyst",
    "language.endonym.fr",
    "language.endonym.ko",
    "language.endonym.en",
)
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _secure(response: web.StreamResponse) -> None:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)  # /staff sets its own
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """On every answer, errors included: aiohttp's 4xx (a 404, a refused body) are raised, not returned."""
    try:
        response = await handler(request)
    except web.HTTPException as error:
        _secure(error)
        raise
    _secure(response)
    return response


def browser_language(request: web.Request) -> str:
    """The first of the browser's languages that Relais speaks (what the widget would pick), else English."""
    return preferred(request.headers.get("Accept-Language", ""))


async def index(request: web.Request) -> web.Response:
    """The demo page, its `lang` set to the browser's language (a page needs one; the widget starts in it)."""
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    page = page.replace("<html>", f'<html lang="{browser_language(request)}">', 1)
    response = web.Response(text=page, content_type="text/html")
    response.headers["Vary"] = "Accept-Language"
    return response


async def ui_texts(request: web.Request) -> web.Response:
    """The widget's own labels, from the same catalogs as the assistant's messages.

    Readable from the allowed hotline pages that embed the widget (CORS), and from no other site.
    """
    language = request.match_info["language"]
    if language not in SUPPORTED:
        return web.json_response({"error": "unsupported_language"}, status=404)
    response = web.json_response({key: render(language, key) for key in UI_TEXT_KEYS})
    response.headers["Vary"] = "Origin"
    origin = allowed_origin(request)
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
    return response


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_app(settings: Settings) -> web.Application:
    app = web.Application(middlewares=[security_headers], client_max_size=MAX_BODY_BYTES)
    app["rasa_url"] = settings.rasa_url
    app[ALLOWED_ORIGINS] = settings.allowed_origins

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        app["http"] = aiohttp.ClientSession()
        tasks = background.start(settings, app["http"])
        yield
        await background.stop(tasks)
        await app["http"].close()

    app.cleanup_ctx.append(lifecycle)
    app.router.add_get("/", index)
    app.router.add_get("/healthz", health)
    app.router.add_get("/api/ui-texts/{language}", ui_texts)
    widget_socket.install(app, settings)
    widget_history.install(app, settings)
    staff_console.install(app, settings)
    app.router.add_static("/static/", STATIC)
    return app


def main() -> None:
    settings = load()
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(settings), host=settings.host, port=settings.web_port, print=None)
