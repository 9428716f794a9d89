"""A turn that cannot be served (the tracker store or the lock store raising) gets `turn.failed`, never silence.

Through `serve` (every guarded channel), and through the REST channel's own route, called as Sanic
calls it, with an `on_new_message` that raises as Rasa's agent does when PostgreSQL or Redis is out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import OperationalError

from bot.channels.rest import GuardedRestInput
from bot.channels.turn_failure import failure_language, failure_text, is_failure_text, serve
from content.texts import render

TEXTS = {"fr": "comment garder des preuves ?", "ko": "증거는 어떻게 남겨야 하나요?", "en": "how do I keep evidence?"}
OUTAGES = [
    OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly")),
    RedisConnectionError("Error 111 connecting to 127.0.0.1:6390. Connection refused."),
]


async def out_of_service(message: UserMessage) -> None:
    raise OUTAGES[0]


async def answering(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, "an answer")


def message(language: str, output: CollectingOutputChannel | None = None) -> UserMessage:
    return UserMessage(
        TEXTS[language], output or CollectingOutputChannel(), "victim", metadata={"language_hint": language}
    )


@pytest.mark.parametrize("outage", OUTAGES, ids=["postgresql", "redis"])
async def test_a_failed_turn_says_turn_failed_in_the_persons_language(language: str, outage: Exception) -> None:
    async def failing(message: UserMessage) -> None:
        raise outage

    output = CollectingOutputChannel()
    assert await serve(failing, message(language, output)) is False
    assert [reply["text"] for reply in output.messages] == [render(language, "turn.failed")]


async def test_a_served_turn_is_left_alone(language: str) -> None:
    output = CollectingOutputChannel()
    assert await serve(answering, message(language, output)) is True
    assert [reply["text"] for reply in output.messages] == ["an answer"]


def test_the_language_comes_from_what_is_known_without_the_tracker() -> None:
    assert failure_language({"language": "ko", "language_hint": "fr"}, "hello") == "ko"  # the person's choice
    assert failure_language({"language_hint": "fr-FR"}, "hello") == "fr"  # the browser's language
    assert failure_language({}, "안녕하세요") == "ko"  # Hangul
    assert failure_language(None, "hola") == "en"
    assert failure_language({"language_hint": "fr"}, "hello", "ko") == "ko"  # the conversation's language first
    assert failure_language({"language_hint": "de"}, "hallo", "xx") == "en"


def test_the_failure_text_is_recognised_in_every_language(language: str) -> None:
    assert is_failure_text(failure_text(language))
    assert not is_failure_text("an answer")


@dataclass
class Request:
    """What the REST route reads of Sanic's request."""

    json: dict[str, Any]
    args: dict[str, str] = field(default_factory=dict)


def rest_route(on_new_message: Any) -> Any:
    blueprint = GuardedRestInput().blueprint(on_new_message)
    (route,) = [route for route in blueprint._future_routes if route.uri == "/webhook"]
    return route.handler


async def test_the_rest_channel_answers_503_and_turn_failed(language: str) -> None:
    receive = rest_route(out_of_service)
    payload = {"sender": "victim", "message": TEXTS[language], "metadata": {"language_hint": language}}
    response = await receive(Request(payload))
    assert response.status == 503
    assert response.headers["Retry-After"].isdigit()
    assert json.loads(response.body) == [{"recipient_id": "victim", "text": failure_text(language)}]


async def test_the_rest_channel_answers_a_served_turn_as_rasas_does() -> None:
    response = await rest_route(answering)(Request({"sender": "victim", "message": "hello"}))
    assert response.status == 200
    assert json.loads(response.body) == [{"recipient_id": "victim", "text": "an answer"}]


async def test_a_message_that_is_not_text_is_refused_before_any_turn() -> None:
    turns: list[Any] = []

    async def recorded(message: Any) -> None:
        turns.append(message)

    receive = rest_route(recorded)
    for message in (123456, None, ["hello"], {"text": "hello"}, 1.5):
        response = await receive(Request({"sender": "victim", "message": message}))
        assert response.status == 400 and json.loads(response.body) == {"error": "message_not_text"}
    assert turns == []
    assert failure_language(None, 123456) == "en"  # type: ignore[arg-type]
