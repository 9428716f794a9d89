"""Only the frames the widget sends reach Rasa; everything else closes the socket."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.web.widget_packets import MAX_MESSAGE_CHARS, allowed

SESSION = "a1b2c3d4" * 4


def event(name: str, data: Any) -> str:
    return "42" + json.dumps([name, data], ensure_ascii=False)


def uttered(message: Any = "bonjour", **fields: Any) -> str:
    return event("user_uttered", {"message": message, "session_id": SESSION, **fields})


@pytest.mark.parametrize(
    "frame",
    [
        "2",
        "3",
        "40",
        "41",
        event("session_request", {"session_id": SESSION}),
        uttered(),
        uttered("안녕하세요", metadata={"language_hint": "ko"}),
        uttered('/change_language{"language": "en"}', metadata={"language": "en"}),
        uttered("é" * MAX_MESSAGE_CHARS),
    ],
)
def test_what_the_widget_sends_passes(frame: str) -> None:
    assert allowed(frame)


@pytest.mark.parametrize(
    "frame",
    [
        "",
        "5",
        "6",
        "40/admin,",
        '40{"token":"x"}',
        "4" + "2" + "not json",
        event("session_request", {"session_id": "short"}),
        event("session_request", {"session_id": "../../etc/passwd-aaaaaaaa"}),
        event("session_request", None),
        event("other_event", {"session_id": SESSION}),
        "421" + json.dumps(["user_uttered", {"message": "hi", "session_id": SESSION}]),
        "42/admin," + json.dumps(["user_uttered", {"message": "hi", "session_id": SESSION}]),
        '451-["user_uttered",{"_placeholder":true,"num":0}]',
        uttered(""),
        uttered("   \n "),
        uttered("x" * (MAX_MESSAGE_CHARS + 1)),
        uttered(42),
        uttered(metadata={"language": "de"}),
        uttered(metadata={"language": ["fr"]}),
        uttered(metadata="fr"),
        uttered(metadata={"sender": "someone-else"}),
        uttered(customData={"x": 1}),
        event("user_uttered", {"message": "hi"}),
        event("user_uttered", ["hi"]),
        json.dumps(["user_uttered", {}]),
    ],
)
def test_anything_else_is_refused(frame: str) -> None:
    assert not allowed(frame)
