"""Every message fits a phone screen before a tap: long texts are a short core (`key`) and a rest (`key.rest`).

The widget shows a message at 375x667 in a log about 510 px high: about 680 characters of French or
English and 510 of Korean fill it, and every number or address of the text adds a call or open
button on a line of its own (docs/widget.md, "Longest answer per language";
tests/web/test_phone.py::test_the_longest_message_at_375x667 measures it). A core stays within
two thirds of a screen of text and one screen with its buttons, so it fits with the other messages
of its answer; the rest is one tap away ("More" in the widget, an expandable quote in Telegram).
"""

from __future__ import annotations

import pytest

from actions.message_parts import REST_SUFFIX, message, rest_key
from content.knowledge.facts import CONTACTS
from content.texts import keys, render
from tests.content.test_texts import RUNTIME_PARAMS

CORE_LIMIT = {"fr": 450, "en": 450, "ko": 340}
"""Characters of a message shown before any tap (two thirds of a screen at 375x667)."""
SCREEN = {"fr": 680, "en": 660, "ko": 510}
"""Characters that fill the log once at 375x667."""
BUTTON = {"fr": 70, "en": 70, "ko": 55}
"""The height of one call or open button (44 px), in characters of text."""
LONGEST_LINE = max((contact.value for contact in CONTACTS.values()), key=len)
PARAMS = {**RUNTIME_PARAMS, "line": LONGEST_LINE}


def shown(language: str, key: str) -> str:
    return render(language, key, **PARAMS)


def weight(language: str, key: str) -> int:
    """A text and its buttons before a tap, in characters."""
    text = shown(language, key)
    contacts = message(language, key, PARAMS).get("parts", {}).get("contacts", [])
    return len(text) + BUTTON[language] * sum(1 for contact in contacts if contact["text"] in text)


@pytest.mark.parametrize("language", sorted(CORE_LIMIT))
def test_no_message_exceeds_a_phone_screen_before_a_tap(language: str) -> None:
    too_long = {
        key: (len(shown(language, key)), weight(language, key))
        for key in keys(language)
        if not key.endswith(REST_SUFFIX)
        and (len(shown(language, key)) > CORE_LIMIT[language] or weight(language, key) > SCREEN[language])
    }
    assert not too_long, f"write these as a core and a `.rest` (characters, with buttons): {too_long}"


@pytest.mark.parametrize("language", sorted(CORE_LIMIT))
def test_a_rest_follows_a_core_and_is_at_most_a_screen_and_a_half(language: str) -> None:
    for key in keys(language):
        if key.endswith(REST_SUFFIX):
            assert rest_key(language, key.removesuffix(REST_SUFFIX)) == key
            assert len(shown(language, key)) <= SCREEN[language] * 1.5, key


@pytest.mark.parametrize("language", sorted(CORE_LIMIT))
def test_a_long_text_is_sent_whole_with_its_rest_named_as_a_part(language: str) -> None:
    sent = message(language, "report.FR", {})
    core, rest = render(language, "report.FR"), render(language, "report.FR.rest")
    assert sent["text"] == f"{core}\n\n{rest}"
    assert sent["parts"]["more"] == {"text": rest}
    hrefs = [contact["href"] for contact in sent["parts"]["contacts"]]
    assert "https://internet-signalement.gouv.fr" in hrefs, "the rest's addresses are links too"
    assert "more" not in message(language, "report.platform", {}).get("parts", {})


@pytest.mark.parametrize(("language", "line"), [("fr", "3114"), ("ko", "109"), ("en", "116 123")])
def test_a_crisis_without_a_country_gives_the_languages_line_before_any_tap(language: str, line: str) -> None:
    assert line in render(language, "crisis.unknown")
