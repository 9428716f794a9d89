"""Messages with no usable words are recognised, and real messages never are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.out_of_distribution import OutOfDistribution, kind_of
from bot.settings import ROOT
from vocabulary.parse_keys import OOD_KEY

ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([a-z_]+\))")


def real_messages() -> list[str]:
    """Every training, held-out and real-message example, in the three languages."""
    paths = [*ROOT.glob("nlu_data/*/*.yml"), *ROOT.glob("tests/nlu/*.yml"), *ROOT.glob("tests/nlu/real/*.yml")]
    texts: list[str] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            lines = str(block.get("examples") or "").splitlines()
            texts += [ANNOTATION.sub(r"\1", line.strip()[2:]) for line in lines if line.strip().startswith("- ")]
        texts += [str(example["text"]) for example in data.get("examples") or []]
    return texts


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("😭😭😭", "tears"),
        ("ㅠㅠㅠ", "tears"),
        ("T_T", "tears"),
        ("💔🥺", "tears"),
        ("...", "symbols"),
        ("??", "symbols"),
        ("👀👀", "symbols"),
        ("h", "letter"),
        ("ㅋ", "letter"),
        ("asdfghjkl", "mash"),
        ("qsdfghjklm", "mash"),
        ("jjjjjjjjj", "mash"),
        ("fhgkdjslaa;;", "mash"),
        ("ㅁㄴㅇㄹ", "mash"),
        ("ㅋㅋㅋ", "mash"),
        ("Necesito ayuda, por favor", "language"),
        ("Ich habe meinen Regenschirm im Zug vergessen.", "language"),
        ("Привет, ты говоришь по-русски?", "language"),
        ("今日はいい天気ですね", "language"),
    ],
)
def test_kinds_of_messages_without_usable_words(text: str, kind: str) -> None:
    assert kind_of(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "y",
        "n",
        "o",
        "k",
        "ㅇㅇ",
        "ㄱㅅ",
        "ㄱㅅㄱㅅ",
        "16",
        "123456",
        "06 12 34 56 78",
        "RL-ABCD-EFGH",
        "https://x.com/a/b",
        "ok",
        "merci",
        "네",
        "/greet",
    ],
)
def test_short_answers_numbers_links_and_references_are_left_to_the_classifier(text: str) -> None:
    assert kind_of(text) is None


def test_no_real_message_is_ever_out_of_distribution() -> None:
    flagged = [text for text in real_messages() if kind_of(text)]
    assert not flagged


def test_the_component_makes_it_a_fallback_with_no_ranking_to_guess_from() -> None:
    ranking = [{"name": "goodbye", "confidence": 0.9}, {"name": "express_distress", "confidence": 0.1}]
    message = Message(data={TEXT: "😭😭😭", INTENT: dict(ranking[0]), INTENT_RANKING_KEY: ranking})
    [processed] = OutOfDistribution().process([message])
    assert processed.get(INTENT) == {"name": "nlu_fallback", "confidence": 1.0}
    assert processed.get(INTENT_RANKING_KEY) == [{"name": "nlu_fallback", "confidence": 1.0}]
    assert processed.get(OOD_KEY) == "tears"
    story = Message(data={TEXT: "mon ex a publié mes photos", INTENT: dict(ranking[0]), INTENT_RANKING_KEY: ranking})
    [kept] = OutOfDistribution().process([story])
    assert kept.get(INTENT)["name"] == "goodbye" and kept.get(OOD_KEY) is None
