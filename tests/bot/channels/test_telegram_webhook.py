"""The webhook route under Rasa: only Telegram (holding the secret) gets in, bad input gets a 4xx."""

from __future__ import annotations

import json
import urllib.request
from typing import Callable

import pytest
from telegram import Bot, Chat

from bot.channels.telegram_webhook import parse_update
from tests.bot.channels.bot_api import TOKEN
from tests.bot.channels.person import TelegramPerson

Person = Callable[..., TelegramPerson]
MALFORMED = [
    b"{not json",
    b"\xff\xfe",
    b"[]",
    b'"update"',
    b"{}",
    b'{"update_id": "12"}',
    b'{"update_id": true}',
    b'{"update_id": 12, "message": {"text": "hello"}}',
    b'{"update_id": 12, "message": 5}',
    b'{"update_id": 12, "callback_query": {"id": "1"}}',
]


@pytest.mark.parametrize("body", MALFORMED)
def test_what_is_not_an_update_does_not_parse(body: bytes) -> None:
    assert parse_update(body, Bot(TOKEN)) is None


def test_an_update_of_another_kind_parses() -> None:
    update = parse_update(json.dumps({"update_id": 12}).encode(), Bot(TOKEN))
    assert update is not None and update.update_id == 12


@pytest.mark.parametrize("secret", ["wrong-secret", "", None, "relais-test-secret_"])
def test_a_wrong_or_missing_secret_is_refused_and_nothing_reaches_rasa(person: Person, secret: str | None) -> None:
    someone = person("fr")
    assert someone.post(someone.text("Bonjour"), secret=secret) == 403
    assert someone.post(b"{not json", secret=secret) == 403
    assert someone.user_events() == []
    assert someone.sent() == []


def test_malformed_updates_get_400_and_the_next_good_update_works(person: Person) -> None:
    someone = person("en")
    for body in MALFORMED:
        assert someone.post(body) == 400, body
    assert someone.says("Hello")
    assert [event["text"] for event in someone.user_events()] == ["Hello"]


def test_a_replayed_update_gets_200_and_is_not_processed_twice(person: Person) -> None:
    someone = person("en")
    update = someone.text("Hello")
    assert someone.deliver(update)
    answered = len(someone.sent())
    assert someone.post(update) == 200, "any other answer makes Telegram deliver it again"
    assert len(someone.sent()) == answered
    assert [event["text"] for event in someone.user_events()] == ["Hello"]
    assert someone.says("Thank you")
    assert [event["text"] for event in someone.user_events()] == ["Hello", "Thank you"]


def test_an_oversized_body_gets_413(person: Person) -> None:
    someone = person("en")
    update = someone.text("a" * 300_000)
    assert someone.post(update) == 413
    assert someone.user_events() == []


def test_group_chats_are_ignored(person: Person) -> None:
    group = person("en", Chat.GROUP)
    assert group.post(group.text("Hello")) == 200
    press = group.button("/ask_offence")
    assert group.post(press) == 200
    answered = [c.params["callback_query_id"] for c in group.api.calls("answerCallbackQuery")]
    assert press["callback_query"]["id"] not in answered
    assert group.sent() == []
    assert group.user_events() == []


def test_the_health_route_says_the_mode(person: Person) -> None:
    someone = person()
    with urllib.request.urlopen(someone.webhook.rsplit("/", 1)[0] + "/", timeout=10) as response:
        assert json.loads(response.read()) == {"status": "ok", "mode": "webhook"}
