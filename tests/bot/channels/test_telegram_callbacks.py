"""Callback data: only what Relais issued to a chat decodes, within Telegram's 64 bytes."""

from __future__ import annotations

from bot.channels.telegram_callbacks import MAX_BYTES, CallbackData
from bot.edges.button_keys import ButtonKeys

LONG = '/inform{"country": "FR", "platform": "' + "a-very-long-platform-name-" * 4 + '"}'
CHAT = "4242"


def callbacks(capacity: int = 4096) -> CallbackData:
    return CallbackData(ButtonKeys("a test token"), capacity=capacity)


def test_short_payloads_travel_signed_and_come_back() -> None:
    data = callbacks().encode(CHAT, "/ask_offence")
    assert data.startswith("/ask_offence|") and len(data.encode()) <= MAX_BYTES
    assert callbacks().decode(CHAT, data) == "/ask_offence", "no memory needed: it holds across a restart"


def test_a_payload_over_sixty_four_bytes_travels_as_a_short_key_and_comes_back() -> None:
    made = callbacks()
    key = made.encode(CHAT, LONG)
    assert len(LONG.encode()) > MAX_BYTES >= len(key.encode())
    assert made.decode(CHAT, key) == LONG
    assert made.encode(CHAT, LONG) == key, "the same buttons sent again reuse their key"


def test_the_limit_is_in_bytes_so_korean_payloads_are_measured_as_utf8() -> None:
    made = callbacks()
    korean = "/inform" + "가" * 20
    assert len(korean) < MAX_BYTES < len(korean.encode())
    assert made.decode(CHAT, made.encode(CHAT, korean)) == korean


def test_a_payload_that_looks_like_a_key_is_mapped_too() -> None:
    made = callbacks()
    key = made.encode(CHAT, "#not-a-key")
    assert key != "#not-a-key" and made.decode(CHAT, key) == "#not-a-key"


def test_forged_altered_or_foreign_data_decodes_to_nothing() -> None:
    made = callbacks()
    signed = made.encode(CHAT, "/ask_offence")
    long_key = made.encode(CHAT, LONG)
    for forged in ("/crisis", "/request_human", '/inform{"country": "anything"}', "/restart", "", "|", "#made-up"):
        assert made.decode(CHAT, forged) is None, forged
    assert made.decode(CHAT, signed.replace("offence", "evidence")) is None
    assert made.decode("4343", signed) is None, "another chat's button"
    assert made.decode("4343", long_key) is None, "another chat's long button"
    assert CallbackData(ButtonKeys("another relais")).decode(CHAT, signed) is None


def test_forgotten_long_keys_decode_to_nothing() -> None:
    made = callbacks(capacity=2)
    first = made.encode(CHAT, LONG + "1")
    made.encode(CHAT, LONG + "2")
    made.encode(CHAT, LONG + "3")
    assert made.decode(CHAT, first) is None
