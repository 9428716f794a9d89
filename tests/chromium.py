"""Headless Debian Chromium driven by Playwright, shared by every browser test (one driver per run).

Registered as a plugin in tests/conftest.py: Playwright's sync driver can run only once per process,
so the widget's and the console's tests must share these session fixtures. Every request a page
makes is recorded; a test fails if any leaves 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, ViewportSize, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE: ViewportSize = {"width": 360, "height": 740}

ASSISTANT_TIMEOUT_MS = 60_000
"""How long a test waits for what a person waits for (Rasa's answer on two shared cores)."""
expect.set_options(timeout=ASSISTANT_TIMEOUT_MS)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
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
