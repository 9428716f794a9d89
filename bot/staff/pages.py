"""Server-rendered console pages (Jinja2, autoescaped: a victim's `<b>` shows as text)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.storage.base import now

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
_ENV.filters["minutes_since"] = lambda at: max(0, int((now() - float(at)) // 60)) if at else 0
_ENV.filters["utc"] = lambda at: time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(float(at))) if at else ""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""The app's policy, except that the console's own forms may post to itself."""


def render(template: str, status: int = 200, **context: Any) -> web.Response:
    response = web.Response(text=_ENV.get_template(template).render(**context), status=status, content_type="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
