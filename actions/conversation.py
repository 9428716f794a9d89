"""Small talk around the journeys: greeting, menu, thanks, goodbye, language, fallback."""

from __future__ import annotations

from actions.intake.access import start_access
from actions.intake.answers import text
from actions.language import explicit_choice
from actions.menu import LANGUAGES, MAIN_MENU
from actions.reply import RelaisAction, Turn, fixed_reply
from bot.cases.reference import reference_in
from bot.settings import load


class ActionGreet(RelaisAction):
    """The first greeting carries the privacy notice; later ones just reopen the menu."""

    def name(self) -> str:
        return "action_greet"

    def respond(self, turn: Turn) -> None:
        if any(event.get("event") == "bot" for event in turn.tracker.events):
            turn.say("greet.again", MAIN_MENU)
            return
        turn.say("greet.welcome")
        turn.say("greet.privacy", days=load().retention_days)
        turn.say("menu.prompt", MAIN_MENU)


class ActionChangeLanguage(RelaisAction):
    """Confirms a switch, or offers the languages when the message named none."""

    def name(self) -> str:
        return "action_change_language"

    def respond(self, turn: Turn) -> None:
        if explicit_choice(turn.tracker):
            turn.say("language.switched", MAIN_MENU)
        else:
            turn.say("language.choose", LANGUAGES)


ActionBotChallenge = fixed_reply("action_bot_challenge", "bot_challenge.text", MAIN_MENU)
ActionOutOfScope = fixed_reply("action_out_of_scope", "out_of_scope.text", MAIN_MENU)
ActionThank = fixed_reply("action_thank", "thank.text", MAIN_MENU)
ActionGoodbye = fixed_reply("action_goodbye", "goodbye.text")


class ActionClarify(RelaisAction):
    """Not understood: a bare report reference still leads to its status; otherwise offer choices."""

    def name(self) -> str:
        return "action_clarify"

    def respond(self, turn: Turn) -> None:
        if reference_in(text(turn)):
            start_access(turn, "status")
            return
        turn.say("clarify.text", MAIN_MENU)
