"""Rasa entity extractor for `country`, from spaCy phrase patterns, valued by ISO code.

It runs after the CRF entity extractor and replaces its country guesses: a pattern knows that "Séoul",
"서울" and "Seoul" all mean KR, which a learned span cannot. The CRF's guesses are kept only
when they already carry an ISO code and overlap no pattern match.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.countries import find, preload
from bot.components.multilingual_tokenizer import FALLBACK_LANGUAGE, SUPPORTED
from bot.components.spacy_pipelines import pipeline
from bot.components.stateless import StatelessComponent
from vocabulary.parse_keys import DETECTION_KEY

ENTITY = "country"
ISO_CODE = re.compile(r"^[A-Z]{2}$")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class CountryExtractor(StatelessComponent):
    def __init__(self) -> None:
        for language in SUPPORTED:
            preload(pipeline(language))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and text:
                message.set(ENTITIES, self._entities(message, text), add_to_output=True)
        return messages

    @staticmethod
    def _entities(message: Message, text: str) -> List[Dict[str, Any]]:
        language = (message.get(DETECTION_KEY) or {}).get("language") or FALLBACK_LANGUAGE
        mentions = find(text, pipeline(language))
        found = [
            {"entity": ENTITY, "start": m.start, "end": m.end, "value": m.code, "extractor": "CountryExtractor"}
            for m in mentions
        ]

        def overlaps(entity: Dict[str, Any]) -> bool:
            return any(m.start < entity["end"] and entity["start"] < m.end for m in mentions)

        kept = [
            entity
            for entity in message.get(ENTITIES, [])
            if entity.get("entity") != ENTITY or (ISO_CODE.match(str(entity.get("value"))) and not overlaps(entity))
        ]
        return kept + found
