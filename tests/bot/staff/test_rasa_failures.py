"""When Rasa is slow or down, a claim is undone, a reply is not recorded as sent and a hand-back or close changes
nothing; the analyst is told in plain words. Rasa here is a stand-in HTTP server that stops answering on demand."""

from __future__ import annotations

import sqlalchemy as sa

from bot.staff import queue
from bot.staff.models import Handoff
from bot.storage.audit import AuditEntry
from bot.storage.db import session
from content.texts import render
from tests.bot.staff.local import Local, console_test

CLAIMED = [
    {"event": "pause"},
    {"event": "bot", "text": render("en", "handoff.joined")},
    {"event": "slot", "name": "handoff_state", "value": "human"},
]


def _sent(local: Local) -> list[list[dict[str, object]]]:
    """What Rasa accepted, without the fields rasa_sdk.events leaves empty (Rasa fills in the time)."""
    return [[{k: v for k, v in event.items() if v is not None} for event in batch] for batch in local.rasa.appended]


def _waiting(local: Local, sender_id: str = "victim-1") -> int:
    with session(local.settings.database_url) as db:
        return queue.request(db, sender_id, "socketio", "en", queue.Flags()).id


def _handoff(local: Local, handoff_id: int) -> Handoff:
    with session(local.settings.database_url) as db:
        handoff = db.get(Handoff, handoff_id)
    assert handoff is not None
    return handoff


def _actions(local: Local) -> list[str]:
    with session(local.settings.database_url) as db:
        return list(db.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all())


@console_test()
async def test_a_claim_rasa_does_not_confirm_in_time_is_rolled_back(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _waiting(local)
    local.rasa.stall["events"] = 1
    answer = await analyst.post(f"/staff/handoffs/{handoff_id}/claim")
    assert answer.status == 504
    assert "The assistant did not answer in time, so you have not taken this conversation" in answer.text
    assert "the person is still waiting" in answer.text and f'data-handoff="{handoff_id}"' in answer.text
    handoff = _handoff(local, handoff_id)
    assert (handoff.state, handoff.claimed_by, handoff.claimed_at) == ("waiting", None, None)
    assert _sent(local) == [[{"event": "slot", "name": "handoff_state", "value": "waiting"}, {"event": "resume"}]], (
        "in case the late pause lands, the person is not left unable even to cancel"
    )
    assert _actions(local)[-3:] == ["handoff_claimed", "claim_rolled_back", "queue_viewed"]

    again = await analyst.post(f"/staff/handoffs/{handoff_id}/claim")
    assert again.status == 200 and again.path == f"/staff/handoffs/{handoff_id}"
    assert _handoff(local, handoff_id).state == "human" and _sent(local)[-1] == CLAIMED


@console_test(rasa_down=True)
async def test_a_claim_while_rasa_is_down_leaves_the_person_waiting(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _waiting(local)
    answer = await analyst.post(f"/staff/handoffs/{handoff_id}/claim")
    assert answer.status == 502
    assert "The assistant could not be reached, so you have not taken this conversation" in answer.text
    assert _handoff(local, handoff_id).state == "waiting"
    assert "claim_rolled_back" in _actions(local)


@console_test()
async def test_a_reply_rasa_does_not_confirm_is_not_recorded_and_the_analyst_is_told(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _waiting(local)
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200

    local.rasa.stall["events"] = 1
    fetched = await analyst.post(f"/staff/handoffs/{handoff_id}/reply", fetch=True, text="We are here for you.")
    assert fetched.status == 504 and fetched.json()["error"] == "assistant_unavailable"
    assert "we cannot tell whether your message reached the person" in fetched.json()["message"]

    local.rasa.stall["events"] = 1
    posted = await analyst.post(f"/staff/handoffs/{handoff_id}/reply", text="We are here for you.")
    assert posted.status == 504 and 'role="alert">The assistant did not answer in time' in posted.text
    assert ">We are here for you.</textarea>" in posted.text, "the words are kept to send again"
    assert _sent(local) == [CLAIMED]
    assert "reply_sent" not in _actions(local) and _actions(local).count("reply_failed") == 2

    sent = await analyst.post(f"/staff/handoffs/{handoff_id}/reply", fetch=True, text="We are here for you.")
    assert sent.status == 200 and "reply_sent" in _actions(local)


@console_test(rasa_down=True)
async def test_a_reply_while_rasa_is_down_was_not_sent(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _waiting(local)
    with session(local.settings.database_url) as db:
        queue.claim(db, handoff_id, 1)
    fetched = await analyst.post(f"/staff/handoffs/{handoff_id}/reply", fetch=True, text="hello")
    assert fetched.status == 502
    assert fetched.json()["message"] == "The assistant could not be reached, so your message was not sent. " + (
        "Try again in a moment."
    )


@console_test()
async def test_a_hand_back_or_close_rasa_does_not_confirm_changes_nothing(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _waiting(local)
    assert (await analyst.post(f"/staff/handoffs/{handoff_id}/claim")).status == 200
    for action, data in (("hand-back", {}), ("close", {"outcome": "resolved"})):
        local.rasa.stall["events"] = 1
        answer = await analyst.post(f"/staff/handoffs/{handoff_id}/{action}", **data)
        assert answer.status == 504 and answer.path == f"/staff/handoffs/{handoff_id}/{action}"
        assert "so the conversation is still yours and no outcome or case status was recorded" in answer.text
        handoff = _handoff(local, handoff_id)
        assert (handoff.state, handoff.outcome, handoff.closed_at) == ("human", None, None)
    assert _actions(local).count("hand_back_failed") == 1 and _actions(local).count("close_failed") == 1
    assert _sent(local) == [CLAIMED]

    closed = await analyst.post(f"/staff/handoffs/{handoff_id}/close", outcome="resolved")
    assert closed.status == 200 and closed.path == "/staff"
    assert (_handoff(local, handoff_id).state, _handoff(local, handoff_id).outcome) == ("closed", "resolved")


@console_test()
async def test_a_claim_whose_tracker_read_times_out_sends_nothing(local: Local) -> None:
    analyst = await local.signed_in("ana")
    handoff_id = _waiting(local)
    local.rasa.stall["tracker"] = 1
    answer = await analyst.post(f"/staff/handoffs/{handoff_id}/claim")
    assert answer.status == 504 and _handoff(local, handoff_id).state == "waiting"
    assert _sent(local) == [], "nothing was sent, so there is nothing to undo"
