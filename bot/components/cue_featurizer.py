"""Rasa featurizer: one dense feature per cue of `patterns/cues.yml` (a threat, a fabricated image, covert
filming, a child, a question and its subject), read by `cue_patterns`, which the action server shares.

The intent classifier reads these next to the sentence vector (config.yml: `featurizers: [e5, cues]`) and
learns each cue's weight from the training data. Real messages tell a threat or a fake image in passing,
inside a long story, and the sentence vector averages such a word away: with the cues, intent accuracy on
the real-message sets rose from 0.681 / 0.595 / 0.729 to 0.722 / 0.662 / 0.776 (fr / ko / en, the
regression alone on the same vectors; docs/understanding.md).
"""

from __future__ import annotations

import hashlib
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

from bot.components import cue_patterns
from bot.components.cue_patterns import DEFAULT_WEIGHT, PATTERNS, cue_vector, cues

DEFAULT_ALIAS = "cues"
SOURCES = (Path(__file__), Path(cue_patterns.__file__))
"""The code that decides the features: changing it retrains what reads them."""

__all__ = ["DEFAULT_WEIGHT", "CueFeaturizer", "cue_vector", "cues"]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class CueFeaturizer(DenseFeaturizer, GraphComponent):
    """Dense sentence features, shape (1, number of cues), from `patterns/cues.yml`.

    Options: `alias` (feature origin read by the classifier, default "cues"), `weight` (a present
    cue's value, default 0.2).
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The options above with their defaults."""
        return {**DenseFeaturizer.get_default_config(), FEATURIZER_CLASS_ALIAS: DEFAULT_ALIAS, "weight": DEFAULT_WEIGHT}

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Raises InvalidConfigException for a weight that is not positive."""
        if float(config.get("weight", DEFAULT_WEIGHT)) <= 0:
            raise InvalidConfigException("weight must be positive")

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """The patterns and this code: changing either retrains what reads the features."""
        digest = hashlib.sha256(PATTERNS.read_bytes())
        for source in SOURCES:
            digest.update(source.read_bytes())
        return digest.hexdigest()

    def __init__(self, config: Dict[str, Any], name: str) -> None:
        """A featurizer with the options above (the patterns are compiled once per process)."""
        config = {**self.get_default_config(), **config}
        super().__init__(name, config)
        self._weight = float(config["weight"])

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CueFeaturizer:
        """A featurizer for the node (nothing is trained or persisted)."""
        return cls(config, execution_context.node_name)

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the cue features to each message with a text."""
        self._featurize(messages)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Adds the cue features to every training example with a text."""
        self._featurize(training_data.training_examples)
        return training_data

    def _featurize(self, messages: List[Message]) -> None:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                vector = cue_vector(text, self._weight).reshape(1, -1)
                self.add_features_to_message(None, vector, TEXT, message)
