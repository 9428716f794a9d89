"""Character n-grams: fitted on the training texts, stored without pickle, the same rows after loading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.char_ngram_featurizer import IDF_FILE, VOCABULARY_FILE, CharNgramFeaturizer

CONTEXT = ExecutionContext(graph_schema=None, node_name="chars")  # type: ignore[arg-type]
TRAINING = [
    "il menace de publier mes nudes",
    "il menace de diffuser ma vidéo",
    "몸캠 피싱을 당했어요 유포하겠대요",
    "몸캠 영상을 유포한다고 협박해요",
    "he threatens to post my nudes",
    "he threatens to leak my video",
]
UNSEEN = {"fr": "il menaçait de publier les nudes", "ko": "몸캠 유포 협박", "en": "threatening to leak nudes"}


def row(message: Message) -> np.ndarray:
    _, sentence = message.get_sparse_features(TEXT, ["chars"])
    assert sentence is not None
    return np.asarray(sentence.features.todense()).reshape(-1)


def test_a_message_gets_one_unit_row_that_survives_the_model_archive(tmp_path: Path) -> None:
    storage, resource = LocalModelStorage(tmp_path), Resource("chars")
    featurizer = CharNgramFeaturizer.create({}, storage, resource, CONTEXT)
    featurizer.train(TrainingData([Message({TEXT: text}) for text in TRAINING]))
    assert {path.name for path in (tmp_path / "chars").iterdir()} == {VOCABULARY_FILE, IDF_FILE}
    loaded = CharNgramFeaturizer.load({}, storage, resource, CONTEXT)
    for language, text in UNSEEN.items():
        fresh, stored = Message({TEXT: text}), Message({TEXT: text})
        featurizer.process([fresh])
        loaded.process([stored])
        assert np.allclose(row(fresh), row(stored)), language
        assert np.linalg.norm(row(stored)) == pytest.approx(1.0), language  # an n-gram of the message was seen
        assert [f.type for f in stored.features] == ["sentence"]  # the CRF reads its own token features


def test_words_that_share_n_grams_are_closer_than_words_that_do_not(tmp_path: Path) -> None:
    featurizer = CharNgramFeaturizer.create({}, LocalModelStorage(tmp_path), Resource("chars"), CONTEXT)
    featurizer.train(TrainingData([Message({TEXT: text}) for text in TRAINING]))
    threat, inflected, other = (Message({TEXT: t}) for t in ("유포하겠대요", "유포한다고", "he threatens"))
    featurizer.process([threat, inflected, other])
    assert row(threat) @ row(inflected) > row(threat) @ row(other)


def test_untrained_or_textless_messages_get_no_feature_and_bad_options_are_refused(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    untrained = CharNgramFeaturizer.load({}, storage, Resource("never"), CONTEXT)
    message = Message({TEXT: "bonjour"})
    untrained.process([message])
    assert message.features == []
    empty = CharNgramFeaturizer.create({}, storage, Resource("empty"), CONTEXT)
    empty.train(TrainingData([Message({"intent": "greet"})]))
    empty.process([message])
    assert message.features == []
    for bad in ({"min_ngram": 0}, {"min_ngram": 5, "max_ngram": 4}, {"min_df": 0}):
        with pytest.raises(InvalidConfigException):
            CharNgramFeaturizer.create(bad, storage, Resource("bad"), CONTEXT)
