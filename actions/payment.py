"""Money already paid to a blackmailer: what to do now, said once, never the whole sextortion text again.

"J'ai déjà payé 200 €", "이미 50만 원 보냈어요", "can we get the money back?": the person has heard (or is
hearing) not to pay; what they need now is what the knowledge base says for those who already paid
(section 4, evidence preservation, HIGH: "If you already paid, stop and tell your bank"; bank details are
evidence, never deleted). The words are in `payment_cues.yml`, matched on the accent-folded message.
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.cue_files import any_of
from actions.facts_in_message import folded_text

CUES = Path(__file__).with_name("payment_cues.yml")
PAID = "sextortion.paid"
"""Don't pay more, tell the bank or the payment service now, keep the receipts; whether the money comes back
is not ours to say (`.other`: about the person, for a parent or a friend)."""
PAID_KEYS = (PAID, f"{PAID}.other")
"""Either wording, to tell whether this turn already answered the payment (`Turn.has_said`)."""


def paid_already(tracker: Tracker) -> bool:
    """Whether the latest typed message tells of money already paid or asks to get it back."""
    return bool(any_of(CUES).search(folded_text(tracker)))
