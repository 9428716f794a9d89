"""A gentle check-in for a message with no usable words: emoji, punctuation, a mash, another language.

The NLU component bot/components/out_of_distribution.py recognises such a message, makes it
`nlu_fallback` and names its kind; the reply never guesses a situation, never says goodbye and
never starts a safety journey. Tears get a warm word; another language gets the choice of ours.
"""

from __future__ import annotations

from actions.jurisdiction import waits_for_country
from actions.menu import LANGUAGES, MAIN_MENU
from actions.reply import Turn
from vocabulary.parse_keys import OOD_KEY


def unusual_kind(turn: Turn) -> str | None:
    """The out-of-distribution kind of the latest message (`tears`, `symbols`, `mash`...), or None."""
    kind = (turn.tracker.latest_message or {}).get(OOD_KEY)
    return str(kind) if kind else None


def check_in(turn: Turn, kind: str) -> None:
    """Say the check-in for a message of `kind`, with the menu (or the languages) to go on. While the country question
    waits, it stays open: "?" hears why it is asked (`country.ask.again`), tears or a mash the check-in and the
    question in a few words, so that "us" next is still its answer."""
    from actions.guidance import ask_country  # the guidance imports the base action, which the conversation imports

    waiting = waits_for_country(turn.tracker)
    if kind == "language":
        turn.say("checkin.language", LANGUAGES)
        return
    if waiting and kind == "symbols":
        ask_country(turn, "country.ask.again")
        return
    turn.say("checkin.tears" if kind == "tears" else "checkin.gentle", () if waiting else MAIN_MENU)
    if waiting:
        ask_country(turn, "country.ask.short")
