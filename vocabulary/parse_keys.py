"""Keys the NLU components add to a parsed message, read by the actions (Rasa's `latest_message`)."""

from __future__ import annotations

DETECTION_KEY = "language_detection"
"""The tokenizer's language detection: a dict with `language` (ISO code or None) and its evidence."""

OOD_KEY = "out_of_distribution"
"""Why a message has no usable words (`tears`, `letter`, `language`, ...), or absent."""

ANSWER_KINDS = frozenset({"letter"})
"""Out-of-distribution kinds that can still answer a form's question (`x` is read by the question's own check)."""
