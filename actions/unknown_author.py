"""Not knowing who did it: the content can be reported and removed all the same.

"걔가 누군지 몰라요" after a story was answered with the words of comfort for distress and the suicide question, "jsp
qui c'est" with "not understood". Once a story is told, their words (`unknown_author_cues.yml`) get
`situation.unknown_author`: reporting the content and asking for its removal do not need the author's name; keep the
links and the account's name. No claim is made about what the police can find.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

CUES = Path(__file__).with_name("unknown_author_cues.yml")
UNKNOWN_AUTHOR = "situation.unknown_author"


def author_unknown(tracker: Tracker) -> bool:
    """Whether, a story being told (slot `situation`), the latest typed message says the writer does not know who did
    it ("je sais pas qui c'est", "누군지 몰라요", "i dont know who posted it")."""
    return bool(tracker.get_slot("situation")) and message_says(tracker, CUES)
