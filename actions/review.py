"""`make content`: every text a victim can see, per language and jurisdiction, on one HTML page.

Hotline staff review wording and facts here without running a conversation. The page is
produced by running the real actions, so it shows exactly what the bot says, for France, South
Korea, the United Kingdom, the United States, Canada, Australia, Ireland, another country and an
unknown one; it ends with the facts the knowledge base holds but Relais leaves out, and why.
"""

from __future__ import annotations

import asyncio
import html
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    ActionBotChallenge,
    ActionClarify,
    ActionGoodbye,
    ActionGreet,
    ActionOutOfScope,
    ActionThank,
)
from actions.evidence import ActionEvidence
from actions.guidance import SITUATIONS
from actions.offence import ActionOffence
from actions.privacy import ActionDeleteData, ActionPrivacy
from actions.reporting import ActionRemoval, ActionReport
from actions.safety import ActionCrisis, ActionMinor, ActionSupport
from actions.situation import ActionSituation
from bot.settings import load
from content.knowledge.facts import WITHHELD
from vocabulary.languages import SUPPORTED
from vocabulary.parse_keys import OOD_KEY

HOURS = "RELAIS_OPENING_HOURS"
PLACES = {
    "FR": "France",
    "KR": "South Korea",
    "GB": "United Kingdom (England and Wales)",
    "US": "United States",
    "CA": "Canada",
    "AU": "Australia",
    "IE": "Ireland",
    "BE": "another country (Belgium)",
    None: "unknown",
}


def tracker(
    intent: str,
    slots: dict[str, Any],
    entities: Iterable[dict[str, Any]] = (),
    text: str = "",
    metadata: dict[str, Any] | None = None,
    detection: dict[str, Any] | None = None,
    events: Iterable[dict[str, Any]] = (),
    intent_ranking: Iterable[dict[str, Any]] = (),
    parse_data: dict[str, Any] | None = None,
) -> Tracker:
    """A tracker whose latest message has `intent` (confidence 1.0), the given slots and entities;
    `parse_data` adds keys that NLU components put beside them (such as the out-of-distribution kind)."""
    return Tracker(
        sender_id="review",
        slots=dict(slots),
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "intent_ranking": list(intent_ranking),
            "entities": list(entities),
            "language_detection": detection or {"language": None, "reliable": False},
            "metadata": metadata or {},
            **(parse_data or {}),
        },
        events=list(events),
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def simulate(action: Action, conversation: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run one action as the action server would: (messages, events)."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, conversation, {}))
    return dispatcher.messages, events


ReviewTurn = tuple[str, Action, Tracker]
"""A review turn: its title, the action, and the conversation it runs on."""

TOLD_BY_A_PARENT = {"fr": "ma fille a 13 ans", "ko": "우리 딸이 13살이에요", "en": "my daughter is 13"}
"""A parent's words, so the review shows the child route as a parent hears it."""


def _turns(language: str, country: str | None) -> list[ReviewTurn]:
    base = {"language": language, "country": country}
    turns: list[ReviewTurn] = [
        (f"What happened: {s}", ActionSituation(), tracker(f"describe_{s}", base)) for s in SITUATIONS
    ]
    turns += [
        (f"Is it an offence? ({s})", ActionOffence(), tracker("ask_offence", {**base, "situation": s}))
        for s in SITUATIONS
    ]
    turns += [
        ("Evidence", ActionEvidence(), tracker("ask_evidence", base)),
        ("Evidence (minor)", ActionEvidence(), tracker("ask_evidence", {**base, "is_minor": True})),
        ("Reporting", ActionReport(), tracker("ask_report", base)),
        ("Removal", ActionRemoval(), tracker("ask_removal", base)),
        ("Removal (minor)", ActionRemoval(), tracker("ask_removal", {**base, "is_minor": True})),
        ("Support", ActionSupport(), tracker("express_distress", base)),
        ("Crisis", ActionCrisis(), tracker("crisis", base)),
        ("After a crisis message: evidence", ActionEvidence(), tracker("ask_evidence", {**base, "in_crisis": True})),
        ("Minor", ActionMinor(), tracker("report_minor", base)),
        ("Minor, told by a parent", ActionMinor(), tracker("report_minor", base, text=TOLD_BY_A_PARENT[language])),
    ]
    return turns


def _conversation_turns(language: str) -> list[ReviewTurn]:
    base = {"language": language}
    no_words = [
        (f"No usable words ({kind})", ActionClarify(), tracker("nlu_fallback", base, parse_data={OOD_KEY: kind}))
        for kind in ("tears", "symbols", "language")
    ]
    return [
        ("Greeting", ActionGreet(), tracker("greet", base)),
        ("Privacy", ActionPrivacy(), tracker("ask_privacy", base)),
        ("Delete my data", ActionDeleteData(), tracker("delete_my_data", base)),
        ("Are you a bot?", ActionBotChallenge(), tracker("bot_challenge", base)),
        ("Not understood", ActionClarify(), tracker("nlu_fallback", base)),
        *no_words,
        ("Out of scope", ActionOutOfScope(), tracker("out_of_scope", base)),
        ("Thanks", ActionThank(), tracker("thank", base)),
        ("Goodbye", ActionGoodbye(), tracker("goodbye", base)),
    ]


@dataclass(frozen=True)
class Shown:
    """One turn of the review: its language, its place (None when no place applies), what it shows."""

    language: str
    place: str | None
    title: str
    messages: list[dict[str, Any]]


CLOSED_HOURS = "mon 00:00-00:00"
"""Opening hours with no open minute: the review's "outside opening hours" turns."""


@contextmanager
def _team(hours: str) -> Iterator[None]:
    """Run with RELAIS_OPENING_HOURS set to `hours`, so the page is the same at any hour it is made."""
    before = os.environ.get(HOURS)
    os.environ[HOURS] = hours
    try:
        yield
    finally:
        if before is None:
            del os.environ[HOURS]
        else:
            os.environ[HOURS] = before


def _closed_turns(language: str, country: str | None) -> list[ReviewTurn]:
    """What changes when nobody from the team can answer: no person is offered."""
    base = {"language": language, "country": country}
    return [
        ("Crisis, outside opening hours", ActionCrisis(), tracker("crisis", base)),
        (
            "After a crisis message, outside opening hours: evidence",
            ActionEvidence(),
            tracker("ask_evidence", {**base, "in_crisis": True}),
        ),
    ]


def transcripts() -> Iterator[Shown]:
    """Every turn of the review page, run through the real actions, in page order; the team is open (`always`)
    except in the turns titled "outside opening hours"."""
    for language in SUPPORTED:
        with _team("always"):
            for title, action, conversation in _conversation_turns(language):
                yield Shown(language, None, title, simulate(action, conversation)[0])
        for country, place in PLACES.items():
            with _team("always"):
                for title, action, conversation in _turns(language, country):
                    yield Shown(language, place, title, simulate(action, conversation)[0])
            with _team(CLOSED_HOURS):
                for title, action, conversation in _closed_turns(language, country):
                    yield Shown(language, place, title, simulate(action, conversation)[0])


def _render(shown: Shown) -> str:
    items = []
    for message in shown.messages:
        buttons = "".join(f"<span class=b>{html.escape(b['title'])}</span>" for b in message.get("buttons") or [])
        items.append(f"<li>{html.escape(message.get('text') or '')}{f'<div>{buttons}</div>' if buttons else ''}</li>")
    return f"<h4>{html.escape(shown.title)}</h4><ol>{''.join(items)}</ol>"


def _left_out() -> str:
    """What the knowledge base holds but Relais never says, and why (content/knowledge WITHHELD)."""
    rows = "".join(f"<li><b>{html.escape(item.what)}</b>: {html.escape(item.why)}</li>" for item in WITHHELD.values())
    return f"<section><h2>Left out on purpose</h2><ul>{rows}</ul></section>"


def page() -> str:
    sections: dict[str, list[str]] = {}
    heading: tuple[str, str | None] | None = None
    for shown in transcripts():
        parts = sections.setdefault(shown.language, [])
        if shown.place is not None and heading != (shown.language, shown.place):
            parts.append(f"<h3>{html.escape(shown.language)} · {html.escape(shown.place)}</h3>")
        heading = (shown.language, shown.place)
        parts.append(_render(shown))
    body = "".join(f"<section lang={lang}><h2>{lang}</h2>{''.join(part)}</section>" for lang, part in sections.items())
    style = (
        "body{font-family:sans-serif;max-width:60rem;margin:auto}li{white-space:pre-wrap;margin:.3rem 0}"
        ".b{border:1px solid #1f4e8c;border-radius:.3rem;padding:0 .3rem;margin-right:.3rem}"
    )
    return (
        f"<!doctype html><meta charset=utf-8><title>Relais: every text</title><style>{style}</style>{body}{_left_out()}"
    )


def main() -> None:
    """Write the review page into RELAIS_VAR_DIR/content.html (UTF-8) and print its path."""
    target = load().var_path("content.html")
    target.write_text(page(), encoding="utf-8")
    sys.stdout.write(f"every victim-facing text: {target}\n")


if __name__ == "__main__":
    main()
