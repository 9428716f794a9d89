"""Presence and typing on the analyst's conversation page: where the channel tells them (the web widget), the
page's stream carries them as they come, the current presence first, in notes without any text; the labels are
in the analyst's language; a Telegram conversation says the channel does not tell. Leaving and coming back are
kept on the waiting request, for the queue position others are told, and its queue card says the person left
(console in-process)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Callable

import pytest
from markupsafe import escape

from bot.staff import queue
from bot.staff.presence import Presence, kept_in_queue
from bot.staff.stream import PRESENCE
from bot.storage.db import session
from content.texts import render
from tests.bot.staff.local import Local, console_test
from tests.sse import BOUND_S, events, next_event

WIDGET = "widget-0123456789abcdef"


def _presence(local: Local) -> Presence:
    assert local.app is not None
    return local.app[PRESENCE]


def _held(local: Local, sender_id: str, channel: str) -> int:
    with session(local.settings.database_url) as db:
        return queue.request(db, sender_id, channel, "fr", queue.Flags()).id


@console_test()
async def test_the_page_hears_online_typing_stopped_and_left_in_order(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _held(local, WIDGET, "socketio")
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    stream = events(analyst.http, local.base + f"/staff/handoffs/{handoff_id}/events?since=0")
    await next_event(stream, "messages")
    presence = _presence(local)
    await presence.joined(WIDGET)
    assert (await next_event(stream, "presence"))["presence"] == "online"
    await presence.typing(WIDGET, True)
    assert (await next_event(stream, "typing"))["typing"] is True
    await presence.typing(WIDGET, False)
    assert (await next_event(stream, "typing"))["typing"] is False
    await presence.left(WIDGET)
    left = await next_event(stream, "presence")
    assert set(left) == {"presence", "at"} and left["presence"] == "left"
    await stream.aclose()


@console_test()
async def test_two_tabs_are_one_person_and_a_reopened_page_hears_the_current_presence(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _held(local, WIDGET, "socketio")
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    presence = _presence(local)
    await presence.joined(WIDGET)
    await presence.joined(WIDGET)
    await presence.left(WIDGET)
    stream = events(analyst.http, local.base + f"/staff/handoffs/{handoff_id}/events?since=0")
    assert (await next_event(stream, "presence"))["presence"] == "online", "one tab is still open"
    await presence.left(WIDGET)
    assert (await next_event(stream, "presence"))["presence"] == "left"
    await stream.aclose()


@console_test()
async def test_another_conversations_notes_do_not_reach_the_page(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _held(local, WIDGET, "socketio")
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    stream = events(analyst.http, local.base + f"/staff/handoffs/{handoff_id}/events?since=0")
    await next_event(stream, "messages")
    presence = _presence(local)
    await presence.typing("widget-someone-else-entirely", True)
    await presence.joined(WIDGET)
    assert await asyncio.wait_for(stream.__anext__(), BOUND_S) == ("presence", presence.current(WIDGET))
    await stream.aclose()


def said(language: str, key: str) -> str:
    return str(escape(render(language, key)))


def _in(language: str) -> Callable[..., None]:
    @console_test()
    async def test_the_presence_labels_are_in_the_analysts_language(local: Local) -> None:
        analyst = await local.signed_in("sue", "supervisor")  # reads any conversation, held or not
        assert (await analyst.post("/staff/language", language=language)).status == 200
        widget_id = _held(local, WIDGET, "socketio")
        telegram_id = _held(local, "telegram-12345", "telegram")
        widget_page = (await analyst.get(f"/staff/handoffs/{widget_id}")).text
        assert f'data-presence-online="{said(language, "console.presence.online")}"' in widget_page
        assert f'data-presence-left="{said(language, "console.presence.left")}"' in widget_page
        assert said(language, "console.presence.typing") in widget_page and 'id="presence"' in widget_page
        assert said(language, "console.presence.untold") not in widget_page
        telegram_page = (await analyst.get(f"/staff/handoffs/{telegram_id}")).text
        assert said(language, "console.presence.untold") in telegram_page and 'id="presence"' not in telegram_page

    return test_the_presence_labels_are_in_the_analysts_language


test_the_presence_labels_in_french = _in("fr")
test_the_presence_labels_in_korean = _in("ko")
test_the_presence_labels_in_english = _in("en")


def _left_at(local: Local, sender_id: str) -> float | None:
    with session(local.settings.database_url) as db:
        handoff = queue.open_handoff(db, sender_id)
        assert handoff is not None
        return handoff.left_at


@console_test()
async def test_leaving_and_coming_back_are_kept_on_the_waiting_request(local: Local) -> None:
    """For the queue position the action server counts (queue.ahead_of), in another process."""
    _held(local, WIDGET, "socketio")
    presence = _presence(local)
    await presence.joined(WIDGET)
    await presence.settled()
    assert _left_at(local, WIDGET) is None
    await presence.left(WIDGET)
    await presence.settled()
    left = presence.current(WIDGET)
    assert left is not None and _left_at(local, WIDGET) == left["at"]
    await presence.joined(WIDGET)  # a reload: closed, then open again at once
    await presence.left(WIDGET)
    await presence.joined(WIDGET)
    await presence.settled()
    assert _left_at(local, WIDGET) is None, "the newest presence is kept, whatever order the writes end in"


def test_a_presence_the_database_cannot_keep_is_logged_and_leaves_the_request_counted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keep = kept_in_queue(f"sqlite:///{tmp_path / 'no-tables.db'}")
    with caplog.at_level(logging.WARNING, logger="bot.staff.presence"):
        asyncio.run(keep(WIDGET, 1.0))
    assert "the request stays counted" in caplog.text


def _marked(language: str) -> Callable[..., None]:
    @console_test()
    async def test_a_waiting_person_who_left_stays_on_the_queue_marked_as_left(local: Local) -> None:
        analyst = await local.signed_in("ana")
        assert (await analyst.post("/staff/language", language=language)).status == 200
        stream = events(analyst.http, local.base + "/staff/queue/events")
        await next_event(stream, "ready")
        with session(local.settings.database_url) as db:
            queue.request(db, WIDGET, "socketio", "fr", queue.Flags())
            queue.request(db, "telegram-12345", "telegram", "ko", queue.Flags())
        await next_event(stream, "queue")
        presence = _presence(local)
        await presence.joined(WIDGET)
        await presence.left(WIDGET)
        await presence.settled()
        await next_event(stream, "queue")  # the person left: the open queue pages re-read themselves
        await stream.aclose()
        page = (await analyst.get("/staff")).text
        left = str(escape(render(language, "console.card.left", minutes=0)))
        assert page.count(left) == 1, "the widget person is marked, the Telegram one (presence unknown) is not"
        assert '<span id="waiting-count">2</span>' in page, "both are still listed and can be taken"

    return test_a_waiting_person_who_left_stays_on_the_queue_marked_as_left


test_a_person_who_left_is_marked_in_french = _marked("fr")
test_a_person_who_left_is_marked_in_korean = _marked("ko")
test_a_person_who_left_is_marked_in_english = _marked("en")
