"""Keep an intent that would erase data, open a report or leave a form only with the words for it.

A classifier can be confidently wrong on a message it never saw ("채팅으로만 연락해 주세요" read
as "delete my data" at 0.94). For the intents listed in `patterns/evidence.yml`, the guess is
kept only when the message holds the words that intent needs, in any of the three languages;
otherwise the intent is taken out of the ranking and the next one stands. This runs before
the FallbackClassifier, so a runner-up too weak to act on becomes `nlu_fallback` as usual.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.evidence_cues import has_evidence
from bot.components.stateless import StatelessComponent


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
