"""What a person reads when a turn cannot be served: one calm message (`turn.failed`), never silence.

Rasa's channels swallow a turn's exception: the REST channel answers HTTP 200 with whatever was said
before it (often `[]`), the socket.io channel answers nothing, and the widget waits. A turn fails that
way when a shared service is out for a moment (PostgreSQL's connections cut, Redis stopped: the tracker
store or the lock store raises). `serve` runs the turn and, when it raises, says `turn.failed` through
the turn's own output channel and logs the exception's class only (its message may quote the person's
words). A failed action is the other case, handled inside Rasa (bot/rasa_server/action_failure.py) with
the same text.

The language is chosen without the tracker, which may be the very thing that is out: the conversation
language when the caller has it, else the language the person chose (metadata `language`), the
channel's hint (`language_hint`: the widget's browser language, Telegram's `language_code`), Korean
for a message in Hangul, else English.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Mapping

from content.texts import render
from vocabulary.languages import SUPPORTED

if TYPE_CHECKING:  # the texts are also read by the benches' clients, which do not load Rasa
    from rasa.core.channels.channel import UserMessage

log = logging.getLogger(__name__)

FAILED_KEY = "turn.failed"
DEFAULT_LANGUAGE = "en"
OnNewMessage = Callable[["UserMessage"], Awaitable[Any]]


def _supported(code: Any) -> str | None:
    if not isinstance(code, str):
        return None
    language = code.strip().lower().replace("_", "-").split("-")[0]
    return language if language in SUPPORTED else None


def _hangul(text: str) -> bool:
    return any("\uac00" <= character <= "\ud7a3" for character in text)


def failure_language(metadata: Mapping[str, Any] | None, text: str | None, conversation: Any = None) -> str:
    """The language of `turn.failed` for a message with `metadata` and `text` ("fr", "ko" or "en").

    `conversation` is the conversation language (the `language` slot) when known; any value that is not
    a supported code is passed over.
    """
    metadata = metadata or {}
    for candidate in (conversation, metadata.get("language"), metadata.get("language_hint")):
        language = _supported(candidate)
        if language:
            return language
    return "ko" if isinstance(text, str) and _hangul(text) else DEFAULT_LANGUAGE


def failure_text(language: str) -> str:
    """The calm message of a turn that could not be served, in `language`."""
    return render(language, FAILED_KEY)


def is_failure_text(text: Any) -> bool:
    """Whether `text` is `turn.failed` in one of the languages (for the benches' counts)."""
    return isinstance(text, str) and any(text == failure_text(language) for language in SUPPORTED)


async def serve(on_new_message: OnNewMessage, message: UserMessage) -> bool:
    """Handle `message`; True when the turn ran to its end.

    False when it raised: the person has then been sent `turn.failed` (if the output channel itself
    could take it) and the turn may or may not have been recorded; a resend is safe only once the
    tracker shows it was not. Never raises for a failure of the turn (asyncio.CancelledError passes).
    """
    try:
        await on_new_message(message)
        return True
    except Exception as error:  # noqa: BLE001  # every failure of a turn gets the same calm answer
        log.error("a turn could not be served: %s", type(error).__name__)
    language = failure_language(message.metadata, message.text)
    try:
        await message.output_channel.send_text_message(message.sender_id, failure_text(language))
    except Exception as error:  # noqa: BLE001  # the channel is out too: nothing more can be said
        log.error("the failed turn's message could not be sent either: %s", type(error).__name__)
    return False


def guarded(on_new_message: OnNewMessage) -> OnNewMessage:
    """`on_new_message` that answers `turn.failed` instead of raising (see `serve`)."""

    async def handle(message: UserMessage) -> None:
        await serve(on_new_message, message)

    return handle
