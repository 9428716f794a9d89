"""A custom action that cannot run (action server down, an action raising) says `turn.failed`, never nothing.

Rasa's own `RemoteAction` runs against a real HTTP endpoint: a port nothing listens on, or a small
aiohttp server answering as rasa-sdk does when an action raises (HTTP 500) or rejects (HTTP 400).
"""

from __future__ import annotations

from typing import AsyncIterator

import pytest
from aiohttp import web
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.channels.turn_failure import failure_text
from bot.rasa_server import action_failure
from bot.replicas import free_ports
from content.texts import render

MESSAGES = {"fr": "Bonjour, j'ai besoin d'aide", "ko": "안녕하세요 도와주세요", "en": "Hello, I need help"}


@pytest.fixture(scope="module", autouse=True)
def installed() -> None:
    action_failure.install()


def tracker(language: str) -> DialogueStateTracker:
    """A first message with the channel's language hint; the conversation has no `language` slot value yet."""
    current = DialogueStateTracker("failure-test", [TextSlot("language", mappings=[{"type": "custom"}])])
    current.update(ActionExecuted("action_listen"))
    current.update(UserUttered(MESSAGES[language], {"name": "greet"}, metadata={"language_hint": language}))
    return current


async def run(url: str, language: str) -> list:
    action = RemoteAction("action_greet", EndpointConfig(url))
    return list(await action.run(CollectingOutputChannel(), None, tracker(language), Domain.empty()))


@pytest.fixture
async def action_server() -> AsyncIterator[str]:
    """Answers as rasa-sdk does: 500 when the action raised, 400 when it rejected (`/reject`)."""

    async def webhook(request: web.Request) -> web.Response:
        if request.path.endswith("reject"):
            return web.json_response({"action_name": "action_greet", "error": "not me"}, status=400)
        return web.Response(status=500, text="Internal Server Error")

    app = web.Application()
    app.router.add_post("/{name}", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    (port,) = free_ports(1)
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def test_an_action_server_that_is_down_gets_a_calm_message(language: str) -> None:
    (port,) = free_ports(1)
    events = await run(f"http://127.0.0.1:{port}/webhook", language)
    assert [type(event) for event in events] == [BotUttered]
    assert events[0].text == render(language, "turn.failed")


async def test_an_action_that_raised_gets_a_calm_message(action_server: str, language: str) -> None:
    events = await run(f"{action_server}/webhook", language)
    assert [event.text for event in events] == [failure_text(language)]


async def test_a_rejection_is_not_a_failure(action_server: str) -> None:
    with pytest.raises(ActionExecutionRejection):
        await run(f"{action_server}/reject", "en")


async def test_one_turn_says_it_once(action_server: str) -> None:
    current = tracker("fr")
    action = RemoteAction("action_greet", EndpointConfig(f"{action_server}/webhook"))
    first = await action.run(CollectingOutputChannel(), None, current, Domain.empty())
    for event in first:
        current.update(event)
    assert await action.run(CollectingOutputChannel(), None, current, Domain.empty()) == []


async def test_a_failed_session_start_starts_the_session_as_rasas_default(action_server: str) -> None:
    """`action_session_start` runs before the message is on the tracker (its language is not known yet):
    it says nothing, and the session starts as without a custom session start, so the turn goes on."""
    action = RemoteAction("action_session_start", EndpointConfig(f"{action_server}/webhook"))
    events = await action.run(CollectingOutputChannel(), None, tracker("ko"), Domain.empty())
    assert [type(event) for event in events] == [SessionStarted, ActionExecuted]
    assert events[-1].action_name == "action_listen"


def test_the_conversation_language_wins_over_the_hint() -> None:
    current = tracker("en")
    current.update(SlotSet("language", "ko"))  # the slot Relais' actions keep (actions/reply.py)
    assert action_failure.failure_events(current)[0].text == failure_text("ko")


def test_installing_twice_wraps_once() -> None:
    wrapped = RemoteAction.run
    action_failure.install()
    assert RemoteAction.run is wrapped
