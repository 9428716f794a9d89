"""What the console shows of a conversation: the user and bot events of Rasa's tracker, from an index on."""

from __future__ import annotations

from typing import Any, Dict, List


def _bot_text(event: Dict[str, Any]) -> tuple[str, str]:
    custom = ((event.get("data") or {}).get("custom") or {}).get("data") or {}
    if custom.get("from") == "analyst":
        return "analyst", str(custom.get("text") or "")
    return "bot", str(event.get("text") or "")


def messages(events: List[Dict[str, Any]], since: int) -> List[Dict[str, Any]]:
    """Victim, bot and analyst lines with their tracker index, so the console asks only for newer ones."""
    lines: List[Dict[str, Any]] = []
    for index, event in enumerate(events[since:], start=since):
        kind = event.get("event")
        if kind == "user":
            lines.append(
                {"index": index, "from": "victim", "text": str(event.get("text") or ""), "at": event.get("timestamp")}
            )
        elif kind == "bot":
            author, text = _bot_text(event)
            if text:
                lines.append({"index": index, "from": author, "text": text, "at": event.get("timestamp")})
    return lines
