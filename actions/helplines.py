"""Asking who, or which number, to call: "j'appelle qui ?", "어디에 전화해야 돼요?", "what is the cyber crime number".

The answer is the lines of the person's country (`support.<jurisdiction>`, numbers from the knowledge module),
said first whatever the classifier made of the message (it reads such questions as a request for a person, a
question about the bot, or nothing). The words are in `call_cues.yml`, matched on the accent-folded message.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

CUES = Path(__file__).with_name("call_cues.yml")


def asks_who_to_call(tracker: Tracker) -> bool:
    """Whether the latest typed message asks who, or which number, to call."""
    return message_says(tracker, CUES)
