from __future__ import annotations

from bot.channels.telegram_callbacks import MAX_BYTES, CallbackData

LONG = '/inform{"country": "FR", "platform": "' + "a-very-long-platform-name-" * 4 + '"}'


def test_short_payloads_travel_as_they_are() -> None:
    callbacks = CallbackData()
    assert callbacks.encode("/ask_offence") == "/ask_offence"
    assert callbacks.decode("/ask_offence") == "/ask_offence"


def test_a_payload_over_sixty_four_bytes_travels_as_a_short_key_and_comes_back() -> None:
    callbacks = CallbackData()
    key = callbacks.encode(LONG)
    assert len(LONG.encode()) > MAX_BYTES >= len(key.encode())
    assert callbacks.decode(key) == LONG
    assert callbacks.encode(LONG) == key, "the same buttons sent again reuse their key"


def test_the_limit_is_in_bytes_so_korean_payloads_are_measured_as_utf8() -> None:
    callbacks = CallbackData()
    korean = "/inform" + "가" * 20
    assert len(korean) < MAX_BYTES < len(korean.encode())
    assert callbacks.encode(korean) != korean
    assert callbacks.decode(callbacks.encode(korean)) == korean


def test_a_payload_that_looks_like_a_key_is_mapped_too() -> None:
    callbacks = CallbackData()
    key = callbacks.encode("#not-a-key")
    assert key != "#not-a-key" and callbacks.decode(key) == "#not-a-key"


def test_unknown_or_forgotten_keys_decode_to_nothing() -> None:
    callbacks = CallbackData(capacity=2)
    first = callbacks.encode(LONG + "1")
    callbacks.encode(LONG + "2")
    callbacks.encode(LONG + "3")
    assert callbacks.decode(first) is None
    assert callbacks.decode("#made-up") is None
    assert callbacks.decode("") is None
