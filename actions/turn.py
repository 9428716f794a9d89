"""One turn of an action: what it knows of the conversation, what it says, and the slots it changes.

Building the wire format of a bot message (text plus buttons) happens only here (`Turn.say`), and so does reading
the facts every journey needs (language, country, situation, age).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.availability import team_open
from actions.facts_in_message import told_by_someone_else
from actions.jurisdiction import OTHER, jurisdiction
from actions.menu import HUMAN, Button
from actions.message_parts import message
from content.texts import has, render


@dataclass
class Turn:
    """What an action knows and can say during one turn; slot changes are visible at once."""

    dispatcher: CollectingDispatcher
    tracker: Tracker
    language: str
    changes: Dict[str, Any] = field(default_factory=dict)
    follow_up: str | None = None
    _team_open: bool | None = None

    @property
    def team_open(self) -> bool:
        """Whether a person from the hotline can answer now (read once per turn)."""
        if self._team_open is None:
            self._team_open = team_open()
        return self._team_open

    def slot(self, name: str) -> Any:
        return self.changes[name] if name in self.changes else self.tracker.get_slot(name)

    @property
    def country(self) -> str | None:
        value = self.slot("country")
        return str(value) if value else None

    @property
    def jurisdiction(self) -> str | None:
        return jurisdiction(self.country)

    @property
    def situation(self) -> str | None:
        value = self.slot("situation")
        return str(value) if value else None

    @property
    def is_minor(self) -> bool:
        return bool(self.slot("is_minor"))

    @property
    def intent(self) -> str | None:
        return ((self.tracker.latest_message or {}).get("intent") or {}).get("name")

    def ranked(self, intents: Sequence[str], min_confidence: float) -> str | None:
        """The best of `intents` in this message's intent ranking, if confident enough.

        A first message often mixes a story and a question ("my ex posted my nudes, is it a
        crime?"); the runner-up intent tells the other half.
        """
        ranking = (self.tracker.latest_message or {}).get("intent_ranking") or []
        for candidate in ranking:
            if candidate.get("name") in intents and candidate.get("confidence", 0) >= min_confidence:
                return str(candidate["name"])
        return None

    def local_key(self, prefix: str) -> str:
        """`prefix.<jurisdiction>` (`prefix.FR`, `prefix.CA`...), or `prefix.other` for any other country."""
        return f"{prefix}.{self.jurisdiction or OTHER}"

    def text(self, key: str, **params: Any) -> str:
        return render(self.language, key, **params)

    def say(self, key: str, buttons: Sequence[Button] = (), **params: Any) -> None:
        """Say `key` with `buttons`; outside opening hours, "talk to a person" is not among them (nobody is there)."""
        if HUMAN in buttons and not self.team_open:
            buttons = [button for button in buttons if button != HUMAN]
        self.dispatcher.utter_message(
            buttons=[{"title": self.text(title), "payload": payload} for title, payload in buttons],
            **message(self.language, key, params),
        )

    def has_said(self, *keys: str) -> bool:
        """Whether this turn already said one of `keys` (its text, in the turn's language, without parameters)."""
        texts = {message(self.language, key, {})["text"] for key in keys}
        return any(sent.get("text") in texts for sent in self.dispatcher.messages)

    def set(self, slot: str, value: Any) -> None:
        self.changes[slot] = value

    def then(self, action: str) -> None:
        """Run `action` (a form, typically) right after this one, in the same turn."""
        self.follow_up = action

    @property
    def events(self) -> List[EventType]:
        events: List[EventType] = [SlotSet(name, value) for name, value in self.changes.items()]
        return events + ([FollowupAction(self.follow_up)] if self.follow_up else [])


def about_them(turn: Turn, key: str) -> str:
    """`key`, or its `.other` wording ("it is not their fault") when the person writes about someone else
    (`told_by_someone_else`) and the catalogs have one."""
    other = f"{key}.other"
    return other if has(turn.language, other) and told_by_someone_else(turn.tracker) else key
