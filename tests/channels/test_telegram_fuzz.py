"""Property-based fuzzing of the Telegram webhook (in-process): updates, callback data, bodies.

The real webhook route, update router, callback decoding, replay memory (SQLite) and output
channel run in the test process; Telegram's Bot API is the local stand-in, and what would reach
Rasa is recorded. Whatever is posted: never a 5xx or an exception, nothing logged as an error or
with a traceback, each update id handled at most once (a replay is acknowledged with 200), and what
reaches Rasa is only a person's action: typed text that Rasa cannot read as `/intent{...}`, a
command's intent, or a button payload Relais issued to that chat, without unreadable characters.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.channels.channel import UserMessage
from telegram import Bot

from bot.channels.telegram_callbacks import CallbackData
from bot.channels.telegram_commands import COMMANDS
from bot.channels.telegram_language import ConversationLanguage
from bot.channels.telegram_output import TelegramOutput
from bot.channels.telegram_updates import UpdateRouter
from bot.channels.telegram_webhook import SECRET_HEADER, webhook_route
from bot.edges.button_keys import ButtonKeys
from bot.settings import load
from bot.storage.migrate import upgrade
from tests.channels.bot_api import SECRET, BotApi
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


@dataclass
class Request:
    """What the route reads of Sanic's request: the headers and the raw body."""

    headers: dict[str, str]
    body: bytes


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
    # On tmpfs where there is one: the replay memory commits once per update, and a disk's fsync would
    # make the 2,000 examples take minutes without testing anything more.
    folder = Path(tempfile.mkdtemp(dir="/dev/shm")) if Path("/dev/shm").is_dir() else tmp_path
    url = f"sqlite:///{folder}/r.db"
    upgrade(url)
    relais = replace(load(), database_url=url, redis_url=None)
    loop = asyncio.new_event_loop()
    received: list[UserMessage] = []
    handled = Counter[int]()
    update_ids = itertools.count(random.randrange(10**6, 10**8))
    keys = ButtonKeys(relais.rasa_token())
    callbacks = CallbackData(keys)
    statuses = Counter[int]()
    with BotApi().running() as api:
        bot = Bot(api.token, base_url=api.url)
        language = ConversationLanguage()

        async def on_new_message(message: UserMessage) -> None:
            received.append(message)

        router = UpdateRouter(
            bot, callbacks, language, on_new_message, lambda: TelegramOutput(bot, callbacks, language), relais
        )
        route = webhook_route(SECRET, bot, router)
        sent_ids: list[int] = []

        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(bodies(callbacks), st.booleans())
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
            before = len(received)
            response = loop.run_until_complete(route(Request({SECRET_HEADER: secret}, body)))  # type: ignore[arg-type]
            statuses[response.status] += 1
            assert response.status in (200, 400, 403, 413), response.status
            new = received[before:]
            if new:
                handled[update_id] += 1
                assert handled[update_id] == 1, "an update handled twice"
            for message in new:
                assert message.sender_id in {str(c) for c in CHATS}
                text = message.text or ""
                assert not unreadable(text), repr(text)
                assert not text.startswith("/") or text in COMMAND_INTENTS or text in ISSUED, repr(text)

        started = time.monotonic()
        try:
            with problems_logged() as problems:
                posted()
            assert problems.lines() == []
        finally:
            loop.run_until_complete(router.close())
            loop.run_until_complete(bot.shutdown())
            loop.close()
            if folder != tmp_path:
                shutil.rmtree(folder, ignore_errors=True)
    print(
        f"telegram webhook fuzz: {sum(statuses.values())} examples in {time.monotonic() - started:.1f} s;",
        dict(statuses),
    )
    assert sum(statuses.values()) >= EXAMPLES
