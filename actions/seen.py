"""The fear that someone sees this chat on the person's device: how to leave and clear it, and erase it here too.

"i'm scared he'll see this chat", "il fouille mon tel", "남편이 핸드폰 볼까 봐요" got the words for feelings. Their
words (`seen_cues.yml`) hear, in the web widget, that its quick exit leaves the page at once, that clearing the
conversation empties the screen, that asking to delete one's data erases it from the hotline too, and that a
private window keeps the page out of the history (`SEEN_IN_THE_WIDGET`, with the widget's own button labels);
elsewhere (Telegram), that the chat can be deleted in the app, and erased here on request (`SEEN`). In a danger told
before, words of erasing ("he's coming, delete it now", "il arrive efface tout vite", "남편 온다 빨리 지워줘") mean this
chat at once: the erasure's question comes first and alone (`erase_at_once`), never removal advice.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.danger import SLOT as DANGER_SLOT
from actions.facts_in_message import message_says
from actions.turn import Turn

CUES = Path(__file__).with_name("seen_cues.yml")
SOMEONE_COMING_CUES = Path(__file__).with_name("someone_coming_cues.yml")
ERASE_NOW_CUES = Path(__file__).with_name("erase_now_cues.yml")
SEEN = "safety.seen"
SEEN_IN_THE_WIDGET = "safety.seen.widget"
WIDGET_CHANNEL = "socketio"
"""Rasa's name of the web widget's channel (`bot/web/`)."""


def fears_being_seen(tracker: Tracker) -> bool:
    """Whether the latest typed message fears that someone sees this chat or goes through the person's phone."""
    return message_says(tracker, CUES)


def tell_how_to_hide(turn: Turn) -> None:
    """`SEEN_IN_THE_WIDGET` in the web widget (with its quick exit's and clear button's labels), else `SEEN`."""
    if turn.tracker.get_latest_input_channel() == WIDGET_CHANNEL:
        turn.say(SEEN_IN_THE_WIDGET, exit=turn.text("web.quick_exit"), clear=turn.text("web.clear"))
    else:
        turn.say(SEEN)


def erases_in_danger(tracker: Tracker) -> bool:
    """Whether the latest typed message asks to erase (`erase_now_cues.yml`) with a danger told before in mind (slot
    `in_danger`), or with someone arriving now ("he's coming, delete this", "il arrive efface tout":
    `someone_coming_cues.yml`)."""
    if not message_says(tracker, ERASE_NOW_CUES):
        return False
    return bool(tracker.get_slot(DANGER_SLOT)) or message_says(tracker, SOMEONE_COMING_CUES)


def erase_at_once(turn: Turn) -> None:
    """The question before erasing this conversation, alone (`actions/intake/erase.py`, `hurried`)."""
    from actions.intake.erase import ask_to_erase  # the intake's modules import the base action, which imports this one

    ask_to_erase(turn, hurried=True)
