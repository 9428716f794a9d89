from __future__ import annotations

import pytest

from bot.components.countries import find, fold
from bot.components.spacy_pipelines import pipeline


@pytest.mark.parametrize(
    ("language", "text", "codes"),
    [
        ("fr", "je vis à Séoul depuis deux ans", ["KR"]),
        ("fr", "j'habite a lyon", ["FR"]),
        ("fr", "en coree du sud", ["KR"]),
        ("fr", "je suis en Corée du Nord", ["KP"]),
        ("ko", "프랑스에 살아요", ["FR"]),
        ("ko", "서울에서 지내고 있어요", ["KR"]),
        ("ko", "부산 살아", ["KR"]),
        ("en", "I live in Canada", ["CA"]),
        ("en", "we moved to the US last year", ["US"]),
        ("en", "i'm in london", ["GB"]),
    ],
)
def test_countries_and_cities_in_three_languages(language: str, text: str, codes: list[str]) -> None:
    assert [m.code for m in find(text, pipeline(language))] == codes


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "tell us what to do"),
        ("en", "can we speak korean"),
        ("ko", "한국어로 해주세요"),
        ("fr", "merci beaucoup"),
    ],
)
def test_words_that_are_not_places(language: str, text: str) -> None:
    assert find(text, pipeline(language)) == []


def test_mentions_point_at_the_original_text() -> None:
    text = "Je vis à Séoul"
    (mention,) = find(text, pipeline("fr"))
    assert text[mention.start : mention.end] == "Séoul"


def test_folding_keeps_offsets_and_hangul() -> None:
    assert fold("Séoul 서울") == "seoul 서울"
