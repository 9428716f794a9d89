"""Hashing, to stop the same images being posted again: StopNCII for adults, NCMEC's Take It Down for images taken
under 18 (knowledge base section 3.1 and the hashing row of the cross-cutting table, HIGH).

Said with removal (`actions/reporting.py`) and to the fear that more is posted (`actions/posted_again.py`).
"""

from __future__ import annotations

from actions.turn import Turn


def say_hashing(turn: Turn) -> None:
    """StopNCII (`removal.hash.adult`) unless the person is known to be a minor, then Take It Down
    (`removal.hash.minor`), which also serves an adult whose images were taken under 18."""
    if not turn.is_minor:
        turn.say("removal.hash.adult")
    turn.say("removal.hash.minor")
