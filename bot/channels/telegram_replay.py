"""Refuses an update Relais has already handled, in bounded memory.

Telegram re-sends an update whose delivery it believes failed, and a captured request
could be replayed; either must not make Relais answer twice. Update ids grow by one per
update, but after a week without updates Telegram restarts them at random, so the guard
remembers recent ids instead of trusting a watermark.
"""

from __future__ import annotations

from collections import deque

CAPACITY = 10_000


class ReplayGuard:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self._order: deque[int] = deque()
        self._seen: set[int] = set()
        self._capacity = capacity

    def first_time(self, update_id: int) -> bool:
        """Remember `update_id`; False when it was already seen."""
        if update_id in self._seen:
            return False
        self._seen.add(update_id)
        self._order.append(update_id)
        if len(self._order) > self._capacity:
            self._seen.discard(self._order.popleft())
        return True
