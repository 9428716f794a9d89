from __future__ import annotations

import pytest

from bot.components.countries import find
from bot.components.spacy_pipelines import pipeline
from vocabulary.folding import fold


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


@pytest.mark.parametrize(
    ("language", "text", "code"),
    [
        ("ko", "시드니에 살고 있어요", "AU"),
        ("ko", "저는 멜버른에서 유학 중이에요", "AU"),
        ("ko", "브리즈번에 살아요", "AU"),
        ("ko", "토론토에 살아요", "CA"),
        ("ko", "몬트리올에 살아요", "CA"),
        ("ko", "밴쿠버에서 지내요", "CA"),
        ("ko", "엘에이에서 살아요", "US"),
        ("ko", "뉴욕에 살아요", "US"),
        ("ko", "런던에 살아요", "GB"),
        ("ko", "북아일랜드에 살아요", "GB"),
        ("ko", "더블린에 살아요", "IE"),
        ("ko", "아일랜드에 살아요", "IE"),
        ("fr", "j'habite à Montréal", "CA"),
        ("fr", "je vis à Québec", "CA"),
        ("fr", "j'habite en Colombie-Britannique", "CA"),
        ("fr", "je vis à Sydney", "AU"),
        ("fr", "je suis à Adélaïde", "AU"),
        ("fr", "je vis à Dublin", "IE"),
        ("fr", "j'habite en Irlande", "IE"),
        ("fr", "je vis en Irlande du Nord", "GB"),
        ("fr", "j'habite en Écosse", "GB"),
        ("fr", "je vis en Californie", "US"),
        ("en", "i'm in melbourne", "AU"),
        ("en", "I'm in Galway", "IE"),
        ("en", "i live in northern ireland", "GB"),
        ("en", "I'm in Belfast", "GB"),
        ("en", "I live in the U.S.", "US"),
        ("en", "we live in the U.K.", "GB"),
        ("en", "I'm from Texas", "US"),
        ("en", "i'm in toronto", "CA"),
        ("en", "im in the uk", "GB"),
        ("en", "i live in uk", "GB"),
        ("en", "im in usa", "US"),
        ("en", "i'm in the u.s.", "US"),
        ("en", "i live in the states", "US"),
    ],
)
def test_places_relais_knows_by_name_in_three_languages(language: str, text: str, code: str) -> None:
    """A Korean speaker in Sydney, a French speaker in Montréal; Northern Ireland is the UK, not Ireland."""
    assert [m.code for m in find(text, pipeline(language))] == [code]


@pytest.mark.parametrize(("language", "text"), [("ko", "퍼스널 트레이너예요"), ("en", "it was pinned on a cork board")])
def test_words_that_only_look_like_places(language: str, text: str) -> None:
    assert find(text, pipeline(language)) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "j'ai une réunion demain avec le proviseur"),
        ("fr", "la réunion au commissariat s'est mal passée"),
        ("fr", "Réunion annulée, il a posté les photos hier"),
        ("fr", "il vit quelque part en Amérique latine"),
        ("fr", "je l'ai rencontré en voyage en Amérique du Sud"),
        ("ko", "그 사람은 라틴아메리카 어딘가에 산대요"),
        ("ko", "남아메리카 여행 중에 만났어요"),
        ("en", "HELP US PLEASE HE POSTED THEM EVERYWHERE"),
        ("en", "PLEASE TELL US WHAT TO DO"),
        ("en", "he moved somewhere in Latin America"),
        ("en", "we met on a trip to South America"),
    ],
)
def test_words_that_name_no_country_in_three_languages(language: str, text: str) -> None:
    """A meeting, a region, a shouted pronoun: the country question stays open instead of a wrong law."""
    assert find(text, pipeline(language)) == []


@pytest.mark.parametrize(
    ("language", "text", "code"),
    [
        ("fr", "j'habite à La Réunion", "FR"),
        ("fr", "je vis à la Réunion depuis 2019", "FR"),
        ("fr", "je suis sur l'île de la réunion", "FR"),
        ("fr", "je vis en Amérique", "US"),
        ("ko", "저는 미국 캘리포니아에 살아요", "US"),
        ("en", "I LIVE IN THE US", "US"),
        ("en", "I live in New Mexico", "US"),
    ],
)
def test_the_same_words_still_name_places_in_three_languages(language: str, text: str, code: str) -> None:
    assert {m.code for m in find(text, pipeline(language))} == {code}


def test_the_extractor_builds_every_languages_matchers_when_the_model_loads() -> None:
    from bot.components import countries
    from bot.components.country_extractor import CountryExtractor

    countries._matchers.cache_clear()
    CountryExtractor()
    assert countries._matchers.cache_info().currsize == 3
    built = countries._matchers.cache_info().misses
    for language, text in [("fr", "je vis en Belgique"), ("ko", "저는 한국에 살아요"), ("en", "i live in Ireland")]:
        assert find(text, pipeline(language))
    assert countries._matchers.cache_info().misses == built
