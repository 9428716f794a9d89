"""The cue featurizer marks a threat, a fabricated image, covert filming, a child, a question and its
subject in French, Korean and English, and the intent classifier reads its features next to E5's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.cue_featurizer import DEFAULT_WEIGHT, CueFeaturizer, cue_vector, cues
from bot.components.embedding_intent_classifier import EmbeddingIntentClassifier
from bot.components.sentence_featurizer import SentenceEmbeddingFeaturizer
from bot.settings import ROOT

CONTEXT = ExecutionContext(graph_schema=None, node_name="cues")  # type: ignore[arg-type]

PRESENT = {
    "threat": [
        "il dit qu'il enverra tout à ma famille si je ne lui paie pas 500 euros",
        "돈 안 보내면 영상 뿌린다고 협박해요",
        "he says he'll send it to everyone unless I give him more",
    ],
    "fabricated": [
        "quelqu'un a collé mon visage sur une vidéo porno",
        "제 얼굴을 음란물에 합성했어요",
        "they used an app to make it look like I was naked, it isn't me",
        "c'est ma tête mais pas mon corps",
        "얼굴만 저고 몸은 다른 사람이에요",
        "it's my face but not my body",
    ],
    "hidden": [
        "mon propriétaire avait mis une caméra dans la salle de bain à mon insu",
        "기숙사 화장실에서 몰래 찍힌 것 같아요",
        "my flatmate was filming me in the shower without me knowing",
    ],
    "minor": ["ma fille a 14 ans, elle est en 3e", "중2 딸이 있는데요", "my son is 15 and in year 10"],
    "question": ["je fais comment maintenant", "이거 어떻게 해야 하나요", "what should i do"],
    "removal": ["je veux qu'on retire la vidéo", "영상 좀 지워 주세요", "how do I get it taken down, remove it"],
    "report": ["je vais porter plainte", "경찰에 신고할래요", "can I report him to the police"],
    "evidence": ["je dois faire des captures ?", "증거로 캡처해 뒀어요", "should I keep screenshots as proof"],
    "law": ["est-ce que c'est illégal", "이거 처벌 받나요", "is this a crime"],
}
ABSENT = {
    # "디지털 성범죄" names what happened, as "image abuse" does
    "law": [
        "je ne connais pas la méthode",
        "어떻게 하는 방법이 있을까요",
        "디지털 성범죄를 당했어요",
        "it was image abuse",
    ],
    # A face seen in a real video, or faced in an idiom, is no fabrication
    "fabricated": [
        "ma collègue m'a dit de vous écrire",
        "mon ex a publié mes photos au collège",
        "on voit mon visage sur la vidéo",
        "부끄러워서 가족 얼굴을 못 보겠어요",
        "제 얼굴이 다 나와요",
        "i can't face anyone at work",
        "you can see my face in the video",
    ],
    # Verbs of feeling that end in 나요 ("I'm scared", "I'm angry") are no question
    "question": ["je suis fatiguée", "사진 찍는 것도 겁나요", "너무 화나요", "자꾸 생각나요", "i'm so tired"],
    "threat": ["il a publié les photos hier", "사진이 올라왔어요", "my ex posted my pictures"],
    # What the person deleted themselves is no wish to have something removed
    "removal": [
        "j'ai supprimé mon compte insta",
        "댓글도 다 지우고 그랬는데 이미 퍼졌어요",
        "i deleted my account after that",
    ],
    "minor": ["j'ai 34 ans", "서른 살이에요", "i'm 25 and he posted them"],
}


def column(name: str) -> int:
    return list(cues()).index(name)


@pytest.mark.parametrize("cue", sorted(PRESENT))
def test_each_cue_is_found_in_every_language(cue: str) -> None:
    for text in PRESENT[cue]:
        assert cue_vector(text)[column(cue)] == pytest.approx(DEFAULT_WEIGHT), (cue, text)


@pytest.mark.parametrize("cue", sorted(ABSENT))
def test_cues_do_not_fire_on_look_alike_words(cue: str) -> None:
    for text in ABSENT[cue]:
        assert cue_vector(text)[column(cue)] == 0.0, (cue, text)


def test_odd_text_gives_a_zero_vector_of_the_right_shape() -> None:
    for text in ("", "😭😭😭", "\u200b\u0301", "a" * 100_000):
        vector = cue_vector(text)
        assert vector.shape == (len(cues()),) and vector.dtype == np.float32
    assert not cue_vector("😭😭😭").any()


def test_every_cue_has_a_pattern_per_language() -> None:
    data = yaml.safe_load((ROOT / "bot" / "components" / "patterns" / "cues.yml").read_text(encoding="utf-8"))
    assert set(data) == set(PRESENT) and all(len(patterns) == 3 for patterns in data.values())


def test_the_featurizer_adds_one_sentence_feature_per_message_with_a_text(tmp_path: Path) -> None:
    config = CueFeaturizer.get_default_config()
    featurizer = CueFeaturizer.create(config, LocalModelStorage(tmp_path), Resource("c"), CONTEXT)
    messages = [Message({TEXT: "il menace de tout publier"}), Message({})]
    featurizer.process(messages)
    sequence, sentence = messages[0].get_dense_features(TEXT, ["cues"])
    assert sequence is None and sentence is not None and sentence.features.shape == (1, len(cues()))
    assert sentence.features[0, column("threat")] > 0 and not messages[1].features
    with pytest.raises(InvalidConfigException):
        CueFeaturizer.validate_config({"weight": 0})


def test_the_classifier_reads_the_cues_after_the_sentence_vector(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    e5 = SentenceEmbeddingFeaturizer.create(
        {**SentenceEmbeddingFeaturizer.get_default_config(), "cache": False}, storage, Resource("e5"), CONTEXT
    )
    featurizer = CueFeaturizer.create(CueFeaturizer.get_default_config(), storage, Resource("c"), CONTEXT)
    examples = {
        "describe_sharing": ["mon ex a publié mes photos", "전 남친이 사진을 올렸어요", "my ex posted my nudes"],
        "describe_sextortion": ["il menace de publier", "유포하겠다고 협박해요", "he threatens to post them"],
    }
    data = TrainingData([Message({TEXT: t, INTENT: i}) for i, texts in examples.items() for t in texts])
    featurizer.process_training_data(e5.process_training_data(data))
    classifier = EmbeddingIntentClassifier.create({"featurizers": ["e5", "cues"]}, storage, Resource("lr"), CONTEXT)
    classifier.train(data)
    assert classifier.coef is not None and classifier.coef.shape[-1] == 384 + len(cues())


def test_config_joins_the_cues_to_the_sentence_vector() -> None:
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    names = [c["name"].rsplit(".", 1)[-1] for c in pipeline]
    classifier = pipeline[names.index("EmbeddingIntentClassifier")]
    assert names.index("CueFeaturizer") < names.index("EmbeddingIntentClassifier")
    assert classifier["featurizers"] == ["e5", "cues"]
