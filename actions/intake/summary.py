"""The intake answers in words: the summary before sending, and the victim's own evidence log."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from babel.dates import format_date

from actions.guidance import SITUATIONS
from actions.intake.questions import DONE, QUESTIONS, SKIPPED
from actions.reply import Turn

CHOICE_ANSWERS = {choice for question in QUESTIONS for choice in question.choices} - {*SITUATIONS, DONE}
"""Answers stored as a choice key (shown through `intake.choice.<key>`), not as the victim's words."""


def answered(value: Any) -> bool:
    return value not in (None, "", SKIPPED, DONE, [])


def _words(turn: Turn, value: Any) -> str:
    if not answered(value):
        return turn.text("intake.summary.not_given")
    if value in CHOICE_ANSWERS:
        return turn.text(f"intake.choice.{value}")
    return str(value)


def summary_lines(turn: Turn) -> list[str]:
    situation = turn.slot("intake_situation")
    contact = _words(turn, turn.slot("intake_contact"))
    if answered(turn.slot("intake_contact_detail")):
        contact = f"{contact} ({turn.slot('intake_contact_detail')})"
    lines = [
        ("situation", turn.text(f"situation.{situation}") if answered(situation) else _words(turn, None)),
        ("links", "\n" + "\n".join(turn.slot("intake_urls")) if turn.slot("intake_urls") else _words(turn, None)),
        ("places", ", ".join(turn.slot("intake_places") or []) or _words(turn, None)),
        ("found", _words(turn, turn.slot("intake_found"))),
        ("ongoing", _words(turn, turn.slot("intake_ongoing"))),
        ("subject", _words(turn, turn.slot("intake_subject"))),
        ("minor", _words(turn, turn.slot("intake_minor"))),
        ("contact", contact),
    ]
    if turn.slot("intake_urls"):
        lines.insert(2, ("consent", _words(turn, turn.slot("intake_consent"))))
    return [turn.text(f"intake.summary.{field}", value=value) for field, value in lines]


def evidence_log(turn: Turn, reference: str, created_at: float, urls: list[str]) -> str:
    """Plain lines the victim can copy: reference, date, what happened, each link."""
    day = format_date(datetime.fromtimestamp(created_at, tz=timezone.utc).date(), format="long", locale=turn.language)
    situation = turn.slot("intake_situation")
    parts = [turn.text("case.log.header", reference=reference, date=day)]
    if answered(situation):
        parts.append(turn.text("intake.summary.situation", value=turn.text(f"situation.{situation}")))
    parts.append(turn.text("intake.summary.found", value=_words(turn, turn.slot("intake_found"))))
    parts += [turn.text("case.log.links"), *urls] if urls else [turn.text("case.log.no_links")]
    return "\n".join(parts)
