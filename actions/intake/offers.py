"""Yes and no: they answer the question Relais just asked (`offer`), else reopen the menu.

`offer` names what a yes would do; every other action clears it (`RelaisAction`), so a late yes
never starts anything. While the country question waits (`COUNTRY_QUESTION`), a yes or a no ("ok",
"d'accord", "네", "non") answers no country: the question is asked again, unless the message names one too
("네 프랑스요"). The actions that read a yes or
a no are in `actions/conversation.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Dict

from actions.facts_in_message import mentions_links_or_platforms, message_says
from actions.guidance import ask_country, take_country
from actions.handoff import CANCEL_BUTTON, request_human
from actions.intake.answers import UNSURE_WORDS, says, text
from actions.intake.checkers import where
from actions.intake.corrections import correct_summary
from actions.intake.erase import erase_this_conversation, erase_verified_case
from actions.intake.erase_question import CANCELLED
from actions.intake.flow import start_intake, submit
from actions.jurisdiction import COUNTRY_QUESTION
from actions.menu import MAIN_MENU
from actions.reply import Turn
from actions.stale import from_button, not_understood
from bot.cases.links import links_in


def ask_country_again(turn: Turn) -> None:
    """An "ok" or a "no" while the country question waits: asked again, kindly, with the way not to say."""
    ask_country(turn, "country.ask.again")


ON_YES: Dict[str, Callable[[Turn], None]] = {
    "intake": start_intake,
    "submit": submit,
    "erase": erase_this_conversation,
    "erase_verified": erase_verified_case,
    "human": request_human,
}
ON_NO = {
    "intake": "intake.not_now",
    "submit": "intake.not_now",
    "erase": CANCELLED,
    "erase_verified": CANCELLED,
    "human": "handoff.declined",
}


SITE_NAMED = Path(__file__).with_name("site_named_cues.yml")
TAKEN_UP = ("intake", "submit", "human")
"""Offers a message of its own words may take up (`takes_up_offer`)."""


def _offer(turn: Turn) -> str | None:
    value = turn.tracker.get_slot("offer")
    return str(value) if value else None


def _without_offer(turn: Turn) -> None:
    """A typed "ok", "d'accord", "네" or "no" with nothing pending is an acknowledgement, not a misreading:
    someone waiting for a person hears they are still in the queue; after a crisis message, that Relais listens
    (`crisis.listening`), never the menu of legal topics; anyone else gets the current choices.
    A button pressed after its moment says so (`not_understood`)."""
    if from_button(turn):
        not_understood(turn)
    elif turn.tracker.get_slot("handoff_state") == "waiting":
        turn.say("handoff.waiting.again", (CANCEL_BUTTON,))
    elif turn.tracker.get_slot("in_crisis"):  # "no", "ok", "ㅇㅇ" after a crisis: stay with the person, no menu
        turn.say("crisis.listening")
    else:
        turn.say("next.prompt", MAIN_MENU)


def takes_up_offer(turn: Turn) -> bool:
    """The pending offer (a report, a person, sending the summary) taken up in words of its own, whatever the
    classifier made of them ("can you do it for me", "tu peux le faire pour moi", "대신 해 주세요": `do_it` in
    `answers.yml`): done as a yes would; True when done. Erasing is never taken up so: only a yes confirms it."""
    offer = _offer(turn)
    if offer not in TAKEN_UP or from_button(turn) or not says(turn, "do_it"):
        return False
    ON_YES[offer](turn)
    return True


def gives_places_for_report(turn: Turn) -> bool:
    """A link or a platform typed while the report is offered ("snapchat i think, and a whatsapp group",
    "instagram", "트위터요", "the site is xhamster": `site_named_cues.yml`) answers the report's first question
    before the yes: the form starts with them noted, and asks for more. True when done."""
    if _offer(turn) != "intake" or from_button(turn):
        return False
    named = message_says(turn.tracker, SITE_NAMED)
    if not (named or mentions_links_or_platforms(turn.tracker)):
        return False
    start_intake(turn)  # notes the platforms named, this message's too
    if links_in(text(turn)) or (named and not turn.slot("intake_places")):
        for slot, value in where(turn, "intake_where", None).items():
            turn.set(slot, value)
    return True


def answer_yes(turn: Turn) -> None:
    """Do what the pending question offered (the country question: ask it again); without one, an
    acknowledgement (`_without_offer`). A typed "I don't know" read as a yes takes nothing up: after a crisis
    message, Relais listens (`crisis.listening`); otherwise, it is all right not to know (`clarify.unsure`)."""
    offer = _offer(turn)
    if correct_summary(turn):  # "yes, but my email is ..." changes the report before anything is sent
        return
    if offer != COUNTRY_QUESTION and says(turn, "unsure", max_words=UNSURE_WORDS):
        # "idk", "maybe", "잘 모르겠어요" read as a yes: no offer is taken up on a shrug
        in_crisis = bool(turn.slot("in_crisis"))
        turn.say("crisis.listening" if in_crisis else "clarify.unsure", () if in_crisis else MAIN_MENU)
        return
    if offer == COUNTRY_QUESTION:
        if not take_country(turn):  # "네 프랑스요", "yes, the US": the country is the answer
            ask_country_again(turn)
    elif offer in ON_YES:
        ON_YES[offer](turn)
    else:
        _without_offer(turn)


def answer_no(turn: Turn) -> None:
    """Acknowledge the declined offer (the country question: ask it again); without one, an acknowledgement
    (`_without_offer`)."""
    offer = _offer(turn)
    if correct_summary(turn):  # "no, my email is ...": a correction, not a refusal
        return
    if offer == COUNTRY_QUESTION:
        if not take_country(turn):
            ask_country_again(turn)
    elif offer in ON_NO:
        turn.say(ON_NO[offer], MAIN_MENU)
    else:
        _without_offer(turn)
