"""The intake questions: one table, from which everything else about a question is derived.

A row says, for one question: its slot (`intake_<name>`), the choices its buttons offer, the
checker that reads an answer (`actions/intake/checkers.py`), when the form asks it, where the case
keeps it (a `CaseDraft` field, the same name as its column in `bot/cases/models.py`) and how the
summary shows it (`actions/intake/summary.py`). From the table come the form's slots and their
order (`ValidateIntakeForm`, checked against `bot/domain/intake.yml` by
`tests/test_domain_contract.py`), the `action_ask_<slot>` actions, the draft a case is created
from, and the summary. Texts: `intake.ask.<slot>`, `intake.why.<slot>`, `intake.summary.<name>`,
and `intake.choice.<choice>` for each choice (`tests/actions/intake/test_questions.py`); a question worded in
the person's own voice has `.other` texts for a parent or a friend writing about someone else.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Tuple

from rasa_sdk import Tracker

from actions.facts_in_message import told_by_someone_else
from actions.guidance import SITUATIONS
from actions.intake import checkers
from actions.intake.answers import DONE
from actions.intake.checkers import Checker
from actions.intake.summary import (
    Line,
    Summarizer,
    answered,
    contact_line,
    line,
    no_line,
    situation_line,
    where_lines,
)
from actions.reply import Button, RelaisAction, Turn


def always(tracker: Tracker) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    """One row of the table; see the module's docstring."""

    slot: str
    check: Checker = checkers.choice_only
    choices: Tuple[str, ...] = ()
    asked: Callable[[Tracker], bool] = always
    """Whether the form asks it, given the answers so far."""
    column: str | None = None
    """The `CaseDraft` field keeping the answer; None when the case does not keep it as such."""
    flag: bool = False
    """The case keeps a boolean: true when the answer is "yes"."""
    summary: Summarizer = line
    choice_texts: str = "intake.choice"
    """The text prefix of a choice's words: `<choice_texts>.<choice>`."""
    readings: Tuple[Tuple[str, str], ...] = ()
    """(cue of `answers.yml`, choice) pairs read before anything else, controls included (`read_first`)."""
    voiced: bool = False
    """Its question and choices speak in the person's own voice ("someone shared my images"): to someone
    writing about someone else (`told_by_someone_else`), they are asked with their `.other` texts."""

    def stored(self, turn: Turn) -> str | bool | None:
        """The answer as the case keeps it: a flag, the answer's key or words, or None if not given."""
        value = turn.slot(self.slot)
        if self.flag:
            return value == "yes"
        return str(value) if answered(value) else None


QUESTIONS = (
    Question(
        "intake_situation",
        checkers.situation,
        SITUATIONS,
        column="situation",
        summary=situation_line,
        choice_texts="situation",
        voiced=True,
    ),
    Question("intake_where", checkers.where, (DONE,), summary=where_lines),
    Question("intake_found", checkers.free_text, ("today", "this_week", "earlier"), column="found_when"),
    Question(
        "intake_ongoing",
        choices=("yes", "no", "unsure"),
        column="threats_ongoing",
        readings=(("still", "yes"), ("stopped", "no")),
    ),
    Question("intake_subject", choices=("self", "other"), column="subject"),
    Question("intake_minor", checkers.minor, ("yes", "no", "unsure"), column="is_minor", flag=True),
    Question(
        "intake_consent",
        choices=("yes", "no"),
        asked=lambda tracker: bool(tracker.get_slot("intake_urls")),
        column="consent_open_urls",
        flag=True,
    ),
    Question(
        "intake_contact",
        checkers.contact,
        ("chat", "email", "phone", "none"),
        column="contact_preference",
        summary=contact_line,
    ),
    Question(
        "intake_contact_detail",
        checkers.contact_detail,
        asked=lambda tracker: tracker.get_slot("intake_contact") in ("email", "phone"),
        column="contact_detail",
        summary=no_line,
    ),
)
BY_SLOT = {question.slot: question for question in QUESTIONS}


def answers_to_keep(turn: Turn) -> Dict[str, Any]:
    """`CaseDraft` fields from the table: {column: the answer as the case keeps it}."""
    return {q.column: q.stored(turn) for q in QUESTIONS if q.column}


def summary_lines(turn: Turn) -> List[Line]:
    """The summary's lines, in the table's order, for the questions the form asks."""
    return [
        shown
        for q in QUESTIONS
        if q.asked(turn.tracker)
        for shown in q.summary(turn, q.slot, q.choices, q.choice_texts)
    ]


def option(choice: str, title: str | None = None) -> Button:
    return (title or f"intake.choice.{choice}", f'/inform{{"intake_choice": "{choice}"}}')


WHY = option("why", "intake.button.why")
SKIP = option("skip", "intake.button.skip")
STOP = option("stop", "intake.button.stop")


def _voice(turn: Turn, question: Question) -> str:
    """The suffix of a voiced question's texts: `.other` for someone writing about someone else, else none."""
    return ".other" if question.voiced and told_by_someone_else(turn.tracker) else ""


def buttons(turn: Turn, question: Question) -> list[Button]:
    """The question's choices (done only once something is given), then why, skip and stop."""
    if question.slot == "intake_where":
        offered = [option(DONE, "intake.button.done")] if turn.slot("intake_urls") or turn.slot("intake_places") else []
    else:
        suffix = _voice(turn, question)
        offered = [option(choice, f"{question.choice_texts}.{choice}{suffix}") for choice in question.choices]
    return [*offered, WHY, SKIP, STOP]


def ask(turn: Turn, slot: str) -> None:
    """`intake.ask.<slot>`; `.other` for a voiced question to someone writing about someone else; `.more` once a
    link or place is given; `.<way>` for a contact detail."""
    question = BY_SLOT[slot]
    key = f"intake.ask.{slot}{_voice(turn, question)}"
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
