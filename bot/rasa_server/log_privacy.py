"""Keep victims' words out of Rasa's logs (the README promises that logs hold no message text).

Rasa 3.6 writes a message's text in two places at its default log level: the REST channel's
failure line (`rest.message.received.failure` / `.timeout`, with `text=` and, for a failure, a
traceback whose frames may quote it) and the story reader's handling of text that starts with "/"
(`message.parsing.failed` with `user_text=`, and Python warnings "Failed to parse arguments in line
'<the text>'"). `install()` keeps the event names of those lines, without anything else, and
silences those warnings (ahead of every other warning filter). It runs in the Rasa process once
Rasa has configured its logging, before the server starts (bot/rasa_server/__main__.py).
"""

from __future__ import annotations

import json
import logging
import warnings

QUOTING_LOGGERS = (
    "rasa.core.channels.rest",
    "rasa.shared.core.training_data.story_reader.yaml_story_reader",
)
"""structlog names each stdlib logger after the module that logs (structlog.stdlib.LoggerFactory)."""
QUOTING_WARNING = r"Failed to parse arguments in line"
WITHHELD = "(message text withheld)"


class WithholdText(logging.Filter):
    """Rewrites a record to its event name (structlog's JSON `event`, else the first word) and level."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        try:
            event = str(json.loads(message).get("event", ""))
        except (ValueError, AttributeError):
            event = message.split(" ", 1)[0]
        record.msg = f"{event} {WITHHELD}".strip()
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def install() -> None:
    """Attach the filter to the loggers that quote messages and ignore the quoting warnings.

    An ignored warning leaves no trace in Python's "once" registry either, which would otherwise
    keep every distinct text in memory for the life of the process.
    """
    for name in QUOTING_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, WithholdText) for f in logger.filters):
            logger.addFilter(WithholdText())
    warnings.filterwarnings("ignore", message=QUOTING_WARNING)
