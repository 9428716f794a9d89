"""Money and contact with a blackmailer: money already paid, asked whether to pay, or the blackmailer who keeps
calling; said once, never the whole sextortion text again.

"J'ai déjà payé 200 €", "이미 50만 원 보냈어요", "can we get the money back?": the person has heard (or is
hearing) not to pay; what they need now is what the knowledge base says for those who already paid
(section 4, evidence preservation, HIGH: "If you already paid, stop and tell your bank"; bank details are
evidence, never deleted). The words are in `payment_cues.yml`, matched on the accent-folded message.
"He says he'll delete them if I send 500 more, should I?" is answered no, at once (`pay_question_cues.yml`), and so
is a deadline told ("il m'a donné jusqu'à demain midi": `deadline_cues.yml`).
"He keeps calling me", "차단해도 돼요?" are answered with stopping all contact, keeping a record, then blocking
(section 4, HIGH: "Stop all contact; don't negotiate; block (after documenting)"; `contact_cues.yml`); "he says
if i block him he'll post everything" hears that the threat is meant to keep the contact, the same steps, and that
what is posted can be reported and removed (`block_threat_cues.yml`); "i already blocked him" hears it is a good
step and what to keep (`blocked_cues.yml`).
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

CUES = Path(__file__).with_name("payment_cues.yml")
QUESTION_CUES = Path(__file__).with_name("pay_question_cues.yml")
CONTACT_CUES = Path(__file__).with_name("contact_cues.yml")
BLOCK_THREAT_CUES = Path(__file__).with_name("block_threat_cues.yml")
BLOCKED_CUES = Path(__file__).with_name("blocked_cues.yml")
DEADLINE_CUES = Path(__file__).with_name("deadline_cues.yml")
PAID = "sextortion.paid"
"""Don't pay more, tell the bank or the payment service now, keep the receipts; whether the money comes back
is not ours to say (`.other`: about the person, for a parent or a friend)."""
DONT_PAY = "sextortion.dont_pay"
"""No: pay nothing and send nothing more, even for a promise to delete; paying usually brings more demands
(knowledge base section 4, HIGH). `.other`: about the person."""
NO_CONTACT = "sextortion.no_contact"
"""You don't have to answer: stop all contact, don't negotiate, keep a record, then block (section 4, HIGH).
`.other`: about the person."""
BLOCK_THREAT = "sextortion.block_threat"
"""The threat of posting if blocked is meant to keep the contact; paying or replying usually brings more demands;
keep a record, stop contact, block; what is posted can be reported and removed (section 4, HIGH). `.other`: about
the person."""
BLOCKED = "sextortion.blocked"
"""Blocking, after keeping a record, is the right step (section 4, HIGH); keep what is left of the messages; a new
account gets no answer and its messages are kept too. `.other`: about the person."""
BLACKMAIL_KEYS = tuple(
    key for base in (PAID, DONT_PAY, NO_CONTACT, BLOCK_THREAT, BLOCKED) for key in (base, f"{base}.other")
)
"""Every wording of an answer about the blackmailer (money or contact), to tell whether this turn already answered
it (`Turn.has_said`)."""


def asks_whether_to_pay(tracker: Tracker) -> bool:
    """Whether the latest typed message asks whether to pay, or tells of a promise made for paying ("돈 더 보내면
    지워준다는데 보낼까요?", "should i send it?"): `pay_question_cues.yml`."""
    return message_says(tracker, QUESTION_CUES)


def asks_about_contact(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of a blackmailer who keeps calling or writing, or asks about answering
    or blocking them ("il arrête pas de m'appeler", "차단해도 돼요?", "should i block him"): `contact_cues.yml`."""
    return message_says(tracker, CONTACT_CUES)


def paid_already(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of money already paid or asks to get it back."""
    return message_says(tracker, CUES)


def fears_block_threat(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of a threat to post the images if the person blocks or ignores the
    blackmailer ("il dit que si je le bloque il poste tout", "차단하면 뿌린대요"): `block_threat_cues.yml`."""
    return message_says(tracker, BLOCK_THREAT_CUES)


def blocked_already(tracker: Tracker) -> bool:
    """Whether the latest typed message says the blackmailer is already blocked ("je l'ai bloqué", "차단했어요")."""
    return message_says(tracker, BLOCKED_CUES)


def tells_deadline(tracker: Tracker) -> bool:
    """Whether the latest typed message tells the blackmailer's deadline ("il m'a donné jusqu'à demain midi", "오늘
    밤 12시까지래", "he said she has 24 hours"): answered as the question whether to pay (`DONT_PAY`)."""
    return message_says(tracker, DEADLINE_CUES)
