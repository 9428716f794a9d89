"""Asking about a report: its status, unless the message really asks to erase it or says the content is still
online without a reference (then the other ways to get it removed come first)."""

from __future__ import annotations

from pathlib import Path

from actions.facts_in_message import message_says
from actions.guidance import guide
from actions.intake.access import ACCESS_SLOTS, says_no_reference, start_access
from actions.intake.answers import text
from actions.intake.erase import VERIFIED_SLOT, ask_to_erase, confirm_verified, verified
from actions.menu import MAIN_MENU, REMOVAL
from actions.reply import RelaisAction, Turn
from bot.cases.reference import reference_in
from bot.cases.repository import Access, check_access
from bot.components.evidence_cues import has_evidence
from bot.storage.db import session

STILL_ONLINE_CUES = Path(__file__).with_name("still_online_cues.yml")


def still_online_without_reference(turn: Turn) -> bool:
    """Whether the message says the content is still online after a report ("my pics are still up, i reported them
    2 weeks ago", "아직도 올라와 있어요") with no reference in it and no report made in this conversation: the report
    may have gone to the platform, so asking for a Relais reference would lead nowhere."""
    if turn.slot("case_ref") or reference_in(text(turn)) is not None:
        return False
    return message_says(turn.tracker, STILL_ONLINE_CUES)


class ActionStatus(RelaisAction):
    """A reference with words of erasure ("supprimez mon dossier RL-…") is an erasure, confirmed first.

    The words decide (`bot/components/patterns/evidence.yml`, the same cues as the NLU gate), never
    the classifier's ranking alone: a reference typed after "where is my report?" is a status question.
    Content still online with no reference (`still_online_without_reference`) gets the other ways to have it
    removed and how to look up a report made here (`status.still_online`), not the reference question; a person
    who says they have no reference (`says_no_reference`) hears how to find the report without one; any other
    question without a reference hears first that a report to a platform or the police is not seen here
    (`status.elsewhere`).
    """

    def name(self) -> str:
        return "action_status"

    def respond(self, turn: Turn) -> None:
        if has_evidence("delete_my_data", text(turn)):
            ask_to_erase(turn)
            return
        if still_online_without_reference(turn):
            turn.say("status.still_online")
            guide(turn, "removal")
            return
        if reference_in(text(turn)) is None and not turn.slot("case_ref"):
            if says_no_reference(turn):
                turn.say("status.not_given", MAIN_MENU)
                return
            turn.say("status.elsewhere", (REMOVAL,))
        start_access(turn, "status")


class ActionCaseAccess(RelaisAction):
    """Runs once the form has a reference and a checked PIN: the status, or the question before erasing.

    The checked report is remembered (`verified_report`), so "erase my report" said next names it.
    """

    def name(self) -> str:
        return "action_case_access"

    def respond(self, turn: Turn) -> None:
        reference, pin, purpose = (turn.slot(slot) for slot in ACCESS_SLOTS)
        for slot in ACCESS_SLOTS:
            turn.set(slot, None)
        if not (reference and pin):
            return
        with session() as db:
            outcome, case = check_access(db, str(reference), str(pin), turn.tracker.sender_id)
            status = case.status if case is not None else None
        if outcome is not Access.GRANTED or status is None:
            turn.say("status.mismatch", MAIN_MENU)
            return
        turn.set(VERIFIED_SLOT, verified(str(reference)))
        if purpose == "erase":
            confirm_verified(turn, str(reference))
        else:
            turn.say("status.result", MAIN_MENU, reference=reference, status=turn.text(f"status.name.{status}"))
