"""Keep an intent that would erase data, open a report or leave a form only with the words for it.

A classifier can be confidently wrong on a message it never saw ("채팅으로만 연락해 주세요" read
as "delete my data" at 0.94). For the intents listed in `patterns/evidence.yml`, the guess is
kept only when the message holds the words that intent needs, in any of the three languages;
otherwise the intent is taken out of the ranking and the next one stands. This runs before
the FallbackClassifier, so a runner-up too weak to act on becomes `nlu_fallback` as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.cases.reference import reference_in
from bot.components.countries import fold
from bot.components.stateless import StatelessComponent

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


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class IntentEvidence(StatelessComponent):
    """Drops gated intents without evidence from the intent and its ranking (typed messages only)."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and not text.startswith("/"):
                self._gate(message, text)
        return messages

    @staticmethod
    def _gate(message: Message, text: str) -> None:
        ranking: List[Dict[str, Any]] = list(message.get(INTENT_RANKING_KEY) or [])
        kept = [entry for entry in ranking if has_evidence(str(entry.get("name")), text)]
        intent = message.get(INTENT) or {}
        if len(kept) == len(ranking) and has_evidence(str(intent.get("name")), text):
            return
        top = kept[0] if kept else {"name": None, "confidence": 0.0}
        message.set(INTENT, dict(top), add_to_output=True)
        message.set(INTENT_RANKING_KEY, kept, add_to_output=True)
