"""What Relais keeps, said truthfully, with the retention period actually configured; and erasing it."""

from __future__ import annotations

from actions.despair import despairs
from actions.intake.answers import text
from actions.intake.erase import ask_to_erase
from actions.intake.erase_question import ERASE_QUESTIONS
from actions.intake.offers import answer_yes
from actions.menu import MAIN_MENU
from actions.reply import RelaisAction, Turn
from actions.safety import ActionSupport
from bot.cases.reference import reference_in
from bot.settings import load


class ActionPrivacy(RelaisAction):
    def name(self) -> str:
        return "action_privacy"

    def respond(self, turn: Turn) -> None:
        turn.say("privacy.text", MAIN_MENU, days=load().retention_days)


class ActionDeleteData(RelaisAction):
    """Delete my data: always a yes/no question first (`actions/intake/erase.py`); words of erasing typed as the
    answer to that question ("ㅇㅇ 지워주세요", "oui effacez tout") are its yes, unless they name a report, or say
    despair beside the erasing ("j'ai envie de tout effacer, c'est fini pour moi": `actions/despair.py`), which is
    met as distress and erases nothing."""

    answers_summary = True  # erasing asks its own question, which replaces "shall I send it?"

    def name(self) -> str:
        return "action_delete_data"

    def respond(self, turn: Turn) -> None:
        if despairs(turn.tracker):
            ActionSupport().respond(turn)
            return
        if turn.tracker.get_slot("offer") in ERASE_QUESTIONS and not reference_in(text(turn)):
            answer_yes(turn)
            return
        ask_to_erase(turn)
