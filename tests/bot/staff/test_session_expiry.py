"""A session expiring while an analyst holds the conversation must not hand it back to the bot.

Needs a model trained with `action_session_start` in the domain (bot/domain/handoff.yml).
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from bot.services import Stack
from tests.bot.staff.conftest import Console, handoff_of, live_chat


def _two_hours_pass(stack: Stack, sender_id: str) -> None:
    """Age the conversation in Rasa's tracker store (which orders events by timestamp, so appending an
    old event through the API would not do): the next message then starts a new session."""
    engine = sa.create_engine(stack.settings.database_url)
    with engine.begin() as connection:
        rows = connection.execute(sa.text("SELECT id, data FROM events WHERE sender_id = :s"), {"s": sender_id}).all()
        for row_id, data in rows:
            event = json.loads(data)
            event["timestamp"] = event["timestamp"] - 2 * 3600
            connection.execute(
                sa.text("UPDATE events SET timestamp = :t, data = :d WHERE id = :i"),
                {"t": event["timestamp"], "d": json.dumps(event), "i": row_id},
            )
    engine.dispose()


def test_a_new_session_stays_paused_while_held(stack: Stack, analyst: Console) -> None:
    victim = live_chat(stack, "en")  # asked in the widget; the REST channel cannot be taken
    handoff = handoff_of(stack, victim.sender)
    assert analyst.post(f"/staff/handoffs/{handoff.id}/claim").status_code == 200
    _two_hours_pass(stack, victim.sender)
    before = len(victim.tracker()["events"])

    assert victim.say("are you still there?") == []
    events = victim.tracker()["events"]
    assert any(e["event"] == "session_started" for e in events[before:])
    assert victim.tracker()["paused"] is True
    assert victim.slot("handoff_state") == "human" and victim.slot("language") == "en"
    assert analyst.post(f"/staff/handoffs/{handoff.id}/hand-back").status_code == 200
    assert victim.tracker()["paused"] is False
