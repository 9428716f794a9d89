"""The structured parts of a bot message (actions/message_parts.py) as Telegram's own formatting.

Telegram shows entities, not HTML: a web address of the knowledge module becomes a `text_link`
to its https address (tappable even where Telegram would not recognise it as a link); a phone
number becomes `code`, which Telegram's apps copy with one tap (the Bot API allows no `tel:`
link), and which never reads as part of a word; the rest of a long text (`parts.more`) goes
into an `expandable_blockquote`, which the apps show folded, one tap from opening. Offsets are
counted in UTF-16 code units, as Telegram counts them, within each message a long text is cut into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, List

from telegram import MessageEntity
from telegram.constants import MessageEntityType

from bot.channels.telegram_text import utf16_length

EDGE = "0-9A-Za-z"
"""A contact is found only as a whole: "17" is not the start of "17Cyber" (Korean particles may follow)."""


@dataclass(frozen=True)
class Span:
    """One entity over text[start:end] (characters of the whole text)."""

    kind: str
    start: int
    end: int
    url: str | None = None


def _found(text: str, value: str, web: bool) -> List[tuple[int, int]]:
    edge = EDGE + "./-" if web else EDGE
    pattern = re.compile(f"(?<![{edge}]){re.escape(value)}(?![{EDGE}/-])")
    return [(match.start(), match.end()) for match in pattern.finditer(text)]


def spans(text: str, parts: Any) -> List[Span]:
    """The entities `parts` give `text`: links, numbers and the folded rest, outermost first."""
    if not isinstance(parts, dict):
        return []
    found: List[Span] = []
    more = parts.get("more")
    rest = more.get("text") if isinstance(more, dict) else None
    if isinstance(rest, str) and rest.strip() and text.endswith(rest):
        found.append(Span(MessageEntityType.EXPANDABLE_BLOCKQUOTE, len(text) - len(rest), len(text)))
    for contact in parts.get("contacts") or []:
        if not (isinstance(contact, dict) and isinstance(contact.get("text"), str) and contact["text"]):
            continue
        href = str(contact.get("href") or "")
        web = href.startswith("https://")
        if not (web or contact.get("kind") in ("tel", "sms")):
            continue
        for start, end in _found(text, contact["text"], web):
            if web:
                found.append(Span(MessageEntityType.TEXT_LINK, start, end, href))
            else:
                found.append(Span(MessageEntityType.CODE, start, end))
    return sorted(set(found), key=lambda span: (span.start, -span.end))


def entities(chunk: str, at: int, found: List[Span]) -> List[MessageEntity] | None:
    """The entities of the message `chunk`, which starts at character `at` of the whole text."""
    result: List[MessageEntity] = []
    end = at + len(chunk)
    for span in found:
        start, stop = max(span.start, at), min(span.end, end)
        whole = span.start >= at and span.end <= end
        if start >= stop or not (whole or span.kind == MessageEntityType.EXPANDABLE_BLOCKQUOTE):
            continue
        offset = utf16_length(chunk[: start - at])
        length = utf16_length(chunk[start - at : stop - at])
        result.append(MessageEntity(span.kind, offset, length, url=span.url))
    return result or None
