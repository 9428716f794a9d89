"""The languages Relais speaks, as ISO 639-1 codes, in the order texts are reviewed."""

from __future__ import annotations

SUPPORTED: tuple[str, ...] = ("fr", "ko", "en")
