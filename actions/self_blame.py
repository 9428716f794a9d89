"""Blaming oneself, or asking whether it is one's own fault: answered first, and plainly.

"c grave si c moi qui ai envoyé les photos a la base?" was answered with the deepfake's text, "근데 나도 예전에 걔한테
셀카 보낸 적 있는데 내 잘못이야?" with the country question. Their words (`self_blame_cues.yml`) get `NOT_YOUR_FAULT`
first: sending a photo to someone trusted is not what went wrong; sharing it or threatening with it is, and that
is on the person who did it. No legal claim is made (what the law says of a minor's own images differs by
country and is the law's journey). "선생님한테 말해야돼?", "should i tell my parents" (read as asking for a person) hear
that who to tell is theirs to choose (`WHETHER_TO_TELL`).
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

CUES = Path(__file__).with_name("self_blame_cues.yml")
WHETHER_TO_TELL_CUES = Path(__file__).with_name("whether_to_tell_cues.yml")
WHETHER_TO_TELL = "support.whether_to_tell"
"""Whether to tell a teacher or a parent is the person's choice, with no hurry; an adult they trust can help; not ready
to tell anyone, they can keep writing here or ask for someone from the hotline. No claim about any other service."""
NOT_YOUR_FAULT = "support.not_your_fault"
"""No, it is not your fault: what went wrong is the sharing or the threat, on the person who did it (`.other`: about
the person, for a parent or a friend)."""
FEELINGS = ("express_distress", "crisis")
"""Intents whose own answer already says it is not the person's fault (`support.kind`) or must come first."""


def blames_self(tracker: Tracker, intent: str | None) -> bool:
    """Whether the latest typed message blames the writer, or asks whether it is their fault ("내 잘못이야?", "is it
    my fault i sent them?"), and its intent's own answer does not already say it is not (`FEELINGS`)."""
    return intent not in FEELINGS and message_says(tracker, CUES)


def asks_whether_to_tell(tracker: Tracker) -> bool:
    """Whether the latest typed message asks whether to tell a teacher, a parent or another adult ("선생님한테
    말해야돼?", "je dois le dire à ma mère ?", "should i tell my teacher"): `whether_to_tell_cues.yml`."""
    return message_says(tracker, WHETHER_TO_TELL_CUES)
