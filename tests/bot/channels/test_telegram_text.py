from __future__ import annotations

from bot.channels.telegram_text import MAX_TEXT, split, utf16_length


def test_a_short_text_is_one_message() -> None:
    assert split("  Hello.\n\nTwo paragraphs.  ") == ["Hello.\n\nTwo paragraphs."]


def test_a_long_text_is_cut_between_paragraphs_first() -> None:
    paragraphs = [f"{word} " * 300 for word in ("alpha", "beta", "gamma", "delta")]
    text = "\n\n".join(p.strip() for p in paragraphs)
    chunks = split(text)
    assert len(chunks) > 1
    assert all(utf16_length(chunk) <= MAX_TEXT for chunk in chunks)
    assert "\n\n".join(chunks) == text


def test_without_paragraphs_lines_then_words_are_the_cut() -> None:
    line = "one two three four"
    assert split("\n".join([line] * 5), limit=40) == [f"{line}\n{line}", f"{line}\n{line}", line]
    assert split("word " * 20, limit=12) == ["word word"] * 10


def test_a_text_without_any_boundary_is_cut_hard_and_nothing_is_lost() -> None:
    text = "x" * 10_000
    chunks = split(text)
    assert [len(chunk) for chunk in chunks] == [4096, 4096, 1808]


def test_length_is_counted_as_telegram_counts_it_emoji_twice() -> None:
    text = "🙂" * 3000
    chunks = split(text)
    assert utf16_length(text) == 6000
    assert [utf16_length(chunk) for chunk in chunks] == [4096, 1904]
    assert "".join(chunks) == text


def test_korean_text_is_split_at_spaces() -> None:
    text = " ".join(["사진을 지워 주세요"] * 600)
    chunks = split(text)
    assert all(utf16_length(chunk) <= MAX_TEXT for chunk in chunks)
    assert " ".join(chunks) == text
