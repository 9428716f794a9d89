"""The one form of a message's text that the NLU pipeline works on: NFC, valid Unicode, bounded length.

Every channel's text enters Rasa's pipeline through the tokenizer, so cleaning it there protects
them all: a text decomposed by the sender's keyboard (NFD Hangul jamo, as macOS and some Android
keyboards send) is classified like the same words composed; a lone UTF-16 surrogate, which no
encoder accepts, becomes U+FFFD instead of raising in Kiwi or spaCy; and a megabyte of text
costs what MAX_CHARS costs, not minutes of language detection on Rasa's single event loop.
"""

from __future__ import annotations

import unicodedata

MAX_CHARS = 4096
"""Telegram's limit for one message, the longest any Relais channel sends (the widget allows 2,000),
so no message a person can send is ever cut."""


def clean(text: str) -> str:
    """`text` cut to MAX_CHARS characters, lone surrogates replaced by U+FFFD, then NFC-normalised.

    Cutting comes first, so the work stays bounded whatever the input, and again last, because NFC
    lengthens a few characters (U+0958 becomes two). Never raises on any `str`.
    """
    head = text[:MAX_CHARS]
    # A surrogate pair left split in a Python str is joined back; anything else unencodable becomes U+FFFD.
    valid = head.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return unicodedata.normalize("NFC", valid)[:MAX_CHARS]
