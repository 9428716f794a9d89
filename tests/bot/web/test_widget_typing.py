"""The typing signal's shape and bound at the relay: exactly `{"session_id", "typing": bool}`, and at most two
console notes per MIN_INTERVAL_S for one socket, whatever the browser sends (a test clock, no waiting)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.web.widget_packets import parse, typing_state
from bot.web.widget_typing import MIN_INTERVAL_S, TypingGate
from tests.bot.web.relay import event

SESSION = "0123456789abcdef" * 2


@pytest.mark.parametrize("typing", [True, False])
def test_the_widgets_own_signal_is_read(typing: bool) -> None:
    frame = parse(event("user_typing", {"session_id": SESSION, "typing": typing}))
    assert frame is not None and typing_state(frame.data) is typing


@pytest.mark.parametrize(
    "data",
    [
        {"session_id": SESSION, "typing": True, "text": "a draft"},
        {"session_id": SESSION, "typing": "a draft"},
        {"session_id": SESSION, "typing": 1},
        {"session_id": "not an id", "typing": True},
        {"typing": True},
        ["a draft"],
        "a draft",
        None,
    ],
)
def test_any_other_payload_is_no_signal(data: Any) -> None:
    assert typing_state(data) is None


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_typing_passes_once_per_interval_and_a_stop_only_after_a_typing() -> None:
    clock = Clock()
    gate = TypingGate(clock)
    assert not gate.admit(False), "a stop with nothing started says nothing"
    assert gate.admit(True)
    assert [gate.admit(True) for _ in range(50)] == [False] * 50, "a flood within the interval is one note"
    assert gate.admit(False)
    assert not gate.admit(False)
    assert not gate.admit(True), "stopping does not reopen the interval"
    clock.now += MIN_INTERVAL_S
    assert gate.admit(True)
    gate.sent()
    assert not gate.admit(False), "a sent message already ended the typing"
