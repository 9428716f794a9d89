"""Rasa tokenizer that detects each message's language and tokenises it with that language's spaCy pipeline.

One model serves three languages, so the language is decided per message, before
featurisation. The guess is also published in the parse data (`language_detection`) so the
actions apply the conversation-language rules to the same detection. Being the pipeline's first
component, it also puts every message's text in the one form the rest of the pipeline works on
(bot/components/message_text.py: NFC, valid Unicode, bounded), before language detection.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.language_detection import detect, preload
from bot.components.message_text import clean
from bot.components.spacy_pipelines import KOREAN_TOKENIZERS, pipeline
from vocabulary.languages import SUPPORTED
from vocabulary.parse_keys import DETECTION_KEY

FALLBACK_LANGUAGE = "en"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class MultilingualTokenizer(Tokenizer):
    """Per-message language detection plus blank-spaCy tokenisation (Kiwi morphemes for Korean)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
            "korean_tokenizer": "kiwi",
        }

    def __init__(self, config: Dict[str, Any]) -> None:
        super().__init__(config)
        self._korean = config.get("korean_tokenizer", "kiwi")
        if self._korean not in KOREAN_TOKENIZERS:
            raise ValueError(f"korean_tokenizer must be one of {KOREAN_TOKENIZERS}")
        preload()
        for language in SUPPORTED:
            pipeline(language, self._korean)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                text = clean(text)
                message.set(TEXT, text)
                message.set(DETECTION_KEY, detect(text).as_dict(), add_to_output=True)
        return super().process(messages)

    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        text = message.get(attribute) or ""
        language = self._language_of(message, attribute, text)
        doc = pipeline(language, self._korean)(text)
        tokens = [Token(t.text, t.idx, lemma=(t.lemma_ or t.text).lower()) for t in doc if not t.is_space]
        return self._apply_token_pattern(tokens) or [Token(text, 0)]

    @staticmethod
    def _language_of(message: Message, attribute: str, text: str) -> str:
        stored: Dict[str, Any] | None = message.get(DETECTION_KEY) if attribute == TEXT else None
        language = (stored or detect(text).as_dict()).get("language")
        return str(language) if language else FALLBACK_LANGUAGE
