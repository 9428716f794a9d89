"""Big, decomposed or broken text through the NLU pipeline's own components, in-process (no trained model).

The fuzz test feeds arbitrary Unicode (lone surrogates, NUL, control and combining characters, NFD
Hangul, very long runs) through every component that reads a message's text, in the pipeline's order.
"""

from __future__ import annotations

import time
import unicodedata
from typing import Any, List

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.country_extractor import CountryExtractor
from bot.components.crisis_guard import CrisisGuard
from bot.components.intent_evidence import IntentEvidence
from bot.components.message_text import MAX_CHARS, clean
from bot.components.multilingual_tokenizer import MultilingualTokenizer
from bot.components.out_of_distribution import OutOfDistribution
from vocabulary.parse_keys import DETECTION_KEY

LEAKED = "사진이 유출됐어요"
MEGABYTE = ("mon ex a publié mes photos intimes " * 30_000)[:1_000_000]


@pytest.fixture(scope="module")
def tokenizer() -> MultilingualTokenizer:
    return MultilingualTokenizer({**MultilingualTokenizer.get_default_config(), "korean_tokenizer": "kiwi"})


@pytest.fixture(scope="module")
def pipeline(tokenizer: MultilingualTokenizer) -> List[Any]:
    """The text-reading components of config.yml, in its order (the trained ones need a model)."""
    return [tokenizer, CountryExtractor(), IntentEvidence(), OutOfDistribution(), CrisisGuard()]


def _run(components: List[Any], text: str) -> Message:
    message = Message({TEXT: text})
    ranking = [{"name": "describe_sharing", "confidence": 0.6}, {"name": "greet", "confidence": 0.4}]
    message.set(INTENT, dict(ranking[0]))
    message.set(INTENT_RANKING_KEY, ranking)
    for component in components:
        component.process([message])
    return message


def test_a_megabyte_message_is_cut_before_language_detection(tokenizer: MultilingualTokenizer) -> None:
    started = time.perf_counter()
    message = _run([tokenizer], MEGABYTE)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"{elapsed:.2f} s for a 1 MB message"
    assert len(message.get(TEXT)) == MAX_CHARS and message.get(DETECTION_KEY)["language"] == "fr"


def test_the_cut_is_at_most_max_chars_even_when_nfc_lengthens() -> None:
    assert len(clean("\u0958" * MAX_CHARS)) == MAX_CHARS and clean("a" * (MAX_CHARS - 1) + "\u0958")[-1] == "\u0915"


def test_a_lone_surrogate_never_raises(tokenizer: MultilingualTokenizer) -> None:
    for text in ("mon ex \ud800 a publié", "\udfff", "사진\udc00이", "a\ud83d"):
        message = _run([tokenizer], text)
        assert "\ufffd" in message.get(TEXT) and message.get(TOKENS_NAMES[TEXT])


def test_a_split_surrogate_pair_is_joined_back() -> None:
    assert clean("\ud83d\ude22 help") == "\U0001f622 help"


def test_decomposed_korean_is_read_like_composed_korean(tokenizer: MultilingualTokenizer) -> None:
    composed = _run([tokenizer], LEAKED)
    decomposed_text = unicodedata.normalize("NFD", LEAKED)
    assert decomposed_text != LEAKED
    decomposed = _run([tokenizer], decomposed_text)
    assert decomposed.get(TEXT) == LEAKED
    assert decomposed.get(DETECTION_KEY) == composed.get(DETECTION_KEY) == {"language": "ko", "reliable": False}
    words = [t.text for t in decomposed.get(TOKENS_NAMES[TEXT])]
    assert words == [t.text for t in composed.get(TOKENS_NAMES[TEXT])] and "사진" in words


_ANY_CHARACTER = st.characters(exclude_categories=())
"""Every code point, surrogates included (Hypothesis leaves them out unless told)."""
_WORDS = st.sampled_from(
    [LEAKED, "je veux mourir", "I want to die", "죽고 싶어요", "France", "한국", "/restart", "https://x.com/a", "12"]
)
_TEXT = st.one_of(
    st.text(_ANY_CHARACTER, max_size=200),
    st.lists(st.one_of(_WORDS, st.text(_ANY_CHARACTER, max_size=8)), max_size=12).map(" ".join),
    st.builds(
        lambda text, form: unicodedata.normalize(form, text), st.text(max_size=80), st.sampled_from(["NFD", "NFKD"])
    ),
    st.builds(lambda char, count: char * count, _ANY_CHARACTER, st.integers(0, 600)),
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(text=_TEXT)
def test_any_text_goes_through_the_pipeline_components(pipeline: List[Any], text: str) -> None:
    message = _run(pipeline, text)
    cleaned = message.get(TEXT)
    assert cleaned == clean(text) and len(cleaned) <= MAX_CHARS
    assert unicodedata.is_normalized("NFC", cleaned)
    cleaned.encode("utf-8")  # no lone surrogate is left
    tokens = message.get(TOKENS_NAMES[TEXT])
    assert tokens and all(cleaned[t.start : t.end] == t.text for t in tokens), "offsets name the token's own text"
    assert message.get(INTENT) and message.get(DETECTION_KEY)["language"] in (None, "fr", "ko", "en")
