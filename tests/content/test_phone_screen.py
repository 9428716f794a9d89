"""Every message fits a phone screen before a tap: long texts are a short core (`key`) and a rest (`key.rest`).

The widget shows a message at 375x667 in a log about 510 px high: about 680 characters of French or
English and 520 of Korean fill it (docs/widget.md, "Longest answer per language"). A core stays
well under that, so it fits with the buttons and the other messages of its answer; the rest is one
tap away ("More" in the widget, an expandable quote in Telegram). Crisis messages are never folded:
every line is there at once, within one screen.
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
"""Characters that fill the log once at 375x667 (measured with test_the_longest_message_at_375x667)."""
NEVER_FOLDED = ("crisis.",)
"""A person in crisis sees every line at once."""
LONGEST_LINE = max((contact.value for contact in CONTACTS.values()), key=len)
PARAMS = {**RUNTIME_PARAMS, "line": LONGEST_LINE}


def shown(language: str, key: str) -> str:
    return render(language, key, **PARAMS)


@pytest.mark.parametrize("language", sorted(CORE_LIMIT))
def test_no_message_exceeds_a_phone_screen_before_a_tap(language: str) -> None:
    too_long = {}
    for key in keys(language):
        if key.endswith(REST_SUFFIX):
            continue
        limit = SCREEN[language] if key.startswith(NEVER_FOLDED) else CORE_LIMIT[language]
        if len(shown(language, key)) > limit:
            too_long[key] = len(shown(language, key))
    assert not too_long, f"write these as a core and a `.rest` (at most {CORE_LIMIT[language]} characters): {too_long}"


@pytest.mark.parametrize("language", sorted(CORE_LIMIT))
def test_a_rest_follows_a_core_and_is_at_most_a_screen_and_a_half(language: str) -> None:
    for key in keys(language):
        if key.endswith(REST_SUFFIX):
            core = key.removesuffix(REST_SUFFIX)
            assert rest_key(language, core) == key
            assert not core.startswith(NEVER_FOLDED)
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
