"""The takeover service: everything an analyst does to a conversation, each as one unit of work.

Claim, reply, note, hand back, close and reassign each make their database write (through the
queue and case modules, the only writers of their tables), their Rasa call, their audit line, and
the undo when Rasa fails. The console's routes (bot/staff/console.py) only translate HTTP to these
calls and their answers back to pages or JSON. Every database call runs in a worker thread
(`bot.storage.db.in_thread`), never on the event loop that also serves the widget's sockets.

Failures are `RefusedError`: a machine-readable `error`, an HTTP `status` and, when the analyst must
read why, a plain-words `notice` in the analyst's console language (`console.notice.*` in locales/).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import aiohttp
from sqlalchemy.orm import Session

from bot.cases import status_history
from bot.cases.models import STATUSES, Case
from bot.settings import Settings
from bot.staff import fanout as notes
from bot.staff import live, queue, rasa_api
from bot.staff.models import OUTCOMES, Handoff
from bot.staff.sessions import SignedIn
from bot.storage import audit
from bot.storage.db import in_thread
from content.texts import render as text

CANNED = ("canned.greeting", "canned.links", "canned.removal", "canned.closing")
MAX_TEXT = 4000
"""Characters in one reply or note."""
T = TypeVar("T")
log = logging.getLogger(__name__)


class RefusedError(Exception):
    """An action that did not happen: `error` (a code for JSON), `status` (HTTP) and `notice` (for the analyst)."""

    def __init__(self, error: str, status: int, notice: str | None = None) -> None:
        super().__init__(error)
        self.error, self.status, self.notice = error, status, notice


def _why(error: rasa_api.RasaUnavailableError) -> tuple[str, int]:
    """How Rasa failed, as the end of a notice's key (`timeout`, `unreachable`), and the HTTP status for it."""
    if isinstance(error, rasa_api.RasaTimeoutError):
        return "timeout", 504
    return "unreachable", 502


def _too_long(me: SignedIn) -> RefusedError:
    return RefusedError(
        "empty_or_too_long", 400, text(me.language, "console.notice.empty_or_too_long", maximum=MAX_TEXT)
    )


def may_see(me: SignedIn, handoff: Handoff) -> bool:
    """Supervisors see every conversation; an analyst only the one they hold now, not once it is handed
    back, closed or reassigned (the live conversation goes on, and is no longer theirs)."""
    return me.is_supervisor or (handoff.state == "human" and handoff.claimed_by == me.staff_id)


def visible(db: Session, me: SignedIn, handoff_id: int) -> Handoff:
    """The handoff if `me` may see it. Raises RefusedError: `not_found` (404) or `not_your_conversation` (403)."""
    handoff = queue.get(db, handoff_id)
    if handoff is None:
        raise RefusedError("not_found", 404)
    if not may_see(me, handoff):
        raise RefusedError("not_your_conversation", 403)
    return handoff


def reference(db: Session, handoff: Handoff) -> str | None:
    case = db.get(Case, handoff.case_id) if handoff.case_id else None
    return case.reference if case else None


def _language(tracker: dict[str, Any], handoff: Handoff) -> str:
    language = (tracker.get("slots") or {}).get("language")
    return str(language) if language in ("fr", "ko", "en") else handoff.language


@dataclass(frozen=True)
class Takeover:
    """The service, for one web application: its settings and its HTTP client session (to Rasa)."""

    settings: Settings
    http: aiohttp.ClientSession
    fanout: notes.Fanout | None = None
    """Where open console pages hear of a change at once (the watcher would bring it a moment later)."""

    async def _tell(self, sender_id: str | None, queue_changed: bool = True) -> None:
        if self.fanout is None:
            return
        if queue_changed:
            await self.fanout.publish(notes.QUEUE, {})
        if sender_id:
            await self.fanout.publish(notes.conversation(sender_id), {})

    async def db(self, work: Callable[[Session], T]) -> T:
        """`work` in one transaction, in a worker thread."""
        return await in_thread(self.settings.database_url, work)

    async def _audit(self, me: SignedIn, action: str, handoff: Handoff, **detail: Any) -> None:
        def write(db: Session) -> None:
            audit.record(db, me.actor, action, reference(db, handoff), handoff=handoff.id, **detail)

        await self.db(write)

    async def language(self, handoff: Handoff) -> str:
        """The victim's current language (they may have switched since asking), else the one they asked in.

        Raises rasa_api.RasaUnavailableError.
        """
        return _language(await rasa_api.tracker(self.http, self.settings, handoff.sender_id), handoff)

    async def _held(self, me: SignedIn, handoff_id: int) -> Handoff:
        handoff = await self.db(lambda db: visible(db, me, handoff_id))
        if handoff.state != "human":
            raise RefusedError("not_held", 409, text(me.language, "console.notice.not_held"))
        return handoff

    async def claim(self, me: SignedIn, handoff_id: int) -> None:
        """Take a waiting conversation: the conditional UPDATE, then pause + "analyst joined" in Rasa.

        Raises RefusedError: `not_found` (404), `claim_lost` (409) when another analyst was first,
        `unreachable_channel` (409) for a person on a channel no analyst's message reaches (REST), and
        `assistant_unavailable` (502/504) after undoing the claim when Rasa did not confirm.
        """

        def take(db: Session) -> tuple[bool, Handoff | None]:
            won = queue.claim(db, handoff_id, me.staff_id)
            handoff = queue.get(db, handoff_id)
            if handoff is not None:
                action = "handoff_claimed" if won else "claim_lost"
                if not won and not queue.reachable(handoff.channel):
                    action = "claim_refused_unreachable"
                audit.record(db, me.actor, action, reference(db, handoff), handoff=handoff_id)
            return won, handoff

        won, handoff = await self.db(take)
        if handoff is None:
            raise RefusedError("not_found", 404)
        if not won and not queue.reachable(handoff.channel):
            raise RefusedError("unreachable_channel", 409, text(me.language, "console.notice.unreachable_channel"))
        if not won:
            raise RefusedError("claim_lost", 409, text(me.language, "console.notice.claim_lost"))
        sent = False
        try:
            language = await self.language(handoff)
            events = [
                rasa_api.pause(),
                rasa_api.bot_text(text(language, "handoff.joined")),
                rasa_api.slot("handoff_state", "human"),
            ]
            sent = True
            await rasa_api.append(self.http, self.settings, handoff.sender_id, events)
        except rasa_api.RasaUnavailableError as error:
            await self._undo_claim(me, handoff, error, sent)
        await self._tell(handoff.sender_id)

    async def _undo_claim(
        self, me: SignedIn, handoff: Handoff, error: rasa_api.RasaUnavailableError, sent: bool
    ) -> None:
        """Put the person back in the queue; if the pause was sent, ask Rasa to resume in case it lands late.

        A late pause would otherwise leave a waiting person unable even to cancel. The "analyst joined"
        line cannot be taken back; the person is still first in line for the next analyst. Always raises RefusedError.
        """
        why, status = _why(error)

        def undo(db: Session) -> None:
            undone = queue.unclaim(db, handoff.id, me.staff_id)
            audit.record(
                db,
                me.actor,
                "claim_rolled_back",
                reference(db, handoff),
                handoff=handoff.id,
                reason=status,
                undone=undone,
            )

        await self.db(undo)
        await self._tell(None)
        if sent:
            try:
                await rasa_api.append(
                    self.http,
                    self.settings,
                    handoff.sender_id,
                    [rasa_api.slot("handoff_state", "waiting"), rasa_api.resume()],
                )
            except rasa_api.RasaUnavailableError as second:
                log.warning(
                    "handoff %s: could not resume the conversation after a failed claim: %s", handoff.id, second
                )
        raise RefusedError("assistant_unavailable", status, text(me.language, f"console.notice.claim_{why}"))

    async def reply(self, me: SignedIn, handoff_id: int, words: str = "", canned: str | None = None) -> None:
        """Send the analyst's words (or a canned reply in the victim's current language) to the person.

        Raises RefusedError: `not_held` (409), `unknown_canned_reply` / `empty_or_too_long` (400), and
        `assistant_unavailable` (502/504) when Rasa did not take it (nothing is recorded as sent).
        """
        handoff = await self._held(me, handoff_id)
        if canned and canned not in CANNED:
            raise RefusedError("unknown_canned_reply", 400)
        try:
            if canned:
                words = text(await self.language(handoff), canned)
            words = words.strip()
            if not words or len(words) > MAX_TEXT:
                raise _too_long(me)
            await rasa_api.append(self.http, self.settings, handoff.sender_id, [rasa_api.analyst_message(words)])
        except rasa_api.RasaUnavailableError as error:
            why, status = _why(error)
            await self._audit(me, "reply_failed", handoff, reason=status)
            notice = text(me.language, f"console.notice.reply_{why}")
            raise RefusedError("assistant_unavailable", status, notice) from error
        await self._audit(me, "reply_sent", handoff, chars=len(words), canned=bool(canned))
        await self._tell(handoff.sender_id, queue_changed=False)

    async def note(self, me: SignedIn, handoff_id: int, words: str) -> None:
        """An internal note, never shown to the person. Raises RefusedError: `empty_or_too_long` (400), 403, 404."""
        words = words.strip()
        if not words or len(words) > MAX_TEXT:
            raise _too_long(me)

        def add(db: Session) -> None:
            handoff = visible(db, me, handoff_id)
            queue.add_note(db, handoff, me.staff_id, words)
            audit.record(db, me.actor, "note_added", reference(db, handoff), handoff=handoff_id)

        await self.db(add)

    async def hand_back(self, me: SignedIn, handoff_id: int) -> list[str]:
        """Give the conversation back to the assistant; returns the person's unanswered words (see `_give_back`).

        Raises RefusedError as `close` does.
        """
        return await self._give_back(me, handoff_id, "bot", None, None)

    async def close(self, me: SignedIn, handoff_id: int, outcome: str, case_status: str | None) -> list[str]:
        """Close with an outcome (OUTCOMES) and optionally a new case status (STATUSES, kept in its history).

        Raises RefusedError: `bad_outcome_or_status` (400), `not_held` (409), and `assistant_unavailable`
        (502/504), in which case nothing changed (still held, no outcome, case status unchanged).
        """
        if outcome not in OUTCOMES or (case_status is not None and case_status not in STATUSES):
            raise RefusedError("bad_outcome_or_status", 400)
        return await self._give_back(me, handoff_id, "closed", outcome, case_status)

    async def _give_back(
        self, me: SignedIn, handoff_id: int, state: str, outcome: str | None, case_status: str | None
    ) -> list[str]:
        """Returns what the person typed after the analyst's last message (nobody answered it), so the analyst
        sees it as they leave; the audit line counts them."""
        handoff = await self._held(me, handoff_id)
        try:
            tracker = await rasa_api.tracker(self.http, self.settings, handoff.sender_id)
            language = _language(tracker, handoff)
            unanswered = live.unanswered(tracker.get("events") or [])
            events = [
                rasa_api.bot_text(text(language, "handoff.returned")),
                rasa_api.slot("handoff_state", "none" if state == "bot" else "closed"),
                rasa_api.resume(),
                rasa_api.listen(),
            ]
            await rasa_api.append(self.http, self.settings, handoff.sender_id, events)
        except rasa_api.RasaUnavailableError as error:
            why, status = _why(error)
            notice = text(me.language, f"console.notice.give_back_{why}")
            await self._audit(me, "hand_back_failed" if state == "bot" else "close_failed", handoff, reason=status)
            raise RefusedError("assistant_unavailable", status, notice) from error

        def release(db: Session) -> None:
            current = visible(db, me, handoff_id)
            queue.release(db, current, state, outcome)
            case = db.get(Case, current.case_id) if current.case_id else None
            if case is not None and case_status:
                status_history.change(db, case, case_status, me.actor)
            action = "handed_back" if state == "bot" else "handoff_closed"
            audit.record(
                db,
                me.actor,
                action,
                case.reference if case else None,
                handoff=handoff_id,
                outcome=outcome,
                status=case_status,
                unanswered=len(unanswered),
            )

        await self.db(release)
        await self._tell(handoff.sender_id)
        return unanswered

    async def reassign(self, me: SignedIn, handoff_id: int, staff_id: int) -> None:
        """(Supervisors) give a held conversation to another active account.

        Raises RefusedError: `bad_staff_id` (400) and `not_held` (409).
        """

        sender_id: str | None = None

        def move(db: Session) -> bool | None:
            nonlocal sender_id
            if staff_id not in {s.id for s in queue.analysts(db)}:
                return None
            moved = queue.reassign(db, handoff_id, staff_id)
            handoff = queue.get(db, handoff_id)
            audit.record(
                db,
                me.actor,
                "handoff_reassigned" if moved else "reassign_refused",
                reference(db, handoff) if handoff else None,
                handoff=handoff_id,
                to=staff_id,
            )
            sender_id = handoff.sender_id if handoff else None
            return moved

        moved = await self.db(move)
        if moved is None:
            raise RefusedError("bad_staff_id", 400)
        if not moved:
            raise RefusedError("not_held", 409)
        await self._tell(sender_id)
