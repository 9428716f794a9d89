"""Many people talking to Relais at once over REST, and an audit of what the trackers then hold.

Shared by `make bench-load` (bench/load.py) and the end-to-end test of the two-replica topology
(tests/e2e/test_replicas.py), so what is measured is what is asserted.

Every message carries its turn number in its metadata (`TURN_KEY`), which Rasa stores on the user event;
after the run, `audit` reads each conversation's tracker and counts turns lost (answered to the client but
not in the tracker), duplicated (in the tracker twice), reordered, or never answered by the bot.

A turn that fails with an error meaning "no replica has it" (a refused or dropped connection, HTTP 502 or
503, the latter also Relais' own answer to a turn that could not be served, with its calm message
`turn.failed`: bot/channels/rest.py) is resent, but only after the tracker shows that the replica had not
recorded it: a turn is never processed twice. A timeout (HTTP 504 or the client's own) is never resent,
since the turn may still be running; it is reported as an error.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Sequence
from urllib.parse import quote

import aiohttp

from bot.channels.turn_failure import is_failure_text

TURN_KEY = "bench_turn"
SCRIPTS: dict[str, tuple[str, ...]] = {
    "fr": (
        "Bonjour",
        "est ce que tu es un robot ?",
        "qui peut lire ce que je vous écris ? c'est anonyme ?",
        "comment garder des preuves des messages ?",
    ),
    "ko": (
        "안녕하세요",
        "혹시 사람 아니고 봇이에요?",
        "제가 쓴 내용 저장되나요? 누가 볼 수 있어요?",
        "증거는 어떻게 남겨야 하나요?",
    ),
    "en": (
        "Hello",
        "am i talking to a bot",
        "do you keep what I write here? who can see it?",
        "how do I keep evidence of the messages?",
    ),
}
"""Four turns a conversation in each language: a greeting, then questions that each get an answer."""
RESENT_STATUSES = frozenset({502, 503})
"""The balancer's "no replica took it" answers, and Relais' answer to a turn a replica could not serve
(its tracker store or lock store out); anything else is not resent."""
FAILED_ANSWER = "answered turn.failed"
"""A turn recorded and answered by the calm error of a failed action (bot/rasa_server/action_failure.py)."""
ATTEMPTS = 5
"""Sends of one turn at most; between them 1, 2, 4, 8 s (the balancer needs a second or two to mark a dead replica)."""


@dataclass
class Turn:
    """One message of one conversation, as the client saw it."""

    sender: str
    index: int
    text: str
    served: bool = False
    replies: list[dict[str, Any]] | None = None
    """What the HTTP answer carried; None when the turn was recorded by a replica that died before answering."""
    latency_s: float = 0.0
    """From the first send to the answer, resends included."""
    errors: list[str] = field(default_factory=list)


@dataclass
class Audit:
    """What the trackers hold against what the clients sent; every count should be zero."""

    conversations: int = 0
    turns: int = 0
    lost: int = 0
    duplicated: int = 0
    reordered: int = 0
    unanswered: int = 0
    mismatched: int = 0
    """Turns whose answer in the tracker differs from the answer the client received."""
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.lost or self.duplicated or self.reordered or self.unanswered or self.mismatched)


async def _recorded(http: aiohttp.ClientSession, rasa_url: str, token: str, turn: Turn) -> bool | None:
    """Whether the tracker already holds `turn`; None when Rasa cannot tell now."""
    try:
        events = await tracker_events(http, rasa_url, token, turn.sender)
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return None
    return any(turn.index == (event.get("metadata") or {}).get(TURN_KEY) for event in _user_events(events))


async def _failure_said(response: aiohttp.ClientResponse) -> str:
    """ " turn.failed" when an error answer carries Relais' calm message (bot/channels/rest.py), else ""."""
    try:
        replies = await response.json(content_type=None)
    except (ValueError, aiohttp.ClientError):
        return ""
    said = isinstance(replies, list) and any(is_failure_text((reply or {}).get("text")) for reply in replies)
    return " turn.failed" if said else ""


async def send(
    http: aiohttp.ClientSession, rasa_url: str, token: str, turn: Turn, language: str, timeout_s: float
) -> Turn:
    """Send `turn` until it is served, resending only what no replica can have recorded (module docstring)."""
    started = time.monotonic()
    payload = {
        "sender": turn.sender,
        "message": turn.text,
        "metadata": {"language_hint": language, TURN_KEY: turn.index},
    }
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    for _ in range(ATTEMPTS):
        try:
            async with http.post(f"{rasa_url}/webhooks/rest/webhook", json=payload, timeout=timeout) as response:
                if response.status == 200:
                    turn.replies = list(await response.json())
                    turn.served = True
                    if any(is_failure_text(reply.get("text")) for reply in turn.replies):
                        turn.errors.append(FAILED_ANSWER)  # recorded and answered, by the calm error
                    break
                turn.errors.append(f"HTTP {response.status}{await _failure_said(response)}")
                if response.status not in RESENT_STATUSES:
                    break
        except asyncio.TimeoutError:
            turn.errors.append("timeout")
            break
        except aiohttp.ClientError as error:
            turn.errors.append(type(error).__name__)
        recorded = None
        for _ in range(ATTEMPTS):
            recorded = await _recorded(http, rasa_url, token, turn)
            if recorded is not None:
                break
            await asyncio.sleep(1)
        if recorded is None:
            turn.errors.append("tracker unreadable")
            break  # cannot tell whether it was processed: resending could answer it twice
        if recorded:
            turn.served = True
            break
        await asyncio.sleep(2 ** (len(turn.errors) - 1))
    turn.latency_s = time.monotonic() - started
    return turn


async def converse(
    http: aiohttp.ClientSession,
    rasa_url: str,
    token: str,
    sender: str,
    language: str,
    texts: Sequence[str],
    timeout_s: float,
    after_turn: Callable[[Turn], Awaitable[None]] | None = None,
) -> list[Turn]:
    """One person's conversation, each message sent once the previous one is answered (or has failed);
    `after_turn` is awaited after each turn (a fault can be injected there)."""
    turns = []
    for index, text in enumerate(texts):
        turn = await send(http, rasa_url, token, Turn(sender, index, text), language, timeout_s)
        turns.append(turn)
        if after_turn is not None:
            await after_turn(turn)
        if not turn.served:
            break  # a person whose message failed does not carry on as if it had been answered
    return turns


async def tracker_events(http: aiohttp.ClientSession, rasa_url: str, token: str, sender: str) -> list[dict[str, Any]]:
    """All events of one conversation (every session); raises aiohttp.ClientError on an error status."""
    url = f"{rasa_url}/conversations/{quote(sender, safe='')}/tracker"
    params = {"include_events": "ALL", "token": token}
    async with http.get(url, params=params, timeout=aiohttp.ClientTimeout(total=60)) as response:
        response.raise_for_status()
        return list((await response.json())["events"])


def _user_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [event for event in events if event.get("event") == "user"]


def _answers(events: list[dict[str, Any]]) -> dict[int, list[str]]:
    """The bot's messages after each user event, by turn number (text, else the custom payload's text)."""
    answers: dict[int, list[str]] = {}
    current: int | None = None
    for event in events:
        if event.get("event") == "user":
            current = (event.get("metadata") or {}).get(TURN_KEY)
            if current is not None:
                answers.setdefault(current, [])
        elif event.get("event") == "bot" and current is not None:
            answers[current].append(_bot_text(event))
    return answers


def _bot_text(event: dict[str, Any]) -> str:
    return str(event.get("text") or event.get("data", {}).get("custom", {}).get("data", {}).get("text") or "")


def audit_conversation(result: Audit, turns: list[Turn], events: list[dict[str, Any]]) -> None:
    """Add one conversation's counts to `result`."""
    sender = turns[0].sender if turns else "?"
    result.conversations += 1
    result.turns += len(turns)
    marked = [(event.get("metadata") or {}).get(TURN_KEY) for event in _user_events(events)]
    seen: list[int] = [int(index) for index in marked if index is not None]
    duplicated = len(seen) - len(set(seen))
    if duplicated:
        result.duplicated += duplicated
        result.problems.append(f"{sender}: turns recorded twice {seen}")
    if seen != sorted(seen):
        result.reordered += 1
        result.problems.append(f"{sender}: turns out of order {seen}")
    answers = _answers(events)
    for turn in turns:
        if turn.served and turn.index not in seen:
            result.lost += 1
            result.problems.append(f"{sender}: turn {turn.index} answered but not recorded")
        elif turn.index in answers and not answers[turn.index]:
            result.unanswered += 1
            result.problems.append(f"{sender}: turn {turn.index} recorded without an answer")
        elif turn.replies is not None and turn.index in answers:
            received = [
                str(reply.get("text") or reply.get("custom", {}).get("data", {}).get("text") or "")
                for reply in turn.replies
            ]
            if received != answers[turn.index]:
                result.mismatched += 1
                result.problems.append(f"{sender}: turn {turn.index} answered differently than recorded")
