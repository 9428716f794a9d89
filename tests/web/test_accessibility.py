"""The widget by keyboard alone, with a live region, visible focus and WCAG 2.1 AA contrast."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from bot.services import Stack
from content.texts import render
from tests.hotline_site import LANGUAGES, Site
from tests.web.test_widget import on_hotline
from tests.web.widget import Widget, push_analyst_message, said

pytestmark = pytest.mark.e2e

MAX_TABS = 30
FOCUSED = """() => {
  let element = document.activeElement;
  while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
  const style = getComputedStyle(element);
  return {tag: element.tagName.toLowerCase(), cls: element.className, text: element.textContent,
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""
CONTRAST = """(selectors) => {
  const root = document.querySelector(".relais-floating, .relais-inline").shadowRoot;
  const rgb = (colour) => colour.match(/[\\d.]+/g).map(Number);
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (element) => {
    for (let node = element; node; node = node.parentElement || node.getRootNode().host) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length < 4 || colour[3] > 0) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const ratio = (element) => {
    const ink = luminance(rgb(getComputedStyle(element).color));
    const [a, b] = [ink, luminance(background(element))].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  };
  return Object.fromEntries(selectors.map((selector) => [selector, ratio(root.querySelector(selector))]));
}"""
TEXT_ELEMENTS = [
    "button.toggle",
    "button.exit",
    "button.menu-button",
    ".exit-hint",
    ".private",
    ".tools label",
    "select",
    "button.clear",
    "li.message.user .text",
    "li.message.bot .text",
    "li.message.bot .buttons button",
    "li.message.analyst .author",
    "li.message.analyst .text",
    "li.message.analyst a",
    ".error",
    "textarea",
    "button.send",
]


def tab_to(page: Page, predicate: str, backwards: bool = False) -> dict[str, object]:
    """Press Tab (or Shift+Tab) until the focused element matches; fails after MAX_TABS presses."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused: dict[str, object] = page.evaluate(FOCUSED)
        if page.evaluate(f"(f) => {predicate}", focused):
            return focused
    raise AssertionError(f"never reached {predicate} with the keyboard")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_conversation_by_keyboard_alone(hotline: Site, page: Page, language: str) -> None:
    page.goto(hotline.url(f"hotline-{language}.html"))
    widget = Widget(page)
    toggle = tab_to(page, "f.cls.includes('toggle')")
    assert toggle["outline"] != "none" and float(str(toggle["width"])) >= 2
    page.keyboard.press("Enter")
    expect(widget.part("textarea")).to_be_focused()

    widget.greet(language)
    evidence = render(language, "button.evidence")
    button = tab_to(page, f"f.tag === 'button' && f.text === {evidence!r}", backwards=True)
    assert button["outline"] != "none" and float(str(button["width"])) >= 2
    page.keyboard.press("Enter")
    widget.expect_bot(said(language, "country.ask"))

    exit_button = tab_to(page, "f.cls.includes('exit')", backwards=True)
    assert exit_button["text"] == render(language, "web.quick_exit")
    page.keyboard.press("Enter")
    page.wait_for_url(hotline.neutral)


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_live_region_and_contrast(stack: Stack, hotline: Site, page: Page, language: str) -> None:
    widget = on_hotline(page, hotline, language)
    expect(widget.log).not_to_have_attribute("aria-live", "polite")
    expect(widget.part(".announce")).to_have_attribute("aria-live", "polite")
    expect(widget.log).to_have_attribute("aria-label", render(language, "web.conversation"))
    expect(page.get_by_label(render(language, "web.placeholder"))).to_be_editable()
    expect(page.get_by_label(render(language, "web.language"))).to_have_value(language)
    expect(widget.part("button.exit")).to_have_accessible_description(render(language, "web.quick_exit_hint"))

    widget.greet(language)
    widget.say(render(language, "button.evidence"))
    widget.expect_bot(said(language, "country.ask"))
    push_analyst_message(stack, widget.session_id(), "https://example.org/help")
    widget.expect_bot("https://example.org/help", author="analyst")
    widget.part("textarea").press("Enter")
    expect(widget.part(".error")).to_have_text(render(language, "web.error.empty_message"))

    widget.menu()
    ratios = page.evaluate(CONTRAST, TEXT_ELEMENTS)
    assert {selector: ratio for selector, ratio in ratios.items() if ratio < 4.5} == {}
