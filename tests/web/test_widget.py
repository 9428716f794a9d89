"""The widget in headless Chromium against the real stack: conversations, reconnects, quick exit.

The hotline pages come from a stand-in hotline site on an allowed origin, as a hotline would
embed the widget; the demo page is the web server's own :8000/.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, WebSocket, expect

from bot.services import Stack
from content.texts import render
from tests.chromium import ASSISTANT_TIMEOUT_MS, PHONE, Requests
from tests.hotline_site import LANGUAGES, SCREENSHOTS, Site
from tests.web.widget import GREETINGS, WIDGET_KEYS, Widget, push_analyst_message, said, tracker, user_texts

pytestmark = pytest.mark.e2e

ANSWER = {
    "fr": ("country.france", "evidence.FR"),
    "ko": ("country.korea", "evidence.KR"),
    "en": ("country.other", "evidence.intro"),
}


def on_hotline(page: Page, hotline: Site, language: str) -> Widget:
    page.goto(hotline.url(f"hotline-{language}.html"))
    widget = Widget(page)
    widget.open()
    return widget


def sockets_of(page: Page) -> list[WebSocket]:
    """The websockets the page opens from now on (the widget opens one)."""
    sockets: list[WebSocket] = []
    page.on("websocket", lambda socket: sockets.append(socket))
    return sockets


def closing(socket: WebSocket) -> AbstractContextManager[Any]:
    """Expects the widget to end its socket.io session itself (packet "41") before the page goes.

    The browser drops the websocket with the page it belonged to, and Playwright does not always
    report that close once the page has navigated; the disconnect packet is the widget's own act.
    """
    return socket.expect_event("framesent", predicate=lambda payload: payload == "41")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_short_conversation_in_each_language(stack: Stack, hotline: Site, page: Page, language: str) -> None:
    widget = on_hotline(page, hotline, language)
    expect(widget.part("button.toggle")).to_have_text(render(language, "web.title"))
    expect(widget.part("button.send")).to_have_text(render(language, "web.send"))
    expect(widget.part("textarea")).to_have_attribute("placeholder", render(language, "web.placeholder"))

    widget.greet(language)
    widget.messages("bot").last.get_by_role("button", name=render(language, "button.evidence")).click()
    expect(widget.messages("user").last.locator(".text")).to_have_text(render(language, "button.evidence"))
    country, answer = ANSWER[language]
    widget.expect_bot(said(language, "country.ask"))
    widget.messages("bot").last.get_by_role("button", name=render(language, country)).click()
    widget.expect_bot(said(language, answer))

    session = tracker(stack, widget.session_id())
    assert session["slots"]["language"] == language
    assert user_texts(stack, widget.session_id())[:2] == ["/greet", "/ask_evidence"]
    assert session["latest_message"]["metadata"] == {"language_hint": language}

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"widget-{language}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")


@pytest.mark.parametrize(("browser_language", "chosen"), [("fr-FR", "ko"), ("ko-KR", "en"), ("en-GB", "fr")])
def test_the_demo_page_starts_in_the_browser_language_and_the_selector_switches_it(
    stack: Stack, browser: Browser, web_origin: str, browser_language: str, chosen: str
) -> None:
    context = browser.new_context(viewport=PHONE, locale=browser_language)
    context.set_default_timeout(ASSISTANT_TIMEOUT_MS)
    requests = Requests(context)
    try:
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.goto(f"{web_origin}/")
        widget = Widget(page)
        start = browser_language[:2]
        expect(widget.part("h2.title")).to_have_text(render(start, "web.title"))
        expect(widget.part("select")).to_have_value(start)
        widget.greet(start)

        widget.menu()
        widget.part("select").select_option(chosen)
        expect(widget.part("h2.title")).to_have_text(render(chosen, "web.title"))
        expect(widget.part("button.exit")).to_have_text(render(chosen, "web.quick_exit"))
        widget.expect_bot(said(chosen, "language.switched"))
        session = tracker(stack, widget.session_id())
        assert session["slots"]["language"] == chosen
        assert session["latest_message"]["metadata"] == {"language": chosen}

        page.reload()
        expect(widget.part("select")).to_have_value(chosen)
        assert problems == []
        assert requests.outside_loopback() == []
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_reload_and_reconnect_continue_the_conversation(stack: Stack, hotline: Site, page: Page, language: str) -> None:
    widget = on_hotline(page, hotline, language)
    widget.greet(language)
    session_id = widget.session_id()

    page.reload()
    expect(widget.log).to_contain_text(said(language, "greet.welcome"))
    assert widget.session_id() == session_id
    widget.messages("bot").last.get_by_role("button", name=render(language, "button.evidence")).click()
    widget.expect_bot(said(language, "country.ask"))

    stack.stop("web")
    expect(widget.part(".error")).to_have_text(render(language, "web.error.assistant_unavailable"))
    widget.messages("bot").last.get_by_role("button", name=render(language, ANSWER[language][0])).click()
    expect(widget.part(".status")).to_have_text(render(language, "web.typing"))
    stack.start("web")
    widget.expect_bot(said(language, ANSWER[language][1]))
    expect(widget.part(".error")).to_be_empty()
    expect(widget.part(".status")).to_be_empty()

    assert widget.session_id() == session_id
    said_by_user = user_texts(stack, session_id)
    assert said_by_user[:2] == ["/greet", "/ask_evidence"] and len(said_by_user) == 3
    assert tracker(stack, session_id)["slots"]["country"] is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_clear_conversation_starts_a_new_one(stack: Stack, hotline: Site, page: Page, language: str) -> None:
    widget = on_hotline(page, hotline, language)
    widget.greet(language)
    old = widget.session_id()

    widget.clear()
    expect(widget.messages("user")).to_have_count(0)
    expect(widget.part(".status")).to_have_text(render(language, "web.cleared"))
    new = widget.session_id()
    assert new != old

    widget.greet(language)
    expect(widget.messages("bot").filter(has_text=said(language, "greet.welcome"))).to_have_count(1)
    assert user_texts(stack, new) == ["/greet"]
    assert user_texts(stack, old) == ["/greet"]


def leaves(page: Page, hotline: Site, history_before: int) -> None:
    """Quick exit went to the neutral page by replace and forgot the widget's keys, and only those."""
    page.wait_for_url(hotline.neutral)
    assert page.evaluate("history.length") == history_before
    assert page.evaluate(WIDGET_KEYS) == []
    assert page.evaluate("sessionStorage.getItem('hotline.own')") == "kept"
    assert page.evaluate("localStorage.length") == 0
    page.go_back()
    assert "hotline-" not in page.url, "Back returned to the page the person left"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_quick_exit_button_leaves_and_forgets(
    context: BrowserContext, hotline: Site, page: Page, language: str
) -> None:
    sockets = sockets_of(page)
    widget = on_hotline(page, hotline, language)
    widget.greet(language)
    assert page.evaluate(WIDGET_KEYS)
    [socket] = sockets
    history = page.evaluate("history.length")
    exit_button = widget.part("button.exit")
    expect(exit_button).to_have_text(render(language, "web.quick_exit"))
    expect(exit_button).to_be_in_viewport()

    with closing(socket):
        exit_button.click()
    leaves(page, hotline, history)
    assert context.cookies() == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_escape_pressed_twice_leaves_and_forgets(hotline: Site, page: Page, language: str) -> None:
    sockets = sockets_of(page)
    widget = on_hotline(page, hotline, language)
    widget.greet(language)
    history = page.evaluate("history.length")
    [socket] = sockets

    page.keyboard.press("Escape")
    widget.say(render(language, "button.evidence"))
    widget.expect_bot(said(language, "country.ask"))
    assert page.url == hotline.url(f"hotline-{language}.html"), "one Escape alone must not leave"

    with closing(socket):
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    leaves(page, hotline, history)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_analyst_message_is_marked_as_from_a_person(stack: Stack, hotline: Site, page: Page, language: str) -> None:
    widget = on_hotline(page, hotline, language)
    widget.greet(language)
    words = "<b>Hello</b>, see https://example.org/help. Not javascript:alert(1) nor <a href='x'>this</a>"
    push_analyst_message(stack, widget.session_id(), words)

    message = widget.expect_bot("https://example.org/help", author="analyst")
    expect(message.locator(".author")).to_have_text(render(language, "channel.from_analyst"))
    expect(message.locator(".author")).to_be_visible()
    expect(message.locator(".text")).to_have_text(words)
    links = message.locator("a")
    expect(links).to_have_count(1)
    expect(links).to_have_attribute("href", "https://example.org/help")
    expect(links).to_have_attribute("rel", "noopener noreferrer")
    expect(message.locator("b")).to_have_count(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_typing_is_signalled_without_a_word_of_the_draft(
    stack: Stack, hotline: Site, page: Page, language: str
) -> None:
    """While the person types the widget says only "typing" / "stopped"; the draft never leaves the page."""
    draft = {"fr": "je ne sais pas quoi dire", "ko": "뭐라고 해야 할지", "en": "not sure how to say it"}[language]
    sockets = sockets_of(page)
    widget = on_hotline(page, hotline, language)
    widget.greet(language)
    sent: list[str] = []
    sockets[-1].on("framesent", lambda payload: sent.append(str(payload)))
    box = widget.part("textarea")
    box.press_sequentially(draft)
    box.fill("")
    with sockets[-1].expect_event("framesent", predicate=lambda payload: '"user_uttered"' in str(payload)):
        widget.say(GREETINGS[language])
    typing = [json.loads(frame[2:])[1] for frame in sent if frame.startswith('42["user_typing"')]
    assert typing[0] == {"session_id": widget.session_id(), "typing": True}
    assert {"session_id": widget.session_id(), "typing": False} in typing
    assert all(set(signal) == {"session_id", "typing"} for signal in typing)
    assert not any(draft in frame or json.dumps(draft)[1:-1] in frame for frame in sent), "the draft left the page"
