"""Whether anything costs: this chat never does, and where the knowledge base says so, the services it names.

"does this cost anything", "c'est payant votre truc ?", "이거 상담 무료에요? 돈 드나요?" got the privacy text, "I'm an
automated assistant" or a request for a person. With their words (`cost_cues.yml`) they hear that writing here is
free and that nobody from this service will ask for money (`cost.general`: Relais has no way to charge anything), then,
where the knowledge base states it, what the country's services cost (`cost.<jurisdiction>`: South Korea's centre
deletes free of charge for the victim, the offender pays, section 2.4, HIGH; France's 17Cyber and France Victimes are
free, section 1.8, HIGH).
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says
from actions.turn import Turn
from content.texts import has

CUES = Path(__file__).with_name("cost_cues.yml")
KEY = "cost.general"


def asks_cost(tracker: Tracker) -> bool:
    """Whether the latest typed message asks whether the help, the chat or removal costs anything."""
    return message_says(tracker, CUES)


def tell_cost(turn: Turn) -> None:
    """`cost.general`, then `cost.<jurisdiction>` where there is one."""
    turn.say(KEY)
    local = f"cost.{turn.jurisdiction}"
    if turn.jurisdiction and has(turn.language, local):
        turn.say(local)
