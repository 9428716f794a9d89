"""Which web pages may use the widget's server: the allow-list of page origins.

A browser sends the page's origin with every websocket upgrade and cross-origin request, so
checking it is what stops another site's page from opening a victim-facing socket or reading
the widget's labels. Rasa's own socket.io server checks no origin at all (checked with Rasa 3.6.21).
"""

from __future__ import annotations

from aiohttp import web

ALLOWED_ORIGINS = web.AppKey("allowed_origins", frozenset[str])


def allowed_origin(request: web.Request) -> str | None:
    """The request's Origin when it is on the allow-list, else None (absent counts as not allowed)."""
    origin = request.headers.get("Origin")
    return origin if origin in request.app[ALLOWED_ORIGINS] else None
