"""Offering, starting, summarising and sending the report: the steps around the intake form."""

from __future__ import annotations

from actions.facts_in_message import platforms_told
from actions.intake.answers import SKIPPED
from actions.intake.questions import QUESTIONS, answers_to_keep, summary_lines
from actions.intake.summary import answered, evidence_log, render
from actions.menu import MAIN_MENU, NOT_NOW, SEND
from actions.reply import Button, RelaisAction, Turn
from bot.cases.repository import CaseDraft, create_case
from bot.staff import queue
from bot.storage.db import session

START: Button = ("intake.button.start", "/affirm")
CONTINUE: Button = ("intake.button.continue", "/affirm")
INTAKE_SLOTS = (*(q.slot for q in QUESTIONS), "intake_urls", "intake_places", "intake_stopped")


def draft_started(turn: Turn) -> bool:
    """Anything given or skipped beyond the situation (which the conversation may have filled)."""
    given = [turn.slot(q.slot) for q in QUESTIONS[1:]] + [turn.slot("intake_urls"), turn.slot("intake_places")]
    return any(answered(value) or value == SKIPPED for value in given)


def offer_intake(turn: Turn, key: str = "intake.offer") -> None:
    """Ask whether to prepare the report; a yes (button or typed) starts or resumes the form."""
    turn.set("offer", "intake")
    if draft_started(turn):
        turn.say("intake.offer.resume", (CONTINUE, NOT_NOW))
    else:
        turn.say(key, (START, NOT_NOW))


def start_intake(turn: Turn) -> None:
    """Start (or resume) the form; a new one starts with the platforms named earlier in the conversation noted
    (`platforms_told`), so the question of where asks only for more."""
    if not draft_started(turn):
        turn.say("intake.start")
        told = platforms_told(turn.tracker)
        if told:
            turn.set("intake_places", told)
            for place in told:
                turn.say("intake.place.noted", place=place)
    if turn.situation and turn.slot("intake_situation") is None:
        turn.set("intake_situation", turn.situation)
    if turn.is_minor and turn.slot("intake_minor") is None:
        turn.set("intake_minor", "yes")
    turn.set("intake_stopped", None)
    turn.then("intake_form")


class ActionIntakeDone(RelaisAction):
    """After the form: either it was stopped (already said), or show the summary and ask to send."""

    def name(self) -> str:
        return "action_intake_done"

    def respond(self, turn: Turn) -> None:
        if turn.slot("intake_stopped"):
            turn.set("intake_stopped", None)
            turn.say("next.prompt", MAIN_MENU)
            return
        show_summary(turn)


def show_summary(turn: Turn) -> None:
    """The report in words, then "shall I send it?": a yes sends it, a correction changes it first."""
    turn.say("intake.summary.title")
    turn.dispatcher.utter_message(text="\n".join(render(turn, summary_lines(turn))))
    turn.set("offer", "submit")
    turn.say("intake.summary.confirm", (SEND, NOT_NOW))


def _draft(turn: Turn) -> CaseDraft:
    """The case from the question table's answers; the minor flag also holds when the conversation said so."""
    kept = answers_to_keep(turn)
    kept["is_minor"] = bool(kept.get("is_minor")) or turn.is_minor
    return CaseDraft(
        sender_id=turn.tracker.sender_id,
        channel=turn.tracker.get_latest_input_channel() or "rest",
        language=turn.language,
        jurisdiction=turn.country,
        platforms=list(turn.slot("intake_places") or []),
        urls=list(turn.slot("intake_urls") or []),
        in_crisis=bool(turn.slot("in_crisis")),
        **kept,
    )


def _next_step(turn: Turn, preference: str | None, detail: str | None) -> str:
    """How the team will be in touch: "email", "phone", "none", or "chat"; "unreachable" when the answer would be
    "chat" but the message came through a channel no analyst's message can reach (Rasa's REST channel,
    `queue.reachable`). A conversation without a recorded channel (the content review) counts as a chat. An email or
    a phone chosen with no address given (the question skipped) is no way to be written to: as a chat."""
    if preference == "none" or (preference in ("email", "phone") and detail):
        return str(preference)
    channel = turn.tracker.get_latest_input_channel()
    return "unreachable" if channel is not None and not queue.reachable(channel) else "chat"


def submit(turn: Turn) -> None:
    """Create the case, give reference and PIN once, then the copyable log; forget the draft."""
    draft = _draft(turn)
    lines = summary_lines(turn)
    with session() as db:
        created = create_case(db, draft)
        queue.attach_case(db, created.case)  # a request for a person made before the report shows it
        reference, created_at = created.case.reference, created.case.created_at
        priority = created.case.is_minor or created.case.sextortion_ongoing or created.case.in_crisis
    turn.say("case.created", reference=reference, pin=created.pin)
    if priority:
        turn.say("case.priority")
    turn.say(f"case.next.{_next_step(turn, draft.contact_preference, draft.contact_detail)}")
    turn.say("case.log.intro")
    turn.dispatcher.utter_message(text=evidence_log(turn, reference, created_at, list(draft.urls), lines))
    turn.set("case_ref", reference)
    for slot in INTAKE_SLOTS:
        turn.set(slot, None)
    turn.say("next.prompt", MAIN_MENU)
