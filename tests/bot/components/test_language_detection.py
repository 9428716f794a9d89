from __future__ import annotations

import pytest

from bot.components.language_detection import Detection, detect


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("전 남자친구가 제 사진을 인스타에 올렸어요", "ko"),
        ("몸캠 피싱 당한 것 같아요 도와주세요", "ko"),
        ("mon ex a mis mes photos sur internet", "fr"),
        ("g peur il va tout envoyer a ma famille", "fr"),
        ("my ex uploaded my photos to a website", "en"),
        ("someone made a fake nude of me with AI", "en"),
    ],
)
def test_long_messages_are_detected_reliably(text: str, language: str) -> None:
    assert detect(text).language == language
    assert detect(text).reliable


@pytest.mark.parametrize("text", ["ok", "merci", "네", "thanks", "oui oui", "ㅇㅇ"])
def test_one_or_two_words_are_never_reliable(text: str) -> None:
    assert not detect(text).reliable


def test_hangul_means_korean_even_with_latin_words() -> None:
    assert detect("인스타 DM으로 협박이 왔어요").language == "ko"


@pytest.mark.parametrize("text", ["", "   ", "https://example.com/a/b", "12345 678", "🙏🙏"])
def test_text_without_words_has_no_language(text: str) -> None:
    assert detect(text).language is None


def test_links_do_not_count_as_words() -> None:
    assert not detect("voici https://x.com/abc").reliable


@pytest.mark.parametrize("text", ["zzkq wxxp blorf", "qwzx vbnm plok", "ㅋㅋㅋ ㅠㅠ ㅎㅎ", "asdf jkl qwer"])
def test_gibberish_is_never_reliable(text: str) -> None:
    assert not detect(text).reliable


@pytest.mark.parametrize(
    "text", ["전 남친이 my photos를 올렸어 what do I do", "ok so 몸캠 피싱 happened to me last night"]
)
def test_a_hangul_syllable_among_english_words_means_korean(text: str) -> None:
    assert detect(text) == Detection("ko", True)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("slt g un pb un keum a mes photos", "fr"),
        ("wsh un mec menace de balancer mes photos", "fr"),
        ("cc jsp koi faire il a tt mis sur snap", "fr"),
        ("u gotta help me pls my ex has my pics", "en"),
        ("idk what to do rn he posted them everywhere", "en"),
        ("my ex wrote je vais tout publier on my wall, what do I do", "en"),
        ("mon ex a leak mes nudes sur insta", "fr"),
    ],
)
def test_texting_style_is_read_in_its_own_language(text: str, language: str) -> None:
    assert detect(text) == Detection(language, True)


@pytest.mark.parametrize(
    ("text", "language"),
    [("slt", "fr"), ("wesh", "fr"), ("cc", "fr"), ("bsr qqn", "fr"), ("pls", "en"), ("idk", "en"), ("hi", "en")],
)
def test_a_texting_greeting_alone_is_guessed_in_its_language_but_never_reliable(text: str, language: str) -> None:
    assert detect(text) == Detection(language, False)


def test_words_both_languages_use_count_for_neither() -> None:
    assert detect("on a photo via my ex").language == "en"


@pytest.mark.parametrize("text", ["on est a montreal", "je vis a montreal", "ok on est a paris"])
def test_a_french_sentence_of_shared_words_never_switches_to_english(text: str) -> None:
    """"on est a montreal" in a French conversation switched it to English ("on" and "a" are English words too):
    a guess with fewer words of its own than the other language's is not reliable."""
    assert not detect(text).reliable
