"""A stand-in hotline site embedding the widget (the Chromium harness is tests/chromium.py).

Registered as a plugin in tests/conftest.py, like the harness: its session fixtures serve one site on
the origin the stack allows, whichever browser test (widget or console) asks first.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest

from bot.services import Stack
from bot.settings import ROOT

BUNDLE = ROOT / "bot" / "web" / "static" / "widget" / "relais.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
LANGUAGES = ("fr", "ko", "en")

HOTLINE_PAGE = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hotline</title></head>
<body>
<main><h1>Hotline</h1><p>The hotline's own page.</p></main>
<script>sessionStorage.setItem("hotline.own", "kept");</script>
<script src="{web}/static/widget/relais.js" data-exit-url="{exit}" defer></script>
</body>
</html>
"""
NEUTRAL_PAGE = "<!doctype html><html lang='en'><meta charset='utf-8'><title>Weather</title><p>Sunny</p></html>"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Site:
    """A static web site on 127.0.0.1: the hotline's pages that embed the widget, and a neutral page."""

    def __init__(self, origin: str, root: Path) -> None:
        self.origin = origin
        self.root = root

    def url(self, name: str) -> str:
        return f"{self.origin}/{name}"

    @property
    def neutral(self) -> str:
        return self.url("neutral.html")


@pytest.fixture(scope="session")
def web_origin(stack: Stack) -> str:
    return f"http://{stack.settings.host}:{stack.settings.web_port}"


def _serve(origin: str, root: Path) -> Iterator[Site]:
    parts = urlsplit(origin)
    server = ThreadingHTTPServer((parts.hostname or "", parts.port or 80), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(origin, root)
    finally:
        server.shutdown()
        server.server_close()


def _write_site(root: Path, web_origin: str, exit_url: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "neutral.html").write_text(NEUTRAL_PAGE)
    for lang in LANGUAGES:
        page = HOTLINE_PAGE.format(lang=lang, web=web_origin, exit=exit_url)
        (root / f"hotline-{lang}.html").write_text(page)


@pytest.fixture(scope="session")
def hotline(stack: Stack, web_origin: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The hotline's site, on the origin the stack allows (RELAIS_WIDGET_ORIGINS)."""
    if not BUNDLE.exists():
        pytest.fail(f"no widget bundle at {BUNDLE}: run `make widget` (make test builds it)")
    origin = stack.settings.widget_origins[0]
    root = tmp_path_factory.mktemp("hotline")
    _write_site(root, web_origin, f"{origin}/neutral.html")
    yield from _serve(origin, root)
