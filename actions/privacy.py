"""What Relais keeps, said truthfully, with the retention period actually configured; and erasing it."""

from __future__ import annotations

from actions.despair import despairs
from actions.facts_in_message import message_says
from actions.intake.answers import text
from actions.intake.erase import ask_to_erase
from actions.intake.erase_question import CHAT_NAMED, ERASE_QUESTIONS, WHICH_QUESTION
from actions.intake.offers import answer_yes
from actions.menu import MAIN_MENU, Button
from actions.reply import RelaisAction, Turn
from actions.safety import ActionSupport
from bot.cases.reference import reference_in
from bot.settings import load

IMAGES: Button = ("erase.button.images", "/ask_removal")
CHAT: Button = ("erase.button.chat", "/delete_my_data")
WHICH = "erase.which"
"""The images, or this conversation? Relais cannot delete images on a site, it can tell how to get them taken down;
this conversation it can erase."""


def may_mean_the_images(turn: Turn) -> bool:
    """Whether a typed request to erase, after a story told here (slot `situation`), names nothing of this chat
    (`chat_named_cues.yml`): "지워주세요", "can you delete them", "vous pouvez les supprimer ?" after "my ex posted my
    nudes" may mean the images."""
    typed = text(turn)
    return bool(turn.situation) and not typed.startswith("/") and not message_says(turn.tracker, CHAT_NAMED)


class ActionPrivacy(RelaisAction):
    def name(self) -> str:
        return "action_privacy"

    def respond(self, turn: Turn) -> None:
        turn.say("privacy.text", MAIN_MENU, days=load().retention_days)


class ActionDeleteData(RelaisAction):
    """Delete my data: always a yes/no question first (`actions/intake/erase.py`); words of erasing typed as the
    answer to that question ("ㅇㅇ 지워주세요", "oui effacez tout") are its yes, unless they name a report, or say
    despair beside the erasing ("j'ai envie de tout effacer, c'est fini pour moi": `actions/despair.py`), which is
    met as distress and erases nothing. After a story, a request that names nothing of this chat asks first whether
    the images or the conversation are meant (`may_mean_the_images`)."""

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
        if may_mean_the_images(turn):
            turn.set("offer", WHICH_QUESTION)
            turn.say(WHICH, (IMAGES, CHAT))
            return
        ask_to_erase(turn)
