"""The intake answers in words: the summary before sending, and the victim's own evidence log.

Each question of the table (`actions/intake/questions.py`) names how the summary shows it: `line`
(one line `intake.summary.<name>`, the default), `situation_line` (what happened, about the person
shown), `where_lines` (links, then places), `contact_line`
(the way chosen with its detail) or `no_line` (shown by another question's line).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, List, Sequence, Tuple

from babel.dates import format_date

from actions.intake.answers import DONE, SKIPPED, UNSURE
from actions.reply import Turn

Line = Tuple[str, str]
"""(the field, as in `intake.summary.<field>`; its value in words)."""
Summarizer = Callable[[Turn, str, Sequence[str], str], List[Line]]
"""summarize(turn, slot, choices, choice_texts) -> the question's lines."""


def answered(value: Any) -> bool:
    return value not in (None, "", SKIPPED, DONE, [])


def words(turn: Turn, value: Any, choices: Sequence[str] = (), choice_texts: str = "intake.choice") -> str:
    """An answer as the person reads it: a choice through `<choice_texts>.<choice>`, words as given."""
    if not answered(value):
        return turn.text("intake.summary.not_given")
    if value in choices:
        return turn.text(f"{choice_texts}.{value}")
    return str(value)


def field(slot: str) -> str:
    """`intake_found` -> `found`: the summary line's name."""
    return slot.removeprefix("intake_")


def line(turn: Turn, slot: str, choices: Sequence[str], choice_texts: str) -> List[Line]:
    return [(field(slot), words(turn, turn.slot(slot), choices, choice_texts))]


def situation_line(turn: Turn, slot: str, choices: Sequence[str], choice_texts: str) -> List[Line]:
    """What happened, in words about the person shown (`intake.summary.what.<situation>`), never "I":
    the one writing may be a parent or a friend, while the buttons keep the person's own voice."""
    return [(field(slot), words(turn, turn.slot(slot), choices, "intake.summary.what"))]


def where_lines(turn: Turn, slot: str, choices: Sequence[str], choice_texts: str) -> List[Line]:
    """Links, then places; "I don't know" shown as such rather than as "not given"."""
    urls = turn.slot("intake_urls") or []
    unknown = turn.text(f"intake.choice.{UNSURE}") if turn.slot(slot) == UNSURE else words(turn, None)
    return [
        ("links", "\n" + "\n".join(urls) if urls else unknown),
        ("places", ", ".join(turn.slot("intake_places") or []) or unknown),
    ]


def contact_line(turn: Turn, slot: str, choices: Sequence[str], choice_texts: str) -> List[Line]:
    shown = words(turn, turn.slot(slot), choices, choice_texts)
    if answered(turn.slot("intake_contact_detail")):
        shown = f"{shown} ({turn.slot('intake_contact_detail')})"
    return [(field(slot), shown)]


def no_line(turn: Turn, slot: str, choices: Sequence[str], choice_texts: str) -> List[Line]:
    return []


def render(turn: Turn, lines: Sequence[Line]) -> list[str]:
    return [turn.text(f"intake.summary.{name}", value=value) for name, value in lines]


def evidence_log(turn: Turn, reference: str, created_at: float, urls: list[str], lines: Sequence[Line]) -> str:
    """Plain lines the victim can copy: reference, date, what happened and when (from the summary's
    `lines`), each link."""
    day = format_date(datetime.fromtimestamp(created_at, tz=timezone.utc).date(), format="long", locale=turn.language)
    shown = dict(lines)
    parts = [turn.text("case.log.header", reference=reference, date=day)]
    if answered(turn.slot("intake_situation")):
        parts.append(turn.text("intake.summary.situation", value=shown["situation"]))
    parts.append(turn.text("intake.summary.found", value=shown["found"]))
    parts += [turn.text("case.log.links"), *urls] if urls else [turn.text("case.log.no_links")]
    return "\n".join(parts)
