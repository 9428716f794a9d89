"""Headless Debian Chromium (driven by Playwright) against the real stack, and a stand-in hotline site.

Every request the browser makes is recorded; a test fails if any leaves 127.0.0.1.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from bot.services import Stack
from bot.settings import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BUNDLE = ROOT / "bot" / "web" / "static" / "widget" / "relais.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
PHONE = {"width": 360, "height": 740}
LANGUAGES = ("fr", "ko", "en")

HOTLINE_PAGE = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hotline</title></head>
<body>
<h1>Hotline</h1>
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
    origin = stack.settings.widget_origins[0]
    root = tmp_path_factory.mktemp("hotline")
    _write_site(root, web_origin, f"{origin}/neutral.html")
    yield from _serve(origin, root)


ASSISTANT_TIMEOUT_MS = 60_000
"""How long a test waits for what a person waits for (Rasa's answer on two shared cores)."""
expect.set_options(timeout=ASSISTANT_TIMEOUT_MS)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not BUNDLE.exists():
        pytest.fail(f"no widget bundle at {BUNDLE}: run `make widget` (make test builds it)")
    if not CHROMIUM.exists():
        pytest.fail(f"no {CHROMIUM}: run `make test`, which installs Debian's chromium")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class Requests:
    """Every URL the pages of one browser context asked for."""

    def __init__(self, context: BrowserContext) -> None:
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("page", lambda page: page.on("websocket", lambda socket: self.urls.append(socket.url)))

    def outside_loopback(self) -> list[str]:
        return [url for url in self.urls if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("about:")]


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile at phone size; on teardown, checks that no request left 127.0.0.1."""
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(ASSISTANT_TIMEOUT_MS)
    requests = Requests(context)
    yield context
    context.close()
    assert requests.urls, "the browser made no request at all"
    assert requests.outside_loopback() == []


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
