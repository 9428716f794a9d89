"""The shared shape of a guidance journey: know the jurisdiction, explain, offer next steps.

A journey asked for before the country is known is remembered in `pending_topic` and
resumed as soon as the person answers, so they never have to ask twice.
"""

from __future__ import annotations

from typing import Callable, Dict

from actions.jurisdiction import ASK_BUTTONS, OTHER
from actions.menu import MAIN_MENU
from actions.reply import Button, Turn
from actions.texts import has

SITUATIONS = ("sharing", "deepfake", "sextortion", "hidden_filming")
SITUATION_BUTTONS: tuple[Button, ...] = tuple((f"situation.{s}", f"/describe_{s}") for s in SITUATIONS)

Explainer = Callable[[Turn], None]
_JOURNEYS: Dict[str, Explainer] = {}


def journey(topic: str) -> Callable[[Explainer], Explainer]:
    """Register the explainer of a topic, so a pending topic can be resumed by name."""

    def register(explainer: Explainer) -> Explainer:
        _JOURNEYS[topic] = explainer
        return explainer

    return register


def local_key(turn: Turn, prefix: str) -> str:
    """`prefix.FR`, `prefix.KR`, a country-specific `prefix.GB` where one exists, else `prefix.other`."""
    if turn.jurisdiction and turn.jurisdiction != OTHER:
        return f"{prefix}.{turn.jurisdiction}"
    specific = f"{prefix}.{turn.country}"
    return specific if turn.country and has(turn.language, specific) else f"{prefix}.{OTHER}"


def guide(turn: Turn, topic: str, needs_situation: bool = False) -> None:
    """Explain `topic` now, or ask first for what it depends on."""
    if turn.jurisdiction is None:
        turn.set("pending_topic", topic)
        turn.say("country.ask", ASK_BUTTONS)
        return
    if needs_situation and turn.situation is None:
        turn.set("pending_topic", topic)
        turn.say("situation.ask", SITUATION_BUTTONS)
        return
    turn.set("pending_topic", None)
    _JOURNEYS[topic](turn)
    turn.say("next.prompt", MAIN_MENU)


def resume(turn: Turn) -> bool:
    """Continue the journey the person asked for before; False if there was none."""
    topic = turn.slot("pending_topic")
    if topic not in _JOURNEYS:
        return False
    guide(turn, str(topic), needs_situation=topic == "offence")
    return True
