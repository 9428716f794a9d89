"""The Telegram channel's edge rules, in-process (tests/bot/channels/in_process.py).

Forged button data is refused politely; typed text is always text (a leading "/" is a command,
and only Relais' commands reach Rasa, as their intents); NUL characters and lone
surrogates are removed and a message left empty is answered; a chat flooding the webhook is told to
slow down once and the refusals are counted; a redelivered update, even two at the same moment,
is acknowledged with 200 and handled once.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
from pathlib import Path
from typing import Any, Iterator

import pytest
from sqlalchemy.exc import OperationalError

from bot.edges import flood
from content.texts import render
from tests.bot.channels.in_process import Webhook, webhook

LANGUAGES = ["fr", "ko", "en"]
_ids = itertools.count(random.randrange(10**6, 10**8))


@pytest.fixture
def hook(tmp_path: Path) -> Iterator[Webhook]:
    with webhook(tmp_path) as running:
        yield running


def _user(chat: int, language: str) -> dict[str, Any]:
    return {"id": chat, "is_bot": False, "first_name": "A", "language_code": language}


def text(chat: int, words: str, language: str = "en") -> dict[str, Any]:
    message = {"message_id": 1, "date": 1_700_000_000, "chat": {"id": chat, "type": "private"}, "text": words}
    return {"update_id": next(_ids), "message": {**message, "from": _user(chat, language)}}


def press(chat: int, data: str, language: str = "en") -> dict[str, Any]:
    shown = {"message_id": 2, "date": 1_700_000_000, "chat": {"id": chat, "type": "private"}}
    query = {
        "id": f"cq{next(_ids)}",
        "from": _user(chat, language),
        "chat_instance": "c",
        "data": data,
        "message": shown,
    }
    return {"update_id": next(_ids), "callback_query": query}


def said(hook: Webhook, chat: int) -> list[str]:
    return [call.text for call in hook.api.calls("sendMessage", chat)]


def _chat() -> int:
    return random.randrange(10**9, 2 * 10**9)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("data", ["/crisis", "/request_human", '/inform{"country": "anything"}', "/restart", "x|y"])
def test_forged_button_data_is_refused_politely(hook: Webhook, language: str, data: str) -> None:
    chat = _chat()
    assert hook.post(press(chat, data, language)) == 200
    assert hook.received == []
    assert said(hook, chat) == [render(language, "telegram.button_expired")]


def test_a_button_relais_issued_to_the_chat_passes_and_only_there(hook: Webhook) -> None:
    chat = _chat()
    issued = hook.callbacks.encode(str(chat), '/inform{"country": "FR"}')
    assert hook.post(press(chat, issued)) == 200
    assert hook.post(press(chat + 1, issued)) == 200
    assert [(m.sender_id, m.text) for m in hook.received] == [(str(chat), '/inform{"country": "FR"}')]
    assert said(hook, chat + 1) == [render("en", "telegram.button_expired")]


@pytest.mark.parametrize("typed", [" /crisis", '\u00a0/inform{"country": "anything"}', "/restart"])
def test_typed_slash_text_is_a_command_or_nothing_for_rasa(hook: Webhook, typed: str) -> None:
    chat = _chat()
    assert hook.post(text(chat, typed)) == 200
    assert hook.received == []
    assert said(hook, chat) == [render("en", "telegram.unknown_command")]


def test_text_is_passed_as_text(hook: Webhook) -> None:
    assert hook.post(text(_chat(), "hello /crisis")) == 200
    assert [m.text for m in hook.received] == ["hello /crisis"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_unreadable_characters_are_removed_and_an_empty_message_is_answered(hook: Webhook, language: str) -> None:
    chat = _chat()
    hook.post(json.dumps(text(chat, "my\x00 name\ud800", language)).encode())
    hook.post(json.dumps(text(chat, "\x00\udfff", language)).encode())
    assert [m.text for m in hook.received] == ["my name"]
    assert said(hook, chat) == [render(language, "edge.unreadable")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_flooding_chat_is_told_to_slow_down_once_and_the_refusals_are_counted(hook: Webhook, language: str) -> None:
    chat, other = _chat(), _chat()
    before = flood.REFUSED["rate:telegram"]
    statuses = [hook.post(text(chat, f"message {n}", language)) for n in range(40)]
    assert statuses == [200] * 40
    allowed = len([m for m in hook.received if m.sender_id == str(chat)])
    assert 8 <= allowed <= 9, "a burst of RELAIS_EDGE_RATE_MESSAGES, and the bucket leaks a little"
    assert said(hook, chat) == [render(language, "edge.slow_down")]
    assert flood.REFUSED["rate:telegram"] - before == 40 - allowed
    hook.post(text(other, "hello", language))
    assert hook.received[-1].sender_id == str(other), "another chat is not slowed down"


def test_a_redelivered_update_is_acknowledged_and_handled_once(hook: Webhook) -> None:
    update = text(_chat(), "Hello")
    assert hook.post(update) == 200
    assert hook.post(update) == 200, "any other answer makes Telegram deliver it again"
    assert len(hook.received) == 1


def test_two_simultaneous_deliveries_are_handled_once(hook: Webhook) -> None:
    for _ in range(5):
        body = json.dumps(text(_chat(), "Hello")).encode()

        async def twice(body: bytes = body) -> list[int]:
            return list(await asyncio.gather(hook.call(body), hook.call(body)))

        statuses = hook.loop.run_until_complete(twice())
        assert statuses == [200, 200]
    assert len(hook.received) == 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_turn_that_cannot_be_served_is_answered_never_silence(tmp_path: Path, language: str) -> None:
    """The tracker store out (PostgreSQL's connections cut): the person reads `turn.failed` in the language of
    their Telegram client, the update is acknowledged (Telegram would otherwise deliver it again and again)."""
    outage = OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"))
    with webhook(tmp_path, outage=outage) as failing:
        chat = _chat()
        assert failing.post(text(chat, "comment garder des preuves ?", language)) == 200
        assert len(failing.received) == 1
        assert said(failing, chat) == [render(language, "turn.failed")]
