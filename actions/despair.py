"""Words around a crisis that the classifier cannot be trusted with: despair it reads as a goodbye, and not being
able to call the lines just given.

"걍 다 끝났어", "c'est fini pour moi", "it's all over" were read as a goodbye ("take care, come back any time")
or not understood: with their words (`despair_cues.yml`) such a message is answered as distress is. After a
crisis message, "전화는 못하겠어", "je peux pas appeler", "i can't call anyone" (`cannot_call_cues.yml`) hear that
there is no need to call, that they can keep writing here, and which lines can be written to (`CANNOT_CALL`),
never the country question or the numbers to call again.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

DESPAIR_CUES = Path(__file__).with_name("despair_cues.yml")
CANNOT_CALL_CUES = Path(__file__).with_name("cannot_call_cues.yml")
CANNOT_CALL = "crisis.cannot_call"
"""No need to call; keep writing here; the lines that can be written to (knowledge base section 5: 988 by text or
chat, Lifeline by text, Samaritans by email; France's 114 by text in an emergency, section 1.8)."""
CRISIS_SLOT = "in_crisis"


def despairs(tracker: Tracker) -> bool:
    """Whether the latest typed message holds words of despair ("다 끝났어", "ma vie est foutue", "i give up")."""
    return message_says(tracker, DESPAIR_CUES)


def cannot_call(tracker: Tracker) -> bool:
    """Whether, after a crisis message (slot `in_crisis`), the latest typed message says the person cannot or does
    not want to call ("전화는 못하겠어", "je peux pas appeler", "too scared to call")."""
    return bool(tracker.get_slot(CRISIS_SLOT)) and message_says(tracker, CANNOT_CALL_CUES)
