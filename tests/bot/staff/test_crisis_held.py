"""A crisis written while an analyst holds the conversation is heard although the assistant is paused.

Rasa, paused, still reads the message and stores its intent (the crisis guard makes a risk to life
`crisis` in every language); the console's watcher reads it from Rasa's `events` table, makes the held
handoff a crisis with the moment on its card, alerts the open pages, and has the assistant give the
crisis line at once, once per hold, whatever the number of web processes. Console in-process, Rasa a
stand-in, Rasa's `events` table written as Rasa writes it.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_guard import CrisisGuard
from bot.staff import queue
from bot.staff.fanout import QUEUE, LocalFanout, Note, conversation
from bot.staff.models import Handoff
from bot.staff.watch import Watcher
from bot.storage import migrate
from bot.storage.db import session
from content.texts import render
from tests.bot.staff.local import Local, console_test, rasa_events
from tests.sse import BOUND_S, events, next_event

CRISES = {"fr": "je veux mourir", "ko": "죽고 싶어요", "en": "i want to die"}
ORDINARY = {"fr": "vous êtes là ?", "ko": "계세요?", "en": "are you there?"}



def _intent(text: str) -> str:
    """The intent Rasa stores for `text` when the classifier missed it: what the crisis guard makes of it."""
    message = Message(data={TEXT: text, INTENT: {"name": "nlu_fallback", "confidence": 0.3}})
    CrisisGuard().process([message])
    return str(message.get(INTENT)["name"])


def _writes(url: str, sender_id: str, text: str) -> None:
    """The person writes `text` (Rasa stores it with its intent, paused or not)."""
    with session(url) as db:
        db.execute(
            rasa_events(url)
            .insert()
            .values(sender_id=sender_id, type_name="user", timestamp=time.time(), intent_name=_intent(text))
        )


def _held(url: str, sender_id: str) -> int:
    with session(url) as db:
        handoff = queue.request(db, sender_id, "socketio", "en", queue.Flags())
        assert queue.claim(db, handoff.id, 1)
        return handoff.id


def _handoff(url: str, handoff_id: int) -> Handoff:
    with session(url) as db:
        handoff = db.get(Handoff, handoff_id)
        assert handoff is not None
        return handoff


class Heard:
    """A fan-out that keeps what was published, and the crisis lines asked for."""

    def __init__(self) -> None:
        self.fanout = LocalFanout()
        self.notes: list[tuple[str, Note]] = []
        self.lines: list[str] = []
        publish = self.fanout.publish

        async def keep(topic: str, note: Note) -> None:
            self.notes.append((topic, note))
            await publish(topic, note)

        self.fanout.publish = keep  # type: ignore[method-assign]

    async def crisis_line(self, sender_id: str) -> None:
        self.lines.append(sender_id)

    def watcher(self, url: str) -> Watcher:
        return Watcher(url, self.fanout, self.crisis_line)


@pytest.fixture
def url(tmp_path: Path) -> str:
    database = f"sqlite:///{tmp_path / 'relais.db'}"
    migrate.upgrade(database)
    rasa_events(database)
    return database


async def _watch(heard: Heard, url: str, *steps: Any) -> None:
    watcher = heard.watcher(url)
    await watcher.once()  # the first look only learns where Rasa's events are
    for step in steps:
        await asyncio.to_thread(step)
        await watcher.once()


def test_a_crisis_while_held_raises_the_card_alerts_and_gives_the_line_once(language: str, url: str) -> None:
    handoff_id = _held(url, "victim")
    heard = Heard()
    # the conversation page is open: its topic is watched
    subscription = heard.fanout.subscribe(conversation("victim"))

    async def scenario() -> None:
        async with subscription:
            await _watch(
                heard,
                url,
                lambda: _writes(url, "victim", ORDINARY[language]),
                lambda: _writes(url, "victim", CRISES[language]),
            )

    asyncio.run(scenario())
    handoff = _handoff(url, handoff_id)
    assert handoff.priority == queue.CRISIS and handoff.crisis_at is not None
    assert heard.lines == ["victim"]
    assert (QUEUE, {"crisis": True}) in heard.notes
    assert (conversation("victim"), {"crisis": True}) in heard.notes
    assert (conversation("victim"), {}) in heard.notes, "the ordinary message was a plain nudge"

    first = handoff.crisis_at
    asyncio.run(_watch(heard, url, lambda: _writes(url, "victim", CRISES[language])))
    again = _handoff(url, handoff_id)
    assert heard.lines == ["victim"], "the line once per hold: the analyst is alerted again instead"
    assert again.crisis_at is not None and again.crisis_at >= first
    assert heard.notes.count((QUEUE, {"crisis": True})) == 2


def test_an_ordinary_message_while_held_changes_nothing(language: str, url: str) -> None:
    handoff_id = _held(url, "victim")
    heard = Heard()
    asyncio.run(_watch(heard, url, lambda: _writes(url, "victim", ORDINARY[language])))
    handoff = _handoff(url, handoff_id)
    assert (handoff.priority, handoff.crisis_at, heard.lines) == (queue.OTHER, None, [])


def test_a_crisis_while_waiting_is_left_to_the_assistant(language: str, url: str) -> None:
    """Not paused, the assistant answers the crisis itself (actions/safety.py), and raises the priority."""
    with session(url) as db:
        handoff_id = queue.request(db, "victim", "socketio", "en", queue.Flags()).id
    heard = Heard()
    asyncio.run(_watch(heard, url, lambda: _writes(url, "victim", CRISES[language])))
    assert heard.lines == [] and _handoff(url, handoff_id).crisis_at is None


def test_two_web_processes_give_the_line_once(url: str) -> None:
    """Each web replica has its own watcher; the conditional UPDATE lets one act on each message."""
    _held(url, "victim")
    heard = Heard()

    async def scenario() -> None:
        first, second = heard.watcher(url), heard.watcher(url)
        await first.once()
        await second.once()
        await asyncio.to_thread(_writes, url, "victim", CRISES["en"])
        await asyncio.gather(first.once(), second.once())

    asyncio.run(scenario())
    assert heard.lines == ["victim"]


def test_a_line_that_cannot_be_given_leaves_the_watcher_watching(url: str) -> None:
    from bot.staff import rasa_api

    handoff_id = _held(url, "victim")
    heard = Heard()

    async def refused(sender_id: str) -> None:
        raise rasa_api.RasaUnavailableError("Rasa answered 500")

    async def scenario() -> None:
        watcher = Watcher(url, heard.fanout, refused)
        await watcher.once()
        await asyncio.to_thread(_writes, url, "victim", CRISES["en"])
        await watcher.once()
        await asyncio.to_thread(_writes, url, "victim", ORDINARY["en"])
        await watcher.once()

    asyncio.run(scenario())
    assert _handoff(url, handoff_id).priority == queue.CRISIS
    assert (QUEUE, {"crisis": True}) in heard.notes


@console_test()
async def test_the_console_has_the_assistant_give_the_line_and_shows_why(local: Local) -> None:
    url = local.settings.database_url
    await asyncio.to_thread(rasa_events, url)
    analyst = await local.signed_in("ana")
    with session(url) as db:
        handoff_id = queue.request(db, "victim", "socketio", "ko", queue.Flags()).id
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    page = await analyst.get(f"/staff/handoffs/{handoff_id}")
    assert 'id="crisis-alert" class="notice crisis" role="alert" hidden' in page.text

    stream = events(analyst.http, analyst.base + f"/staff/handoffs/{handoff_id}/events?since=0")
    assert (await next_event(stream, "messages"))["crisis_at"] is None
    await asyncio.to_thread(_writes, url, "victim", CRISES["ko"])
    await asyncio.wait_for(local.rasa.ran.wait(), BOUND_S)
    assert local.rasa.executed == [("victim", "action_crisis", "latest")]
    pushed = await next_event(stream, "messages")
    while pushed["crisis_at"] is None:
        pushed = await next_event(stream, "messages")
    await stream.aclose()

    page = await analyst.get(f"/staff/handoffs/{handoff_id}")
    assert render("en", "console.conv.crisis_held") in page.text
    assert 'id="crisis-alert" class="notice crisis" role="alert">' in page.text
    queue_page = await analyst.get("/staff")
    assert render("en", "console.card.crisis_held", minutes=0) in queue_page.text
    assert f'<li class="priority-{queue.CRISIS}" data-held="{handoff_id}">' in queue_page.text
