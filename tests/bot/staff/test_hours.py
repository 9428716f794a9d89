from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.staff.hours import is_open, next_opening, parse

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (datetime(2026, 11, 26, 10, 0, tzinfo=PARIS), True),  # Thursday
        (datetime(2026, 11, 26, 18, 0, tzinfo=PARIS), False),
        (datetime(2026, 11, 28, 11, 0, tzinfo=PARIS), True),  # Saturday morning
        (datetime(2026, 11, 29, 11, 0, tzinfo=PARIS), False),  # Sunday
        (datetime(2026, 11, 26, 8, 30, tzinfo=ZoneInfo("UTC")), True),  # 09:30 in Paris
    ],
)
def test_opening_hours_in_the_hotline_time_zone(at: datetime, expected: bool) -> None:
    assert is_open("mon-fri 09:00-18:00; sat 10:00-13:00", "Europe/Paris", at) is expected


def test_always_and_wrapping_days() -> None:
    assert is_open("always", "Asia/Seoul")
    assert is_open("fri-mon 00:00-24:00", "Asia/Seoul", datetime(2026, 11, 29, 23, 59, tzinfo=ZoneInfo("Asia/Seoul")))


def test_a_typo_fails_loudly() -> None:
    with pytest.raises(ValueError, match="opening hours"):
        parse("weekdays 9-6")


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (datetime(2026, 11, 26, 8, 0, tzinfo=PARIS), datetime(2026, 11, 26, 9, 0, tzinfo=PARIS)),  # Thursday, early
        (datetime(2026, 11, 26, 18, 0, tzinfo=PARIS), datetime(2026, 11, 27, 9, 0, tzinfo=PARIS)),  # Thursday, after
        (datetime(2026, 11, 27, 19, 0, tzinfo=PARIS), datetime(2026, 11, 28, 10, 0, tzinfo=PARIS)),  # Friday → Saturday
        (datetime(2026, 11, 28, 14, 0, tzinfo=PARIS), datetime(2026, 11, 30, 9, 0, tzinfo=PARIS)),  # Saturday → Monday
        (datetime(2026, 11, 28, 0, 30, tzinfo=ZoneInfo("Asia/Seoul")), datetime(2026, 11, 28, 10, 0, tzinfo=PARIS)),
    ],
)
def test_the_next_opening_in_the_hotline_time_zone(at: datetime, expected: datetime) -> None:
    assert next_opening("mon-fri 09:00-18:00; sat 10:00-13:00", "Europe/Paris", at) == expected


def test_always_open_has_no_next_opening() -> None:
    assert next_opening("always", "Asia/Seoul") is None
