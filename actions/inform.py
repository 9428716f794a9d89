"""A short factual answer (a country, an age, a link): take it in and carry on."""

from __future__ import annotations

from actions.facts_in_message import mentions_links_or_platforms
from actions.guidance import SITUATION_BUTTONS, resume
from actions.jurisdiction import country_in_message
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from actions.safety import child_route_for_new_country, minor_in_message
from actions.stale import from_button, not_understood


class ActionInform(RelaisAction):
    def name(self) -> str:
        return "action_inform"

    def respond(self, turn: Turn) -> None:
        minor_in_message(turn)
        if country_in_message(turn.tracker):
            turn.say(f"country.noted.{turn.jurisdiction}")
            child_route_for_new_country(turn)
            if resume(turn):
                return
            if turn.situation is None:
                turn.say("situation.ask", SITUATION_BUTTONS)
            else:
                turn.say("next.prompt", MAIN_MENU)
        elif from_button(turn):
            not_understood(turn)
        elif mentions_links_or_platforms(turn.tracker):
            turn.say("inform.links_only", MAIN_MENU)
        elif not turn.is_minor:
            turn.say("clarify.text", MAIN_MENU)
        else:
            turn.say("next.prompt", MAIN_MENU)
