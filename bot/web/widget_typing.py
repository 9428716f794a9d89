"""How often a widget socket's typing signal reaches the console: a bound, whatever the browser sends.

The widget sends "typing" at most once every few seconds while the person types and "stopped" when the
box empties or the message goes. A browser that sends more is not believed more: a "typing" passes at most
once per MIN_INTERVAL_S, a "stopped" only after a "typing" that passed. So one socket makes at most two
console notes per MIN_INTERVAL_S.
"""

from __future__ import annotations

import time
from typing import Callable

from bot.edges.flood import Interval

MIN_INTERVAL_S = 2.0
"""Seconds between two "typing" notes of one socket (the widget sends one every TYPING_EVERY_MS = 3 s)."""


class TypingGate:
    """One socket's gate. `clock` gives seconds (time.monotonic unless a test passes its own)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._interval = Interval(MIN_INTERVAL_S, clock)
        self._typing = False

    def admit(self, typing: bool) -> bool:
        """Whether this signal becomes a console note (and records that it did)."""
        if not typing:
            was, self._typing = self._typing, False
            return was
        if not self._interval.due():
            return False
        self._typing = True
        return True

    def sent(self) -> None:
        """The person sent a message: typing stopped with it (the console clears on the message itself)."""
        self._typing = False
