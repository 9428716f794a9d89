"""Presence and typing on the console's conversation page, in headless Chromium against the real stack: the
analyst sees the widget person online, "The person is typing…" while they type (gone with their message),
and "Left the chat" when their page goes. The labels in fr/ko/en: tests/bot/staff/test_presence.py."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from bot.services import Stack
from bot.web.widget_session import sender as widget_sender
from content.texts import render
from tests.bot.staff.conftest import PASSWORD, create_account, handoff_of
from tests.chromium import ASSISTANT_TIMEOUT_MS
from tests.hotline_site import Site
from tests.web.test_phone import DESKTOP, opened
from tests.web.widget import said


def test_the_analyst_sees_the_person_online_typing_and_gone(stack: Stack, browser: Browser, hotline: Site) -> None:
    base = f"http://{stack.settings.host}:{stack.settings.web_port}"
    analyst = create_account(stack, "analyst")
    staff, victims = browser.new_context(viewport=DESKTOP), browser.new_context(viewport=DESKTOP)
    for context in (staff, victims):
        context.set_default_timeout(ASSISTANT_TIMEOUT_MS)
    try:
        person_page = victims.new_page()
        person = opened(person_page, hotline, "fr")
        person.messages("bot").last.get_by_role("button", name=render("fr", "button.human")).click()
        person.expect_bot(said("fr", "handoff.waiting"))
        handoff = handoff_of(stack, widget_sender(person.session_id()))

        console = staff.new_page()
        console.goto(f"{base}/staff/login")
        console.get_by_label("Username").fill(analyst)
        console.get_by_label("Password").fill(PASSWORD)
        console.get_by_label("Password").press("Enter")
        expect(console).to_have_url(f"{base}/staff")
        console.locator(f'#waiting li[data-handoff="{handoff.id}"]').get_by_role(
            "button", name="Take this conversation"
        ).click()
        expect(console).to_have_url(f"{base}/staff/handoffs/{handoff.id}")
        person.expect_bot(said("fr", "handoff.joined"))

        expect(console.locator("#presence-label")).to_have_text(render("en", "console.presence.online"))
        expect(console.locator("#presence-at")).not_to_be_empty()
        expect(console.locator("#typing")).to_be_hidden()
        person.part("textarea").press_sequentially("Je ne sais pas")
        expect(console.locator("#typing")).to_have_text(render("en", "console.presence.typing"))
        expect(console.locator("#typing")).to_be_visible()
        expect(console.locator("#messages")).not_to_contain_text("Je ne sais pas")
        person.part("textarea").press_sequentially(" par où commencer")
        person.part("textarea").press("Enter")
        expect(console.locator("#messages li.from-victim .text").last).to_have_text("Je ne sais pas par où commencer")
        expect(console.locator("#typing")).to_be_hidden()

        person_page.close()
        expect(console.locator("#presence-label")).to_have_text(render("en", "console.presence.left"))
    finally:
        for context in (staff, victims):
            context.close()
