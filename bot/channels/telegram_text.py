"""Telegram's message length limit, measured the way Telegram measures it.

Telegram counts UTF-16 code units, so an emoji counts twice; a long answer (a legal
explanation, an analyst's paragraph) is cut where a reader expects a break.
"""

from __future__ import annotations

from telegram.constants import MessageLimit

MAX_TEXT = int(MessageLimit.MAX_TEXT_LENGTH)
_BOUNDARIES = ("\n\n", "\n", " ")


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fitting_prefix(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit` UTF-16 code units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def _cut(text: str, fits: int) -> int:
    for boundary in _BOUNDARIES:
        at = text.rfind(boundary, 1, fits + len(boundary))
        if at > 0:
            return at
    return max(fits, 1)


def split(text: str, limit: int = MAX_TEXT) -> list[str]:
    """`text` as messages of at most `limit` units, cut at a paragraph, else a line, else a word."""
    chunks = []
    rest = text.strip()
    while utf16_length(rest) > limit:
        cut = _cut(rest, _fitting_prefix(rest, limit))
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks
