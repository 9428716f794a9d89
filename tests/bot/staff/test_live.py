"""The console's pages are pushed updates (server-sent events) instead of polling: the queue hears of a new
waiting person, a conversation of the person's new words, and an analyst's stream ends when the conversation
is no longer theirs. Console in-process, Rasa a stand-in, Rasa's `events` table written as Rasa would."""

from __future__ import annotations

import asyncio

import aiohttp
import sqlalchemy as sa

from bot.staff import queue
from bot.staff.fanout import LocalFanout
from bot.storage.db import session
from tests.bot.staff.local import Local, console_test, rasa_events
from tests.sse import events, next_event


def _request(local: Local, sender_id: str) -> int:
    with session(local.settings.database_url) as db:
        return queue.request(db, sender_id, "socketio", "fr", queue.Flags()).id


@console_test()
async def test_the_queue_page_hears_of_a_new_waiting_person(local: Local) -> None:
    analyst = await local.signed_in("ana")
    stream = events(analyst.http, analyst.base + "/staff/queue/events")
    await next_event(stream, "ready")
    await asyncio.to_thread(_request, local, "newcomer")
    assert await next_event(stream, "queue") == {}
    await stream.aclose()


@console_test()
async def test_the_conversation_page_hears_the_persons_words_and_ends_when_reassigned(local: Local) -> None:
    table = rasa_events(local.settings.database_url)
    analyst = await local.signed_in("ana")
    supervisor = await local.signed_in("sue", "supervisor")
    handoff_id = _request(local, "victim")
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    stream = events(analyst.http, analyst.base + f"/staff/handoffs/{handoff_id}/events?since=0")
    first = await next_event(stream, "messages")
    assert first["messages"] == [] and first["state"] == "human"

    local.rasa.trackers["victim"] = [{"event": "user", "text": "vous êtes là ?", "timestamp": 5.0}]
    with session(local.settings.database_url) as db:
        db.execute(table.insert(), [{"sender_id": "victim", "type_name": "user", "timestamp": 5.0}])
    pushed = await next_event(stream, "messages")
    assert pushed["next"] == 1 and [m["text"] for m in pushed["messages"]] == ["vous êtes là ?"]

    await supervisor.get(f"/staff/handoffs/{handoff_id}")
    with session(local.settings.database_url) as db:
        other = db.scalar(sa.text("select id from staff where username = 'sue'"))
    assert (await supervisor.post(f"/staff/handoffs/{handoff_id}/reassign", staff_id=str(other))).status == 200
    assert await next_event(stream, "gone") == {}
    await stream.aclose()


@console_test()
async def test_no_stream_without_a_session_or_for_someone_elses_conversation(local: Local) -> None:
    analyst = await local.signed_in("ana")
    other = await local.signed_in("bo")
    handoff_id = _request(local, "victim")
    await analyst.post(f"/staff/handoffs/{handoff_id}/claim")
    async with aiohttp.ClientSession() as stranger:
        async with stranger.get(f"{local.base}/staff/queue/events") as response:
            assert response.status == 401
    async with other.http.get(f"{local.base}/staff/handoffs/{handoff_id}/events") as response:
        assert response.status == 403


def test_a_closed_fanout_ends_every_subscription() -> None:
    async def scenario() -> None:
        fanout = LocalFanout()
        async with fanout.subscribe("queue") as notes:
            assert fanout.topics() == {"queue"}
            await fanout.publish("queue", {"n": 1})
            await fanout.close()
            assert [note async for note in notes] == [], "closing drops what was pending and ends the stream"
        async with fanout.subscribe("queue") as notes:
            assert [note async for note in notes] == []
        assert fanout.topics() == set()

    asyncio.run(scenario())
