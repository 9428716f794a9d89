"""A person's typed text as Rasa must receive it: readable, and never read as a command.

Rasa reads any message whose text starts with "/" (after `str.strip`) as `/intent{entities}`,
in its last NLU step (RegexMessageHandler) and with no way to turn that off per channel. So the
edges put an invisible WORD JOINER (U+2060) before a leading "/": the text looks and reads the
same for the person, the classifier and an analyst, but Rasa never unpacks it. Buttons reach
Rasa only through `button_keys`, as payloads Relais issued.

NUL characters (refused by PostgreSQL text columns) and lone UTF-16 surrogates (which cannot be
encoded and break the tokenizer) carry nothing a person meant, so they are removed.
"""

from __future__ import annotations

import re

SLASH_GUARD = "\u2060"
_UNREADABLE = re.compile("[\x00\ud800-\udfff]")


def readable(text: str) -> str:
    """`text` without NUL characters and lone surrogates (a str holds surrogates only unpaired)."""
    return _UNREADABLE.sub("", text)


def as_typed(text: str) -> str:
    """`text` (already `readable`) as plain text for Rasa: a leading "/" can no longer name an intent."""
    stripped = text.strip()
    return SLASH_GUARD + stripped if stripped.startswith("/") else stripped
