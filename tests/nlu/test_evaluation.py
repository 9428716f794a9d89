"""Held-out NLU evaluation through the running server's /model/parse, per language.

The test set (tests/nlu/<lang>.yml) is never trained on; the gate is 0.93 intent accuracy
in every language (measured 0.963 / 0.942 / 0.971 with the cues, 2026-11-30). Accuracy counts `nlu_fallback`
as a miss: that is what a victim gets.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
import yaml
from sklearn.metrics import f1_score

from bot.services import Stack
from bot.settings import ROOT

LANGUAGES = ("fr", "ko", "en")
MIN_ACCURACY = 0.93
REPORT: list[str] = []
"""Per-language results, printed in the terminal summary by tests/conftest.py."""
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([a-z_]+\))")
CONTRACT_INTENTS = {
    "describe_sharing",
    "describe_deepfake",
    "describe_sextortion",
    "describe_hidden_filming",
    "ask_offence",
    "ask_evidence",
    "ask_report",
    "ask_removal",
    "ask_status",
    "request_human",
    "express_distress",
    "crisis",
    "report_minor",
    "ask_privacy",
    "delete_my_data",
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "change_language",
    "bot_challenge",
    "out_of_scope",
    "inform",
}


def examples(path: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        (ANNOTATION.sub(r"\1", line.strip()[2:]), block["intent"])
        for block in data["nlu"]
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]


def parse(stack: Stack, text: str) -> dict:
    request = urllib.request.Request(
        f"{stack.settings.rasa_url}/model/parse?token={stack.settings.rasa_token()}",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return dict(json.loads(response.read()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_test_set_is_held_out(language: str) -> None:
    trained = {text.lower() for f in (ROOT / "nlu_data" / language).glob("*.yml") for text, _ in examples(f)}
    held_out = examples(ROOT / "tests" / "nlu" / f"{language}.yml")
    assert {intent for _, intent in held_out} == CONTRACT_INTENTS
    assert not [text for text, _ in held_out if text.lower() in trained]


@pytest.mark.e2e
@pytest.mark.parametrize("language", LANGUAGES)
def test_intent_accuracy_per_language(stack: Stack, language: str) -> None:
    held_out = examples(ROOT / "tests" / "nlu" / f"{language}.yml")
    expected = [intent for _, intent in held_out]
    predicted = [parse(stack, text)["intent"]["name"] for text, _ in held_out]
    accuracy = sum(p == e for p, e in zip(predicted, expected, strict=False)) / len(expected)
    macro_f1 = f1_score(expected, predicted, labels=sorted(CONTRACT_INTENTS), average="macro", zero_division=0)
    misses = Counter(f"{e} -> {p}" for p, e in zip(predicted, expected, strict=False) if p != e)
    REPORT.append(
        f"\nNLU {language}: accuracy {accuracy:.3f}, macro-F1 {macro_f1:.3f}, n={len(expected)}; misses {dict(misses)}"
    )
    assert accuracy >= MIN_ACCURACY, f"{language} accuracy {accuracy:.3f} < {MIN_ACCURACY}: {dict(misses)}"


@pytest.mark.e2e
def test_parse_returns_contract_names_and_entities(stack: Stack) -> None:
    result = parse(stack, "mon ex a mis mes photos sur instagram, je vis à Lyon")
    assert result["intent"]["name"] in CONTRACT_INTENTS
    assert {"entity": "country", "value": "FR"}.items() <= next(
        e for e in result["entities"] if e["entity"] == "country"
    ).items()
    assert result["language_detection"] == {"language": "fr", "reliable": True}



ENTITY_MESSAGES = {
    "fr": ("ma fille a 14 ans, il a mis ses photos sur snapchat. on peut parler en anglais ?",
           {("age", "14"), ("platform", "snapchat"), ("language", "en")}),
    "ko": ("저 15살인데 인스타에 사진이 올라왔어요 영어로 해주세요",
           {("age", "15"), ("platform", "instagram"), ("language", "en")}),
    "en": ("my son is 13 and they posted it on tiktok, can we talk in french",
           {("age", "13"), ("platform", "tiktok"), ("language", "fr")}),
}


@pytest.mark.e2e
@pytest.mark.parametrize("language", LANGUAGES)
def test_ages_platforms_and_languages_are_found_in_three_languages(stack: Stack, language: str) -> None:
    """The entity extractor really extracts (a CRF that trained on nothing once passed every intent test)."""
    text, expected = ENTITY_MESSAGES[language]
    found = {(e["entity"], str(e["value"]).lower()) for e in parse(stack, text)["entities"]}
    assert expected <= found, (text, found)

MIN_REAL_ACCURACY = {"fr": 0.76, "ko": 0.72, "en": 0.84}
"""Gate on real people's messages (tests/nlu/real), a little under what was measured (fr 0.806, ko 0.757, en 0.871
on 2026-12-01, stop 31, and 0.792 / 0.770 / 0.871 one training before; two or three messages each, since training on
several threads moves it by one or two): a regression fails, while the aim of 0.80 in Korean is not reached yet."""
MIN_CHECK_IN_RATE = 0.90
"""Gate on tests/nlu/out_of_scope: emoji, punctuation, a mash, another language get a gentle check-in."""
CHECK_IN = {"out_of_scope", "nlu_fallback"}
REAL = ROOT / "tests" / "nlu" / "real"
OUT_OF_SCOPE = ROOT / "tests" / "nlu" / "out_of_scope"


def real_messages(language: str) -> list[dict[str, str]]:
    """The real-message set of one language: dicts with `text`, `intent` and `source` (a URL)."""
    return list(yaml.safe_load((REAL / f"{language}.yml").read_text(encoding="utf-8"))["examples"])


def out_of_scope(language: str) -> list[str]:
    data = yaml.safe_load((OUT_OF_SCOPE / f"{language}.yml").read_text(encoding="utf-8"))
    return [str(example["text"]) for example in data["examples"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_real_messages_are_sourced_labelled_and_never_trained_on(language: str) -> None:
    messages = real_messages(language)
    assert len(messages) >= 60
    assert all(m["source"].startswith(("https://", "http://")) for m in messages)
    assert {m["intent"] for m in messages} <= CONTRACT_INTENTS
    trained = {text.lower() for f in (ROOT / "nlu_data" / language).glob("*.yml") for text, _ in examples(f)}
    assert not [m["text"] for m in messages if m["text"].lower() in trained]
    assert not [text for text in out_of_scope(language) if text.lower() in trained]


@pytest.mark.e2e
@pytest.mark.parametrize("language", LANGUAGES)
def test_real_messages_are_understood(stack: Stack, language: str) -> None:
    messages = real_messages(language)
    expected = [m["intent"] for m in messages]
    predicted = [parse(stack, m["text"])["intent"]["name"] for m in messages]
    accuracy = sum(p == e for p, e in zip(predicted, expected, strict=True)) / len(expected)
    misses = Counter(f"{e} -> {p}" for p, e in zip(predicted, expected, strict=True) if p != e)
    REPORT.append(f"\nNLU real {language}: accuracy {accuracy:.3f}, n={len(expected)}; misses {dict(misses)}")
    gate = MIN_REAL_ACCURACY[language]
    assert accuracy >= gate, f"{language} real accuracy {accuracy:.3f} < {gate}: {dict(misses)}"


@pytest.mark.e2e
@pytest.mark.parametrize("language", LANGUAGES)
def test_out_of_scope_input_gets_a_check_in(stack: Stack, language: str) -> None:
    texts = out_of_scope(language)
    answered = {text: parse(stack, text)["intent"]["name"] for text in texts}
    wrong = {text: intent for text, intent in answered.items() if intent not in CHECK_IN}
    rate = 1 - len(wrong) / len(texts)
    REPORT.append(f"\nNLU out-of-scope {language}: check-in rate {rate:.3f}, n={len(texts)}; other {wrong}")
    assert rate >= MIN_CHECK_IN_RATE, wrong
