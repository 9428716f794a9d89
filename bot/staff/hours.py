"""Opening hours: RELAIS_OPENING_HOURS such as "mon-fri 09:00-18:00; sat 10:00-13:00", in RELAIS_TIMEZONE.

"always" keeps the hotline open day and night.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALWAYS = "always"


def _days(spec: str) -> set[int]:
    first, _, last = spec.partition("-")
    start, end = DAYS.index(first), DAYS.index(last or first)
    return {day % 7 for day in range(start, end + 1 if end >= start else end + 8)}


def _clock(spec: str) -> time:
    hours, minutes = (int(part) for part in spec.split(":"))
    return time.max if hours == 24 else time(hours, minutes)


def parse(spec: str) -> list[tuple[set[int], time, time]]:
    """Raises ValueError on anything it cannot read, so a typo fails at start-up, not at night."""
    windows = []
    for part in filter(None, (item.strip().lower() for item in spec.split(";"))):
        try:
            days, span = part.split()
            start, end = span.split("-")
            windows.append((_days(days), _clock(start), _clock(end)))
        except ValueError as error:
            raise ValueError(f"cannot read opening hours {part!r} (e.g. 'mon-fri 09:00-18:00')") from error
    return windows


def is_open(spec: str, timezone: str, at: datetime | None = None) -> bool:
    if spec.strip().lower() == ALWAYS:
        return True
    local = (at or datetime.now(ZoneInfo(timezone))).astimezone(ZoneInfo(timezone))
    return any(local.weekday() in days and start <= local.time() < end for days, start, end in parse(spec))


def next_opening(spec: str, timezone: str, at: datetime | None = None) -> datetime | None:
    """When the team next opens after `at` (now), in RELAIS_TIMEZONE; None when it is always open or never.

    Raises ValueError as `parse` does.
    """
    if spec.strip().lower() == ALWAYS:
        return None
    zone = ZoneInfo(timezone)
    local = (at or datetime.now(zone)).astimezone(zone)
    starts = [
        datetime.combine(local.date() + timedelta(days=offset), start, zone)
        for offset in range(8)
        for days, start, _ in parse(spec)
        if (local + timedelta(days=offset)).weekday() in days
    ]
    later = [start for start in starts if start > local]
    return min(later) if later else None
