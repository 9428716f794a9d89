"""What a person chose: a button's `intake_choice`, else what their short typed answer says."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import yaml

from actions.reply import Turn
from vocabulary.folding import fold
from vocabulary.urls import URL

CUES = Path(__file__).with_name("answers.yml")
SKIPPED = "skipped"
"""The value of a question the person chose to skip: answered, so never asked again, but not given."""
DONE = "done"
"""The value of a question with several answers (links and places) once the person has finished."""
UNSURE = "unsure"
"""The person does not know (where the content is, for instance): an answer in itself."""
CONTROLS = ("stop", "why", "skip")
UNSURE_WORDS = 4
""""I don't know" alone, in a few words ("jsp", "je sais pas trop", "잘 모르겠어요", "idk tbh")."""
MAX_WORDS = 8
"""Longer messages are real answers (a story, a date in words), never a control word in passing."""
QUIT_WORDS = 14
"""Leaving the report in plain words (`quit` in `answers.yml`) is read in messages up to this long."""
INTENTS = {"affirm": "yes", "deny": "no"}


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load(CUES.read_text(encoding="utf-8"))
    return {choice: re.compile("|".join(patterns)) for choice, patterns in data.items()}


def text(turn: Turn) -> str:
    return str((turn.tracker.latest_message or {}).get("text") or "").strip()


MAX_READING_WORDS = 20
"""A reading (`read_first`) may come in a sentence: "il m'écrit encore tous les jours, hier encore"."""


def read_first(turn: Turn, readings: Sequence[tuple[str, str]]) -> str | None:
    """The choice of the first (cue, choice) of `readings` whose `answers.yml` cue the typed answer matches, or None.

    Read before the controls, so "il a arrêté" answers "is it still going on?" rather than stopping the form; the
    first match wins ("il avait arrêté mais il recommence" is still going on when "still" comes first)."""
    for cue, picked in readings:
        if says(turn, cue, MAX_READING_WORDS):
            return picked
    return None


def says(turn: Turn, cue: str, max_words: int = MAX_WORDS) -> bool:
    """Whether the latest typed message, at most `max_words` words, matches `answers.yml`'s `cue`; a link
    (`vocabulary.urls.URL`) is no word: "bye.example.com" is no "bye"."""
    message = text(turn)
    folded = URL.sub(" ", fold(message.lower()))
    return not message.startswith("/") and len(folded.split()) <= max_words and bool(_cues()[cue].search(folded))


def choice(turn: Turn, allowed: Sequence[str] = ()) -> str | None:
    """A control (stop, why, skip) or one of `allowed`, or None for a free answer. A typed yes that says to send
    the report ("yes send it") is no yes to this question: the person thinks the form is over (`send_report`).
    Where the question offers `done` ("another link?"), being done is read before the controls: "됐어요" or
    "that's enough" there finishes the list, it does not leave the form."""
    message = text(turn)
    folded = URL.sub(" ", fold(message.lower()))
    if not message.startswith("/") and _cues()["send_report"].search(folded):
        if DONE in allowed and not _cues()["not_send"].search(folded):
            return DONE  # "yes send it" at "another link?": the list is finished, the summary comes next
        allowed = [option for option in allowed if option != "yes"]
    finished = tuple(option for option in allowed if option == DONE)
    options = (*finished, *CONTROLS, *(option for option in allowed if option != DONE))
    for entity in (turn.tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == "intake_choice" and entity.get("value") in options:
            return str(entity["value"])
    if message.startswith("/"):
        return None
    if len(folded.split()) <= QUIT_WORDS and _cues()["quit"].search(folded):
        return "stop"
    if len(folded.split()) <= MAX_WORDS:
        for option in options:
            cue = _cues().get(option)
            if cue is not None and cue.search(folded):
                return option
    mapped = INTENTS.get(turn.intent or "")
    return mapped if mapped in allowed else None
