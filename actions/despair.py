"""Words around a crisis that the classifier cannot be trusted with: despair it reads as a goodbye, and not being
able to call the lines just given.

"걍 다 끝났어", "c'est fini pour moi", "it's all over" were read as a goodbye ("take care, come back any time")
or not understood: with their words (`despair_cues.yml`) such a message is answered as distress is. After a
crisis message, "전화는 못하겠어", "je peux pas appeler", "i can't call anyone" (`cannot_call_cues.yml`) hear that
there is no need to call, that they can keep writing here, and which lines can be written to (`CANNOT_CALL`),
never the country question or the numbers to call again. Told, after a crisis message, that the person is safe
after all ("je vais pas faire de bêtise", "진정됐어요", "i'm ok now": `patterns/crisis_denied.yml`), Relais says it is
glad and that the line stays there (`EASED`), and stops repeating the line at every answer (slot `EASED_SLOT`); the
crisis stays in the conversation's case, and a new crisis message brings the line back.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import latest_text, message_says
from bot.components.crisis_patterns import denies_crisis, signals_crisis

DESPAIR_CUES = Path(__file__).with_name("despair_cues.yml")
CANNOT_CALL_CUES = Path(__file__).with_name("cannot_call_cues.yml")
HARM_DONE_CUES = Path(__file__).with_name("harm_done_cues.yml")
HARM_DONE = "crisis.harm_done"
"""`crisis.harm_done.<jurisdiction>`: something taken or a harm done: medical help now, even feeling fine, at the
emergency number the knowledge base gives (France's 15, section 1.8; 999, 911, 112, 000), else the local one, no
number (South Korea's ambulance is not in the knowledge base)."""
HARM_DONE_WITH_A_NUMBER = ("FR", "GB", "US", "IE", "AU")
CANNOT_CALL = "crisis.cannot_call"
"""No need to call; keep writing here; the lines that can be written to (knowledge base section 5: 988 by text or
chat, Lifeline by text, Samaritans by email; France's 114 by text in an emergency, section 1.8)."""
CRISIS_SLOT = "in_crisis"
EASED = "crisis.eased"
"""Glad to hear it; the line and this chat stay there at any hour. No number: the crisis line was just given."""
EASED_SLOT = "crisis_eased"
"""True once the person said, after a crisis message, that they are safe; False again at a new crisis message."""


def despairs(tracker: Tracker) -> bool:
    """Whether the latest typed message holds words of despair ("다 끝났어", "ma vie est foutue", "i give up")."""
    return message_says(tracker, DESPAIR_CUES)


def cannot_call(tracker: Tracker) -> bool:
    """Whether, after a crisis message (slot `in_crisis`), the latest typed message says the person cannot or does
    not want to call ("전화는 못하겠어", "je peux pas appeler", "too scared to call")."""
    return bool(tracker.get_slot(CRISIS_SLOT)) and says_cannot_call(tracker)


def says_cannot_call(tracker: Tracker) -> bool:
    """Whether the latest typed message says the person cannot or will not call, or asks for a way to write instead
    ("전화는 못하겠어", "i cant call, he'd hear me", "is there something i can text?": `cannot_call_cues.yml`)."""
    return message_says(tracker, CANNOT_CALL_CUES)


def eases_crisis(tracker: Tracker) -> bool:
    """Whether, after a crisis message (slot `in_crisis`), the latest typed message says the person is safe after all
    ("non ça va aller, je vais pas faire de bêtise", "죽고싶다는 건 아니고요", "i wont do anything stupid") and holds
    no word of a risk to life."""
    text = latest_text(tracker)
    return bool(tracker.get_slot(CRISIS_SLOT)) and denies_crisis(text) and not signals_crisis(text)


def harm_done(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of pills or medicine taken or a harm done (`harm_done_cues.yml`)."""
    return message_says(tracker, HARM_DONE_CUES)


def harm_done_key(jurisdiction: str | None) -> str:
    """`crisis.harm_done.<jurisdiction>` for `HARM_DONE_WITH_A_NUMBER`, else `crisis.harm_done.other`."""
    return f"{HARM_DONE}.{jurisdiction if jurisdiction in HARM_DONE_WITH_A_NUMBER else 'other'}"
