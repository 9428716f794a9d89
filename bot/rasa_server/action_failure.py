"""A custom action that cannot run says `turn.failed` instead of nothing.

When the action server is down, times out or answers an error (an action raised), Rasa 3.6's
`RemoteAction.run` raises, and the processor logs it, drops the action's events and carries on
(`MessageProcessor._run_action`): the turn usually ends without a word, the REST channel answers `[]`
and the widget waits. Rasa has no hook there (its plugin hooks see an action's request and successful
response only), so `install` wraps `RemoteAction.run`: a failure becomes one bot message, `turn.failed`
in the conversation language (bot/channels/turn_failure.py), which every channel then delivers as it
delivers any answer and which the tracker keeps, so an analyst reading the conversation sees it too.
The action's own events are still lost, as in Rasa; a rejection (`ActionExecutionRejection`, a form's
"not me") is not a failure and passes unchanged. One turn says it once, however many actions fail,
and a failed `action_session_start` (which runs before the message is on the tracker) says nothing and
starts the session as Rasa's default action does.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, List

from rasa.core.actions.action import ActionExecutionRejection, ActionSessionStart, RemoteAction
from rasa.shared.core.constants import ACTION_SESSION_START_NAME
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from bot.channels.turn_failure import failure_language, failure_text, is_failure_text

log = logging.getLogger(__name__)

INSTALLED = "_relais_says_failures"


def _said_this_turn(tracker: DialogueStateTracker) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and is_failure_text(event.text):
            return True
    return False


def failure_events(tracker: DialogueStateTracker) -> List[Event]:
    """The events of a failed action: `turn.failed` in the conversation's language, or none when this
    turn has said it already."""
    if _said_this_turn(tracker):
        return []
    latest = tracker.latest_message
    language = failure_language(
        latest.metadata if latest else None, latest.text if latest else None, tracker.get_slot("language")
    )
    return [BotUttered(failure_text(language))]


def _described(error: Exception) -> str:
    """The failure without the person's words: Rasa's own message about the endpoint (action name, URL),
    and the class and HTTP status of its cause."""
    cause = error.__cause__
    status = getattr(cause, "status", None)
    said = str(error) if isinstance(error, RasaException) else ""
    return " ".join(
        part for part in (type(error).__name__, said, type(cause).__name__ if cause else "", str(status or "")) if part
    )


def install() -> None:
    """Wrap `RemoteAction.run` once per process (the Rasa server's plugin hook calls this)."""
    original = RemoteAction.run
    if getattr(original, INSTALLED, False):
        return

    @functools.wraps(original)
    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Event]:
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except Exception as error:  # noqa: BLE001  # Rasa's processor would swallow it into silence
            log.error("custom action %s failed: %s", self.name(), _described(error))
            if self.name() == ACTION_SESSION_START_NAME:
                # Runs before the person's message is on the tracker (no language to read yet): the session
                # starts as Rasa's default starts it, so the turn goes on, and the turn's own action says
                # turn.failed if the action server is still out. Left without a SessionStarted, a
                # conversation's later turns were recorded without any answer (seen after a restart).
                return list(await ActionSessionStart().run(output_channel, nlg, tracker, domain))
            return failure_events(tracker)

    setattr(run, INSTALLED, True)
    RemoteAction.run = run
