"""The action server's request stays bounded as a conversation grows, and the actions read the same from it.

The request body is made by Rasa's own code (`RemoteAction._action_call_format`) from a real tracker
on the real domain, and passed through Rasa's plugin hook with Relais' plugins registered as the
server registers them (bot/rasa_server/__main__.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.plugin import plugin_manager
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionGreet
from actions.jurisdiction import country_slot
from bot.rasa_server.__main__ import register_plugins
from bot.settings import ROOT

MAX_EVENTS_SENT = 60
"""Far above what a turn needs (about 30 events), far below a long conversation (700 to 900 events at 100 turns)."""


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "bot" / "domain"))


@pytest.fixture(scope="module", autouse=True)
def plugins() -> None:
    register_plugins()


def user(text: str, intent: str, entities: list[dict[str, Any]] | None = None) -> UserUttered:
    ranking = [{"name": intent, "confidence": 0.9}, {"name": "ask_report", "confidence": 0.05}]
    return UserUttered(
        text,
        {"name": intent, "confidence": 0.9},
        entities or [],
        {"intent_ranking": ranking, "language_detection": {"language": "fr", "reliable": True}},
        input_channel="rest",
    )


def turn(number: int) -> list[Any]:
    """One turn shaped like Relais' (about 9 events); every tenth names a country the slot keeps."""
    events: list[Any] = [ActionExecuted("action_listen"), user(f"question {number}", "ask_offence")]
    if number % 10 == 3:
        events += [SlotSet("country", "FR")]
    return events + [
        ActionExecuted("action_offence"),
        BotUttered(f"answer {number}", {"buttons": [{"title": "menu", "payload": "/greet"}]}),
        BotUttered("anything else?"),
        SlotSet("language", "fr"),
        SlotSet("offer", None),
    ]


def conversation(domain: Domain, turns: int) -> DialogueStateTracker:
    events: list[Any] = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        user("Bonjour", "greet"),
        ActionExecuted("action_greet"),
        BotUttered("Bienvenue"),
    ]
    for number in range(1, turns):
        events += turn(number)
    # The current turn: a place Relais does not know, filled in by Rasa before the action runs.
    unknown = [{"entity": "country", "value": "Atlantis"}]
    events += [ActionExecuted("action_listen"), user("je suis à Atlantis", "inform", unknown)]
    events += [SlotSet("country", "Atlantis")]
    return DialogueStateTracker.from_events("payload-test", events, domain.slots)


def request_events(domain: Domain, tracker: DialogueStateTracker) -> list[dict[str, Any]]:
    """The events in the body Rasa posts to the action server for a custom action on `tracker`."""
    action = RemoteAction("action_inform", EndpointConfig("http://127.0.0.1:1/webhook"))
    body = action._action_call_format(tracker, domain)
    sent = plugin_manager().hook.prefix_stripping_for_custom_actions(json_body=body) or body
    return list(sent["tracker"]["events"])


def sdk_tracker(domain: Domain, tracker: DialogueStateTracker, events: list[dict[str, Any]]) -> Tracker:
    state = tracker.current_state()
    return Tracker.from_dict({**state, "events": events})


def test_events_sent_to_the_action_server_stay_bounded_after_100_turns(domain: Domain) -> None:
    long = conversation(domain, 100)
    short = conversation(domain, 10)
    sent_long, sent_short = request_events(domain, long), request_events(domain, short)
    assert len(long.events) > 700
    assert len(sent_long) <= MAX_EVENTS_SENT
    others = [e for e in sent_long if not (e["event"] == "slot" and e["name"] == "country")]
    assert len(others) == len([e for e in sent_short if not (e["event"] == "slot" and e["name"] == "country")])


def test_the_actions_read_the_same_from_the_smaller_request(domain: Domain) -> None:
    long = conversation(domain, 100)
    whole = sdk_tracker(domain, long, [e.as_dict() for e in long.events])
    sent = sdk_tracker(domain, long, request_events(domain, long))
    assert country_slot(sent) == country_slot(whole) == "FR"
    assert sent.get_latest_input_channel() == whole.get_latest_input_channel() == "rest"
    assert sent.slots_to_validate() == whole.slots_to_validate() == {"country": "Atlantis"}
    assert sent.latest_message == whole.latest_message


def greeted(domain: Domain, tracker: DialogueStateTracker, events: list[dict[str, Any]]) -> list[str | None]:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionGreet().run(dispatcher, sdk_tracker(domain, tracker, events), {}))
    return [message.get("text") for message in dispatcher.messages]


@pytest.mark.parametrize("turns", [2, 100])
def test_a_later_greeting_knows_the_bot_has_spoken(domain: Domain, turns: int) -> None:
    tracker = conversation(domain, turns)
    whole = greeted(domain, tracker, [e.as_dict() for e in tracker.events])
    assert greeted(domain, tracker, request_events(domain, tracker)) == whole
    assert len(whole) == 1  # "greet.again" and the menu, not the welcome and the privacy notice


def test_the_first_greeting_carries_the_welcome(domain: Domain) -> None:
    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    tracker = DialogueStateTracker.from_events("payload-test", [*events, user("Bonjour", "greet")], domain.slots)
    whole = greeted(domain, tracker, [e.as_dict() for e in tracker.events])
    assert greeted(domain, tracker, request_events(domain, tracker)) == whole
    assert len(whole) == 3  # the welcome, the privacy notice and the menu
