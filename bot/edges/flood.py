"""Per-conversation rate limits at the edges, so Rasa never queues more than it can answer.

Rasa's lock store drops a conversation's queued messages once they have waited past the ticket
lifetime (60 s), without a log line. Each socket (widget) and each chat (Telegram) gets a leaky
bucket (aiolimiter): a burst of `messages`, then one message every `seconds / messages`. A
message over the limit is refused before Rasa sees it; the person is told to slow down (at most
once per `seconds`, so the notice cannot itself flood), and the refusal is logged, without the
message's text, and counted.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, OrderedDict
from typing import Callable

from aiolimiter import AsyncLimiter

REFUSED = Counter[str]()
"""Messages refused at an edge, by reason ("rate:widget", "rate:telegram", "unreadable:widget"...)."""

log = logging.getLogger(__name__)


def refused(reason: str) -> None:
    """Count and log one refused message (never its text)."""
    REFUSED[reason] += 1
    log.warning("edge: refused a message (%s); %d refused for this reason since start", reason, REFUSED[reason])


class Interval:
    """At most once per `seconds`. `clock` gives seconds (time.monotonic unless a test passes its own)."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._seconds = seconds
        self._clock = clock
        self._last = float("-inf")

    def due(self) -> bool:
        """True, and the period starts again, when the last True is at least `seconds` old."""
        now = self._clock()
        if now - self._last < self._seconds:
            return False
        self._last = now
        return True


class Throttle:
    """One conversation's limit, and when it was last told to slow down."""

    def __init__(self, messages: int, seconds: float) -> None:
        self._bucket = AsyncLimiter(messages, seconds)
        self._notice = Interval(seconds)

    async def admit(self) -> bool:
        """Take one message from the bucket; False when it is over the limit."""
        if not self._bucket.has_capacity():
            return False
        await self._bucket.acquire()
        return True

    def should_tell(self) -> bool:
        """True at most once per period: whether to send the slow-down notice now."""
        return self._notice.due()


class Throttles:
    """A Throttle per key (a Telegram chat), keeping the `capacity` most recently used."""

    def __init__(self, messages: int, seconds: float, capacity: int = 10_000) -> None:
        self._messages = messages
        self._seconds = seconds
        self._capacity = capacity
        self._by_key: OrderedDict[str, Throttle] = OrderedDict()

    def of(self, key: str) -> Throttle:
        throttle = self._by_key.get(key)
        if throttle is None:
            throttle = self._by_key[key] = Throttle(self._messages, self._seconds)
            while len(self._by_key) > self._capacity:
                self._by_key.popitem(last=False)
        self._by_key.move_to_end(key)
        return throttle
