"""The console in headless Chromium (the tests/web harness): sign in, take a conversation, read, reply."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect

from bot.services import Stack
from tests.bot.staff.conftest import PASSWORD, create_account, handoff_of, live_chat

HOSTILE = "<img src=x onerror=\"document.title='pwned'\"> help"


def test_sign_in_claim_read_and_reply(stack: Stack, page: Page) -> None:
    base = f"http://{stack.settings.host}:{stack.settings.web_port}"
    username = create_account(stack, "analyst")
    victim = live_chat(stack, "ko")
    handoff = handoff_of(stack, victim.sender)

    page.goto(f"{base}/staff")
    expect(page).to_have_url(f"{base}/staff/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page).to_have_url(f"{base}/staff")

    card = page.locator(f'#waiting li[data-handoff="{handoff.id}"]')
    # Asked in the widget, then carried on over REST (the test's side): the reply goes to the latest channel,
    # REST, so it is only recorded in the tracker, which is what this test reads.
    card.get_by_role("button", name="Take this conversation").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}/staff/handoffs/{handoff.id}")

    victim.say(HOSTILE)
    expect(page.locator("#messages li.from-victim .text").last).to_have_text(HOSTILE, timeout=5000)
    assert page.locator("#messages img").count() == 0 and page.title() != "pwned"

    page.get_by_label("Reply to the person").fill("안녕하세요, 상담원입니다.")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.locator("#messages li.from-analyst .text").last).to_have_text("안녕하세요, 상담원입니다.", timeout=5000)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        custom = [
            e["data"]["custom"]["data"]
            for e in victim.tracker()["events"]
            if e["event"] == "bot" and (e.get("data") or {}).get("custom")
        ]
        if custom:
            break
        time.sleep(0.2)
    assert custom[-1] == {"text": "안녕하세요, 상담원입니다.", "from": "analyst"}
