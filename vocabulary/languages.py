"""The languages Relais speaks, as ISO 639-1 codes, in the order texts are reviewed."""

from __future__ import annotations

SUPPORTED: tuple[str, ...] = ("fr", "ko", "en")


def preferred(accept_language: str) -> str:
    """The first language of an HTTP `Accept-Language` header that Relais speaks ("fr-FR,ko;q=0.8" -> "fr"),
    else English. Weights are ignored: browsers list languages in the person's order."""
    for part in accept_language.split(","):
        code = part.split(";")[0].strip().lower().split("-")[0]
        if code in SUPPORTED:
            return code
    return "en"
