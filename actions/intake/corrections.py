"""A correction said at the summary ("non, mon mail c'est x@y.fr", "날짜는 어제예요", "actually it was last
friday"): applied to the draft, then the summary shown again, so nothing is sent that the person
corrected.

Read while the summary's question is pending (`offer` is "submit") by every action a correction may
land on, whatever the classifier made of it: yes, no, a short fact, not understood, out of scope.
What it reads: an email address or a phone number (the contact, and the way to use it), else a date
or a time in words (`when` in `answers.yml`: when the content was found), else links or a single
platform's name (they replace the links, or the places, given where the content is). Two platforms
("onlyfans not pornhub") are not read: which one is meant is not known.
"""

from __future__ import annotations

import re
from typing import Any, Dict

from actions.facts_in_message import platforms
from actions.intake.answers import DONE, says, text
from actions.intake.checkers import MAX_FOUND_CHARS, MAX_LINKS, MAX_PLACE_CHARS
from actions.intake.flow import show_summary
from actions.reply import Turn
from bot.cases.contact import email_in, phone_in
from bot.cases.links import links_in

MAX_WORDS = 20
"""A longer message is a story, not a correction of one answer."""
FOUND_CHOICES = ("today", "this_week")
LEAD_IN = re.compile(
    r"^\s*(non|no|nope|nan|en fait|actually|in fact|sorry|pardon|desole|아니요|아뇨|아니|사실은?)[\s,.!:;-]*", re.I
)
"""Words that open a correction, left out of the answer kept ("actually it was last friday")."""


def summary_pending(turn: Turn) -> bool:
    """Whether the last thing Relais asked was "shall I send it?" (read before this turn cleared it)."""
    return turn.tracker.get_slot("offer") == "submit"


def corrections(turn: Turn) -> Dict[str, Any]:
    """The intake slots the latest message corrects: {slot: new value}; empty when it corrects nothing."""
    message = text(turn)
    if message.startswith("/"):
        return {}
    email = email_in(message)
    if email:
        return {"intake_contact": "email", "intake_contact_detail": email}
    if says(turn, "when", max_words=MAX_WORDS):
        for found in FOUND_CHOICES:
            if says(turn, found, max_words=MAX_WORDS):
                return {"intake_found": found}
        return {"intake_found": LEAD_IN.sub("", message)[:MAX_FOUND_CHARS] or message[:MAX_FOUND_CHARS]}
    where = _where(turn, message)
    if where:
        return where
    phone = phone_in(message)
    if phone:
        return {"intake_contact": "phone", "intake_contact_detail": phone}
    return {}


def _where(turn: Turn, message: str) -> Dict[str, Any]:
    """Links replace the links given; else one platform named in a short message replaces the places."""
    urls = [link.url for link in links_in(message) if link.url is not None]
    if urls:
        return {"intake_urls": list(dict.fromkeys(urls))[:MAX_LINKS], "intake_where": DONE}
    named = list(dict.fromkeys(platforms(turn.tracker)))
    if len(named) == 1 and len(message.split()) <= MAX_WORDS:
        return {"intake_places": [named[0][:MAX_PLACE_CHARS]], "intake_where": DONE}
    return {}


def correct_summary(turn: Turn) -> bool:
    """At the summary, apply a correction and show the summary again; False when there is none."""
    if not summary_pending(turn):
        return False
    changes = corrections(turn)
    if not changes:
        return False
    for slot, value in changes.items():
        turn.set(slot, value)
    turn.say("intake.corrected")
    show_summary(turn)
    return True
