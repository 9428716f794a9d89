from __future__ import annotations

from bot.channels.telegram_replay import ReplayGuard


def test_an_update_id_is_accepted_once() -> None:
    guard = ReplayGuard()
    assert guard.first_time(7)
    assert not guard.first_time(7)
    assert guard.first_time(8)


def test_memory_is_bounded_to_the_most_recent_ids() -> None:
    guard = ReplayGuard(capacity=3)
    for update_id in (1, 2, 3, 4):
        assert guard.first_time(update_id)
    assert len(guard._seen) == 3
    assert not guard.first_time(4)
    assert guard.first_time(1), "the oldest id was forgotten"


def test_ids_restarting_lower_are_not_refused() -> None:
    """Telegram picks new ids at random after a week without updates."""
    guard = ReplayGuard(capacity=3)
    for update_id in (500, 501, 502, 503):
        guard.first_time(update_id)
    assert guard.first_time(17)
