"""The words an intent that erases data, opens a report or leaves a form needs (`patterns/evidence.yml`).

Pure functions without Rasa, so the action server checks a message with the same cues as the
`IntentEvidence` component (`bot/components/intent_evidence.py`) without loading the NLU stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List

import yaml

from bot.cases.reference import reference_in
from vocabulary.folding import fold

PATTERNS = Path(__file__).parent / "patterns" / "evidence.yml"
REFERENCE = "@reference"
"""In a pattern list: a report reference (RL-XXXX-XXXX) anywhere in the message."""


@dataclass(frozen=True)
class Cues:
    """What one intent needs: one match in every `require` list, and none in `unless`."""

    require: tuple[tuple[re.Pattern[str], ...], ...]
    references: tuple[bool, ...]
    """Per `require` list: whether a report reference satisfies it."""
    unless: tuple[re.Pattern[str], ...]


def _compile(patterns: List[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns if p != REFERENCE)


@lru_cache(maxsize=1)
def cues() -> Dict[str, Cues]:
    """Every gated intent and its cues, from `patterns/evidence.yml`."""
    data: Dict[str, Dict[str, Any]] = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))
    return {
        intent: Cues(
            require=tuple(_compile(group) for group in spec["require"]),
            references=tuple(REFERENCE in group for group in spec["require"]),
            unless=_compile(spec.get("unless") or []),
        )
        for intent, spec in data.items()
    }


def normalise(text: str) -> str:
    """Accent-folded, lower-cased, typographic apostrophes made plain."""
    return fold(text.replace("\u2019", "'").replace("\u02bc", "'"))


def holds_first_words(intent: str, text: str) -> bool:
    """Whether `text` holds a word of the first `require` list of `intent` (for "delete_my_data": a word of
    erasing, "supprimer", "지워", "delete"), whatever else it says; False for intents without cues."""
    needed = cues().get(intent)
    if needed is None or not needed.require:
        return False
    folded = normalise(text)
    return any(p.search(folded) for p in needed.require[0])


def has_evidence(intent: str, text: str) -> bool:
    """Whether `text` holds the words `intent` needs; intents without cues always pass.

    Args:
        intent: an intent name, e.g. "delete_my_data".
        text: the person's message, as typed.
    """
    needed = cues().get(intent)
    if needed is None:
        return True
    folded = normalise(text)
    referenced = reference_in(text) is not None
    for group, reference_counts in zip(needed.require, needed.references, strict=True):
        if not (reference_counts and referenced) and not any(p.search(folded) for p in group):
            return False
    return not any(p.search(folded) for p in needed.unless)
