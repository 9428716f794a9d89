"""The widget as a person sees it in the page (Playwright pierces its open shadow root)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from playwright.sync_api import Locator, Page, expect

from bot.services import Stack
from bot.web.widget_session import sender
from content.texts import render

GREETINGS = {"fr": "Bonjour", "ko": "안녕하세요", "en": "Hello"}
WIDGET_KEYS = "Object.keys(sessionStorage).filter((key) => key.startsWith('relais.'))"


def said(language: str, key: str) -> str:
    """The first paragraph of a catalog text (the socket.io channel sends paragraphs one by one)."""
    return render(language, key, days=30).split("\n\n")[0]


class Widget:
    def __init__(self, page: Page) -> None:
        self.page = page

    def part(self, selector: str) -> Locator:
        return self.page.locator(f".panel {selector}")

    @property
    def log(self) -> Locator:
        return self.part("ol.log")

    def messages(self, author: str) -> Locator:
        return self.part(f"li.message.{author}")

    def open(self) -> None:
        toggle = self.part("button.toggle")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        toggle.click()
        expect(self.part("textarea")).to_be_visible()

    def say(self, text: str) -> None:
        self.part("textarea").fill(text)
        self.part("textarea").press("Enter")
        expect(self.messages("user").last.locator(".text")).to_have_text(text)

    def expect_bot(self, text: str, author: str = "bot") -> Locator:
        message = self.messages(author).filter(has_text=text).last
        expect(message).to_be_visible()
        return message

    def greet(self, language: str) -> None:
        """The greeting the widget asks for as soon as it is open, with its first choices."""
        self.expect_bot(said(language, "greet.welcome"))
        expect(self.messages("bot").last.locator(".buttons button").first).to_be_visible()

    def menu(self) -> None:
        """Open the small menu (language, clear) if it is closed."""
        button = self.part("button.menu-button")
        if button.get_attribute("aria-expanded") != "true":
            button.click()
        expect(self.part(".menu")).to_be_visible()

    def clear(self) -> None:
        self.menu()
        self.part("button.clear").click()

    def storage(self) -> dict[str, str]:
        return dict(self.page.evaluate("Object.fromEntries(Object.entries(sessionStorage))"))

    def session_id(self) -> str:
        return self.storage()["relais.session"]


def tracker(stack: Stack, session_id: str) -> dict[str, Any]:
    url = f"{stack.settings.rasa_url}/conversations/{sender(session_id)}/tracker?token={stack.settings.rasa_token()}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return dict(json.loads(response.read()))


def user_texts(stack: Stack, session_id: str) -> list[str]:
    return [event["text"] for event in tracker(stack, session_id)["events"] if event["event"] == "user"]


def push_analyst_message(stack: Stack, session_id: str, text: str) -> None:
    """What the staff console does (analyst_contract.md): a bot event with side effects, through Rasa's API."""
    settings = stack.settings
    url = (
        f"{settings.rasa_url}/conversations/{sender(session_id)}/tracker/events"
        f"?output_channel=latest&execute_side_effects=true&token={settings.rasa_token()}"
    )
    event = [{"event": "bot", "text": None, "data": {"custom": {"data": {"text": text, "from": "analyst"}}}}]
    request = urllib.request.Request(
        url, data=json.dumps(event).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
