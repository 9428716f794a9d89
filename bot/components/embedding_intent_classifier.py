"""Rasa intent classifier: multinomial logistic regression on pretrained sentence vectors.

It is the pipeline's only intent classifier (CRFEntityExtractor finds the entities) and sets `intent` and
`intent_ranking`, over every intent, so the actions can still read a mixed
message's runner-up. It reads only the dense sentence features of the featurizers named in
`featurizers` (aliases, joined in the pipeline's order: the E5 vector and the cues) and the sparse
sentence features of those named in `sparse_featurizers` (the character n-grams), each sparse
row scaled to unit length times `sparse_weight`: Rasa's own LogisticRegressionClassifier reads every
featurizer, the CRF's sparse features too, and fixes C at 1.

C is the inverse regularisation strength; 5-fold cross-validation on the training data chose it
(docs/understanding.md). The model is stored as plain arrays (no pickle) and applied with numpy.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Type

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.preprocessing import normalize

from bot.components.sentence_featurizer import DEFAULT_ALIAS, SentenceEmbeddingFeaturizer

logger = logging.getLogger(__name__)

MODEL_FILE = "logistic_regression.npz"


def softmax_probabilities(
    vectors: np.ndarray | scipy.sparse.csr_matrix, coef: np.ndarray, intercept: np.ndarray
) -> np.ndarray:
    """Class probabilities, shape (n, classes), of a fitted scikit-learn LogisticRegression.

    `vectors` (n, d), an array or a CSR matrix; `coef` (classes, d) and `intercept` (classes,) as sklearn
    stores them, or (1, d) and (1,) for two classes (then the single row scores the second class).
    """
    scores = np.asarray(vectors.astype(np.float64) @ coef.T) + intercept
    if coef.shape[0] == 1:
        scores = np.hstack([-scores, scores])  # what sklearn does for a multinomial model of two classes
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class EmbeddingIntentClassifier(GraphComponent, IntentClassifier):
    """Logistic regression on the joined sentence vectors of some featurizers.

    Options: `featurizers` (aliases of the dense features to read, default ["e5"]),
    `sparse_featurizers` (aliases of sparse sentence features, default none), `sparse_weight` (the
    length each sparse row is scaled to, default 0.6), `C` (default 40), `class_weight` (null or
    "balanced"), `max_iter` (default 2000), `ranking_length` (0 = every intent).
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The options above with their defaults."""
        return {
            "featurizers": [DEFAULT_ALIAS],
            "sparse_featurizers": [],
            "sparse_weight": 0.6,
            "C": 40.0,
            "class_weight": None,
            "max_iter": 2000,
            "ranking_length": 0,
        }

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
        if float(self.config["sparse_weight"]) <= 0:
            raise InvalidConfigException("sparse_weight must be positive")
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

    def _vectors(self, messages: List[Message]) -> tuple[List[Message], np.ndarray | scipy.sparse.csr_matrix]:
        """The messages that have every named sentence feature, and those features joined.

        Dense features only: an array (n, d). With `sparse_featurizers`: a CSR matrix (n, d + v), the
        dense columns first, then each sparse row scaled to length `sparse_weight` (a row of zeros
        stays zeros).
        """
        dense_aliases, sparse_aliases = list(self.config["featurizers"]), list(self.config["sparse_featurizers"])
        kept, dense_rows, sparse_rows = [], [], []
        for message in messages:
            _, sentence = message.get_dense_features(TEXT, dense_aliases)
            if sentence is None:
                continue
            if sparse_aliases:
                _, counts = message.get_sparse_features(TEXT, sparse_aliases)
                if counts is None:
                    continue
                sparse_rows.append(scipy.sparse.csr_matrix(counts.features, dtype=np.float64))
            kept.append(message)
            dense_rows.append(np.asarray(sentence.features).reshape(-1))
        if not kept:
            return kept, np.zeros((0, 0))
        dense = np.vstack(dense_rows)
        if not sparse_aliases:
            return kept, dense
        counts = normalize(scipy.sparse.vstack(sparse_rows).tocsr()) * float(self.config["sparse_weight"])
        return kept, scipy.sparse.hstack([scipy.sparse.csr_matrix(dense), counts], format="csr")

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
                f"no sentence features from featurizers {self.config['featurizers']}: put their "
                "featurizers (with those aliases) before EmbeddingIntentClassifier"
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
                    return cls(config, model_storage, resource, arrays["classes"], arrays["coef"], arrays["intercept"])
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
            ranking = [{INTENT_NAME_KEY: str(self.classes[i]), PREDICTED_CONFIDENCE_KEY: float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
