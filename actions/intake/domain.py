"""The question table's part of the Rasa domain, written from the table: `python -m actions.intake.domain`.

Everything in `bot/domain/intake.yml` after `MARKER` is written here: one slot per question (any
text while that question is asked, except a crisis, a request to erase or for a person, which leave
the form to their own rules), the form's slots in the table's order, and the `action_ask_<slot>`
actions. What comes before the marker is written by hand. `tests/actions/intake/test_domain.py`
fails when the file and the table disagree.
"""

from __future__ import annotations

from pathlib import Path

from actions.intake.questions import QUESTIONS
from bot.settings import ROOT

DOMAIN = ROOT / "bot" / "domain" / "intake.yml"
MARKER = "  # Written from the question table (actions/intake/questions.py): python -m actions.intake.domain\n"
LEAVE_THE_FORM = ("crisis", "delete_my_data", "request_human")
"""Intents that never answer a question: their own rules run, and the form closes keeping its answers."""


def question_part() -> str:
    """The slots, the form and the ask actions of the table, as YAML text (the marker first)."""
    lines: list[str] = []
    for question in QUESTIONS:
        lines += [
            f"  {question.slot}:",
            "    type: text",
            "    influence_conversation: false",
            "    mappings:",
            "      - type: from_text",
            f"        not_intent: [{', '.join(LEAVE_THE_FORM)}]",
            "        conditions:",
            "          - active_loop: intake_form",
            f"            requested_slot: {question.slot}",
        ]
    lines += ["", "forms:", "  intake_form:", "    required_slots:", *(f"      - {q.slot}" for q in QUESTIONS)]
    lines += ["", "actions:", "  - validate_intake_form", "  - action_intake_done"]
    lines += [f"  - action_ask_{q.slot}" for q in QUESTIONS]
    return MARKER + "\n".join(lines) + "\n"


def written(current: str) -> str:
    """`current` (the domain file's text) with everything from the marker on written from the table."""
    return current.split(MARKER)[0] + question_part()


def main(path: Path = DOMAIN) -> None:
    path.write_text(written(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
