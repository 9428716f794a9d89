"""Contacts and long texts in Telegram's own formatting, sent through the real output to the Bot API stand-in.

In-process (no Rasa): the message is what an action sends (actions/message_parts.py), and the
output is the channel's own (bot/channels/telegram_output.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Bot

from actions.message_parts import message
from bot.channels.telegram_callbacks import CallbackData
from bot.channels.telegram_language import ConversationLanguage
from bot.channels.telegram_output import TelegramOutput
from bot.channels.telegram_text import utf16_length
from bot.edges.button_keys import ButtonKeys
from content.texts import render
from tests.bot.channels.bot_api import BotApi, Call

CHAT = "4242"
LANGUAGES = ("fr", "ko", "en")


def sent(key: str, language: str, buttons: list[dict[str, str]] | None = None) -> list[Call]:
    """What Telegram receives for the message `key` an action sends in `language`."""
    said = message(language, key, {})
    with BotApi().running() as api:

        async def send() -> None:
            async with Bot(api.token, base_url=api.url) as bot:
                output = TelegramOutput(bot, CallbackData(ButtonKeys("secret")), ConversationLanguage())
                await output.send_response(CHAT, {**said, "buttons": buttons or []})

        asyncio.run(send())
        return api.calls("sendMessage")


def entity_texts(call: Call, kind: str) -> list[Any]:
    """(the text under each entity of `kind`, its url) in UTF-16 offsets, as Telegram reads them."""
    units = call.text.encode("utf-16-le")
    return [
        (units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le"), e.get("url"))
        for e in call.params.get("entities") or []
        if e["type"] == kind
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rest_of_a_long_text_is_an_expandable_quote_under_its_core(language: str) -> None:
    (call,) = sent("report.FR", language, [{"title": "OK", "payload": "/affirm"}])
    core, rest = render(language, "report.FR"), render(language, "report.FR.rest")
    assert call.text == f"{core}\n\n{rest}"
    assert entity_texts(call, "expandable_blockquote") == [(rest, None)]
    assert call.keyboard and call.keyboard[0][0] == "OK"


@pytest.mark.parametrize("language", LANGUAGES)
def test_web_addresses_are_links_and_numbers_are_tap_to_copy(language: str) -> None:
    (call,) = sent("report.FR", language)
    links = entity_texts(call, "text_link")
    assert ("internet-signalement.gouv.fr", "https://internet-signalement.gouv.fr") in links
    numbers = [text for text, _ in entity_texts(call, "code")]
    assert "17" in numbers, "the emergency number of the core"
    for entity in call.params["entities"]:
        assert entity["offset"] + entity["length"] <= utf16_length(call.text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_number_is_never_marked_inside_a_word(language: str) -> None:
    (call,) = sent("report.FR", language)
    units = call.text.encode("utf-16-le")
    for entity in call.params["entities"]:
        if entity["type"] == "code":
            after = units[2 * (entity["offset"] + entity["length"]) :].decode("utf-16-le")[:1]
            assert not after.isascii() or not after.isalnum(), f"a number glued to a word: {after!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_crisis_line_stands_out_and_a_plain_text_has_no_formatting(language: str) -> None:
    (crisis,) = sent("crisis.FR", language)
    assert "3114" in [text for text, _ in entity_texts(crisis, "code")]
    assert not entity_texts(crisis, "expandable_blockquote"), "a crisis message is never folded"
    (plain,) = sent("greet.again", language)
    assert plain.params.get("entities") is None
