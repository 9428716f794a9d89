"""Text folding for matching people's words: case and Latin accents, offsets kept."""

from __future__ import annotations

import unicodedata


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    if len(decomposed) > 1 and all(unicodedata.combining(mark) for mark in decomposed[1:]):
        return decomposed[0]
    return char


def fold(text: str) -> str:
    """`text` (NFC-normalised first) lower-cased with Latin accents stripped one character at a time,
    so a match's character offsets in the result are its offsets in the NFC text ("Réunion" -> "reunion")."""
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", text).lower())
