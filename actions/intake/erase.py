"""Erasing: confirm first, then erase this conversation and its reports, and a report reached by its PIN.

The "delete my data" journey (`actions/privacy.py`) and a status question with words of erasure
(`actions/status.py`) both start here; a yes (`actions/intake/offers.py`) carries it out.

A report is erased only once its PIN was checked in this conversation (`verified_report`, set by
`action_case_access` in `actions/status.py`, good for `VERIFIED_FOR_S`): "delete RL-…" asks for the
PIN first, and "erase my report" after a status check names that report (later, the person is told
how to reach it by reference, and the PIN is asked again). Either way the confirmation says exactly
what goes (the report, the conversation it came from, this conversation), and a yes erases all of it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from actions.facts_in_message import message_says
from actions.intake.access import start_access
from actions.intake.answers import text
from actions.reply import Button, Turn
from bot.cases.reference import reference_in
from bot.cases.repository import PIN_WINDOW_S, erase_case, erase_conversation, find
from bot.components.evidence_cues import holds_first_words
from bot.staff import queue
from bot.storage.db import session

YES: Button = ("erase.button.yes", "/affirm")
NO: Button = ("erase.button.no", "/deny")
VERIFIED_SLOT = "verified_report"
VERIFIED_FOR_S = PIN_WINDOW_S
"""Seconds a PIN checked in this conversation lets "erase my report" reach that report without it again."""
KEEP_REPORT = Path(__file__).with_name("keep_report_cues.yml")



def keeps_report(turn: Turn) -> bool:
    """Whether the person asks to erase this chat but keep the report it made (`keep_report_cues.yml`), and this
    conversation made one (`case_ref`)."""
    return bool(turn.slot("case_ref")) and message_says(turn.tracker, KEEP_REPORT)


def verified(reference: str, at: float | None = None) -> dict[str, Any]:
    """The `verified_report` value: {"reference": "RL-XXXX-XXXX", "at": seconds since the epoch}."""
    return {"reference": reference, "at": time.time() if at is None else at}


def verified_reference(turn: Turn, now: float | None = None) -> str | None:
    """The report whose PIN this conversation checked less than `VERIFIED_FOR_S` seconds ago, if any."""
    value = turn.slot(VERIFIED_SLOT)
    if not isinstance(value, dict) or not value.get("reference"):
        return None
    at = value.get("at")
    if not isinstance(at, (int, float)):
        return None
    age = (time.time() if now is None else now) - at
    return str(value["reference"]) if 0 <= age < VERIFIED_FOR_S else None


def ask_to_erase(turn: Turn, hurried: bool = False) -> None:
    """Always a question first: a misread message can never erase anything by itself.

    "delete RL-…" asks for that report's PIN (a PIN in the same message is read) and the yes/no
    question comes once it is checked; "erase my report" within `VERIFIED_FOR_S` of a status check
    asks about that report and this conversation; otherwise, about this conversation and the reports
    made in it, saying how to reach a report from another one. Asked to keep the report this conversation
    made while erasing the chat, it says that one goes with the other, how to hide the chat on the device
    instead, and asks whether to erase both (`erase.keep_report`). `hurried` (the person in danger, someone coming)
    leaves out how to reach a report made elsewhere: the question alone.
    """
    typed = reference_in(text(turn))
    checked = verified_reference(turn)
    if checked and typed in (None, checked):
        confirm_verified(turn, checked)
    elif typed:
        turn.say("erase.case_pin", reference=typed)
        start_access(turn, "erase")
    elif keeps_report(turn):
        turn.set("offer", "erase")
        turn.say("erase.keep_report", (YES, NO))
    else:
        turn.set("offer", "erase")
        if not hurried:
            turn.say("erase.earlier_hint")
        turn.say("erase.confirm", (YES, NO))


def erase_checked_report_if_asked(turn: Turn) -> bool:
    """Right after a report's PIN was checked here (`verified_reference`), words of erasing alone ("ok en fait je
    veux le supprimer", "그거 지워 주세요") mean that report: the question naming it (`confirm_verified`); False,
    saying nothing, otherwise."""
    checked = verified_reference(turn)
    if checked is None or not holds_first_words("delete_my_data", text(turn)) or reference_in(text(turn)):
        return False
    confirm_verified(turn, checked)
    return True


def confirm_verified(turn: Turn, reference: str) -> None:
    """The yes/no question before erasing a report whose PIN was checked, naming all that goes."""
    turn.set("offer", "erase_verified")
    turn.say("erase.confirm_verified", (YES, NO), reference=reference)


def erase_this_conversation(turn: Turn) -> None:
    """Cases go now; tracker rows go once Rasa has saved this turn (bot.cases.erasure)."""
    with session() as db:
        erase_conversation(db, turn.tracker.sender_id)
        queue.forget(db, turn.tracker.sender_id)
    turn.say("erase.done")


def erase_verified_case(turn: Turn) -> None:
    """The yes to `confirm_verified`: the report, its conversation and this one; asked again if too old."""
    reference = verified_reference(turn)
    if reference is None:
        ask_to_erase(turn)
        return
    with session() as db:
        case = find(db, reference)
        # A report made in this very conversation goes with it, its rows once this turn is saved.
        if case is not None and case.sender_id != turn.tracker.sender_id:
            if case.sender_id:
                queue.forget(db, case.sender_id)
            erase_case(db, case)
        erase_conversation(db, turn.tracker.sender_id)
        queue.forget(db, turn.tracker.sender_id)
    turn.set(VERIFIED_SLOT, None)
    turn.say("erase.verified_done", reference=reference)
