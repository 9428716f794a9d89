"""Asking about a report: its status, unless the message really asks to erase it."""

from __future__ import annotations

from actions.intake.access import ACCESS_SLOTS, start_access
from actions.intake.answers import text
from actions.intake.erase import VERIFIED_SLOT, ask_to_erase, confirm_verified, verified
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from bot.cases.repository import Access, check_access
from bot.components.evidence_cues import has_evidence
from bot.storage.db import session


class ActionStatus(RelaisAction):
    """A reference with words of erasure ("supprimez mon dossier RL-…") is an erasure, confirmed first.

    The words decide (`bot/components/patterns/evidence.yml`, the same cues as the NLU gate), never
    the classifier's ranking alone: a reference typed after "where is my report?" is a status question.
    """

    def name(self) -> str:
        return "action_status"

    def respond(self, turn: Turn) -> None:
        if has_evidence("delete_my_data", text(turn)):
            ask_to_erase(turn)
            return
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
