"""Logistic regression on E5 vectors: trains, persists through Rasa's model storage, ranks every intent."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse
import scipy.sparse.linalg
import yaml
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.linear_model import LogisticRegression

from bot.components.char_ngram_featurizer import CharNgramFeaturizer
from bot.components.embedding_intent_classifier import EmbeddingIntentClassifier, softmax_probabilities
from bot.components.sentence_featurizer import SentenceEmbeddingFeaturizer
from bot.settings import ROOT

EXAMPLES = {
    "greet": ["bonjour", "salut", "안녕하세요", "hello", "hi there"],
    "describe_sharing": [
        "mon ex a publié mes photos intimes",
        "전 남친이 제 사진을 인터넷에 올렸어요",
        "my ex posted my nudes online",
        "someone shared my private video",
    ],
    "ask_report": ["comment porter plainte", "경찰에 신고하고 싶어요", "how do i report it to the police"],
}
CONTEXT = ExecutionContext(graph_schema=None, node_name="train_classifier")  # type: ignore[arg-type]


def featurized(messages: list[Message], tmp_path: Path) -> list[Message]:
    featurizer = SentenceEmbeddingFeaturizer.create(
        {**SentenceEmbeddingFeaturizer.get_default_config(), "cache": False},
        LocalModelStorage(tmp_path),
        Resource("e5"),
        CONTEXT,
    )
    return featurizer.process(messages)


def trained(tmp_path: Path, storage: LocalModelStorage, resource: Resource) -> EmbeddingIntentClassifier:
    messages = [Message({TEXT: text, INTENT: intent}) for intent, texts in EXAMPLES.items() for text in texts]
    classifier = EmbeddingIntentClassifier.create({"C": 40.0}, storage, resource, CONTEXT)
    classifier.train(TrainingData(featurized(messages, tmp_path)))
    return classifier


def test_it_ranks_every_intent_and_survives_the_model_archive(tmp_path: Path) -> None:
    storage, resource = LocalModelStorage(tmp_path), Resource("classifier")
    trained(tmp_path, storage, resource)
    loaded = EmbeddingIntentClassifier.load({"C": 40.0}, storage, resource, CONTEXT)
    [message] = loaded.process(featurized([Message({TEXT: "mon copain a partagé mes nudes sur insta"})], tmp_path))
    ranking = message.get("intent_ranking")
    assert message.get(INTENT) == ranking[0] and ranking[0]["name"] == "describe_sharing"
    assert [r["name"] for r in ranking[1:]] and {r["name"] for r in ranking} == set(EXAMPLES)
    assert ranking == sorted(ranking, key=lambda r: -r["confidence"])
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
    assert message.as_dict_nlu()["intent"] == ranking[0]  # in the parse output


def test_probabilities_are_scikit_learns() -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(30, 8))
    for labels in (np.repeat(["a", "b", "c"], 10), np.repeat(["a", "b"], 15)):
        model = LogisticRegression(C=40, max_iter=2000, multi_class="multinomial").fit(vectors, labels)
        assert np.allclose(softmax_probabilities(vectors, model.coef_, model.intercept_), model.predict_proba(vectors))


def test_untrained_or_featureless_messages_keep_the_intent_they_have(tmp_path: Path) -> None:
    storage, resource = LocalModelStorage(tmp_path), Resource("classifier")
    diet = {"name": "greet", "confidence": 0.9}
    untrained = EmbeddingIntentClassifier.load({}, storage, Resource("never-trained"), CONTEXT)
    assert untrained.process([Message({TEXT: "hi", INTENT: diet})])[0].get(INTENT) == diet
    assert trained(tmp_path, storage, resource).process([Message({TEXT: "hi", INTENT: diet})])[0].get(INTENT) == diet
    with pytest.raises(InvalidConfigException):
        EmbeddingIntentClassifier.create({}, storage, resource, CONTEXT).train(
            TrainingData([Message({TEXT: "hi", INTENT: "greet"}), Message({TEXT: "bye", INTENT: "goodbye"})])
        )


def test_config_runs_it_as_the_only_intent_classifier_before_fallback_and_crisis_guard() -> None:
    names = [c["name"].rsplit(".", 1)[-1] for c in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]]
    assert "DIETClassifier" not in names
    crf, featurizer, classifier = (
        names.index(n) for n in ("CRFEntityExtractor", "SentenceEmbeddingFeaturizer", "EmbeddingIntentClassifier")
    )
    assert crf < featurizer < classifier < names.index("FallbackClassifier") < names.index("CrisisGuard")


def test_a_message_without_a_vector_gets_no_intent_rather_than_none(tmp_path: Path) -> None:
    message = Message({TEXT: ""})
    trained(tmp_path, LocalModelStorage(tmp_path), Resource("classifier")).process([message])
    assert message.get(INTENT) == {"name": None, "confidence": 0.0} and message.get(INTENT_RANKING_KEY) == []


def character_ngrams(messages: list[Message], tmp_path: Path) -> CharNgramFeaturizer:
    """CharNgramFeaturizer (alias "chars", n-grams seen once are kept: the set is tiny), then E5."""
    counts = CharNgramFeaturizer.create({"min_df": 1}, LocalModelStorage(tmp_path), Resource("chars"), CONTEXT)
    counts.train(TrainingData(messages))
    counts.process_training_data(TrainingData(messages))
    featurized(messages, tmp_path)
    return counts


def test_character_ngrams_join_the_sentence_vector_scaled_to_their_weight(tmp_path: Path) -> None:
    storage, resource = LocalModelStorage(tmp_path), Resource("classifier")
    config = {"C": 40.0, "sparse_featurizers": ["chars"], "sparse_weight": 0.6}
    messages = [Message({TEXT: text, INTENT: intent}) for intent, texts in EXAMPLES.items() for text in texts]
    counts = character_ngrams(messages, tmp_path)
    classifier = EmbeddingIntentClassifier.create(config, storage, resource, CONTEXT)
    classifier.train(TrainingData(messages))
    kept, joined = classifier._vectors(messages)
    assert isinstance(joined, scipy.sparse.csr_matrix) and len(kept) == len(messages)
    dense, ngrams = joined[:, :384].toarray(), joined[:, 384:]
    assert np.allclose(np.linalg.norm(dense, axis=1), 1.0, atol=1e-3)
    assert np.allclose(scipy.sparse.linalg.norm(ngrams, axis=1), 0.6)
    assert classifier.coef is not None and classifier.coef.shape[1] == joined.shape[1]

    loaded = EmbeddingIntentClassifier.load(config, storage, resource, CONTEXT)
    message = Message({TEXT: "mon ex a partagé mes nudes"})
    [message] = loaded.process(featurized(counts.process([message]), tmp_path))
    assert message.get(INTENT)["name"] == "describe_sharing"
    assert sum(r["confidence"] for r in message.get(INTENT_RANKING_KEY)) == pytest.approx(1.0)
    with pytest.raises(InvalidConfigException):
        EmbeddingIntentClassifier.create({"sparse_weight": 0}, storage, resource, CONTEXT)
