"""The intake questions in order, what each accepts, and the action that asks each one."""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import Tuple

from actions.guidance import SITUATIONS
from actions.reply import Button, RelaisAction, Turn

SKIPPED = "skipped"
DONE = "done"


def option(choice: str, title: str | None = None) -> Button:
    return (title or f"intake.choice.{choice}", f'/inform{{"intake_choice": "{choice}"}}')


WHY = option("why", "intake.button.why")
SKIP = option("skip", "intake.button.skip")
STOP = option("stop", "intake.button.stop")


@dataclass(frozen=True)
class Question:
    slot: str
    choices: Tuple[str, ...] = ()


QUESTIONS = (
    Question("intake_situation", SITUATIONS),
    Question("intake_where", (DONE,)),
    Question("intake_found", ("today", "this_week", "earlier")),
    Question("intake_ongoing", ("yes", "no", "unsure")),
    Question("intake_subject", ("self", "other")),
    Question("intake_minor", ("yes", "no", "unsure")),
    Question("intake_consent", ("yes", "no")),
    Question("intake_contact", ("chat", "email", "phone", "none")),
    Question("intake_contact_detail"),
)
BY_SLOT = {question.slot: question for question in QUESTIONS}


def buttons(turn: Turn, question: Question) -> list[Button]:
    if question.slot == "intake_situation":
        offered = [option(s, f"situation.{s}") for s in SITUATIONS]
    elif question.slot == "intake_where":
        offered = [option(DONE, "intake.button.done")] if turn.slot("intake_urls") or turn.slot("intake_places") else []
    else:
        offered = [option(choice) for choice in question.choices]
    return [*offered, WHY, SKIP, STOP]


def ask(turn: Turn, slot: str) -> None:
    question = BY_SLOT[slot]
    key = f"intake.ask.{slot}"
    if slot == "intake_where" and (turn.slot("intake_urls") or turn.slot("intake_places")):
        key += ".more"
    if slot == "intake_contact_detail":
        key += f".{turn.slot('intake_contact')}"
    turn.say(key, buttons(turn, question))


class AskQuestion(RelaisAction):
    """`action_ask_<slot>`, which Rasa's form runs to ask for its next slot."""

    interrupts_forms = False
    slot = ""

    @abstractmethod
    def name(self) -> str:
        """`action_ask_<slot>`, set by `_ask_action`."""

    def respond(self, turn: Turn) -> None:
        ask(turn, self.slot)


def _ask_action(slot: str) -> type:
    class_name = "Ask" + "".join(part.title() for part in slot.split("_"))
    name = f"action_ask_{slot}"
    return type(class_name, (AskQuestion,), {"slot": slot, "name": lambda self: name, "__module__": __name__})


ASK_ACTIONS = [_ask_action(question.slot) for question in QUESTIONS]
