"""A general question of what to do now ("what can I do?", "que faire ?", "어떻게 해야 돼요?").

The classifier has no intent for it and often calls it out of scope, or a language request when a country
comes with it. After a story it asks for that story's steps for the person's country, which is the
situation journey's own answer (`actions/situation.py`); before a story it asks what happened. The words
come from `help_cues.yml`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from rasa_sdk import Tracker

from actions.facts_in_message import folded_text
from actions.guidance import SITUATION_BUTTONS, note_country, resume, situation_cued
from actions.intake.flow import offer_intake
from actions.reply import Turn
from actions.situation import tell_steps

CUES = Path(__file__).with_name("help_cues.yml")
PLAN = "next.plan"
"""Keep a record (links, accounts, dates, messages); report each link and ask for removal; the police or a helpline
if the person wants to. No image is to be kept: nothing here asks for one."""
PLAN_SEXTORTION = "next.plan.sextortion"
"""Don't pay, send nothing more, stop replying; keep a record; then block and report; the police if the person wants
to (knowledge base section 4, HIGH: stop all contact, don't negotiate, block after documenting)."""


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load(CUES.read_text(encoding="utf-8"))
    return {str(name): re.compile("|".join(patterns)) for name, patterns in data.items()}


def asks_what_to_do(tracker: Tracker) -> bool:
    """Whether the latest message asks, in general, what to do (the `help` cues)."""
    return bool(_cues()["help"].search(folded_text(tracker)))


def names_a_language(tracker: Tracker) -> bool:
    """Whether the latest message names a language or speaking one (the `language` cues)."""
    return bool(_cues()["language"].search(folded_text(tracker)))


def answer_what_to_do(turn: Turn) -> None:
    """Take a country the message names, then resume the journey asked for before, or give the steps of the
    story told (asked again, once the story's steps were said and the country is known: the steps in order, `PLAN`,
    and the offer of a report), or of the one its words tell ("found a tiny camera in the air freshener, what do i
    do": its acknowledgement, then the country question or what comes next), or ask what happened."""
    note_country(turn)
    if resume(turn):
        return
    situation = turn.situation or situation_cued(turn)
    if situation is None:
        turn.say("situation.ask", SITUATION_BUTTONS)
        return
    if turn.tracker.get_slot("situation") and turn.jurisdiction is not None:
        # Asked again once the story's steps were said: the steps in order, then the report, never the same text.
        turn.say(PLAN_SEXTORTION if situation == "sextortion" else PLAN)
        offer_intake(turn)
        return
    tell_steps(turn, situation)
