"""Reporting (platform, hotline, police) and removal (takedown, delisting, hashing)."""

from __future__ import annotations

from actions.facts_in_message import latest_text
from actions.guidance import guide, journey
from actions.hashing import say_hashing
from actions.intake.erase import erase_checked_report_if_asked
from actions.intake.flow import offer_intake
from actions.reply import RelaisAction, Turn, about_them
from bot.components.cue_patterns import has_cue


def covert_filming(turn: Turn) -> bool:
    """The story is covert filming: the situation, or the message's words ("a camera in the shower", "몰카")."""
    return turn.situation == "hidden_filming" or has_cue(latest_text(turn.tracker), "hidden")


@journey("report")
def explain_report(turn: Turn) -> None:
    # A camera found, footage that may be nowhere online yet: the police come before any platform.
    if covert_filming(turn):
        turn.say("evidence.police_first")
    turn.say(about_them(turn, "report.platform"))
    turn.say(turn.local_key("report"))
    offer_intake(turn)


@journey("removal")
def explain_removal(turn: Turn) -> None:
    """How to get it taken down: the platform, the country's way, then hashing; for a minor, Take It Down before the
    country's way, whose requests are written for adults ("your signature", a valid request)."""
    turn.say("removal.intro")
    if turn.is_minor:
        say_hashing(turn)
        turn.say(turn.local_key("removal"))
        return
    turn.say(turn.local_key("removal"))
    say_hashing(turn)


class ActionReport(RelaisAction):
    def name(self) -> str:
        return "action_report"

    def respond(self, turn: Turn) -> None:
        guide(turn, "report")


class ActionRemoval(RelaisAction):
    def name(self) -> str:
        return "action_removal"

    def respond(self, turn: Turn) -> None:
        if erase_checked_report_if_asked(turn):  # "je veux le supprimer" after checking a report: that report
            return
        guide(turn, "removal")
