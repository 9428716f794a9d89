"""Property-based fuzzing of the Telegram webhook (in-process): updates, callback data, bodies.

The real webhook route, update router, callback decoding, replay memory (SQLite) and output
channel run in the test process; Telegram's Bot API is the local stand-in, and what would reach
Rasa is recorded. Whatever is posted: never a 5xx or an exception, nothing logged as an error or
with a traceback, each update id handled at most once (a replay is acknowledged with 200), and what
reaches Rasa is only a person's action: typed text that Rasa cannot read as `/intent{...}`, a
command's intent, or a button payload Relais issued to that chat, without unreadable characters.
"""

from __future__ import annotations

import itertools
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.telegram_callbacks import CallbackData
from bot.channels.telegram_commands import COMMANDS
from tests.bot.channels.bot_api import SECRET
from tests.bot.channels.in_process import webhook
from tests.fuzz_support import json_values, person_text, problems_logged, unreadable

EXAMPLES = 2000
CHATS = [1_000_001, 1_000_002, 1_000_003]
ISSUED = [
    "/ask_offence",
    '/inform{"country": "FR"}',
    '/request_human{"intake_choice": "cancel"}',
    "/affirm",
    '/inform{"country": "FR", "platform": "' + "a-long-platform-name-" * 3 + '"}',
]
COMMAND_INTENTS = {command.intent for command in COMMANDS.values()}


def _user(draw: Any) -> dict[str, Any]:
    return {
        "id": draw(st.sampled_from(CHATS)),
        "is_bot": False,
        "first_name": "A",
        "language_code": draw(st.one_of(st.sampled_from(["fr", "ko", "en", "de", "ko-KR"]), json_values)),
    }


@st.composite
def updates(draw: Any, callbacks: CallbackData) -> dict[str, Any]:
    user = _user(draw)
    chat = {"id": user["id"], "type": draw(st.sampled_from(["private", "private", "group", "channel"]))}
    message = {"message_id": draw(st.integers(1, 10**6)), "date": 1_700_000_000, "chat": chat, "from": user}
    kind = draw(st.sampled_from(["text", "text", "button", "button", "media", "odd"]))
    if kind == "text":
        update = {"message": {**message, "text": draw(person_text)}}
    elif kind == "button":
        issued = st.builds(lambda p: callbacks.encode(str(user["id"]), p), st.sampled_from(ISSUED))
        foreign = st.builds(lambda p: callbacks.encode(str(user["id"] + 1), p), st.sampled_from(ISSUED))
        data = draw(st.one_of(issued, foreign, person_text, st.text(max_size=64)))
        update = {
            "callback_query": {
                "id": "cq",
                "from": user,
                "chat_instance": "c",
                "data": data,
                "message": {**message, "from": {"id": 1, "is_bot": True, "first_name": "R"}},
            }
        }
    elif kind == "media":
        update = {"message": {**message, "photo": [{"file_id": "f", "file_unique_id": "u", "width": 1, "height": 1}]}}
    else:
        update = draw(
            st.dictionaries(st.sampled_from(["message", "callback_query", "edited_message", "x"]), json_values)
        )
    return update


def bodies(callbacks: CallbackData) -> st.SearchStrategy[tuple[bytes, str]]:
    structured = updates(callbacks).map(lambda u: json.dumps(u).encode("utf-8", "surrogatepass"))
    raw = st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps({"update_id": v}).encode()))
    secret = st.one_of(st.just(SECRET), st.just(SECRET), st.just(SECRET), st.text(max_size=20))
    return st.tuples(st.one_of(structured, structured, structured, raw), secret)


def test_generated_updates_never_break_the_webhook_or_drive_the_dialogue(tmp_path: Path) -> None:
    update_ids = itertools.count(random.randrange(10**6, 10**8))
    handled = Counter[int]()
    statuses = Counter[int]()
    sent_ids: list[int] = []
    with webhook(tmp_path) as hook:

        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(bodies(hook.callbacks), st.booleans())
        def posted(body_and_secret: tuple[bytes, str], replay: bool) -> None:
            body, secret = body_and_secret
            update_id = random.choice(sent_ids) if replay and sent_ids else next(update_ids)
            try:
                data = json.loads(body)
            except ValueError:
                data = None
            if isinstance(data, dict) and "update_id" not in data:
                body = json.dumps({"update_id": update_id, **data}).encode("utf-8", "surrogatepass")
                sent_ids.append(update_id)
            before = len(hook.received)
            status = hook.post(body, secret)
            statuses[status] += 1
            assert status in (200, 400, 403, 413), status
            new = hook.received[before:]
            if new:
                handled[update_id] += 1
                assert handled[update_id] == 1, "an update handled twice"
            for message in new:
                assert message.sender_id in {str(c) for c in CHATS}
                text = message.text or ""
                assert not unreadable(text), repr(text)
                assert not text.startswith("/") or text in COMMAND_INTENTS or text in ISSUED, repr(text)

        started = time.monotonic()
        with problems_logged() as problems:
            posted()
        assert problems.lines() == []
    elapsed = time.monotonic() - started
    print(f"telegram webhook fuzz: {sum(statuses.values())} examples in {elapsed:.1f} s;", dict(statuses))
    assert sum(statuses.values()) >= EXAMPLES
