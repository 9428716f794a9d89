"""Rasa intent classifier: multinomial logistic regression on pretrained sentence vectors.

It is the pipeline's only intent classifier (CRFEntityExtractor finds the entities) and sets `intent` and
`intent_ranking`, over every intent, so the actions can still read a mixed
message's runner-up. It reads only the dense sentence features of one featurizer (`featurizer`,
the alias of SentenceEmbeddingFeaturizer): Rasa's own LogisticRegressionClassifier reads every
featurizer and fixes C at 1.

C is the inverse regularisation strength; 5-fold cross-validation on the training data chose it
(docs/understanding.md). The model is stored as plain arrays (no pickle) and applied with numpy.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Type

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.sentence_featurizer import DEFAULT_ALIAS, SentenceEmbeddingFeaturizer

logger = logging.getLogger(__name__)

MODEL_FILE = "logistic_regression.npz"


def softmax_probabilities(vectors: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """Class probabilities, shape (n, classes), of a fitted scikit-learn LogisticRegression.

    `vectors` (n, d); `coef` (classes, d) and `intercept` (classes,) as sklearn stores them, or
    (1, d) and (1,) for two classes (then the single row scores the second class).
    """
    scores = vectors.astype(np.float64) @ coef.T + intercept
    if coef.shape[0] == 1:
        scores = np.hstack([-scores, scores])  # what sklearn does for a multinomial model of two classes
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class EmbeddingIntentClassifier(GraphComponent, IntentClassifier):
    """Logistic regression on one featurizer's sentence vectors.

    Options: `featurizer` (alias of the features to read, default "e5"), `C` (default 40),
    `class_weight` (null or "balanced"), `max_iter` (default 2000), `ranking_length` (0 = every
    intent).
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The options above with their defaults."""
        return {"featurizer": DEFAULT_ALIAS, "C": 40.0, "class_weight": None, "max_iter": 2000, "ranking_length": 0}

    @classmethod
    def required_components(cls) -> List[Type]:
        """The featurizer whose vectors it reads must come before it."""
        return [SentenceEmbeddingFeaturizer]

    @staticmethod
    def required_packages() -> List[str]:
        """scikit-learn trains it (Rasa installs it); numpy applies it."""
        return ["sklearn", "numpy"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str | None:
        """This module's code: changing it retrains the classifier, not only the config."""
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classes: np.ndarray | None = None,
        coef: np.ndarray | None = None,
        intercept: np.ndarray | None = None,
    ) -> None:
        """An untrained classifier, or a trained one from its arrays (classes (k,), coef, intercept)."""
        self.config = {**self.get_default_config(), **config}
        if float(self.config["C"]) <= 0:
            raise InvalidConfigException("C must be positive")
        if self.config["class_weight"] not in (None, "balanced"):
            raise InvalidConfigException("class_weight must be null or 'balanced'")
        self._model_storage = model_storage
        self._resource = resource
        self.classes = classes
        self.coef = coef
        self.intercept = intercept

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EmbeddingIntentClassifier:
        """A new, untrained classifier."""
        return cls(config, model_storage, resource)

    def _vectors(self, messages: List[Message]) -> tuple[List[Message], np.ndarray]:
        """The messages that have this featurizer's sentence vector, and those vectors (n, d)."""
        kept, rows = [], []
        for message in messages:
            _, sentence = message.get_dense_features(TEXT, [self.config["featurizer"]])
            if sentence is not None:
                kept.append(message)
                rows.append(np.asarray(sentence.features).reshape(-1))
        return kept, np.vstack(rows) if rows else np.zeros((0, 0))

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the regression on every intent example that has a text and a vector, then persists it.

        Raises InvalidConfigException if no example carries the featurizer's vectors (wrong
        order or alias), and ValueError from scikit-learn for fewer than two intents.
        """
        from sklearn.linear_model import LogisticRegression

        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            logger.debug("EmbeddingIntentClassifier: no intent examples, nothing trained")
            return self._resource
        kept, vectors = self._vectors(examples)
        if not kept:
            raise InvalidConfigException(
                f"no sentence features from featurizer '{self.config['featurizer']}': put "
                "SentenceEmbeddingFeaturizer (with that alias) before EmbeddingIntentClassifier"
            )
        model = LogisticRegression(
            C=float(self.config["C"]),
            class_weight=self.config["class_weight"],
            max_iter=int(self.config["max_iter"]),
            solver="lbfgs",
            multi_class="multinomial",
        )
        model.fit(vectors, [str(e.get(INTENT)) for e in kept])
        self.classes = np.asarray(model.classes_, dtype=str)
        self.coef = np.asarray(model.coef_, dtype=np.float64)
        self.intercept = np.asarray(model.intercept_, dtype=np.float64)
        self.persist()
        return self._resource

    def persist(self) -> None:
        """Writes classes, coef and intercept to the resource as one .npz (no pickle)."""
        if self.classes is None or self.coef is None or self.intercept is None:
            return
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(directory / MODEL_FILE, classes=self.classes, coef=self.coef, intercept=self.intercept)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> EmbeddingIntentClassifier:
        """The trained classifier from the model; an untrained one (a no-op) if nothing was trained."""
        try:
            with model_storage.read_from(resource) as directory:
                with np.load(directory / MODEL_FILE, allow_pickle=False) as arrays:
                    return cls(
                        config, model_storage, resource, arrays["classes"], arrays["coef"], arrays["intercept"]
                    )
        except (ValueError, FileNotFoundError):
            logger.debug("EmbeddingIntentClassifier: nothing persisted in %s, leaving intents alone", resource.name)
            return cls(config, model_storage, resource)

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets `intent` {name, confidence} and `intent_ranking` (best first) on messages with a vector.

        Confidences are the regression's probabilities and sum to 1 over all intents. A message
        without the featurizer's vector keeps the intent Rasa gave it, or gets none (confidence 0.0),
        so the FallbackClassifier after it always finds an intent.
        """
        for message in messages:
            if message.get(INTENT) is None:
                message.set(INTENT, {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        if self.classes is None or self.coef is None or self.intercept is None:
            return messages
        kept, vectors = self._vectors(messages)
        if not kept:
            return messages
        probabilities = softmax_probabilities(vectors, self.coef, self.intercept)
        length = int(self.config["ranking_length"]) or len(self.classes)
        for message, row in zip(kept, probabilities, strict=True):
            order = np.argsort(-row, kind="stable")[:length]
            ranking = [
                {INTENT_NAME_KEY: str(self.classes[i]), PREDICTED_CONFIDENCE_KEY: float(row[i])} for i in order
            ]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
