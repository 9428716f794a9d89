from __future__ import annotations

from bot.components.spacy_pipelines import pipeline


def test_korean_tokens_separate_particles_and_keep_offsets() -> None:
    text = "전 남자친구가 제 사진을 인스타에 올렸어요"
    doc = pipeline("ko")(text)
    words = [t.text for t in doc]
    assert "인스타" in words and "에" in words and "사진" in words
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


def test_korean_conjugations_share_a_lemma() -> None:
    lemmas = {t.text: t.lemma_ for t in pipeline("ko")("사진을 올렸어요")}
    assert lemmas["올렸"] == "올리었"


def test_links_stay_one_token_in_every_language() -> None:
    for language, text in [
        ("ko", "링크는 t.me/room_kr1 이에요"),
        ("fr", "c'est sur https://x.com/a?b=1 ok"),
        ("en", "see insta.com/fake_22"),
    ]:
        words = [t.text for t in pipeline(language)(text)]
        assert any(w.startswith(("t.me", "https://x.com", "insta.com")) and "/" in w for w in words), words


def test_empty_and_spaces_only_text() -> None:
    assert len(pipeline("ko")("")) == 0
    assert [t.text for t in pipeline("ko")("  ") if not t.is_space] == []


def test_one_pipeline_per_language_whatever_the_arguments_say() -> None:
    # A second Kiwi was built on the first Korean message when a caller left the tokenizer to its default
    assert pipeline("ko") is pipeline("ko", "kiwi")
    assert pipeline("ko", "rule") is not pipeline("ko")
    assert pipeline("fr") is pipeline("fr", "kiwi")
