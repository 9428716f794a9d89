"""A person on Rasa's REST channel can never receive an analyst's message: their request is kept for the team
(and listed apart), but the conversation cannot be taken for live chat, which would pause the assistant, their
only voice. In-process console, Rasa a stand-in."""

from __future__ import annotations

import sqlalchemy as sa
from markupsafe import escape

from bot.staff import queue
from bot.staff.models import Handoff
from bot.storage.audit import AuditEntry
from bot.storage.db import session
from content.texts import render
from tests.bot.staff.local import Local, console_test

LANGUAGES = ("fr", "ko", "en")


def _request(local: Local, sender_id: str, channel: str, language: str) -> int:
    with session(local.settings.database_url) as db:
        return queue.request(db, sender_id, channel, language, queue.Flags()).id


@console_test()
async def test_a_rest_conversation_cannot_be_taken_and_the_assistant_is_never_paused(local: Local) -> None:
    analyst = await local.signed_in("ana")
    for language in LANGUAGES:
        handoff_id = _request(local, f"rest-{language}", "rest", language)
        page = await analyst.get("/staff")
        assert f'action="/staff/handoffs/{handoff_id}/claim"' not in page.text, "no button to take it"
        assert escape(render("en", "console.queue.unreachable.help")) in page.text

        refused = await analyst.post(f"/staff/handoffs/{handoff_id}/claim")
        assert refused.status == 409 and escape(render("en", "console.notice.unreachable_channel")) in refused.text
        assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 409, "asking again changes nothing"
        with session(local.settings.database_url) as db:
            handoff = db.get(Handoff, handoff_id)
            assert handoff is not None and (handoff.state, handoff.claimed_by) == ("waiting", None)
            refusals = db.scalars(sa.select(AuditEntry.action).where(AuditEntry.action == "claim_refused_unreachable"))
            assert len(refusals.all()) >= 2
    assert local.rasa.appended == [], "no pause, no 'analyst joined' line ever reached Rasa"

    live = _request(local, "widget", "socketio", "ko")
    assert (await analyst.post(f"/staff/handoffs/{live}/claim")).status == 200
    assert local.rasa.appended[-1][0] == {"event": "pause", "timestamp": None}


@console_test()
async def test_a_supervisor_can_read_a_rest_conversation_without_taking_it(local: Local) -> None:
    supervisor = await local.signed_in("sam", role="supervisor")
    handoff_id = _request(local, "rest-person", "rest", "fr")
    page = await supervisor.get("/staff")
    assert f'href="/staff/handoffs/{handoff_id}"' in page.text
    assert escape(render("en", "console.queue.read_unreachable")) in page.text
    conversation = await supervisor.get(f"/staff/handoffs/{handoff_id}")
    assert conversation.status == 200 and 'id="reply"' not in conversation.text
