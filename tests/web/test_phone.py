"""The victim's chat at 375x667 and at desktop width, in each language.

Answers land on their first line, used buttons go, crisis replies carry a call button, the chrome
follows the conversation's language, nothing is missed across a reconnect, the reference block
copies and warns, a person's presence never shows "the assistant is writing", and axe-core finds
nothing on the widget or the demo page.
"""

from __future__ import annotations

import json
import urllib.request
from contextlib import contextmanager
from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from actions.message_parts import REST_SUFFIX, message
from bot.services import Stack
from bot.settings import ROOT
from bot.web.widget_session import sender
from content.texts import has, keys, raw, render
from tests.chromium import ASSISTANT_TIMEOUT_MS, Requests
from tests.content.test_texts import RUNTIME_PARAMS
from tests.hotline_site import LANGUAGES, SCREENSHOTS, Site
from tests.web.test_widget import ANSWER
from tests.web.widget import Widget, push_analyst_message, said, user_texts

pytestmark = pytest.mark.e2e

PHONE_375: ViewportSize = {"width": 375, "height": 667}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE_375, "desktop": DESKTOP}
AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
CRISIS = {"fr": ("FR", "tel:3114"), "ko": ("KR", "tel:109"), "en": ("GB", "tel:116123")}
# Typed text is always text (a typed "/crisis" is words), so the person says it as a person would.
LIVING_IN = {"fr": "j'habite en France", "ko": "한국에 살아요", "en": "I live in the UK"}
WANTING_TO_DIE = {"fr": "je veux mourir", "ko": "죽고 싶어요", "en": "I want to die"}
SWITCH = {"fr": "en", "ko": "fr", "en": "ko"}

LATEST_ANSWER = """() => {
  const root = document.querySelector(".relais-floating, .relais-inline").shadowRoot;
  const log = root.querySelector("ol.log");
  const rows = [...log.children];
  const lastUser = rows.map((row) => row.classList.contains("user")).lastIndexOf(true);
  const answer = rows.slice(lastUser + 1);
  const first = answer[0].getBoundingClientRect();
  const box = log.getBoundingClientRect();
  const height = answer[answer.length - 1].getBoundingClientRect().bottom - first.top;
  return {
    top: first.top - box.top, logHeight: log.clientHeight, height,
    chars: answer.filter((row) => !row.hidden)
      .reduce((sum, row) => sum + row.querySelector(".text").textContent.length, 0),
    buttons: log.querySelectorAll(".buttons button").length,
    rows: rows.map((row) => `${row.className}|${row.dataset.n}|${row.querySelectorAll("button").length}|`
      + row.querySelector(".text").textContent.slice(0, 30)),
    received: sessionStorage.getItem("relais.received"),
    lastButtons: answer[answer.length - 1].querySelectorAll(".buttons button").length,
  };
}"""
COUNT_ANNOUNCEMENTS = """() => {
  const root = document.querySelector(".relais-floating, .relais-inline").shadowRoot;
  const region = root.querySelector(".announce");
  window.__announcements = [];
  new MutationObserver(() => window.__announcements.push(region.textContent))
    .observe(region, {childList: true, characterData: true, subtree: true});
}"""
WATCH_STATUS = """() => {
  const root = document.querySelector(".relais-floating, .relais-inline").shadowRoot;
  const status = root.querySelector(".status");
  window.__statuses = [];
  new MutationObserver(() => window.__statuses.push(status.textContent))
    .observe(status, {childList: true, characterData: true, subtree: true});
}"""
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target)}));
}"""
MEASURES: list[str] = []


@contextmanager
def sized(browser: Browser, viewport: ViewportSize, **options: Any) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=viewport, **options)
    context.set_default_timeout(ASSISTANT_TIMEOUT_MS)
    requests = Requests(context)
    try:
        yield context
    finally:
        context.close()
    assert requests.outside_loopback() == []


def opened(page: Page, hotline: Site, language: str) -> Widget:
    page.goto(hotline.url(f"hotline-{language}.html"))
    widget = Widget(page)
    widget.open()
    widget.greet(language)
    return widget


def answer_on_screen(page: Page) -> dict[str, Any]:
    measure: dict[str, Any] = page.evaluate(LATEST_ANSWER)
    assert -2 <= measure["top"] < measure["logHeight"] - 24, f"the answer's first line is not in view: {measure}"
    if measure["height"] > measure["logHeight"]:
        assert measure["top"] <= 16, f"a long answer does not start at the top: {measure}"
    return measure


def push_events(stack: Stack, session_id: str, events: list[dict[str, Any]]) -> None:
    settings = stack.settings
    url = (
        f"{settings.rasa_url}/conversations/{sender(session_id)}/tracker/events"
        f"?output_channel=latest&execute_side_effects=true&token={settings.rasa_token()}"
    )
    request = urllib.request.Request(
        url, data=json.dumps(events).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_answer_lands_on_its_first_line_and_used_buttons_go(
    browser: Browser, hotline: Site, language: str, size: str
) -> None:
    with sized(browser, SIZES[size]) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        answer_on_screen(page)
        if size == "phone":
            header = page.evaluate(
                """() => {
                  const root = document.querySelector(".relais-floating").shadowRoot;
                  const bar = root.querySelector(".bar").getBoundingClientRect();
                  const hint = root.querySelector(".exit-hint").getBoundingClientRect();
                  const title = root.querySelector(".title");
                  return {height: hint.bottom - bar.top, oneLine: title.scrollHeight <= title.clientHeight + 2};
                }"""
            )
            assert header["height"] <= 90 and header["oneLine"], header
            expect(widget.part("button.exit")).to_be_in_viewport()

        greeting = widget.messages("bot").filter(has_text=said(language, "greet.welcome")).last
        widget.messages("bot").last.get_by_role("button", name=render(language, "button.evidence")).click()
        widget.expect_bot(said(language, "country.ask"))
        expect(greeting.locator("button")).to_have_count(0)
        answer_on_screen(page)

        page.evaluate(COUNT_ANNOUNCEMENTS)
        country, answer = ANSWER[language]
        widget.messages("bot").last.get_by_role("button", name=render(language, country)).click()
        widget.expect_bot(said(language, answer))
        expect(widget.part(".announce")).to_contain_text(said(language, answer))
        page.wait_for_timeout(1500)
        assert len(page.evaluate("window.__announcements")) == 1, "one announcement per answer"
        measure = answer_on_screen(page)
        assert measure["buttons"] == measure["lastButtons"], "only the latest message keeps buttons"
        screens = measure["height"] / measure["logHeight"]
        MEASURES.append(f"{language} {size}: {answer} {measure['chars']} chars, {screens:.1f} screens")
        print(f"answer size: {MEASURES[-1]}")

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"widget-{language}-{size}.png"
        page.screenshot(path=str(path))
        print(f"screenshot: {path}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_crisis_reply_has_a_call_button_for_the_jurisdictions_line(
    browser: Browser, hotline: Site, language: str
) -> None:
    country, href = CRISIS[language]
    with sized(browser, PHONE_375) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        widget.say(LIVING_IN[language])
        expect(widget.part(".status")).to_be_empty()
        widget.say(WANTING_TO_DIE[language])
        message = widget.expect_bot(said(language, f"crisis.{country}")[:40])
        call = message.locator(f'a.call[href="{href}"]')
        expect(call).to_be_visible()
        assert render(language, "web.call").replace("%s", "") in (call.text_content() or "")
        answer_on_screen(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"widget-{language}-crisis.png"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chrome_follows_the_conversations_language(browser: Browser, hotline: Site, language: str) -> None:
    target = SWITCH[language]
    with sized(browser, PHONE_375) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        expect(widget.messages("bot").first).to_have_attribute("lang", language)
        widget.say(f'/change_language{{"language": "{target}"}}')
        switched = widget.expect_bot(said(target, "language.switched"))
        expect(widget.part("button.send")).to_have_text(render(target, "web.send"))
        expect(widget.part("button.exit")).to_have_text(render(target, "web.quick_exit"))
        expect(widget.part("textarea")).to_have_attribute("placeholder", render(target, "web.placeholder"))
        expect(widget.part("select")).to_have_value(target)
        expect(switched).to_have_attribute("lang", target)
        expect(widget.messages("bot").first).to_have_attribute("lang", language)
        if "ko" in (language, target):
            korean = widget.part('li.message[lang="ko"]').first
            assert korean.evaluate("(e) => getComputedStyle(e).wordBreak") == "keep-all"
        page.reload()
        expect(widget.part("button.send")).to_have_text(render(target, "web.send"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_analyst_reply_sent_while_offline_appears_once_after_the_reconnect(
    stack: Stack, browser: Browser, hotline: Site, language: str
) -> None:
    with sized(browser, PHONE_375) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        words = f"Analyst words while you were away ({language})"
        stack.stop("web")
        expect(widget.part(".error")).to_have_text(render(language, "web.error.assistant_unavailable"))
        push_analyst_message(stack, widget.session_id(), words)
        stack.start("web")
        widget.expect_bot(words, author="analyst")
        expect(widget.part(".error")).to_be_empty()
        page.wait_for_timeout(1500)
        expect(widget.messages("analyst").filter(has_text=words)).to_have_count(1)
        page.reload()
        expect(widget.messages("analyst").filter(has_text=words)).to_have_count(1)
        expect(widget.messages("bot").filter(has_text=said(language, "greet.welcome"))).to_have_count(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reference_block_copies_and_quick_exit_warns_once(
    stack: Stack, browser: Browser, hotline: Site, language: str
) -> None:
    reference, pin = "RL-TEST-0013", "135790"
    with sized(browser, PHONE_375, permissions=["clipboard-read", "clipboard-write"]) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        text = render(language, "case.created", reference=reference, pin=pin)
        parts = {"case": {"reference": reference, "pin": pin}}
        push_events(stack, widget.session_id(), [{"event": "bot", "text": text, "metadata": {"parts": parts}}])
        block = widget.part(".case")
        expect(block).to_contain_text(reference)
        expect(block).to_contain_text(pin)

        url = page.url
        widget.part("button.exit").click()
        expect(widget.part(".error")).to_have_text(render(language, "web.case.warn"))
        assert page.url == url

        block.get_by_role("button", name=render(language, "web.case.copy")).click()
        expect(block.locator(".copied")).to_have_text(render(language, "web.case.copied"))
        copied = page.evaluate("navigator.clipboard.readText()")
        assert reference in copied and pin in copied

        widget.clear()
        expect(widget.part(".status")).to_have_text(render(language, "web.cleared"))
        expect(widget.part(".case")).to_have_count(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_clear_warns_once_before_an_uncopied_reference_is_lost(
    stack: Stack, browser: Browser, hotline: Site, language: str
) -> None:
    reference = "RL-TEST-0014"
    with sized(browser, DESKTOP) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        text = render(language, "case.created", reference=reference, pin="246801")
        parts = {"case": {"reference": reference, "pin": "246801"}}
        push_events(stack, widget.session_id(), [{"event": "bot", "text": text, "metadata": {"parts": parts}}])
        expect(widget.part(".case")).to_contain_text(reference)
        widget.clear()
        expect(widget.part(".error")).to_have_text(render(language, "web.case.warn"))
        expect(widget.part(".case")).to_be_visible()
        widget.clear()
        expect(widget.part(".case")).to_have_count(0)
        expect(widget.part(".status")).to_have_text(render(language, "web.cleared"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_touch_devices_get_a_tap_hint(browser: Browser, hotline: Site, language: str) -> None:
    with sized(browser, PHONE_375, has_touch=True, is_mobile=True) as context:
        page = context.new_page()
        page.goto(hotline.url(f"hotline-{language}.html"))
        widget = Widget(page)
        widget.part("button.toggle").tap()
        expect(widget.part(".exit-hint")).to_have_text(render(language, "web.quick_exit_hint_touch"))
        expect(widget.part("button.exit")).to_have_accessible_description(render(language, "web.quick_exit_hint_touch"))
    with sized(browser, DESKTOP) as context:
        page = context.new_page()
        page.goto(hotline.url(f"hotline-{language}.html"))
        widget = Widget(page)
        widget.open()
        expect(widget.part(".exit-hint")).to_have_text(render(language, "web.quick_exit_hint"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_while_a_person_holds_the_chat_the_assistant_is_never_said_to_write(
    stack: Stack, browser: Browser, hotline: Site, language: str
) -> None:
    with sized(browser, PHONE_375) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        session_id = widget.session_id()
        held = [{"event": "slot", "name": "handoff_state", "value": "human"}, {"event": "pause"}]
        push_events(stack, session_id, held)
        push_analyst_message(stack, session_id, "Hello, I am here.")
        widget.expect_bot("Hello, I am here.", author="analyst")
        page.wait_for_timeout(1500)
        page.evaluate(WATCH_STATUS)
        widget.say("are you there?")
        expect(widget.part(".status")).to_have_text(render(language, "web.with_person"))
        page.wait_for_timeout(1500)
        assert render(language, "web.typing") not in page.evaluate("window.__statuses")
        assert user_texts(stack, session_id)[-1] == "are you there?"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_core_finds_no_violation(
    stack: Stack, browser: Browser, hotline: Site, web_origin: str, language: str, size: str
) -> None:
    axe = AXE.read_text()
    with sized(browser, SIZES[size], locale=language, bypass_csp=True) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        push_analyst_message(stack, widget.session_id(), "See https://example.org/help")
        widget.expect_bot("https://example.org/help", author="analyst")
        widget.say(render(language, "button.evidence"))
        widget.expect_bot(said(language, "country.ask"))
        widget.menu()
        page.add_script_tag(content=axe)
        assert page.evaluate(RUN_AXE) == []

        demo = context.new_page()
        demo.goto(f"{web_origin}/")
        Widget(demo).greet(language)
        demo.add_script_tag(content=axe)
        assert demo.evaluate(RUN_AXE) == []


MEASURE_FROM = """(first) => {
  const root = document.querySelector(".relais-floating, .relais-inline").shadowRoot;
  const log = root.querySelector("ol.log");
  const rows = [...log.querySelectorAll("li.message.bot")].slice(first).filter((row) => !row.hidden);
  const box = log.getBoundingClientRect();
  const top = rows[0].getBoundingClientRect().top;
  const bottom = rows[rows.length - 1].getBoundingClientRect().bottom;
  return {
    top: top - box.top, height: bottom - top, logHeight: log.clientHeight,
    chars: rows.reduce((sum, row) => sum + row.querySelector(".text").textContent.length, 0),
  };
}"""
SAMPLE_PARAMS = {**RUNTIME_PARAMS, "reference": "RL-AB12-CD34", "pin": "123456", "people": 2, "wait": "20 minutes"}
FORMERLY_LONGEST = "report.FR"
"""The longest text of every catalog before long texts had a core and a rest (docs/widget.md)."""


BUTTON_CHARS = 50
"""A call or open button takes a line of its own at 375 px: about 50 characters' height."""
MAX_SCREENS = 1.0
"""Every text shown before a tap fits the log at 375x667 (tests/content/test_phone_screen.py keeps it so)."""


def used_params(language: str, key: str) -> dict[str, Any]:
    """The sample parameters `key` (and its rest) name: a reference and PIN only where a text shows them."""
    texts = raw(language, key) + (raw(language, key + REST_SUFFIX) if has(language, key + REST_SUFFIX) else "")
    return {name: value for name, value in SAMPLE_PARAMS.items() if f"{{{name}}}" in texts}


def longest_message(language: str) -> str:
    """The key of the tallest text shown before a tap (a core, or a text without a rest), buttons counted."""

    def height(key: str) -> int:
        text = render(language, key, **SAMPLE_PARAMS)
        contacts = message(language, key, used_params(language, key)).get("parts", {}).get("contacts", [])
        return len(text) + BUTTON_CHARS * sum(1 for contact in contacts if contact["text"] in text)

    shown = [key for key in keys(language) if not key.endswith(REST_SUFFIX) and not key.startswith("web.")]
    return max(shown, key=height)


def pushed(stack: Stack, page: Page, widget: Widget, language: str, key: str) -> int:
    """Push the message `key` as an action sends it; the index of its first row among the bot's."""
    page.wait_for_timeout(1000)  # the previous answer is complete: what comes next is a new answer
    first = widget.messages("bot").count()
    sent = message(language, key, used_params(language, key))
    event = {"event": "bot", "text": sent["text"], "metadata": {"parts": sent.get("parts", {})}}
    push_events(stack, widget.session_id(), [event])
    expect(widget.messages("bot")).to_have_count(first + len(sent["text"].strip().split("\n\n")))
    if "more" in sent.get("parts", {}):
        expect(widget.part("button.more").last).to_be_visible()
    page.wait_for_timeout(1500)
    return first


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_longest_message_at_375x667(stack: Stack, browser: Browser, hotline: Site, language: str) -> None:
    """Measures the longest texts in the widget (docs/widget.md); "More" shows the rest of a folded one."""
    with sized(browser, PHONE_375) as context:
        page = context.new_page()
        widget = opened(page, hotline, language)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        key = longest_message(language)
        first = pushed(stack, page, widget, language, key)
        measure = page.evaluate(MEASURE_FROM, first)
        screens = measure["height"] / measure["logHeight"]
        print(f"longest message: {language} {key} {measure['chars']} chars, {screens:.2f} screens at 375x667")
        page.screenshot(path=str(SCREENSHOTS / f"widget-{language}-longest.png"))
        assert -2 <= measure["top"] <= 16 or screens < 1, f"the message does not start at the top: {measure}"
        assert screens <= MAX_SCREENS, f"{key} is longer than a screen: {measure}"

        first = pushed(stack, page, widget, language, FORMERLY_LONGEST)
        folded = page.evaluate(MEASURE_FROM, first)
        screens = folded["height"] / folded["logHeight"]
        assert -2 <= folded["top"] <= 16 or screens < 1, folded
        core, rest = render(language, FORMERLY_LONGEST), render(language, FORMERLY_LONGEST + REST_SUFFIX)
        assert folded["chars"] == len(core.replace("\n\n", "")), folded
        assert screens <= 1, f"the core of {FORMERLY_LONGEST} is longer than a screen: {folded}"
        expect(widget.log.get_by_text(rest.split("\n\n")[0][:30])).to_be_hidden()
        print(f"formerly longest: {language} {FORMERLY_LONGEST} {folded['chars']} chars, {screens:.2f} screens folded")
        page.screenshot(path=str(SCREENSHOTS / f"widget-{language}-folded.png"))

        more = widget.part("button.more").last
        expect(more).to_have_text(render(language, "web.more"))
        more.click()
        expect(widget.log.get_by_text(rest.split("\n\n")[0][:30])).to_be_visible()
        expect(widget.part("button.more")).to_have_count(0)
        assert page.evaluate(MEASURE_FROM, first)["chars"] == len((core + rest).replace("\n\n", ""))
        focused = page.evaluate(
            "() => document.querySelector('.relais-floating').shadowRoot.activeElement?.textContent || ''"
        )
        assert rest.split("\n\n")[0][:30] in focused, "the first line of the rest has the focus"
        page.reload()
        expect(widget.log.get_by_text(rest.split("\n\n")[0][:30])).to_be_visible()
        expect(widget.part("button.more")).to_have_count(0)
