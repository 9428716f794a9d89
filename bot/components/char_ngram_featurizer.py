"""Rasa featurizer: the message's own words as TF-IDF weighted character n-grams (one sparse row).

A sentence vector averages a long story's decisive word away; character 2- to 4-grams inside each
word keep it, in any inflection, typo or transliteration ("몸캠", "유포하겠다", "fisha", "nudes").
scikit-learn's `TfidfVectorizer` (analyzer `char_wb`, sublinear term frequency, n-grams seen in at
least two training texts) reads the raw text of the message, as people wrote it; Rasa's own
CountVectorsFeaturizer reads the tokens (Kiwi morphemes in Korean) and offers no IDF, and measured
worse on the real messages (docs/understanding.md). The intent classifier reads this row by its
`alias` (config.yml: `sparse_featurizers`). The vocabulary and the IDF weights are stored in the
model as JSON and a NumPy array (no pickle).
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any, Dict, List

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer

logger = logging.getLogger(__name__)

VOCABULARY_FILE = "vocabulary.json"
IDF_FILE = "idf.npy"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class CharNgramFeaturizer(SparseFeaturizer, GraphComponent):
    """One sparse sentence feature (1, vocabulary size) per message with a text.

    Options: `alias` (default "chars"), `min_ngram` / `max_ngram` (characters, default 2 and 4),
    `min_df` (training texts an n-gram must appear in, default 2).
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The options above with their defaults."""
        return {
            **SparseFeaturizer.get_default_config(),
            FEATURIZER_CLASS_ALIAS: "chars",
            "min_ngram": 2,
            "max_ngram": 4,
            "min_df": 2,
        }

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Raises InvalidConfigException unless 1 <= min_ngram <= max_ngram and min_df >= 1."""
        if not 1 <= int(config["min_ngram"]) <= int(config["max_ngram"]) or int(config["min_df"]) < 1:
            raise InvalidConfigException("CharNgramFeaturizer needs 1 <= min_ngram <= max_ngram and min_df >= 1")

    @staticmethod
    def required_packages() -> List[str]:
        """scikit-learn (Rasa installs it)."""
        return ["sklearn"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """This module's code: changing it retrains the featurizer, not only the config."""
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        name: str,
        vectorizer: TfidfVectorizer | None = None,
    ) -> None:
        """A featurizer with the options above, untrained or with a fitted `vectorizer`."""
        super().__init__(name, {**self.get_default_config(), **config})
        self._model_storage = model_storage
        self._resource = resource
        self._vectorizer = vectorizer

    def _new_vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(int(self._config["min_ngram"]), int(self._config["max_ngram"])),
            min_df=int(self._config["min_df"]),
            sublinear_tf=True,
            lowercase=True,
            dtype=np.float64,
        )

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CharNgramFeaturizer:
        """A new, untrained featurizer."""
        return cls(config, model_storage, resource, execution_context.node_name)

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the vocabulary and IDF on every training text and stores them in the model.

        Without any training text nothing is fitted and messages get no feature.
        """
        texts = [str(m.get(TEXT)) for m in training_data.training_examples if isinstance(m.get(TEXT), str)]
        if not texts:
            return self._resource
        vectorizer = self._new_vectorizer()
        try:
            vectorizer.fit(texts)
        except ValueError:  # no n-gram reaches min_df
            logger.debug("CharNgramFeaturizer: no n-gram in %d texts reaches min_df", len(texts))
            return self._resource
        self._vectorizer = vectorizer
        with self._model_storage.write_to(self._resource) as directory:
            vocabulary = {gram: int(index) for gram, index in vectorizer.vocabulary_.items()}
            (directory / VOCABULARY_FILE).write_text(json.dumps(vocabulary, ensure_ascii=False), encoding="utf-8")
            np.save(directory / IDF_FILE, vectorizer.idf_, allow_pickle=False)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> CharNgramFeaturizer:
        """The fitted featurizer from the model; an untrained one (adds nothing) if nothing was stored."""
        featurizer = cls(config, model_storage, resource, execution_context.node_name)
        try:
            with model_storage.read_from(resource) as directory:
                vocabulary = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
                idf = np.load(directory / IDF_FILE, allow_pickle=False)
        except (ValueError, FileNotFoundError):
            return featurizer
        vectorizer = featurizer._new_vectorizer()
        vectorizer.vocabulary_ = vocabulary
        vectorizer.idf_ = idf
        featurizer._vectorizer = vectorizer
        return featurizer

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the sparse sentence feature to each message with a text."""
        self._featurize(messages)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Adds the sparse sentence feature to every training example with a text."""
        self._featurize(training_data.training_examples)
        return training_data

    def _featurize(self, messages: List[Message]) -> None:
        if self._vectorizer is None:
            return
        featurized = [m for m in messages if isinstance(m.get(TEXT), str)]
        if not featurized:
            return
        rows = self._vectorizer.transform([str(m.get(TEXT)) for m in featurized]).tocsr()
        for index, message in enumerate(featurized):
            self.add_features_to_message(None, scipy.sparse.coo_matrix(rows[index]), TEXT, message)
