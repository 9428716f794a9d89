"""The handoff queue: the only code that writes the `handoffs` and `notes` tables.

Claiming is one conditional UPDATE, so two analysts clicking at once cannot both win, whatever
the database or the number of web-server processes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.cases.models import Case
from bot.retention import EVENTS, EVENTS_TABLE
from bot.staff.models import OPEN_STATES, Handoff, Note, Staff
from bot.storage.base import now

CRISIS, MINOR, SEXTORTION, OTHER = range(4)
AVERAGE_MINUTES_PER_PERSON = 10
"""A cautious guess of one conversation's length, for the wait the victim is told; never a promise."""
LIVE_CHANNELS = frozenset({"socketio", "telegram"})
"""Channels Rasa can push an analyst's message to. REST only answers its own request, so a person on it
is never offered live chat by the console nor counted in anyone's wait."""


def reachable(channel: str) -> bool:
    return channel in LIVE_CHANNELS


@dataclass(frozen=True)
class Flags:
    in_crisis: bool = False
    is_minor: bool = False
    sextortion: bool = False


def priority(flags: Flags) -> int:
    if flags.in_crisis:
        return CRISIS
    if flags.is_minor:
        return MINOR
    return SEXTORTION if flags.sextortion else OTHER


def case_of(db: Session, sender_id: str) -> Case | None:
    return db.scalar(sa.select(Case).where(Case.sender_id == sender_id).order_by(Case.id.desc()).limit(1))


def case_flags(case: Case | None) -> Flags:
    if case is None:
        return Flags()
    return Flags(case.in_crisis, case.is_minor, case.sextortion_ongoing)


def open_handoff(db: Session, sender_id: str) -> Handoff | None:
    return db.scalar(sa.select(Handoff).where(Handoff.sender_id == sender_id, Handoff.state.in_(OPEN_STATES)).limit(1))


def escalate(db: Session, sender_id: str, flags: Flags) -> Handoff | None:
    """Raise the open handoff of `sender_id` to the priority `flags` give, if that is more urgent.

    A person who signals a crisis (or a minor, or ongoing sextortion) while already waiting is served
    as such, as the crisis text promises. Returns the open handoff, or None when there is none.
    """
    existing = open_handoff(db, sender_id)
    if existing is not None and priority(flags) < existing.priority:
        existing.priority = priority(flags)
        db.flush()
    return existing


def crisis_while_held(db: Session, sender_id: str, event_id: int, at: float) -> bool | None:
    """A crisis message (Rasa event `event_id`, written at `at`, Unix seconds) while an analyst holds the conversation.

    The held handoff becomes a crisis, with the moment on its card. Each message is acted on once, whatever
    the number of web processes watching: the conditional UPDATEs let exactly one caller through per message.
    Returns True for the first crisis message of this hold (the caller sends the crisis line), False for a
    later one (the analyst is alerted again), None when there is nothing to do (not held, or already seen).
    """
    held_here = sa.and_(Handoff.sender_id == sender_id, Handoff.state == "human")
    values = {"priority": CRISIS, "crisis_event": event_id, "crisis_at": at}
    for first, unseen in ((True, Handoff.crisis_event.is_(None)), (False, Handoff.crisis_event < event_id)):
        result = db.execute(
            sa.update(Handoff).where(held_here, unseen).values(**values).execution_options(synchronize_session=False)
        )
        if result.rowcount:
            return first
    return None


def request(db: Session, sender_id: str, channel: str, language: str, flags: Flags) -> Handoff:
    """One open handoff per conversation: asking again returns the one already waiting or held,
    raised to the priority `flags` give when they are more urgent."""
    existing = escalate(db, sender_id, flags)
    if existing is not None:
        return existing
    case = case_of(db, sender_id)
    known = case_flags(case)
    combined = Flags(
        flags.in_crisis or known.in_crisis, flags.is_minor or known.is_minor, flags.sextortion or known.sextortion
    )
    handoff = Handoff(
        sender_id=sender_id,
        channel=channel,
        language=language,
        case_id=case.id if case else None,
        state="waiting",
        priority=priority(combined),
    )
    db.add(handoff)
    db.flush()
    return handoff


def attach_case(db: Session, case: Case) -> Handoff | None:
    """A report filed by a person who asked for someone before: it joins every request of theirs that has none,
    and raises their open request to the priority the report's flags give. Returns the open request, or None.
    """
    if not case.sender_id:
        return None
    db.execute(
        sa.update(Handoff)
        .where(Handoff.sender_id == case.sender_id, Handoff.case_id.is_(None))
        .values(case_id=case.id)
        .execution_options(synchronize_session=False)
    )
    existing = open_handoff(db, case.sender_id)
    if existing is not None:
        db.refresh(existing)
        existing.priority = min(existing.priority, priority(case_flags(case)))
        db.flush()
    return existing


def ahead_of(db: Session, handoff: Handoff, gone_after_s: float, at: float | None = None) -> int:
    """People served before this one who can still be served: higher priority, or the same priority and earlier,
    on a channel an analyst can write to (a REST request is never counted), leaving out a web-widget request whose
    person left the chat more than `gone_after_s` seconds before `at` (Unix s, now by default).

    Where presence is unknown (Telegram, or a widget request no web process has seen left: `left_at` is None) the
    request counts: the number a person is told errs on the high side.
    """
    cutoff = (at if at is not None else now()) - gone_after_s
    return int(
        db.scalar(
            sa.select(sa.func.count()).where(
                Handoff.state == "waiting",
                Handoff.channel.in_(LIVE_CHANNELS),
                Handoff.id != handoff.id,
                sa.or_(Handoff.left_at.is_(None), Handoff.left_at >= cutoff),
                sa.or_(
                    Handoff.priority < handoff.priority,
                    sa.and_(Handoff.priority == handoff.priority, Handoff.requested_at <= handoff.requested_at),
                ),
            )
        )
        or 0
    )


def mark_left(db: Session, sender_id: str, left_at: float | None) -> int:
    """Record on the conversation's open requests that its person left the chat at `left_at` (Unix s), or is on it
    again (None); returns the number of requests changed. Only the web widget tells (bot/staff/presence.py)."""
    changed = sa.update(Handoff).where(Handoff.sender_id == sender_id, Handoff.state.in_(OPEN_STATES))
    if left_at is None:
        changed = changed.where(Handoff.left_at.is_not(None))
    return int(db.execute(changed.values(left_at=left_at).execution_options(synchronize_session=False)).rowcount)


def cancel(db: Session, sender_id: str) -> Handoff | None:
    """The victim changed their mind; only a handoff nobody has claimed yet can be cancelled."""
    handoff = open_handoff(db, sender_id)
    if handoff is None or handoff.state != "waiting":
        return None
    handoff.state, handoff.closed_at = "cancelled", now()
    return handoff


def latest_state(db: Session, sender_id: str) -> str | None:
    """The state of the conversation's newest request for a person (STATES), or None when it never asked."""
    return db.scalar(
        sa.select(Handoff.state).where(Handoff.sender_id == sender_id).order_by(Handoff.id.desc()).limit(1)
    )


def held(db: Session, sender_id: str) -> bool:
    """Whether an analyst holds this conversation (the session-start action re-pauses it then)."""
    return (
        db.scalar(sa.select(Handoff.id).where(Handoff.sender_id == sender_id, Handoff.state == "human").limit(1))
        is not None
    )


def claim(db: Session, handoff_id: int, staff_id: int) -> bool:
    """True for exactly one of several concurrent callers; never for a person an analyst cannot write to
    (LIVE_CHANNELS): holding them would pause the assistant, their only voice, for words that never arrive."""
    result = db.execute(
        sa.update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.state == "waiting", Handoff.channel.in_(LIVE_CHANNELS))
        .values(state="human", claimed_by=staff_id, claimed_at=now())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def unclaim(db: Session, handoff_id: int, staff_id: int) -> bool:
    """Undo `claim` when Rasa could not be told: back to `waiting`, unless someone has moved it since."""
    result = db.execute(
        sa.update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.state == "human", Handoff.claimed_by == staff_id)
        .values(state="waiting", claimed_by=None, claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def reassign(db: Session, handoff_id: int, staff_id: int) -> bool:
    result = db.execute(
        sa.update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.state == "human")
        .values(claimed_by=staff_id)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def release(db: Session, handoff: Handoff, state: str, outcome: str | None = None) -> None:
    """Hand back to the bot (`bot`) or close (`closed`, with an outcome)."""
    handoff.state, handoff.closed_at, handoff.outcome = state, now(), outcome


def expire_silent(db: Session, silence_s: float, at: float | None = None) -> list[str]:
    """Expire the waiting requests whose person has written nothing for `silence_s` seconds; returns their sender ids.

    Silence is read from Rasa's `events` table (the person's `user` events) and counted from the
    request at the earliest; without that table (no Rasa has run), from the request alone.
    """
    cutoff = (at if at is not None else now()) - silence_s
    stale = sa.select(Handoff.id, Handoff.sender_id).where(Handoff.state == "waiting", Handoff.requested_at < cutoff)
    bind = db.get_bind()
    if sa.inspect(bind).has_table(EVENTS_TABLE):
        spoke = sa.select(EVENTS.c.id).where(
            EVENTS.c.sender_id == Handoff.sender_id, EVENTS.c.type_name == "user", EVENTS.c.timestamp >= cutoff
        )
        stale = stale.where(~spoke.exists())
    rows = db.execute(stale).all()
    if rows:
        db.execute(
            sa.update(Handoff)
            .where(Handoff.id.in_([row.id for row in rows]), Handoff.state == "waiting")
            .values(state="expired", closed_at=now())
            .execution_options(synchronize_session=False)
        )
    return [row.sender_id for row in rows]


def get(db: Session, handoff_id: int) -> Handoff | None:
    return db.get(Handoff, handoff_id)


@dataclass(frozen=True)
class Row:
    handoff: Handoff
    case: Case | None
    analyst: str | None

    @property
    def reachable(self) -> bool:
        """Whether an analyst's messages can reach the person (see LIVE_CHANNELS)."""
        return reachable(self.handoff.channel)


def listing(db: Session, states: Sequence[str], staff_id: int | None = None) -> list[Row]:
    """Ordered by priority, then by how long the person has waited; `staff_id` limits to one analyst."""
    query = (
        sa.select(Handoff, Case, Staff.username)
        .outerjoin(Case, Case.id == Handoff.case_id)
        .outerjoin(Staff, Staff.id == Handoff.claimed_by)
        .where(Handoff.state.in_(states))
        .order_by(Handoff.priority, Handoff.requested_at)
    )
    if staff_id is not None:
        query = query.where(Handoff.claimed_by == staff_id)
    return [Row(handoff, case, analyst) for handoff, case, analyst in db.execute(query).all()]


def senders(db: Session, states: Sequence[str]) -> list[str]:
    """The conversations of the handoffs in `states` (for what the queue cards read from Rasa)."""
    return list(db.scalars(sa.select(Handoff.sender_id).where(Handoff.state.in_(states))).all())


def add_note(db: Session, handoff: Handoff, staff_id: int, text: str) -> Note:
    note = Note(handoff_id=handoff.id, staff_id=staff_id, text=text)
    db.add(note)
    return note


def notes(db: Session, handoff: Handoff) -> list[tuple[Note, str | None]]:
    rows = db.execute(
        sa.select(Note, Staff.username)
        .outerjoin(Staff, Staff.id == Note.staff_id)
        .where(Note.handoff_id == handoff.id)
        .order_by(Note.id)
    ).all()
    return [(note, username) for note, username in rows]


def analysts(db: Session) -> list[Staff]:
    return list(db.scalars(sa.select(Staff).where(Staff.active.is_(True)).order_by(Staff.username)).all())


def forget(db: Session, sender_id: str) -> int:
    """Erase a conversation's handoffs and their notes ("delete my data"); returns the handoffs erased."""
    ids = db.scalars(sa.select(Handoff.id).where(Handoff.sender_id == sender_id)).all()
    if ids:
        db.execute(sa.delete(Note).where(Note.handoff_id.in_(ids)))
        db.execute(sa.delete(Handoff).where(Handoff.id.in_(ids)))
    return len(ids)
