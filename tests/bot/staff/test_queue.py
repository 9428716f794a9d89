from __future__ import annotations

import threading

import sqlalchemy as sa

from bot.cases.repository import CaseDraft, create_case
from bot.staff import accounts, queue
from bot.staff.models import Handoff
from bot.storage.db import session

PASSWORD = "a long enough passphrase"
GONE_S = 10 * 60
"""RELAIS_HANDOFF_LEFT_MINUTES' default, in seconds."""


def test_priority_crisis_then_minor_then_sextortion_then_waiting_time(db_url: str) -> None:
    with session(db_url) as db:
        rest = queue.request(db, "rest", "socketio", "fr", queue.Flags())
        sextortion = queue.request(db, "sext", "socketio", "ko", queue.Flags(sextortion=True))
        minor = queue.request(db, "minor", "telegram", "en", queue.Flags(is_minor=True))
        crisis = queue.request(db, "crisis", "socketio", "fr", queue.Flags(in_crisis=True))
        later = queue.request(db, "later", "socketio", "fr", queue.Flags())
        later.requested_at = rest.requested_at + 1
    with session(db_url) as db:
        order = [row.handoff.sender_id for row in queue.listing(db, ["waiting"])]
        assert order == ["crisis", "minor", "sext", "rest", "later"]
        assert [queue.ahead_of(db, h, GONE_S) for h in (crisis, minor, sextortion, rest, later)] == [0, 1, 2, 3, 4]


def test_the_case_flags_raise_the_priority(db_url: str) -> None:
    with session(db_url) as db:
        create_case(db, CaseDraft(sender_id="victim", channel="socketio", language="fr", is_minor=True))
    with session(db_url) as db:
        handoff = queue.request(db, "victim", "socketio", "fr", queue.Flags())
        assert handoff.priority == queue.MINOR and handoff.case_id is not None


def test_a_crisis_said_while_waiting_raises_the_priority_and_nothing_lowers_it(db_url: str) -> None:
    with session(db_url) as db:
        waiting = queue.request(db, "victim", "socketio", "fr", queue.Flags(sextortion=True))
        assert waiting.priority == queue.SEXTORTION
        assert queue.escalate(db, "victim", queue.Flags(in_crisis=True)) is waiting
        assert waiting.priority == queue.CRISIS
        assert queue.request(db, "victim", "socketio", "fr", queue.Flags()).priority == queue.CRISIS
        assert queue.escalate(db, "nobody", queue.Flags(in_crisis=True)) is None
    with session(db_url) as db:
        other = queue.request(db, "other", "socketio", "ko", queue.Flags())
        assert queue.request(db, "other", "socketio", "ko", queue.Flags(is_minor=True)).priority == queue.MINOR
        assert other.priority == queue.MINOR


def test_one_open_handoff_per_conversation_and_cancel(db_url: str) -> None:
    with session(db_url) as db:
        first = queue.request(db, "victim", "socketio", "fr", queue.Flags())
        again = queue.request(db, "victim", "socketio", "fr", queue.Flags())
        assert first.id == again.id
    with session(db_url) as db:
        assert queue.cancel(db, "victim") is not None
        assert queue.cancel(db, "victim") is None
        assert queue.open_handoff(db, "victim") is None


def test_two_concurrent_claims_one_wins(db_url: str) -> None:
    with session(db_url) as db:
        ids = [accounts.create(db, name, PASSWORD, "analyst").id for name in ("ana", "bea")]
        handoff_id = queue.request(db, "victim", "socketio", "fr", queue.Flags()).id
    start = threading.Barrier(len(ids))
    results: dict[int, bool] = {}

    def click(staff_id: int) -> None:
        start.wait()
        with session(db_url) as db:
            results[staff_id] = queue.claim(db, handoff_id, staff_id)

    threads = [threading.Thread(target=click, args=(staff_id,)) for staff_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [staff_id for staff_id, won in results.items() if won]
    assert len(results) == 2 and len(winners) == 1
    with session(db_url) as db:
        handoff = db.get(Handoff, handoff_id)
        assert handoff.state == "human" and handoff.claimed_by == winners[0]
        assert queue.held(db, "victim") and not queue.held(db, "someone else")
        assert queue.cancel(db, "victim") is None  # a held conversation cannot be cancelled from the bot side


def test_many_concurrent_claims_still_one_winner(db_url: str) -> None:
    with session(db_url) as db:
        ids = [accounts.create(db, f"a{n}", PASSWORD, "analyst").id for n in range(6)]
        handoff_id = queue.request(db, "victim", "socketio", "fr", queue.Flags()).id
    start = threading.Barrier(len(ids))
    wins: list[bool] = []

    def click(staff_id: int) -> None:
        start.wait()
        with session(db_url) as db:
            wins.append(queue.claim(db, handoff_id, staff_id))

    threads = [threading.Thread(target=click, args=(staff_id,)) for staff_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(wins) == [False] * 5 + [True]
    with session(db_url) as db:
        assert db.scalar(sa.select(Handoff.state).where(Handoff.id == handoff_id)) == "human"


def test_a_rest_request_is_never_counted_in_anyones_wait(db_url: str) -> None:
    with session(db_url) as db:
        rest = queue.request(db, "rest-person", "rest", "en", queue.Flags(in_crisis=True))
        widget = queue.request(db, "widget-person", "socketio", "fr", queue.Flags())
        telegram = queue.request(db, "telegram-person", "telegram", "ko", queue.Flags())
        ahead = [queue.ahead_of(db, h, GONE_S) for h in (widget, telegram)]
        assert ahead == [0, 1], "the REST crisis is not ahead of them"
        rows = {row.handoff.sender_id: row.reachable for row in queue.listing(db, ["waiting"])}
        assert rows == {"rest-person": False, "widget-person": True, "telegram-person": True}
        assert rest.state == "waiting", "the request is kept for the team, who can follow it up by the case"


def test_the_position_leaves_out_widget_requests_whose_person_left_long_ago(db_url: str) -> None:
    """A person told their place counts only the requests that can still be served; the console lists every one."""
    with session(db_url) as db:
        gone = queue.request(db, "gone", "socketio", "fr", queue.Flags(in_crisis=True))
        queue.request(db, "stepped-out", "socketio", "ko", queue.Flags())
        queue.request(db, "online", "socketio", "en", queue.Flags())
        telegram = queue.request(db, "telegram", "telegram", "ko", queue.Flags())
        me = queue.request(db, "me", "socketio", "en", queue.Flags())
        at = me.requested_at + 1
        assert queue.mark_left(db, "gone", at - GONE_S - 1) == 1
        assert queue.mark_left(db, "stepped-out", at - GONE_S + 60) == 1
        assert queue.ahead_of(db, me, GONE_S, at) == 3, "a crisis whose person left 10 min ago is not ahead"
        assert queue.ahead_of(db, telegram, GONE_S, at) == 2
        assert queue.ahead_of(db, gone, GONE_S, at) == 0
    with session(db_url) as db:
        waiting = {row.handoff.sender_id: row.handoff.left_at for row in queue.listing(db, ["waiting"])}
        assert list(waiting) == ["gone", "stepped-out", "online", "telegram", "me"], "all still on the console"
        assert waiting["gone"] == at - GONE_S - 1 and waiting["online"] is None and waiting["telegram"] is None


def test_coming_back_counts_again_and_only_open_requests_are_marked(db_url: str) -> None:
    with session(db_url) as db:
        away = queue.request(db, "away", "socketio", "fr", queue.Flags())
        me = queue.request(db, "me", "socketio", "fr", queue.Flags())
        at = me.requested_at + 2 * GONE_S
        queue.mark_left(db, "away", me.requested_at)
        assert queue.ahead_of(db, me, GONE_S, at) == 0
        assert queue.mark_left(db, "away", None) == 1 and queue.mark_left(db, "away", None) == 0
        assert queue.ahead_of(db, me, GONE_S, at) == 1, "back on the chat: counted again"
        queue.cancel(db, "away")
        assert queue.mark_left(db, "away", at) == 0, "a cancelled request is not an open one"
        assert queue.mark_left(db, "nobody", at) == 0
        db.refresh(away)
        assert away.left_at is None


def test_a_rest_request_cannot_be_claimed(db_url: str) -> None:
    """Holding it would pause the assistant, the only voice that reaches a REST person."""
    with session(db_url) as db:
        rest = queue.request(db, "rest-person", "rest", "en", queue.Flags())
        widget = queue.request(db, "widget-person", "socketio", "en", queue.Flags())
        ana = accounts.create(db, "ana", PASSWORD, "analyst").id
        assert not queue.claim(db, rest.id, ana) and queue.claim(db, widget.id, ana)
        db.refresh(rest)
        assert (rest.state, rest.claimed_by) == ("waiting", None)


def _rasa_events(db_url: str) -> sa.Table:
    """Rasa's `events` table as its SQL tracker store creates it (the columns Relais reads)."""
    table = sa.Table(
        "events",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255)),
        sa.Column("type_name", sa.String(255)),
        sa.Column("action_name", sa.String(255)),
        sa.Column("timestamp", sa.Float),
    )
    with session(db_url) as db:
        table.create(db.get_bind(), checkfirst=True)
    return table


def test_a_waiting_request_expires_after_the_persons_silence(db_url: str) -> None:
    events = _rasa_events(db_url)
    with session(db_url) as db:
        silent = queue.request(db, "silent", "socketio", "en", queue.Flags())
        talking = queue.request(db, "talking", "socketio", "en", queue.Flags())
        fresh = queue.request(db, "fresh", "telegram", "en", queue.Flags())
        for handoff in (silent, talking):
            handoff.requested_at -= 3600
        start = silent.requested_at
        db.execute(
            events.insert(),
            [
                {"sender_id": "silent", "type_name": "user", "timestamp": start},
                {"sender_id": "silent", "type_name": "bot", "timestamp": start + 3000},
                {"sender_id": "talking", "type_name": "user", "timestamp": start + 3000},
            ],
        )
    with session(db_url) as db:
        assert queue.expire_silent(db, 30 * 60) == ["silent"]
    with session(db_url) as db:
        states = {h.sender_id: h.state for h in db.scalars(sa.select(Handoff))}
        assert states == {"silent": "expired", "talking": "waiting", "fresh": "waiting"}
        assert queue.open_handoff(db, "silent") is None, "asking again makes a new request"
        assert queue.ahead_of(db, fresh, GONE_S) == 1


def test_a_report_filed_while_waiting_joins_the_request_and_raises_its_priority(db_url: str) -> None:
    with session(db_url) as db:
        earlier = queue.request(db, "victim", "socketio", "fr", queue.Flags())
        earlier.state = "bot"
        waiting = queue.request(db, "victim", "socketio", "fr", queue.Flags())
        other = queue.request(db, "someone-else", "socketio", "fr", queue.Flags())
        assert waiting.case_id is None and waiting.priority == queue.OTHER
    with session(db_url) as db:
        case = create_case(db, CaseDraft(sender_id="victim", channel="socketio", language="fr", is_minor=True)).case
        attached = queue.attach_case(db, case)
        assert attached is not None and attached.id == waiting.id
    with session(db_url) as db:
        rows = {h.id: (h.case_id, h.priority) for h in db.scalars(sa.select(Handoff))}
        assert rows[waiting.id] == (case.id, queue.MINOR)
        assert rows[earlier.id] == (case.id, queue.OTHER), "the earlier conversation is linked too"
        assert rows[other.id] == (None, queue.OTHER)
        assert [r.case.reference for r in queue.listing(db, ["waiting"]) if r.case] == [case.reference]


def test_a_crisis_while_held_is_acted_on_once_per_message(db_url: str) -> None:
    """The first crisis of a hold gives the line (True), a later one alerts again (False), one already seen or in a
    conversation nobody holds does nothing (None); the held card becomes a crisis with its moment."""
    with session(db_url) as db:
        ana = accounts.create(db, "ana", PASSWORD, "analyst").id
        held = queue.request(db, "held", "socketio", "ko", queue.Flags())
        waiting = queue.request(db, "waiting", "socketio", "ko", queue.Flags())
        assert queue.claim(db, held.id, ana)
    with session(db_url) as db:
        assert queue.crisis_while_held(db, "held", 10, 1000.0) is True
        assert queue.crisis_while_held(db, "held", 10, 1000.0) is None, "another web process saw it first"
        assert queue.crisis_while_held(db, "held", 12, 1060.0) is False
        assert queue.crisis_while_held(db, "held", 11, 1030.0) is None, "older than the newest one acted on"
        assert queue.crisis_while_held(db, "waiting", 13, 1090.0) is None
    with session(db_url) as db:
        card = db.get(Handoff, held.id)
        assert (card.priority, card.crisis_at, card.crisis_event) == (queue.CRISIS, 1060.0, 12)
        untouched = db.get(Handoff, waiting.id)
        assert (untouched.priority, untouched.crisis_at) == (queue.OTHER, None)
