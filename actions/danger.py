"""Being in danger right now: violence threatened or done, the person who did it at home tonight.

Whatever the message's intent, Relais says first how to get help at once where the person lives
(`danger.<jurisdiction>`, numbers from the knowledge module); the images can wait. The words are in
`danger_cues.yml`, matched on the accent-folded message. Once told, the danger stays in mind while the person
speaks of it (slot `in_danger`, cleared by a story or a question of the person's own, `moves_on` in
`actions/reply.py`, never by an "ok" or a goodbye): "what do i do hes still there",
"il part pas", "j'ai peur", "어떡해요" are the same danger, whose words (`danger_still_cues.yml`) would mean
nothing alone. Told, in that danger, that the police or the emergency services were called or are coming ("j'ai
appelé le 17", "경찰 불렀어요", "the cops are on their way": `danger_called_cues.yml`), Relais says to stay safe
until they come and call again if anything changes (`danger.called`), and nothing else: not the journey of a report.
A danger from a partner or an ex (`partner_cues.yml`) also hears of the line for partner violence (`PARTNER`), and so
does a threat made to keep the person from leaving (`leaving_threat_cues.yml`), danger now or not.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says, said_before

CUES = Path(__file__).with_name("danger_cues.yml")
STILL_CUES = Path(__file__).with_name("danger_still_cues.yml")
CALLED_CUES = Path(__file__).with_name("danger_called_cues.yml")
CALLED_PAST_CUES = Path(__file__).with_name("danger_called_past_cues.yml")
PARTNER_CUES = Path(__file__).with_name("partner_cues.yml")
CURRENT_PARTNER_CUES = Path(__file__).with_name("current_partner_cues.yml")
LEAVING_CUES = Path(__file__).with_name("leaving_threat_cues.yml")
PARTNER = "danger.partner"
"""`danger.partner.<jurisdiction>`: the line for violence by a partner or an ex, where the knowledge base has one
(France 3919, section 1.8; South Korea 1366, section 2.5; Australia 1800RESPECT, section 3.1, eSafety)."""
CALLED = "danger.called"
"""You did right to call; stay where you feel safest until they come, call again if anything changes; the images
can wait. No number: the person has just called one."""
SLOT = "in_danger"
"""True after a message of danger now, until the person moves on to a story or a question of their own."""


def in_danger_now(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of danger now ("il va me tuer", "때릴까 봐", "he's home now"), or, right
    after such a message, that it goes on or frightens ("he's still there", "il part pas", "아직도 안 갔어요", "what
    do i do", "j'ai peur")."""
    if message_says(tracker, CUES):
        return True
    return bool(tracker.get_slot(SLOT)) and message_says(tracker, STILL_CUES)


def called_for_help(tracker: Tracker) -> bool:
    """Whether the latest typed message, while a danger is told in it or in mind (`in_danger_now`, slot `SLOT`),
    says the police or the emergency services were called or are coming ("i called 999 they're coming", "경찰에
    신고했어요"), and not in the past ("last year I called the police")."""
    if not (tracker.get_slot(SLOT) or in_danger_now(tracker)):
        return False
    return message_says(tracker, CALLED_CUES) and not message_says(tracker, CALLED_PAST_CUES)


def by_partner(tracker: Tracker) -> bool:
    """Whether the latest typed message names a partner or an ex ("mon mari", "남편", "my boyfriend")."""
    return message_says(tracker, PARTNER_CUES)


def partner_named_before(tracker: Tracker) -> bool:
    """Whether any typed message of this conversation named a partner or an ex (`partner_cues.yml`): the danger told
    earlier came from them ("mon mari menace…", then "on est en australie")."""
    return said_before(tracker, PARTNER_CUES)


def current_partner_named_before(tracker: Tracker) -> bool:
    """Whether any typed message of this conversation named the partner the person is with now, not an ex
    (`current_partner_cues.yml`): "my bf who i live with…", then "should i block him?"."""
    return said_before(tracker, CURRENT_PARTNER_CUES)


def by_current_partner(tracker: Tracker) -> bool:
    """Whether the latest typed message names a partner the person is with now ("mon mari", "남편", "my boyfriend"),
    not an ex (`current_partner_cues.yml`)."""
    return message_says(tracker, CURRENT_PARTNER_CUES)


def threatens_if_left(tracker: Tracker) -> bool:
    """Whether the latest typed message tells a threat made to keep the person from leaving ("si je le quitte",
    "헤어지면", "if i leave him"): a partner's blackmail."""
    return message_says(tracker, LEAVING_CUES)
